// SPDX-License-Identifier: GPL-2.0-or-later
#include "jsonplainrun.h"

#include "common/byteword.h"

namespace SendGuard::Core {

namespace {

using ByteWord::anyBelow;
using ByteWord::anyEqual;

constexpr bool anyToEscape(std::uint64_t word)
{
    return anyBelow(word, 0x20) || anyEqual(word, '"') || anyEqual(word, '\\');
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
    for (; at + 8 <= text.size(); at += 8) {
        if (anyToEscape(ByteWord::at(text, at)))
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
