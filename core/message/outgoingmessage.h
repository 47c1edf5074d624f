// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/enumnames.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace SendGuard::Core {

// What the user did that sends a message.
enum class MessageAction { Send, Reply, ReplyAll, Forward };

// Who a recipient is; only the directory knows how many people a group reaches.
enum class RecipientType { Person, Group, Broadcast, Channel, External };

struct MessageSender
{
    QString id;
    QString name;
    QString department;
};

struct MessageRecipient
{
    QString id;
    QString name;
    RecipientType type = RecipientType::Person;
    std::optional<qint64> memberCount; // groups and channels: unknown is not zero
    QString department;
    QString address; // e-mail address, when the recipient has one besides its id
};

struct MessageAttachment
{
    QString name; // as the user sees it
    QString path; // absolute, or relative to the message's folder; empty when data is given
    std::optional<QByteArray> data; // the bytes, when the host has them in memory
};

// A message at the moment the user sends it: the message model of docs/architecture.md.
struct OutgoingMessage
{
    MessageAction action = MessageAction::Send;
    MessageSender sender;
    std::vector<MessageRecipient> recipients;
    std::vector<MessageRecipient> originalRecipients; // reply, reply-all and forward: who had it before
    QString subject;
    QString body;
    std::vector<MessageAttachment> attachments;
};

// The stable names used in JSON.
inline constexpr EnumNames messageActionNames {std::array {
    std::pair {MessageAction::Send, u"send"},
    std::pair {MessageAction::Reply, u"reply"},
    std::pair {MessageAction::ReplyAll, u"reply-all"},
    std::pair {MessageAction::Forward, u"forward"},
}};

inline constexpr EnumNames recipientTypeNames {std::array {
    std::pair {RecipientType::Person, u"person"},
    std::pair {RecipientType::Group, u"group"},
    std::pair {RecipientType::Broadcast, u"broadcast"},
    std::pair {RecipientType::Channel, u"channel"},
    std::pair {RecipientType::External, u"external"},
}};

inline QString messageActionName(MessageAction action)
{
    return messageActionNames.name(action);
}

inline QString recipientTypeName(RecipientType type)
{
    return recipientTypeNames.name(type);
}

} // namespace SendGuard::Core
