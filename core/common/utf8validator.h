// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace SendGuard::Core {

// Checks that bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF):
// simdjson's vectorised check first, then, for text that fails it, a walk that finds where.
class Utf8Validator
{
public:
    // The byte offset of the first byte that does not belong to a well-formed sequence, if any.
    static std::optional<std::size_t> firstInvalidByte(std::string_view bytes);
};

} // namespace SendGuard::Core
