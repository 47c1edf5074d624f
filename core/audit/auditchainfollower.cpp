// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditchainfollower.h"

#include "auditchain.h"

namespace SendGuard::Core {

AuditChainFollower::AuditChainFollower(bool continuesEarlier)
{
    if (!continuesEarlier)
        m_expected = AuditChain::genesis();
}

std::optional<QString> AuditChainFollower::follow(QByteArrayView line, QByteArrayView prev)
{
    if (m_broken)
        return QStringLiteral("after a break in the chain");
    if (m_expected && prev != QByteArrayView(*m_expected)) {
        m_broken = true;
        return QStringLiteral(
            "\"prev\" does not match the record before it: a record was deleted, inserted or changed");
    }
    m_expected = AuditChain::hash(line);
    return std::nullopt;
}

} // namespace SendGuard::Core
