// SPDX-License-Identifier: GPL-2.0-or-later
#include "messagejson.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace SendGuard::Bridge {

namespace {

constexpr std::array actionNames {
    std::pair {Message::Action::Send, "send"}, std::pair {Message::Action::Reply, "reply"},
    std::pair {Message::Action::ReplyAll, "replyAll"}, std::pair {Message::Action::Forward, "forward"}};
constexpr std::array typeNames {
    std::pair {Recipient::Type::Person, "person"}, std::pair {Recipient::Type::Group, "group"},
    std::pair {Recipient::Type::Broadcast, "broadcast"}, std::pair {Recipient::Type::Channel, "channel"},
    std::pair {Recipient::Type::External, "external"}};
constexpr std::array decisionNames {std::pair {SendDecision::Action::Cancel, "cancel"},
                                    std::pair {SendDecision::Action::Send, "send"},
                                    std::pair {SendDecision::Action::SendModified, "sendModified"}};

template<typename Names>
QString namesOf(const Names &names)
{
    QStringList all;
    for (const auto &[value, name] : names)
        all.append(QLatin1String(name));
    return all.join(QLatin1String(", "));
}

template<typename Names>
auto valueOf(const Names &names, const QString &name) -> std::optional<decltype(names[0].first)>
{
    for (const auto &[value, known] : names) {
        if (name == QLatin1String(known))
            return value;
    }
    return std::nullopt;
}

template<typename Names, typename Value>
QString nameOf(const Names &names, Value value)
{
    for (const auto &[known, name] : names) {
        if (known == value)
            return QLatin1String(name);
    }
    return {};
}

// Reads the fields of one object, each of the type it must have; the first problem wins.
class Fields
{
public:
    Fields(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {
    }

    bool ok() const { return m_error->isEmpty(); }
    void fail(const QString &field, const QString &problem)
    {
        if (ok())
            *m_error = QStringLiteral("%1%2: %3").arg(m_path, field, problem);
    }
    bool has(const QString &field) const { return m_object.contains(field) && !m_object.value(field).isNull(); }

    QString text(const QString &field, bool required = false)
    {
        const QJsonValue value = m_object.value(field);
        if (!has(field)) {
            if (required)
                fail(field, QStringLiteral("missing"));
            return {};
        }
        if (!value.isString())
            fail(field, QStringLiteral("expected a string"));
        return value.toString();
    }

    template<typename Names>
    auto word(const QString &field, const Names &names, decltype(names[0].first) fallback)
    {
        if (!has(field))
            return fallback;
        const auto value = valueOf(names, m_object.value(field).toString());
        if (!value) {
            fail(field, QStringLiteral("expected one of %1").arg(namesOf(names)));
            return fallback;
        }
        return *value;
    }

    std::optional<qint64> integer(const QString &field)
    {
        if (!has(field))
            return std::nullopt;
        const QJsonValue value = m_object.value(field);
        const double number = value.toDouble();
        // JSON numbers are doubles: past 2^53 an integer is no longer exact. The range first: a
        // double out of qint64's range may not even be converted.
        if (!value.isDouble() || number < -1 || number > 9007199254740991.0 || number != double(qint64(number))) {
            fail(field, QStringLiteral("expected an integer from -1 to 9007199254740991"));
            return std::nullopt;
        }
        return qint64(number);
    }

    QJsonArray array(const QString &field)
    {
        if (!has(field))
            return {};
        if (!m_object.value(field).isArray())
            fail(field, QStringLiteral("expected an array"));
        return m_object.value(field).toArray();
    }

    const QString &path() const { return m_path; }

private:
    const QJsonObject &m_object;
    QString m_path;
    QString *m_error;
};

QList<Recipient> readRecipients(Fields &message, const QString &field, QString *error)
{
    QList<Recipient> recipients;
    const QJsonArray items = message.array(field);
    for (qsizetype i = 0; i < items.size() && error->isEmpty(); ++i) {
        const QString path = QStringLiteral("%1%2[%3].").arg(message.path(), field).arg(i);
        if (!items[i].isObject()) {
            *error = path.chopped(1) + QStringLiteral(": expected an object");
            break;
        }
        const QJsonObject object = items[i].toObject();
        Fields fields(object, path, error);
        Recipient recipient(fields.text(QStringLiteral("id"), true), fields.text(QStringLiteral("name")),
                            fields.word(QStringLiteral("type"), typeNames, Recipient::Type::Person));
        // -1 and absent alike mean "not known"; empty text is no text: what is read is what would
        // be written back.
        if (const auto count = fields.integer(QStringLiteral("memberCount")); count && *count >= 0)
            recipient.setMemberCount(*count);
        if (const QString department = fields.text(QStringLiteral("department")); !department.isEmpty())
            recipient.setDepartment(department);
        if (const QString address = fields.text(QStringLiteral("address")); !address.isEmpty())
            recipient.setAddress(address);
        recipients.append(recipient);
    }
    return recipients;
}

QJsonArray writeRecipients(const QList<Recipient> &recipients)
{
    QJsonArray items;
    for (const Recipient &recipient : recipients) {
        QJsonObject object {{QStringLiteral("id"), recipient.id()},
                            {QStringLiteral("type"), nameOf(typeNames, recipient.type())}};
        if (!recipient.name().isEmpty())
            object.insert(QStringLiteral("name"), recipient.name());
        if (recipient.memberCount() >= 0)
            object.insert(QStringLiteral("memberCount"), recipient.memberCount());
        if (!recipient.department().isEmpty())
            object.insert(QStringLiteral("department"), recipient.department());
        if (!recipient.address().isEmpty())
            object.insert(QStringLiteral("address"), recipient.address());
        items.append(object);
    }
    return items;
}

} // namespace

std::optional<Message> MessageJson::read(const QJsonObject &object, QString *error)
{
    error->clear();
    Fields fields(object, QStringLiteral("message."), error);
    Message message;
    message.setAction(fields.word(QStringLiteral("action"), actionNames, Message::Action::Send));
    message.setSenderId(fields.text(QStringLiteral("senderId"), true));
    message.setSenderName(fields.text(QStringLiteral("senderName")));
    message.setSenderDepartment(fields.text(QStringLiteral("senderDepartment")));
    message.setRecipients(readRecipients(fields, QStringLiteral("recipients"), error));
    if (fields.ok() && message.recipients().isEmpty())
        fields.fail(QStringLiteral("recipients"), QStringLiteral("at least one recipient is needed"));
    message.setOriginalRecipients(readRecipients(fields, QStringLiteral("originalRecipients"), error));
    message.setSubject(fields.text(QStringLiteral("subject")));
    message.setBody(fields.text(QStringLiteral("body")));

    QList<Attachment> attachments;
    const QJsonArray items = fields.array(QStringLiteral("attachments"));
    for (qsizetype i = 0; i < items.size() && fields.ok(); ++i) {
        const QString path = QStringLiteral("message.attachments[%1].").arg(i);
        if (!items[i].isObject()) {
            *error = path.chopped(1) + QStringLiteral(": expected an object");
            break;
        }
        const QJsonObject item = items[i].toObject();
        Fields attachment(item, path, error);
        const QString name = attachment.text(QStringLiteral("name"), true);
        const bool hasPath = attachment.has(QStringLiteral("path"));
        const bool hasData = attachment.has(QStringLiteral("data"));
        if (hasPath == hasData) {
            attachment.fail(QStringLiteral("path"), QStringLiteral("give either path or data (base64)"));
        } else if (hasPath) {
            attachments.append(Attachment::fromPath(name, attachment.text(QStringLiteral("path"))));
        } else {
            const QByteArray base64 = attachment.text(QStringLiteral("data")).toLatin1();
            const auto bytes = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
            if (!bytes)
                attachment.fail(QStringLiteral("data"), QStringLiteral("not valid base64"));
            attachments.append(Attachment::fromData(name, *bytes));
        }
    }
    message.setAttachments(attachments);
    if (!fields.ok())
        return std::nullopt;
    return message;
}

QJsonObject MessageJson::write(const Message &message)
{
    QJsonObject object {{QStringLiteral("action"), nameOf(actionNames, message.action())},
                        {QStringLiteral("senderId"), message.senderId()},
                        {QStringLiteral("recipients"), writeRecipients(message.recipients())},
                        {QStringLiteral("subject"), message.subject()},
                        {QStringLiteral("body"), message.body()}};
    if (!message.senderName().isEmpty())
        object.insert(QStringLiteral("senderName"), message.senderName());
    if (!message.senderDepartment().isEmpty())
        object.insert(QStringLiteral("senderDepartment"), message.senderDepartment());
    if (!message.originalRecipients().isEmpty())
        object.insert(QStringLiteral("originalRecipients"), writeRecipients(message.originalRecipients()));
    QJsonArray attachments;
    for (const Attachment &attachment : message.attachments()) {
        QJsonObject item {{QStringLiteral("name"), attachment.name()}};
        if (attachment.hasData())
            item.insert(QStringLiteral("data"), QString::fromLatin1(attachment.data().toBase64()));
        else
            item.insert(QStringLiteral("path"), attachment.path());
        attachments.append(item);
    }
    object.insert(QStringLiteral("attachments"), attachments);
    return object;
}

QJsonObject MessageJson::write(const SendDecision &decision)
{
    QJsonObject object {{QStringLiteral("action"), nameOf(decisionNames, decision.action())},
                        {QStringLiteral("verdict"), decision.verdict()},
                        {QStringLiteral("ruleIds"), QJsonArray::fromStringList(decision.ruleIds())},
                        {QStringLiteral("auditId"), decision.auditId()}};
    if (decision.action() == SendDecision::Action::SendModified)
        object.insert(QStringLiteral("message"), write(decision.message()));
    return object;
}

} // namespace SendGuard::Bridge
