// SPDX-License-Identifier: GPL-2.0-or-later
#include "audience.h"

namespace SendGuard::Core {

QString audienceReasonName(AudienceReason reason)
{
    switch (reason) {
    case AudienceReason::BroadcastType:
        return QStringLiteral("broadcast-type");
    case AudienceReason::MemberThreshold:
        return QStringLiteral("member-threshold");
    case AudienceReason::AllStaffName:
        return QStringLiteral("all-staff-name");
    case AudienceReason::ListedBroadcastId:
        return QStringLiteral("listed-id");
    case AudienceReason::AudienceThreshold:
        return QStringLiteral("audience-threshold");
    case AudienceReason::ExternalType:
        return QStringLiteral("external-type");
    case AudienceReason::OutsideOrganisation:
        return QStringLiteral("outside-organisation");
    }
    return {};
}

} // namespace SendGuard::Core
