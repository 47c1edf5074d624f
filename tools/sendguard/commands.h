// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStringList>

// The sub-commands of `sendguard`. Each takes its own argument list (the first element names the
// command, as argv[0] would) and returns the process exit code.
namespace SendGuard::Tools {

// Exit codes shared by the commands (docs/architecture.md).
enum ExitCode {
    ExitClean = 0,
    ExitFound = 1,
    ExitUsageOrInput = 2,
    ExitIncomplete = 3,
    // sendguard check: the verdict
    ExitAllow = 0,
    ExitWarn = 10,
    ExitJustify = 11,
    ExitBlock = 12,
};

int runScan(const QStringList &arguments);
int runRedact(const QStringList &arguments);
int runDetectors(const QStringList &arguments);
int runCheck(const QStringList &arguments);
int runPolicy(const QStringList &arguments); // lint, show, schema, verify, status
int runPolicyVerify(const QStringList &arguments);
int runPolicyStatus(const QStringList &arguments);
int runPolicyFetch(const QStringList &arguments);
int runAudit(const QStringList &arguments); // verify, collect, report
int runAuditReport(const QStringList &arguments);
int runExtract(const QStringList &arguments);

} // namespace SendGuard::Tools
