// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/outgoingmessage.h"
#include "policy/builtinpolicy.h"
#include "policy/policy.h"

namespace SendGuard::Tests {

// The built-in default policy, which the tests check reads without a diagnostic.
inline Core::Policy defaultPolicy()
{
    return *Core::BuiltInPolicy::read().policy;
}

// A message from kim.yejin to the 4,812 officials of "인천광역시 전체".
inline Core::OutgoingMessage toAllStaff(const QString &subject, const QString &body)
{
    Core::OutgoingMessage m;
    m.sender = {QStringLiteral("kim.yejin"), QString(), QStringLiteral("청라3동")};
    m.recipients = {{QStringLiteral("grp:all"), QStringLiteral("인천광역시 전체"), Core::RecipientType::Group, 4812,
                     QString(), QString()}};
    m.subject = subject;
    m.body = body;
    return m;
}

} // namespace SendGuard::Tests
