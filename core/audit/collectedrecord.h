// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace SendGuard::Core {

// One record of the machine's audit trail: a line of a user's local trail as the root-run
// collector received it ("event": "collected"). The collector says who sent it (the account the
// kernel reports for the socket, not what the record claims), when, and the SHA-256 of the line,
// and keeps the record itself unchanged, its own "prev" included. The machine trail is chained in
// turn ("prev" outside "record"), and no ordinary user can write it.
struct CollectedRecord
{
    QDateTime time = QDateTime::currentDateTimeUtc(); // when the collector received it
    qint64 uid = -1;
    QString user; // the account's name, when the system knows it
    qint64 pid = 0;
    QByteArray lineHash; // AuditChain::hash() of the line as received
    QJsonObject record; // the local record, its "prev" included

    // line: one local record as written, without its newline. Empty when it is not a JSON object.
    static std::optional<CollectedRecord> fromLine(const QByteArray &line, qint64 uid, const QString &user, qint64 pid);
    // Read back from the machine trail; empty when object is not a collected record.
    static std::optional<CollectedRecord> fromJson(const QJsonObject &object);

    QJsonObject toJson() const;
    // The "prev" of the local record: the line it follows in its own trail.
    QByteArray localPrev() const;
};

} // namespace SendGuard::Core
