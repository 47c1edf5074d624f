// SPDX-License-Identifier: GPL-2.0-or-later
#include "policyengine.h"

#include <algorithm>

namespace SendGuard::Core {

PolicyEngine::PolicyEngine(Policy policy)
    : m_policy(std::move(policy))
{
}

bool PolicyEngine::applies(const Exemption &exemption, const OutgoingMessage &message, const QDate &today) const
{
    if (!exemption.expires.isValid() || exemption.expires < today)
        return false;
    const bool senderMatches =
        (!exemption.sender.isEmpty() && exemption.sender.compare(message.sender.id, Qt::CaseInsensitive) == 0) ||
        (!exemption.department.isEmpty() && exemption.department == message.sender.department);
    if (!senderMatches || message.recipients.empty())
        return false;
    // Only for the recipients it names: the same roster to anyone else is checked as usual.
    return std::all_of(message.recipients.begin(), message.recipients.end(), [&](const MessageRecipient &recipient) {
        return exemption.recipients.contains(recipient.id, Qt::CaseInsensitive);
    });
}

bool PolicyEngine::selects(const PolicyRule &rule, const Finding &finding)
{
    if (rule.minimumSeverity)
        return finding.severity >= *rule.minimumSeverity;
    return rule.detectors.contains(finding.detector);
}

bool PolicyEngine::reaches(const PolicyRule &rule, const Audience &audience)
{
    switch (rule.audience) {
    case AudienceKind::Broadcast:
        return audience.broadcast;
    case AudienceKind::External:
        return audience.external;
    case AudienceKind::Any:
        return true;
    }
    return false;
}

Verdict PolicyEngine::decide(const OutgoingMessage &message, std::vector<MessageFinding> findings, Audience audience,
                             const QDate &today) const
{
    Verdict verdict;
    QStringList exempted; // detector ids taken out of the count
    for (const Exemption &exemption : m_policy.exemptions) {
        if (!applies(exemption, message, today))
            continue;
        const bool used = std::any_of(findings.begin(), findings.end(), [&](const MessageFinding &f) {
            return exemption.detectors.contains(f.finding.detector);
        });
        if (used) {
            verdict.exemptionIds.append(exemption.id);
            exempted.append(exemption.detectors);
        }
    }

    std::vector<const PolicyRule *> matched;
    for (const PolicyRule &rule : m_policy.rules) {
        if (!reaches(rule, audience))
            continue;
        const auto count = std::count_if(findings.begin(), findings.end(), [&](const MessageFinding &f) {
            return selects(rule, f.finding) && !exempted.contains(f.finding.detector);
        });
        if (count >= rule.minCount)
            matched.push_back(&rule);
    }
    for (const PolicyRule *rule : matched)
        verdict.level = std::max(verdict.level, rule->verdict);
    for (const PolicyRule *rule : matched) {
        if (rule->verdict != verdict.level || verdict.level == VerdictLevel::Allow)
            continue;
        verdict.ruleIds.append(rule->id);
        verdict.reasons.push_back({rule->id, rule->reason});
    }
    verdict.findings = std::move(findings);
    verdict.audience = std::move(audience);
    return verdict;
}

} // namespace SendGuard::Core
