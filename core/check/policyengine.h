// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audience/audience.h"
#include "message/outgoingmessage.h"
#include "messagefinding.h"
#include "policy/policy.h"
#include "verdict.h"

#include <QDate>

#include <vector>

namespace SendGuard::Core {

// Applies a policy's rules to a message's findings and audience. A rule matches when the message
// reaches its kind of audience and at least minCount findings are of its detectors (or severity);
// the strictest matching rule wins. Findings an active exemption covers are not counted.
// Pure and deterministic: the same inputs and date give the same verdict.
class PolicyEngine
{
public:
    explicit PolicyEngine(Policy policy);

    const Policy &policy() const { return m_policy; }

    // today decides which exemptions are still in force.
    Verdict decide(const OutgoingMessage &message, std::vector<MessageFinding> findings, Audience audience,
                   const QDate &today) const;

private:
    bool applies(const Exemption &exemption, const OutgoingMessage &message, const QDate &today) const;
    static bool selects(const PolicyRule &rule, const Finding &finding);
    static bool reaches(const PolicyRule &rule, const Audience &audience);

    Policy m_policy;
};

} // namespace SendGuard::Core
