// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audience.h"
#include "message/outgoingmessage.h"
#include "policy/policy.h"

#include <QString>

#include <vector>

namespace SendGuard::Core {

// Decides who a message would reach: for each recipient, whether it is a broadcast audience
// (by type, member count, an all-staff name, or the policy's list) or external (by type or by an
// address outside the organisation), and the total audience with each person counted once.
// Pure; linear in the number of recipients.
class RecipientClassifier
{
public:
    explicit RecipientClassifier(AudienceSettings settings);

    Audience classify(const OutgoingMessage &message) const;

    // The size of a recipient list on its own (persons once, groups by member count).
    AudienceSize sizeOf(const std::vector<MessageRecipient> &recipients) const;

    // Lowercase, with runs of spaces, '-', '_' and '.' as one space: "All-Staff" reads as "all staff".
    static QString foldName(QStringView name);

private:
    RecipientAssessment assess(const MessageRecipient &recipient) const;
    bool readsAsAllStaff(const MessageRecipient &recipient) const;
    bool isOutsideOrganisation(const MessageRecipient &recipient) const;

    AudienceSettings m_settings;
    QStringList m_foldedNamePatterns;
};

} // namespace SendGuard::Core
