// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditlog.h"

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

// The last line of a file; empty when it has none.
QByteArray lastLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return {};
    // Records are short: the last one is within the last 64 KiB.
    const qint64 tail = qMin<qint64>(file.size(), 64 * 1024);
    file.seek(file.size() - tail);
    QByteArray bytes = file.read(tail);
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    return bytes.mid(bytes.lastIndexOf('\n') + 1);
}

} // namespace

AuditLog::AuditLog(QString filePath, qint64 maxFileBytes)
    : m_filePath(std::move(filePath))
    , m_maxFileBytes(maxFileBytes)
{
}

QString AuditLog::defaultFilePath()
{
    const QString overridden = qEnvironmentVariable("SENDGUARD_AUDIT_FILE");
    if (!overridden.isEmpty())
        return overridden;
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

QByteArray AuditLog::lastLineHash() const
{
    // Right after a rotation the current file is empty: the chain goes on from the rotated one.
    for (const QString &path : {m_filePath, rotated(m_filePath, 1)}) {
        const QByteArray line = lastLine(path);
        if (!line.isEmpty())
            return Core::AuditChain::hash(line);
    }
    return Core::AuditChain::genesis();
}

bool AuditLog::rotate()
{
    QFile::remove(rotated(m_filePath, Keep));
    for (int i = Keep - 1; i >= 1; --i) {
        if (QFile::exists(rotated(m_filePath, i)) && !QFile::rename(rotated(m_filePath, i), rotated(m_filePath, i + 1)))
            return false;
    }
    return QFile::rename(m_filePath, rotated(m_filePath, 1));
}

bool AuditLog::append(QJsonObject record)
{
    if (!QDir().mkpath(QFileInfo(m_filePath).absolutePath())) {
        m_error = QStringLiteral("cannot create the folder of %1").arg(m_filePath);
        return false;
    }
    record.insert(QStringLiteral("prev"), QString::fromLatin1(lastLineHash()));
    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    const qint64 size = QFileInfo(m_filePath).size();
    if (size > 0 && size + line.size() > m_maxFileBytes && !rotate()) {
        m_error = QStringLiteral("cannot rotate %1").arg(m_filePath);
        return false;
    }
    QFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_error = QStringLiteral("cannot open %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    if (file.write(line) != line.size() || !file.flush()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

} // namespace SendGuard::Delivery
