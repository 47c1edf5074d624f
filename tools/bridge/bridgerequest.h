// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sendguard/message.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace SendGuard::Bridge {

// One line of the bridge protocol from the host, read (docs/bridge-protocol.md). A line that is
// not a request the bridge can serve comes back with an error code and a message that says what
// was wrong and where, never what the message said.
struct BridgeRequest
{
    static constexpr int Protocol = 1;

    enum class Type { Hello, Check, Invalid };

    Type type = Type::Invalid;
    QJsonValue id; // the host's, echoed in the answer; null when the line has none
    Message message; // Check
    quint64 windowId = 0; // Check: the host's window to show the dialog over; 0: none
    QString language; // Check: "ko", "en-US"...; empty: as before
    QString errorCode; // Invalid: bad-json, unsupported-protocol, unknown-type, bad-request
    QString error;

    static BridgeRequest parse(const QByteArray &line);

    // The answer lines, each a JSON object and a newline.
    QByteArray errorAnswer() const;
    static QByteArray answer(const QJsonValue &id, const QString &type, QJsonObject fields);
    static QByteArray errorAnswer(const QJsonValue &id, const QString &code, const QString &error);
};

} // namespace SendGuard::Bridge
