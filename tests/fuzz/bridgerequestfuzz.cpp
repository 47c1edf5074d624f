// SPDX-License-Identifier: GPL-2.0-or-later
// A line of the bridge protocol as a host writes it (docs/bridge-protocol.md): every line gets an
// answer that is one JSON object, and a check's message, written back as the bridge writes it,
// reads again as the very same message.
#include "fuzzinput.h"

#include "bridgerequest.h"
#include "messagejson.h"

#include <QJsonDocument>

#include <cstdlib>

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Bridge::BridgeRequest request = Bridge::BridgeRequest::parse(Fuzz::bytesOf(data, size));
    if (request.type == Bridge::BridgeRequest::Type::Invalid) {
        const QByteArray answer = request.errorAnswer();
        if (!answer.endsWith('\n') || !QJsonDocument::fromJson(answer).isObject())
            std::abort();
    }
    if (request.type == Bridge::BridgeRequest::Type::Check) {
        QString error;
        const auto again = Bridge::MessageJson::read(Bridge::MessageJson::write(request.message), &error);
        if (!again || !(*again == request.message))
            std::abort();
    }
    return 0;
}
