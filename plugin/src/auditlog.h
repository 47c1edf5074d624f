// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace SendGuard::Plugin {

// The local audit trail: one JSON object per line, each carrying in "prev" the SHA-256 (hex) of
// the line before it, so that a deleted, inserted or altered record breaks the chain. The first
// record of a file has 64 zeros. Appends only; never reads or writes message content.
class AuditLog
{
public:
    explicit AuditLog(QString filePath);

    // $SENDGUARD_AUDIT_FILE when set (tests, and hosts that keep their own data elsewhere);
    // otherwise sendguard/audit.jsonl in the user's data directory.
    static QString defaultFilePath();

    QString filePath() const { return m_filePath; }

    // Adds "prev" to record and appends it as one line. False when the file cannot be written;
    // errorString() says why. A failure never stops a send: the caller logs it and goes on.
    [[nodiscard]] bool append(QJsonObject record);
    QString errorString() const { return m_error; }

    // The SHA-256 (hex) a record after this line carries in "prev".
    static QByteArray chainHash(const QByteArray &line);

private:
    QByteArray lastLineHash();

    QString m_filePath;
    QString m_error;
};

} // namespace SendGuard::Plugin
