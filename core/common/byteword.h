// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

// Eight bytes of text at a time in one 64-bit word: searches over megabytes (JSON strings, table
// rows) that need no more than "is one of these bytes here".
namespace SendGuard::Core::ByteWord {

inline constexpr std::uint64_t Ones = 0x0101010101010101;
inline constexpr std::uint64_t Highs = 0x8080808080808080;

// The eight bytes of text at `at` (at + 8 <= text.size()).
inline std::uint64_t at(std::string_view text, std::size_t at)
{
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, 8);
    return word;
}

// Whether one of the eight bytes is below n (n at most 0x80; bytes of UTF-8 sequences, 0x80 and
// up, never are): exact for "is there one", not for which.
constexpr bool anyBelow(std::uint64_t word, std::uint8_t n)
{
    return ((word - Ones * n) & ~word & Highs) != 0;
}

// Whether one of them is this byte (below 0x80).
constexpr bool anyEqual(std::uint64_t word, std::uint8_t c)
{
    return anyBelow(word ^ (Ones * c), 1);
}

// Whether one of them is an ASCII digit: '0'..'9' are the bytes that XOR '0' takes below 10.
constexpr bool anyDigit(std::uint64_t word)
{
    return anyBelow(word ^ (Ones * '0'), 10);
}

// Bit 7 of each byte set where that byte is an ASCII digit, and no other bit: exact for every byte,
// unlike anyBelow. A byte XOR '0' is a digit's when it is below 10, its own bit 7 clear (no borrow
// crosses bytes: each is taken below 0x80 before 0x76 is added).
constexpr std::uint64_t digits(std::uint64_t word)
{
    const std::uint64_t x = word ^ (Ones * '0');
    const std::uint64_t atLeastTen = (x & ~Highs) + Ones * (0x80 - 10);
    return ~(x | atLeastTen) & Highs;
}

// How many of the eight bytes, from the first in the text, are ASCII digits before one is not (8: all).
constexpr std::size_t leadingDigits(std::uint64_t word)
{
    return static_cast<std::size_t>(std::countr_zero(~digits(word) & Highs)) / 8;
}

static_assert(leadingDigits(0x4847464544433231) == 2); // "12CDEFGH"
static_assert(leadingDigits(0x3030303030303030) == 8 && leadingDigits(0x3030303030303041) == 0);

static_assert(digits(0x4847464544434241) == 0); // "ABCDEFGH"
static_assert(digits(0x3947464544434230) == 0x8000000000000080); // '0' first, '9' last
static_assert(digits(0x3A2F3A2F3A2F3A2F) == 0); // ':' and '/' around the digits
static_assert(digits(0xB9B0B9B0EA80B0EA) == 0); // high bytes whose low bits are digits'
static_assert(digits(0x3031323334353637) == Highs);
static_assert([] {
    for (std::uint64_t b = 0; b < 256; ++b) {
        if (digits(Ones * b) != (b >= '0' && b <= '9' ? Highs : 0))
            return false;
    }
    return true;
}()); // every byte value

static_assert(!anyDigit(0x4847464544434241)); // "ABCDEFGH"
static_assert(anyDigit(0x4847464544434230)); // a '0' first
static_assert(anyDigit(0x3947464544434241)); // a '9' last
static_assert(!anyDigit(0x3A2F3A2F3A2F3A2F)); // ':' and '/' around the digits
static_assert(!anyDigit(0xB9B0B9B0EA80B0EA)); // high bytes whose low bits are digits'

} // namespace SendGuard::Core::ByteWord
