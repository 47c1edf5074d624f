// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "outgoingmessage.h"
#include "json/jsondiagnostic.h"

#include <optional>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// Reads the JSON form (docs/architecture.md) of an outgoing message. All or nothing: either every field is
// read, or there is no message and the diagnostics say which field is wrong, where.
// Unknown fields are ignored (newer hosts may send more).
class OutgoingMessageReader
{
public:
    struct [[nodiscard]] Result
    {
        std::optional<OutgoingMessage> message;
        std::vector<JsonDiagnostic> errors; // in document order; empty when message is set
    };

    static Result read(std::string_view json);
};

} // namespace SendGuard::Core
