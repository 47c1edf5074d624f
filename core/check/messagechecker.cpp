// SPDX-License-Identifier: GPL-2.0-or-later
#include "messagechecker.h"

#include "policy/policydetectors.h"

namespace SendGuard::Core {

namespace {

// Every part of a send-time check scans within a budget: a pattern that runs away is "could not
// check" (the failure mode decides), never a host that hangs.
Scanner::Options withBudget(Scanner::Options options)
{
    if (options.timeBudgetMs == 0)
        options.timeBudgetMs = MessageChecker::ScanBudgetMs;
    return options;
}

} // namespace

MessageChecker::MessageChecker(Policy policy, Scanner::Options scannerOptions)
    : m_scanner(PolicyDetectors::detectorsFor(policy), withBudget(scannerOptions))
    , m_messageScanner(m_scanner, policy.allowList)
    , m_masker(m_messageScanner)
    , m_classifier(policy.audience)
    , m_engine(std::move(policy))
{
}

MessageChecker::Result MessageChecker::check(const OutgoingMessage &message,
                                             const std::vector<AttachmentText> &attachments, const QDate &today) const
{
    Result result;
    MessageScanner::Result scan = m_messageScanner.scan(message, attachments);
    result.notScanned = std::move(scan.notScanned);
    result.names = std::move(scan.names);
    Audience audience = m_classifier.classify(message);
    if (!scan.complete) {
        result.complete = false;
        result.error = scan.error;
        result.verdict.audience = std::move(audience); // who it would have reached, for the failure dialog
        return result;
    }
    result.verdict = m_engine.decide(message, std::move(scan.findings), std::move(audience), today);
    return result;
}

} // namespace SendGuard::Core
