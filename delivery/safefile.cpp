// SPDX-License-Identifier: GPL-2.0-or-later
#include "safefile.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SendGuard::Delivery {

using Descriptor = SafeFile::Descriptor;

namespace {

bool fail(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return false;
}

QString systemError()
{
    return qt_error_string(errno);
}

// What may hold SendGuard's files: for root, root's and writable by no one else (on the way, a
// sticky folder like /tmp is fine); for a user, theirs or root's.
bool acceptable(const struct stat &status, const QString &path, bool last, QString *error)
{
    const uid_t self = ::geteuid();
    if (status.st_uid != 0 && status.st_uid != self)
        return fail(
            error,
            QStringLiteral("%1 belongs to another user (uid %2): refused").arg(path, QString::number(status.st_uid)));
    if (self == 0 && (status.st_mode & (S_IWGRP | S_IWOTH)) && (last || !(status.st_mode & S_ISVTX)))
        return fail(error, QStringLiteral("%1 can be written by others: refused as root").arg(path));
    return true;
}

} // namespace

void SafeFile::Descriptor::reset(int fd)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

int SafeFile::openFolder(const QString &path, QString *error)
{
    const QString absolute = QDir::cleanPath(QDir(path).absolutePath());
    const QStringList parts = absolute.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Descriptor folder(::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0)
        return fail(error, QStringLiteral("cannot open /: %1").arg(systemError())), -1;
    QString walked;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        walked += QLatin1Char('/') + parts[i];
        const QByteArray name = QFile::encodeName(parts[i]);
        int next = ::openat(folder.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT) {
            if (::mkdirat(folder.get(), name.constData(), 0755) != 0 && errno != EEXIST)
                return fail(error, QStringLiteral("cannot create %1: %2").arg(walked, systemError())), -1;
            next = ::openat(folder.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            const bool link = errno == ELOOP || errno == ENOTDIR;
            // A user's own path may pass through links above the folder (a home on another disk);
            // root's may not, and the folder itself may never be one.
            if (!(link && ::geteuid() != 0 && i + 1 < parts.size()))
                return fail(error,
                            link ? QStringLiteral("%1 is a symbolic link or not a folder: refused").arg(walked)
                                 : QStringLiteral("cannot open %1: %2").arg(walked, systemError())),
                       -1;
            next = ::openat(folder.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (next < 0)
                return fail(error, QStringLiteral("cannot open %1: %2").arg(walked, systemError())), -1;
        }
        folder.reset(next);
        struct stat status
        {
        };
        if (::fstat(folder.get(), &status) != 0)
            return fail(error, QStringLiteral("cannot open %1: %2").arg(walked, systemError())), -1;
        const bool last = i + 1 == parts.size();
        // Above the folder a user's path runs through folders of others (/, /home): only root's is checked.
        if ((last || ::geteuid() == 0) && !acceptable(status, walked, last, error))
            return -1;
    }
    return folder.release();
}

bool SafeFile::writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    const QFileInfo info(path);
    Descriptor folder(openFolder(info.absolutePath(), error));
    if (folder.get() < 0)
        return false;
    const QByteArray name = QFile::encodeName(info.fileName());
    const QByteArray temporary =
        '.' + name + '.' + QByteArray::number(QRandomGenerator::system()->generate64(), 16) + ".new";
    Descriptor file(::openat(folder.get(), temporary.constData(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0644));
    if (file.get() < 0)
        return fail(error, QStringLiteral("cannot create a file beside %1: %2").arg(path, systemError()));
    const auto discard = [&](const QString &why) {
        ::unlinkat(folder.get(), temporary.constData(), 0);
        return fail(error, why);
    };
    for (qsizetype written = 0; written < bytes.size();) {
        const ssize_t n = ::write(file.get(), bytes.constData() + written, std::size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return discard(QStringLiteral("cannot write %1: %2").arg(path, systemError()));
        written += n;
    }
    if (::fsync(file.get()) != 0)
        return discard(QStringLiteral("cannot write %1: %2").arg(path, systemError()));
    file.reset(-1);
    if (::renameat(folder.get(), temporary.constData(), folder.get(), name.constData()) != 0)
        return discard(QStringLiteral("cannot replace %1: %2").arg(path, systemError()));
    return true;
}

bool SafeFile::openForAppend(const QString &path, QFile &file, QString *error)
{
    const QFileInfo info(path);
    Descriptor folder(openFolder(info.absolutePath(), error));
    return folder.get() >= 0 &&
        openAt(folder.get(), info.fileName(), QIODevice::WriteOnly | QIODevice::Append, file, error);
}

bool SafeFile::openAt(int folder, const QString &name, QIODevice::OpenMode mode, QFile &file, QString *error)
{
    const bool append = mode.testFlag(QIODevice::WriteOnly);
    const int flags = (append ? O_WRONLY | O_APPEND | O_CREAT : O_RDONLY) | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC;
    Descriptor fd(::openat(folder, QFile::encodeName(name).constData(), flags, 0600));
    if (fd.get() < 0)
        return fail(error,
                    errno == ELOOP ? QStringLiteral("%1 is a symbolic link: refused").arg(name)
                                   : QStringLiteral("cannot open %1: %2").arg(name, systemError()));
    struct stat status
    {
    };
    if (::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode))
        return fail(error, QStringLiteral("%1 is not a regular file: refused").arg(name));
    // Appending: only to a file of one's own (another user's, in a shared folder, is not ours).
    if (append && status.st_uid != ::geteuid())
        return fail(error, QStringLiteral("%1 belongs to another user: refused").arg(name));
    if (!file.open(fd.get(), mode, QFileDevice::AutoCloseHandle))
        return fail(error, QStringLiteral("cannot open %1: %2").arg(name, file.errorString()));
    fd.release();
    return true;
}

qint64 SafeFile::sizeAt(int folder, const QString &name)
{
    struct stat status
    {
    };
    if (::fstatat(folder, QFile::encodeName(name).constData(), &status, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(status.st_mode))
        return -1;
    return status.st_size;
}

bool SafeFile::renameAt(int folder, const QString &from, const QString &to)
{
    return ::renameat(folder, QFile::encodeName(from).constData(), folder, QFile::encodeName(to).constData()) == 0 ||
        errno == ENOENT;
}

bool SafeFile::removeAt(int folder, const QString &name)
{
    return ::unlinkat(folder, QFile::encodeName(name).constData(), 0) == 0 || errno == ENOENT;
}

} // namespace SendGuard::Delivery
