// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <string_view>

// Building blocks for detectors' mask functions. They work on normalized matches (ASCII digits).
namespace SendGuard::Core::Masking {

inline constexpr char MaskCharacter = '*';

// Replaces every digit of text with '*' except the first keepLeading and the last keepTrailing
// digits; separators stay where they are. "900101-1234567", 7, 0 -> "900101-1******".
std::string maskDigits(std::string_view text, int keepLeading, int keepTrailing);

// Replaces every ASCII letter and digit from the character at index `from` on with '*'.
std::string maskAlphanumericFrom(std::string_view text, std::size_t from);

} // namespace SendGuard::Core::Masking
