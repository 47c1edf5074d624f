// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "jsondiagnostic.h"
#include "jsonnode.h"

#include <optional>
#include <string_view>

namespace SendGuard::Core {

// A strict RFC 8259 parser that keeps the position of every value. Rejects what QJsonDocument
// would quietly accept or lose: invalid UTF-8, duplicate keys, trailing commas, comments,
// nesting deeper than MaxDepth.
class JsonParser
{
public:
    static constexpr int MaxDepth = 64;

    struct [[nodiscard]] Result
    {
        std::optional<JsonNode> root; // set when the text parsed
        JsonDiagnostic error; // why not, and where
    };

    static Result parse(std::string_view text);
};

} // namespace SendGuard::Core
