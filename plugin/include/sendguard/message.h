// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "attachment.h"
#include "recipient.h"

#include <QList>
#include <QString>
#include <QVariantMap>

namespace SendGuard {

// A message at the moment the user sends it (the message model of SendGuard's docs/architecture.md).
// A value type that can grow, like Recipient: its only member is a map.
class Message
{
public:
    // What the user did that sends it.
    enum class Action { Send, Reply, ReplyAll, Forward };

    Action action() const { return Action(m_values.value(QStringLiteral("action"), int(Action::Send)).toInt()); }
    void setAction(Action action) { m_values.insert(QStringLiteral("action"), int(action)); }

    // The sending user: their directory id, name and department.
    QString senderId() const { return m_values.value(QStringLiteral("senderId")).toString(); }
    void setSenderId(const QString &id) { m_values.insert(QStringLiteral("senderId"), id); }
    QString senderName() const { return m_values.value(QStringLiteral("senderName")).toString(); }
    void setSenderName(const QString &name) { m_values.insert(QStringLiteral("senderName"), name); }
    QString senderDepartment() const { return m_values.value(QStringLiteral("senderDepartment")).toString(); }
    void setSenderDepartment(const QString &department)
    {
        m_values.insert(QStringLiteral("senderDepartment"), department);
    }

    QList<Recipient> recipients() const { return listValue<Recipient>(QStringLiteral("recipients")); }
    void setRecipients(const QList<Recipient> &recipients) { setList(QStringLiteral("recipients"), recipients); }

    // Reply, reply-all and forward: who had the message before. Lets the plugin say
    // "originally 1 → now 4,812".
    QList<Recipient> originalRecipients() const { return listValue<Recipient>(QStringLiteral("originalRecipients")); }
    void setOriginalRecipients(const QList<Recipient> &recipients)
    {
        setList(QStringLiteral("originalRecipients"), recipients);
    }

    QString subject() const { return m_values.value(QStringLiteral("subject")).toString(); }
    void setSubject(const QString &subject) { m_values.insert(QStringLiteral("subject"), subject); }

    // Plain text. A host with rich text passes its plain-text form.
    QString body() const { return m_values.value(QStringLiteral("body")).toString(); }
    void setBody(const QString &body) { m_values.insert(QStringLiteral("body"), body); }

    QList<Attachment> attachments() const { return listValue<Attachment>(QStringLiteral("attachments")); }
    void setAttachments(const QList<Attachment> &attachments) { setList(QStringLiteral("attachments"), attachments); }

    QVariantMap toVariantMap() const { return m_values; }
    static Message fromVariantMap(const QVariantMap &values)
    {
        Message message;
        message.m_values = values;
        return message;
    }

    friend bool operator==(const Message &a, const Message &b) { return a.m_values == b.m_values; }

private:
    template<typename T>
    QList<T> listValue(const QString &key) const
    {
        QList<T> items;
        const QVariantList values = m_values.value(key).toList();
        for (const QVariant &value : values)
            items.append(T::fromVariantMap(value.toMap()));
        return items;
    }
    template<typename T>
    void setList(const QString &key, const QList<T> &items)
    {
        QVariantList values;
        for (const T &item : items)
            values.append(item.toVariantMap());
        m_values.insert(key, values);
    }

    QVariantMap m_values;
};

} // namespace SendGuard
