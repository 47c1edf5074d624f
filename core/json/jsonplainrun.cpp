// SPDX-License-Identifier: GPL-2.0-or-later
#include "jsonplainrun.h"

#include <cstdint>
#include <cstring>

namespace SendGuard::Core {

namespace {

constexpr std::uint64_t Ones = 0x0101010101010101;
constexpr std::uint64_t Highs = 0x8080808080808080;

// Whether one of the eight bytes is below n (n at most 0x80; bytes of UTF-8 sequences, 0x80 and
// up, never are): exact for "is there one", not for which.
constexpr std::uint64_t anyBelow(std::uint64_t word, std::uint8_t n)
{
    return (word - Ones * n) & ~word & Highs;
}

constexpr bool anyToEscape(std::uint64_t word)
{
    return (anyBelow(word, 0x20) | anyBelow(word ^ (Ones * '"'), 1) | anyBelow(word ^ (Ones * '\\'), 1)) != 0;
}

static_assert(!anyToEscape(0x4847464544434241)); // "ABCDEFGH"
static_assert(anyToEscape(0x4847464544224241)); // a quote among them
static_assert(anyToEscape(0x4847465C44434241)); // a backslash
static_assert(anyToEscape(0x0A47464544434241)); // a line feed
static_assert(!anyToEscape(0xEA80B0EA80B0EA80)); // Hangul's UTF-8 bytes

} // namespace

std::size_t jsonPlainRun(std::string_view text)
{
    std::size_t at = 0;
    for (std::uint64_t word; at + 8 <= text.size(); at += 8) {
        std::memcpy(&word, text.data() + at, 8);
        if (anyToEscape(word))
            break;
    }
    for (; at < text.size(); ++at) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x20 || c == '"' || c == '\\')
            break;
    }
    return at;
}

} // namespace SendGuard::Core
