// SPDX-License-Identifier: GPL-2.0-or-later
#include "outbox.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString actionName(SendGuard::Message::Action action)
{
    switch (action) {
    case SendGuard::Message::Action::Send:
        return QStringLiteral("send");
    case SendGuard::Message::Action::Reply:
        return QStringLiteral("reply");
    case SendGuard::Message::Action::ReplyAll:
        return QStringLiteral("reply-all");
    case SendGuard::Message::Action::Forward:
        return QStringLiteral("forward");
    }
    return {};
}

QString decisionName(SendGuard::SendDecision::Action action)
{
    switch (action) {
    case SendGuard::SendDecision::Action::Send:
        return QStringLiteral("send");
    case SendGuard::SendDecision::Action::SendModified:
        return QStringLiteral("send-modified");
    case SendGuard::SendDecision::Action::Cancel:
        return QStringLiteral("cancel");
    }
    return {};
}

} // namespace

Outbox::Outbox(QString path)
    : m_path(std::move(path))
{
}

bool Outbox::append(const SendGuard::Message &message, const SendGuard::SendDecision &decision)
{
    QJsonArray recipients;
    for (const SendGuard::Recipient &recipient : message.recipients())
        recipients.append(recipient.id());
    QJsonArray attachments;
    for (const SendGuard::Attachment &attachment : message.attachments()) {
        QByteArray data = attachment.data();
        if (!attachment.hasData()) {
            QFile file(attachment.path());
            if (!file.open(QIODevice::ReadOnly)) {
                m_error = QStringLiteral("cannot read attachment %1: %2").arg(attachment.path(), file.errorString());
                return false;
            }
            data = file.readAll();
        }
        attachments.append(QJsonObject {
            {QStringLiteral("name"), attachment.name()},
            {QStringLiteral("sha256"),
             QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())},
            {QStringLiteral("data"), QString::fromLatin1(data.toBase64())},
        });
    }
    const QJsonObject record {
        {QStringLiteral("action"), actionName(message.action())},
        {QStringLiteral("from"), message.senderId()},
        {QStringLiteral("recipients"), recipients},
        {QStringLiteral("subject"), message.subject()},
        {QStringLiteral("body"), message.body()},
        {QStringLiteral("attachments"), attachments},
        {QStringLiteral("sendguard"),
         QJsonObject {{QStringLiteral("decision"), decisionName(decision.action())},
                      {QStringLiteral("verdict"), decision.verdict()},
                      {QStringLiteral("auditId"), decision.auditId()}}},
    };
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_error = QStringLiteral("cannot open %1: %2").arg(m_path, file.errorString());
        return false;
    }
    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !file.flush()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}
