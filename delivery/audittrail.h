// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditlog.h"
#include "systemlog.h"

#include "policy/policy.h"

#include <QJsonObject>

namespace SendGuard::Delivery {

// Where audit records go: the local, hash-chained file (always first, so nothing is lost) and
// the system log, as the policy's audit settings say. Neither can stop a send: a failure is
// reported in one log line without content, and syslog forwarding queues what it could not send.
class AuditTrail
{
public:
    explicit AuditTrail(QString filePath = AuditLog::defaultFilePath(),
                        QString socketPath = SystemLog::defaultSocketPath());

    void configure(const Core::AuditSettings &settings);
    const Core::AuditSettings &settings() const { return m_settings; }
    QString filePath() const { return m_file.filePath(); }

    // Writes record unless auditing is off; drops the justification when the policy says so.
    void record(QJsonObject record);

private:
    Core::AuditSettings m_settings;
    AuditLog m_file;
    SystemLog m_systemLog;
};

} // namespace SendGuard::Delivery
