// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace SendGuard::Delivery {

// How many audit records the system log and the machine's collector never got, kept beside the
// user's local trail (forwarding.json) so that `sendguard policy status` can say so: the plugin
// drops a record only when a queue is full or the socket refuses it for good, and the local file
// always has it. Counts from every process of the user add up.
struct ForwardingStatus
{
    quint64 systemLogDropped = 0;
    quint64 collectorDropped = 0;
    QDateTime lastDrop;

    // forwarding.json in the folder of the local audit file auditFilePath.
    static QString pathFor(const QString &auditFilePath);
    // The counts kept at path; empty when nothing was ever dropped (no file) or it is unreadable.
    static std::optional<ForwardingStatus> read(const QString &path);
    // Adds the drops to those kept at path (written without following links). False when it cannot.
    static bool addDrops(const QString &path, quint64 systemLog, quint64 collector);
};

} // namespace SendGuard::Delivery
