// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/outgoingmessage.h"
#include "sendguard/message.h"

#include <vector>

namespace SendGuard::Plugin {

// Between the host's Message (the stable public value type) and core's OutgoingMessage.
class MessageConversion
{
public:
    static Core::OutgoingMessage toCore(const Message &message);

    // message with the subject, body and attachments of masked (attachments whose text was
    // masked come back as data).
    static Message withMaskedContent(const Message &message, const Core::OutgoingMessage &masked);

    // message without the recipients whose ids are given.
    static Message withoutRecipients(const Message &message, const std::vector<QString> &ids);
    // message without the attachments at indexes (Core::SendFlow::leftOutAttachments()).
    static Message withoutAttachments(const Message &message, const std::vector<int> &indexes);
};

} // namespace SendGuard::Plugin
