// SPDX-License-Identifier: GPL-2.0-or-later
#include "inbox.h"

#include "jsonfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

bool Inbox::load(const QString &path)
{
    QJsonObject root;
    if (!JsonFile::readObject(path, root, m_error))
        return false;
    const QDir folder = QFileInfo(path).absoluteDir();
    QList<ReceivedMessage> messages;
    const QJsonArray array = root.value(QLatin1String("messages")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        ReceivedMessage message;
        message.from = object.value(QLatin1String("from")).toString();
        if (message.from.isEmpty()) {
            m_error = QStringLiteral("%1: messages[%2]: needs \"from\"").arg(path).arg(i);
            return false;
        }
        for (const QJsonValue &to : object.value(QLatin1String("to")).toArray())
            message.to.append(to.toString());
        message.received = QDateTime::fromString(object.value(QLatin1String("received")).toString(), Qt::ISODate);
        message.subject = object.value(QLatin1String("subject")).toString();
        message.body = object.value(QLatin1String("body")).toString();
        for (const QJsonValue &value : object.value(QLatin1String("attachments")).toArray()) {
            const QJsonObject attachment = value.toObject();
            const QString name = attachment.value(QLatin1String("name")).toString();
            const QString filePath = folder.absoluteFilePath(attachment.value(QLatin1String("path")).toString());
            message.attachments.append(
                SendGuard::Attachment::fromPath(name.isEmpty() ? QFileInfo(filePath).fileName() : name, filePath));
        }
        messages.append(message);
    }
    m_messages = messages;
    m_error.clear();
    return true;
}
