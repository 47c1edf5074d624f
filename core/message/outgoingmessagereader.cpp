// SPDX-License-Identifier: GPL-2.0-or-later
#include "outgoingmessagereader.h"

#include "json/jsonfieldreader.h"
#include "json/jsonparser.h"

#include <limits>

namespace SendGuard::Core {

namespace {

using Presence = JsonFieldReader::Presence;
constexpr qint64 MaxMemberCount = std::numeric_limits<qint32>::max();

std::optional<MessageRecipient> readRecipient(JsonFieldReader &reader, const JsonNode &node, const QString &path)
{
    if (node.type != JsonNode::Type::Object) {
        reader.error(node.position, path,
                     QStringLiteral("expected object, found %1").arg(JsonNode::typeName(node.type)));
        return std::nullopt;
    }
    MessageRecipient recipient;
    const auto id = reader.string(node, path, u"id", Presence::Required);
    if (id && id->trimmed().isEmpty())
        reader.error(node.member(u"id")->position, JsonFieldReader::join(path, u"id"),
                     QStringLiteral("must not be empty"));
    recipient.id = id.value_or(QString()).trimmed();
    recipient.name = reader.string(node, path, u"name", Presence::Optional).value_or(QString());
    if (const auto type = reader.oneOf(node, path, u"type", Presence::Required, recipientTypeNames.names()))
        recipient.type = *recipientTypeNames.value(*type);
    recipient.memberCount = reader.integer(node, path, u"memberCount", Presence::Optional, 0, MaxMemberCount);
    recipient.department = reader.string(node, path, u"department", Presence::Optional).value_or(QString());
    recipient.address = reader.string(node, path, u"address", Presence::Optional).value_or(QString()).trimmed();
    return recipient;
}

std::vector<MessageRecipient> readRecipients(JsonFieldReader &reader, const JsonNode &root, QStringView key,
                                             Presence presence)
{
    std::vector<MessageRecipient> recipients;
    const QString path = key.toString();
    const JsonNode *list = reader.member(root, QString(), key, JsonNode::Type::Array, presence);
    if (!list)
        return recipients;
    for (std::size_t i = 0; i < list->elements.size(); ++i) {
        if (auto recipient = readRecipient(reader, list->elements[i], JsonFieldReader::join(path, qsizetype(i))))
            recipients.push_back(std::move(*recipient));
    }
    return recipients;
}

std::vector<MessageAttachment> readAttachments(JsonFieldReader &reader, const JsonNode &root)
{
    std::vector<MessageAttachment> attachments;
    const JsonNode *list = reader.member(root, QString(), u"attachments", JsonNode::Type::Array, Presence::Optional);
    if (!list)
        return attachments;
    for (std::size_t i = 0; i < list->elements.size(); ++i) {
        const JsonNode &node = list->elements[i];
        const QString path = JsonFieldReader::join(QStringLiteral("attachments"), qsizetype(i));
        if (node.type != JsonNode::Type::Object) {
            reader.error(node.position, path,
                         QStringLiteral("expected object, found %1").arg(JsonNode::typeName(node.type)));
            continue;
        }
        MessageAttachment attachment;
        attachment.name = reader.string(node, path, u"name", Presence::Required).value_or(QString());
        attachment.path = reader.string(node, path, u"path", Presence::Required).value_or(QString());
        attachments.push_back(std::move(attachment));
    }
    return attachments;
}

} // namespace

OutgoingMessageReader::Result OutgoingMessageReader::read(std::string_view json)
{
    auto parsed = JsonParser::parse(json);
    if (!parsed.root)
        return {std::nullopt, {parsed.error}};
    const JsonNode &root = *parsed.root;
    if (root.type != JsonNode::Type::Object) {
        return {std::nullopt,
                {{JsonDiagnostic::Kind::Error, QString(),
                  QStringLiteral("expected a message object, found %1").arg(JsonNode::typeName(root.type)),
                  root.position}}};
    }

    JsonFieldReader reader(JsonFieldReader::Values::Hidden);
    OutgoingMessage message;
    if (const auto action = reader.oneOf(root, QString(), u"action", Presence::Required, messageActionNames.names()))
        message.action = *messageActionNames.value(*action);
    if (const JsonNode *sender =
            reader.member(root, QString(), u"sender", JsonNode::Type::Object, Presence::Required)) {
        const QString path = QStringLiteral("sender");
        message.sender.id = reader.string(*sender, path, u"id", Presence::Required).value_or(QString()).trimmed();
        message.sender.name = reader.string(*sender, path, u"name", Presence::Optional).value_or(QString());
        message.sender.department = reader.string(*sender, path, u"department", Presence::Optional).value_or(QString());
    }
    message.recipients = readRecipients(reader, root, u"recipients", Presence::Required);
    message.originalRecipients = readRecipients(reader, root, u"originalRecipients", Presence::Optional);
    message.subject = reader.string(root, QString(), u"subject", Presence::Optional).value_or(QString());
    message.body = reader.string(root, QString(), u"body", Presence::Optional).value_or(QString());
    message.attachments = readAttachments(reader, root);

    if (reader.hasErrors())
        return {std::nullopt, reader.diagnostics()};
    return {std::move(message), {}};
}

} // namespace SendGuard::Core
