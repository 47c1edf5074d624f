// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sendguard/attachment.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// A message the user has received.
struct ReceivedMessage
{
    QString from; // directory id
    QStringList to; // directory ids
    QDateTime received;
    QString subject;
    QString body;
    QList<SendGuard::Attachment> attachments; // paths made absolute when loaded
};

// The messages the user has received, loaded from a JSON file:
// {"messages": [{"from", "to": [...], "received", "subject", "body", "attachments": [{"name", "path"}]}]}.
// Attachment paths are relative to the file's folder.
class Inbox
{
public:
    [[nodiscard]] bool load(const QString &path);
    QString errorString() const { return m_error; }
    const QList<ReceivedMessage> &messages() const { return m_messages; }

private:
    QList<ReceivedMessage> m_messages;
    QString m_error;
};
