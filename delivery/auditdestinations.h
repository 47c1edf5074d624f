// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace SendGuard::Delivery {

// Where audit records go: the user's local file, the system log's socket and the machine's audit
// collector (AuditCollector). An empty path leaves that destination out.
struct AuditDestinations
{
    QString file;
    QString systemLogSocket;
    QString collectorSocket;

    // The user's data folder, /dev/log and /run/sendguard/audit.sock.
    static AuditDestinations standard();
    static QString standardCollectorSocket() { return QStringLiteral("/run/sendguard/audit.sock"); }
    static QString standardCollectorTrail() { return QStringLiteral("/var/log/sendguard/audit.jsonl"); }

    // standard(), with SENDGUARD_AUDIT_FILE and SENDGUARD_SYSLOG_SOCKET (the user's own copies),
    // and SENDGUARD_AUDIT_COLLECTOR only for a binary that is not installed (tests, evaluation,
    // a build tree; PolicyRoots::isInstalledPath): an installed plugin always reports to the
    // machine's collector.
    static AuditDestinations fromEnvironment(const QString &binaryPath);
};

} // namespace SendGuard::Delivery
