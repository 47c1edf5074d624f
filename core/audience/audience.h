// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/outgoingmessage.h"

#include <QString>

#include <optional>
#include <vector>

namespace SendGuard::Core {

// How many people a list of recipients reaches. A group whose member count is unknown makes the
// size a lower bound: it is reported as unknown, never counted as zero.
struct AudienceSize
{
    qint64 atLeast = 0; // persons plus the known member counts
    bool exact = true; // false when some group's member count is unknown

    friend bool operator==(const AudienceSize &, const AudienceSize &) = default;
};

// Why a recipient, or the message as a whole, counts as a broadcast or external audience.
// The stable names are used in JSON ("why") and the audit trail.
enum class AudienceReason {
    BroadcastType, // "broadcast-type": its type is always a broadcast (e.g. broadcast)
    MemberThreshold, // "member-threshold": a group or channel with at least the policy's member threshold
    AllStaffName, // "all-staff-name": its name or id reads as all staff, and its size does not say otherwise
    ListedBroadcastId, // "listed-id": the policy lists its id as a broadcast audience
    AudienceThreshold, // "audience-threshold": the message as a whole reaches the audience threshold
    ExternalType, // "external-type": an external recipient
    OutsideOrganisation, // "outside-organisation": an address outside the organisation's domains
};

QString audienceReasonName(AudienceReason reason);

struct RecipientAssessment
{
    QString id;
    QString name;
    RecipientType type = RecipientType::Person;
    bool broadcast = false;
    bool external = false;
    std::optional<qint64> audience; // people it reaches; unknown for a group without member count
    std::vector<AudienceReason> why;
};

// Who would receive a message: one assessment per distinct recipient, and the totals.
struct Audience
{
    std::vector<RecipientAssessment> recipients; // in message order, repeated ids once
    AudienceSize total;
    std::optional<AudienceSize> original; // reply, reply-all and forward with known earlier recipients
    bool broadcast = false; // some recipient is a broadcast audience, or the total reaches the threshold
    bool external = false; // some recipient is external
    std::vector<AudienceReason> why; // message-level reasons (AudienceThreshold)

    // Ids of the recipients that make the message a broadcast, in message order.
    std::vector<QString> broadcastRecipientIds() const
    {
        std::vector<QString> ids;
        for (const RecipientAssessment &r : recipients) {
            if (r.broadcast)
                ids.push_back(r.id);
        }
        return ids;
    }
};

} // namespace SendGuard::Core
