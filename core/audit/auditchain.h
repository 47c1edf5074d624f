// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace SendGuard::Core {

// The hash chain of the audit trail: every record (one JSON object per line) carries in "prev"
// the SHA-256 (hex) of the line before it; the first record of the first file carries 64 zeros.
// Rotation continues the chain into the next file, so deleting, inserting or changing any record
// breaks it at the record after.
class AuditChain
{
public:
    static QByteArray genesis() { return QByteArray(64, '0'); }
    // What the record after line carries in "prev".
    static QByteArray hash(QByteArrayView line);

    struct Break
    {
        QString file;
        int line = 0; // 1-based
        QString problem;
    };
    struct [[nodiscard]] Result
    {
        int records = 0;
        std::optional<Break> firstBreak;
    };

    // files: (name, content), oldest first. continuesEarlier: the first file follows files that
    // rotation has since deleted, so its first "prev" cannot be checked.
    static Result verify(const QList<std::pair<QString, QByteArray>> &files, bool continuesEarlier = false);
};

} // namespace SendGuard::Core
