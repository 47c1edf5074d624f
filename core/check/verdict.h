// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audience/audience.h"
#include "common/localizedtext.h"
#include "messagefinding.h"
#include "policy/verdictlevel.h"

#include <QStringList>

#include <vector>

namespace SendGuard::Core {

// Why a verdict is what it is: the rule that decided, and the text the dialog shows for it.
struct VerdictReason
{
    QString ruleId;
    LocalizedText text;
};

// The policy's decision about one outgoing message, with everything the dialog and the audit
// trail need to explain it. Holds masked values only.
struct Verdict
{
    VerdictLevel level = VerdictLevel::Allow;
    QStringList ruleIds; // the rules at the winning level, in policy order
    std::vector<VerdictReason> reasons; // one per rule id
    std::vector<MessageFinding> findings; // everything found, exempted items included
    QStringList exemptionIds; // exemptions that took findings out of the count
    Audience audience;
};

} // namespace SendGuard::Core
