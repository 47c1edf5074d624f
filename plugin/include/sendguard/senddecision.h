// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace SendGuard {

// What the host does with a message after SendInterceptor::interceptSend().
// A value type that can grow, like Recipient.
class SendDecision
{
public:
    enum class Action {
        Cancel, // do not send; keep the compose window open with the message as it was
        Send, // send the message exactly as the host passed it
        SendModified, // send message() instead: masked text, or fewer recipients
    };

    Action action() const { return Action(m_values.value(QStringLiteral("action"), int(Action::Cancel)).toInt()); }
    void setAction(Action action) { m_values.insert(QStringLiteral("action"), int(action)); }

    // With SendModified: the whole message to send (subject, body, recipients, attachments).
    // Attachments the plugin masked come back as data; the others as the host passed them.
    Message message() const { return Message::fromVariantMap(m_values.value(QStringLiteral("message")).toMap()); }
    void setMessage(const Message &message) { m_values.insert(QStringLiteral("message"), message.toVariantMap()); }

    // The policy's verdict on the message as the host passed it: "allow", "warn", "justify",
    // "block", or "unchecked" when the plugin could not check it.
    QString verdict() const { return m_values.value(QStringLiteral("verdict")).toString(); }
    void setVerdict(const QString &verdict) { m_values.insert(QStringLiteral("verdict"), verdict); }

    // The rules that decided, by their policy ids.
    QStringList ruleIds() const { return m_values.value(QStringLiteral("ruleIds")).toStringList(); }
    void setRuleIds(const QStringList &ids) { m_values.insert(QStringLiteral("ruleIds"), ids); }

    // The id of the audit record of this decision; empty when nothing was recorded (an allowed
    // message that needed no dialog).
    QString auditId() const { return m_values.value(QStringLiteral("auditId")).toString(); }
    void setAuditId(const QString &id) { m_values.insert(QStringLiteral("auditId"), id); }

    QVariantMap toVariantMap() const { return m_values; }

private:
    QVariantMap m_values;
};

} // namespace SendGuard
