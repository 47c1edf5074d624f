// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditcollectorclient.h"
#include "auditdestinations.h"
#include "auditlog.h"
#include "systemlog.h"

#include "policy/policy.h"

#include <QJsonObject>

namespace SendGuard::Delivery {

// Where audit records go: the local, hash-chained file (always first, so nothing is lost), the
// machine's audit collector (the copy the user cannot rewrite: each local line as written) and
// the system log, as the policy's audit settings say. None can stop a send: a failure is
// reported in one log line without content, and what could not be sent waits in a queue.
class AuditTrail
{
public:
    explicit AuditTrail(const AuditDestinations &destinations = AuditDestinations::standard());

    void configure(const Core::AuditSettings &settings);
    const Core::AuditSettings &settings() const { return m_settings; }
    QString filePath() const { return m_file.filePath(); }

    // Writes record unless auditing is off; drops the justification when the policy says so.
    void record(QJsonObject record);

private:
    // Adds what the queues dropped since the last time to ForwardingStatus, for `policy status`.
    void keepDropCounts();

    AuditDestinations m_destinations;
    Core::AuditSettings m_settings;
    AuditLog m_file;
    AuditCollectorClient m_collector;
    SystemLog m_systemLog;
    quint64 m_systemLogDroppedKept = 0;
    quint64 m_collectorDroppedKept = 0;
};

} // namespace SendGuard::Delivery
