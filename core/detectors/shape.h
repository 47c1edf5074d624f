// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace SendGuard::Core {

// The layout of an identifier, for the scanner's shape matcher: digit groups, the characters that
// may stand between them, and what may stand right before the first digit. It says what the
// detector's regular expression says, in terms the matcher follows without a regular-expression
// engine. Shapes run on normalized text (ASCII digits, '-' for every dash, ' ' for odd spaces).
//
// Alternatives are tried in the order given and quantities are greedy, so that a shape picks the
// same match as its regular expression (RE2's leftmost-first choice).
//
//     Shape().digits(6).literal(Gaps::separator()).digitIn("1234").digits(6)   // 900101-1234567
class Shape
{
public:
    struct Item
    {
        enum class Kind {
            Digits, // min..max ASCII digits, as many as there are first
            ByteIn, // one byte from `bytes` (a digit class, a letter class)
            Literal, // one of `literals`, in order
            Masks, // exactly min mask characters: '*', 'x', 'X', '●', '•', '○', '□'
            Optional, // `inner` if it matches, else nothing
        };
        Kind kind = Kind::Digits;
        int min = 0;
        int max = 0;
        std::bitset<256> bytes; // ByteIn: the bytes; Literal: the first bytes of the alternatives
        bool canBeEmpty = false; // Literal: one alternative is ""
        bool mayStartWithDigit = true; // false when the item surely starts with something else
        // Literal, when no alternative is empty: their indices (in order) by their first two bytes
        // (by the first alone when one has a single byte), so that 22 area codes cost one lookup
        // rather than 22 comparisons.
        std::vector<std::pair<std::uint16_t, std::vector<std::uint8_t>>> byFirstPair;
        bool byFirstByteOnly = false;
        // Literal: a bit for each alternative's length and first byte (sizeAndFirstBit), so that a
        // separator's text is mostly told apart from a list of them without a comparison.
        std::uint64_t sizesAndFirstBytes = 0;

        static unsigned sizeAndFirstBit(std::size_t size, unsigned char first) { return (size * 7 + first) & 63; }

        // The key of byFirstPair for what starts at `at` (an alternative, or the text where one may
        // stand); none when `at` is shorter than the key.
        std::optional<std::uint16_t> indexKey(std::string_view at) const
        {
            if (at.size() < (byFirstByteOnly ? 1u : 2u))
                return std::nullopt;
            const auto first = static_cast<unsigned char>(at[0]);
            return byFirstByteOnly ? std::uint16_t(first)
                                   : static_cast<std::uint16_t>(first << 8 | static_cast<unsigned char>(at[1]));
        }
        std::vector<std::string> literals;
        std::vector<Item> inner;
    };

    // Text that must stand right before the first digit ("+", "(", a passport letter, "서울 ").
    // Longer alternatives start further left and are tried first. With `optional`, the shape also
    // starts at the first digit itself.
    Shape &prefix(std::vector<std::string> alternatives, bool optional = false);
    Shape &digits(int count) { return digits(count, count); }
    Shape &digits(int min, int max);
    Shape &digitIn(std::string_view digits);
    Shape &letterIn(std::string_view letters);
    Shape &literal(std::vector<std::string> alternatives);
    Shape &masks(int count);
    Shape &optional(const Shape &inner);

    bool isEmpty() const { return m_items.empty(); }
    const std::vector<Item> &items() const { return m_items; }
    const std::vector<std::string> &prefixes() const { return m_prefixes; }
    bool prefixOptional() const { return m_prefixOptional; }

private:
    Shape &byteIn(std::string_view bytes);

    std::vector<Item> m_items;
    std::vector<std::string> m_prefixes;
    bool m_prefixOptional = false;
};

} // namespace SendGuard::Core
