// SPDX-License-Identifier: GPL-2.0-or-later
#include "messageconversion.h"

#include <algorithm>

namespace SendGuard::Plugin {

namespace {

Core::MessageRecipient toCore(const Recipient &recipient)
{
    Core::MessageRecipient result;
    result.id = recipient.id();
    result.name = recipient.name();
    switch (recipient.type()) {
    case Recipient::Type::Person:
        result.type = Core::RecipientType::Person;
        break;
    case Recipient::Type::Group:
        result.type = Core::RecipientType::Group;
        break;
    case Recipient::Type::Broadcast:
        result.type = Core::RecipientType::Broadcast;
        break;
    case Recipient::Type::Channel:
        result.type = Core::RecipientType::Channel;
        break;
    case Recipient::Type::External:
        result.type = Core::RecipientType::External;
        break;
    default:
        // A type added after this plugin was built: count it as the widest audience, never as one person.
        result.type = Core::RecipientType::Broadcast;
        break;
    }
    if (recipient.memberCount() >= 0)
        result.memberCount = recipient.memberCount();
    result.department = recipient.department();
    result.address = recipient.address();
    return result;
}

std::vector<Core::MessageRecipient> toCore(const QList<Recipient> &recipients)
{
    std::vector<Core::MessageRecipient> result;
    result.reserve(std::size_t(recipients.size()));
    for (const Recipient &recipient : recipients)
        result.push_back(toCore(recipient));
    return result;
}

Core::MessageAction toCore(Message::Action action)
{
    switch (action) {
    case Message::Action::Send:
        return Core::MessageAction::Send;
    case Message::Action::Reply:
        return Core::MessageAction::Reply;
    case Message::Action::ReplyAll:
        return Core::MessageAction::ReplyAll;
    case Message::Action::Forward:
        return Core::MessageAction::Forward;
    }
    return Core::MessageAction::Send;
}

} // namespace

Core::OutgoingMessage MessageConversion::toCore(const Message &message)
{
    Core::OutgoingMessage result;
    result.action = Plugin::toCore(message.action());
    result.sender = {message.senderId(), message.senderName(), message.senderDepartment()};
    result.recipients = Plugin::toCore(message.recipients());
    result.originalRecipients = Plugin::toCore(message.originalRecipients());
    result.subject = message.subject();
    result.body = message.body();
    for (const Attachment &attachment : message.attachments()) {
        Core::MessageAttachment a;
        a.name = attachment.name();
        if (attachment.hasData())
            a.data = attachment.data();
        else
            a.path = attachment.path();
        result.attachments.push_back(std::move(a));
    }
    return result;
}

Message MessageConversion::withMaskedContent(const Message &message, const Core::OutgoingMessage &masked)
{
    Message result = message;
    result.setSubject(masked.subject);
    result.setBody(masked.body);
    QList<Attachment> attachments = message.attachments();
    for (qsizetype i = 0; i < attachments.size() && std::size_t(i) < masked.attachments.size(); ++i) {
        const Core::MessageAttachment &maskedAttachment = masked.attachments[std::size_t(i)];
        if (maskedAttachment.data && maskedAttachment.path.isEmpty() &&
            (!attachments[i].hasData() || attachments[i].data() != *maskedAttachment.data))
            attachments[i] = Attachment::fromData(attachments[i].name(), *maskedAttachment.data);
    }
    result.setAttachments(attachments);
    return result;
}

Message MessageConversion::withoutRecipients(const Message &message, const std::vector<QString> &ids)
{
    QList<Recipient> recipients = message.recipients();
    recipients.removeIf([&](const Recipient &recipient) {
        return std::any_of(ids.begin(), ids.end(),
                           [&](const QString &id) { return id.compare(recipient.id(), Qt::CaseInsensitive) == 0; });
    });
    Message result = message;
    result.setRecipients(recipients);
    return result;
}

Message MessageConversion::withoutAttachments(const Message &message, const std::vector<int> &indexes)
{
    QList<Attachment> kept;
    const QList<Attachment> attachments = message.attachments();
    for (int i = 0; i < attachments.size(); ++i) {
        if (std::find(indexes.begin(), indexes.end(), i) == indexes.end())
            kept.append(attachments.at(i));
    }
    Message result = message;
    result.setAttachments(kept);
    return result;
}

} // namespace SendGuard::Plugin
