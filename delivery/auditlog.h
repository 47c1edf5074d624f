// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace SendGuard::Delivery {

// The local audit trail: one JSON object per line, chained by Core::AuditChain ("prev" holds the
// SHA-256 of the line before). Rotated by size: audit.jsonl becomes audit.jsonl.1 (and .1 .2, up
// to Keep files), and the chain continues into the new file. Appends only; holds no message text.
class AuditLog
{
public:
    static constexpr int Keep = 5; // rotated files kept besides the current one
    // The longest line append() writes; records from core/audit stay far below it.
    static constexpr qint64 MaxRecordBytes = 256 * 1024;

    explicit AuditLog(QString filePath, qint64 maxFileBytes = 10 << 20);

    // sendguard/audit.jsonl in the user's data folder.
    static QString standardFilePath();

    QString filePath() const { return m_filePath; }
    void setMaxFileBytes(qint64 bytes) { m_maxFileBytes = bytes; }

    // Adds "prev" to record and appends it as one line, rotating first when the file would grow
    // past the limit. False when it cannot be written; errorString() says why. written, when
    // given, receives the line (without its newline) whether or not it could be written.
    [[nodiscard]] bool append(QJsonObject record, QByteArray *written = nullptr);
    QString errorString() const { return m_error; }

    // The files of the trail, oldest first: the rotated ones that exist, then the current one.
    static QStringList files(const QString &filePath);

private:
    QByteArray lastLineHash(int folder) const;
    bool rotate(int folder);

    QString m_filePath;
    qint64 m_maxFileBytes;
    QString m_error;
};

} // namespace SendGuard::Delivery
