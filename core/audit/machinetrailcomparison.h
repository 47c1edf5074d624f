// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "collectedrecord.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace SendGuard::Core {

// Whether a user's local audit trail matches the machine's trail, which the root-run collector
// wrote and the user cannot change. The local trail is a hash chain, so its records link to one
// another; the collected copies carry the same links. Following them from the local records finds:
// local records the machine never received (written while the collector was unreachable, or made
// up afterwards), and records the machine received in the same chain that the local trail no
// longer holds (deleted or changed, even when the user re-chained what is left).
class MachineTrailComparison
{
public:
    struct Place
    {
        QString file;
        int line = 0; // 1-based
    };
    struct Collected
    {
        Place place; // in the machine trail
        CollectedRecord record;
    };

    struct [[nodiscard]] Result
    {
        int local = 0; // records in the local trail
        int received = 0; // of them, those the machine trail holds
        std::optional<Place> firstNotReceived;
        int missing = 0; // received in the same chain, but no longer in the local trail
        std::optional<Place> firstMissing; // in the machine trail
        QString firstMissingId; // its record's "id"
        int earlier = 0; // received before the first local record: rotated away, or cut
        int otherChains = 0; // received from the same accounts in chains the local trail is not part of
        QStringList accounts; // who sent the received ones: "name (uid N)"

        // Another chain of the same account counts against a match: a trail deleted and written
        // again from its first record looks exactly like that (a second client does too: compare
        // its trail as well).
        bool matches() const { return local == received && missing == 0 && otherChains == 0; }
    };

    // local: (file name, content) oldest first, as AuditChain::verify() takes them.
    static Result compare(const QList<std::pair<QString, QByteArray>> &local, const QList<Collected> &machine);

    // The collected records of machine trail files (oldest first); other lines are skipped.
    static QList<Collected> collected(const QList<std::pair<QString, QByteArray>> &machineFiles);
};

} // namespace SendGuard::Core
