// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditdestinations.h"

#include "auditlog.h"
#include "policyroots.h"
#include "systemlog.h"

namespace SendGuard::Delivery {

AuditDestinations AuditDestinations::standard()
{
    return {AuditLog::standardFilePath(), SystemLog::standardSocketPath(), standardCollectorSocket()};
}

AuditDestinations AuditDestinations::fromEnvironment(const QString &binaryPath)
{
    AuditDestinations destinations = standard();
    const auto follow = [](const char *name, QString &path) {
        if (qEnvironmentVariableIsSet(name))
            path = qEnvironmentVariable(name);
    };
    // The local file and the system log are copies in the user's hands anyway (they own the
    // file and the process); the machine trail is the one that counts, and what a user kept
    // from it shows in `audit verify --against`.
    follow("SENDGUARD_AUDIT_FILE", destinations.file);
    follow("SENDGUARD_SYSLOG_SOCKET", destinations.systemLogSocket);
    if (!PolicyRoots::isInstalledPath(binaryPath))
        follow("SENDGUARD_AUDIT_COLLECTOR", destinations.collectorSocket);
    return destinations;
}

} // namespace SendGuard::Delivery
