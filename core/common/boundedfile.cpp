// SPDX-License-Identifier: GPL-2.0-or-later
#include "boundedfile.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SendGuard::Core {

BoundedFile BoundedFile::read(const QString &path, qint64 maxBytes, const std::atomic_bool *cancel)
{
    BoundedFile result;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on what was opened.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        result.error = qt_error_string(errno);
        return result;
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        result.error = file.errorString();
        return result;
    }
    struct stat status
    {
    };
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        result.status = Status::NotRegular;
        return result;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    constexpr qint64 Block = 1 << 20;
    for (;;) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            result.status = Status::Cancelled;
            result.bytes.clear();
            return result;
        }
        const QByteArray block = file.read(std::min(Block, maxBytes + 1 - result.bytes.size()));
        if (block.isEmpty())
            break;
        result.bytes += block;
        if (result.bytes.size() > maxBytes) {
            result.status = Status::TooLarge;
            result.bytes.clear();
            return result;
        }
    }
    if (file.error() != QFileDevice::NoError) {
        result.status = Status::ReadError;
        result.error = file.errorString();
        result.bytes.clear();
        return result;
    }
    result.status = Status::Read;
    return result;
}

} // namespace SendGuard::Core
