// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>

#include <optional>

namespace SendGuard::Core {

// A SendGuard record as the system journal keeps it (`journalctl -o json`, one object per line, as
// a SIEM exports it): the structured data SystemLog sent ([sendguard@32473 ...], in
// SYSLOG_STRUCTURED_DATA or still inside MESSAGE), with the journal's own host (_HOSTNAME) and time
// (__REALTIME_TIMESTAMP). The system log's copy has no whole record to hash, so its chain cannot
// be checked: `sendguard audit report` counts these records apart, as not verified.
class JournalRecord
{
public:
    // True when entry looks like a journal entry rather than an audit record.
    static bool isJournalEntry(const QJsonObject &entry);
    // The record, in the audit record's form (docs/architecture.md, 4.6); empty when entry holds
    // no SendGuard structured data.
    static std::optional<QJsonObject> fromJournal(const QJsonObject &entry);
};

} // namespace SendGuard::Core
