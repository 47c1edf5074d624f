// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sendguard/message.h"
#include "sendguard/senddecision.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace SendGuard::Bridge {

// SendGuard::Message and SendDecision as the bridge protocol writes them (docs/bridge-protocol.md):
// the fields of plugin/include/sendguard/message.h by the same names, enums as lower-camel words
// ("replyAll", "broadcast", "sendModified"), attachment bytes in base64.
class MessageJson
{
public:
    // The message in object, or nothing with *error naming the field that is wrong ("recipients[2].type:
    // expected one of person, group, broadcast, channel, external"). Never quotes a field's value:
    // the error goes to the host's log.
    static std::optional<Message> read(const QJsonObject &object, QString *error);
    static QJsonObject write(const Message &message);
    // {"action", "verdict", "ruleIds", "auditId"} and, when the host is to send something else,
    // "message".
    static QJsonObject write(const SendDecision &decision);
};

} // namespace SendGuard::Bridge
