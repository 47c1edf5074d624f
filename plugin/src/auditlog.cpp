// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace SendGuard::Plugin {

AuditLog::AuditLog(QString filePath)
    : m_filePath(std::move(filePath))
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

QByteArray AuditLog::chainHash(const QByteArray &line)
{
    return QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex();
}

QByteArray AuditLog::lastLineHash()
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return QByteArray(64, '0');
    // Records are short: the last one is within the last 64 KiB.
    const qint64 tail = qMin<qint64>(file.size(), 64 * 1024);
    file.seek(file.size() - tail);
    QByteArray bytes = file.read(tail);
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    return chainHash(bytes.mid(bytes.lastIndexOf('\n') + 1));
}

bool AuditLog::append(QJsonObject record)
{
    if (!QDir().mkpath(QFileInfo(m_filePath).absolutePath())) {
        m_error = QStringLiteral("cannot create the folder of %1").arg(m_filePath);
        return false;
    }
    record.insert(QStringLiteral("prev"), QString::fromLatin1(lastLineHash()));
    QFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_error = QStringLiteral("cannot open %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !file.flush()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

} // namespace SendGuard::Plugin
