// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditlog.h"

#include "safefile.h"

#include "audit/auditchain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace SendGuard::Delivery {

namespace {

QString rotated(const QString &filePath, int index)
{
    return filePath + QLatin1Char('.') + QString::number(index);
}

// The last line of a file in folder, whole: the chain hashes what was written. Read backwards
// until the line before it ends, never more than a record can hold (a longer line is not ours:
// its hash will not match, and `audit verify` says where).
QByteArray lastLine(int folder, const QString &name)
{
    QFile file;
    if (!SafeFile::openAt(folder, name, QIODevice::ReadOnly, file) || file.size() == 0)
        return {};
    const qint64 size = file.size();
    const qint64 limit = qMin(size, AuditLog::MaxRecordBytes + 1);
    QByteArray tail;
    for (qint64 read = 0; read < limit;) {
        const qint64 block = qMin<qint64>(64 * 1024, limit - read);
        read += block;
        if (!file.seek(size - read))
            return {};
        tail.prepend(file.read(block));
        const qsizetype end = tail.endsWith('\n') ? tail.size() - 1 : tail.size();
        const qsizetype start = tail.lastIndexOf('\n', end - 1);
        if (start >= 0 || read == size)
            return tail.mid(start + 1, end - start - 1);
    }
    return tail.endsWith('\n') ? tail.chopped(1) : tail;
}

} // namespace

AuditLog::AuditLog(QString filePath, qint64 maxFileBytes)
    : m_filePath(std::move(filePath))
    , m_maxFileBytes(maxFileBytes)
{
}

QString AuditLog::standardFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
        QLatin1String("/sendguard/audit.jsonl");
}

QStringList AuditLog::files(const QString &filePath)
{
    QStringList result;
    for (int i = Keep; i >= 1; --i) {
        if (QFile::exists(rotated(filePath, i)))
            result.append(rotated(filePath, i));
    }
    if (QFile::exists(filePath))
        result.append(filePath);
    return result;
}

QByteArray AuditLog::lastLineHash(int folder) const
{
    // Right after a rotation the current file is empty: the chain goes on from the rotated one.
    const QString name = QFileInfo(m_filePath).fileName();
    for (const QString &file : {name, rotated(name, 1)}) {
        const QByteArray line = lastLine(folder, file);
        if (!line.isEmpty())
            return Core::AuditChain::hash(line);
    }
    return Core::AuditChain::genesis();
}

bool AuditLog::rotate(int folder)
{
    // Renames and removals inside the folder opened once: none goes through a link.
    const QString name = QFileInfo(m_filePath).fileName();
    if (!SafeFile::removeAt(folder, rotated(name, Keep)))
        return false;
    for (int i = Keep - 1; i >= 1; --i) {
        if (!SafeFile::renameAt(folder, rotated(name, i), rotated(name, i + 1)))
            return false;
    }
    return SafeFile::renameAt(folder, name, rotated(name, 1));
}

bool AuditLog::append(QJsonObject record, QByteArray *written)
{
    if (written) // unchained until the file says what it follows
        *written = QJsonDocument(record).toJson(QJsonDocument::Compact);
    // The folder opened once for everything done in it, so that nothing goes through a link.
    const SafeFile::Descriptor folder(SafeFile::openFolder(QFileInfo(m_filePath).absolutePath(), &m_error));
    if (folder.get() < 0)
        return false;
    const QString name = QFileInfo(m_filePath).fileName();
    record.insert(QStringLiteral("prev"), QString::fromLatin1(lastLineHash(folder.get())));
    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    if (written)
        *written = line.chopped(1);
    if (line.size() > MaxRecordBytes) {
        m_error = QStringLiteral("a record of %1 bytes is longer than %2")
                      .arg(QString::number(line.size()), QString::number(MaxRecordBytes));
        return false;
    }
    const qint64 size = SafeFile::sizeAt(folder.get(), name);
    if (size > 0 && size + line.size() > m_maxFileBytes && !rotate(folder.get())) {
        m_error = QStringLiteral("cannot rotate %1").arg(m_filePath);
        return false;
    }
    QFile file; // never through a link: the folder may be one a user prepared for root
    if (!SafeFile::openAt(folder.get(), name, QIODevice::WriteOnly | QIODevice::Append, file, &m_error))
        return false;
    if (file.write(line) != line.size() || !file.flush()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

} // namespace SendGuard::Delivery
