// SPDX-License-Identifier: GPL-2.0-or-later
#include "characterfolding.h"

#include <QChar>

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

namespace SendGuard::Core {

namespace {

std::size_t sequenceLength(unsigned char lead)
{
    if (lead < 0xC0)
        return 1; // ASCII, or a stray continuation byte
    if (lead < 0xE0)
        return 2;
    if (lead < 0xF0)
        return 3;
    return lead < 0xF8 ? 4 : 1;
}

CharacterFolding::FoldedCharacter folded(std::size_t length, char replacement)
{
    return {length, true, replacement};
}

// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters no reader shows,
// whatever hides them (direction marks, joiners, fillers, tags, variation selectors).
bool isDefaultIgnorable(char32_t c)
{
    static constexpr std::pair<char32_t, char32_t> ranges[] = {
        {0x00AD, 0x00AD},   {0x034F, 0x034F},   {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
        {0x180B, 0x180F},   {0x200B, 0x200F},   {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
        {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
        {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };
    return std::any_of(std::begin(ranges), std::end(ranges),
                       [c](const auto &range) { return c >= range.first && c <= range.second; });
}

// The code point of the sequence of length bytes at text[pos], whose lead and continuation bytes
// foldCharacter() has checked, or none: an overlong form ("\xE0\x80\xB2" for '2'), a surrogate
// or a value past U+10FFFF is no character.
std::optional<char32_t> codePoint(std::string_view text, std::size_t pos, std::size_t length)
{
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    char32_t c = at(0) & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i)
        c = (c << 6) | (at(i) & 0x3F);
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < smallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return std::nullopt;
    return c;
}

// Whether a character with this lead byte may be a decimal digit of some script: the blocks that
// hold them (U+0660-0FFF, U+1040-1C59, the supplementary planes). The Hangul and CJK blocks do not.
bool mayBeDigit(unsigned char lead)
{
    return (lead >= 0xD9 && lead <= 0xDF) || lead == 0xE0 || lead == 0xE1 || lead == 0xF0;
}

} // namespace

CharacterFolding::FoldedCharacter CharacterFolding::at(std::string_view text, std::size_t pos)
{
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = at(0);
    const std::size_t length = sequenceLength(lead);
    // A sequence cut short, or one whose next bytes do not continue it, is no character: its first
    // byte is copied alone, and what follows is read for itself ("\xE2\x80" then '1' keeps the 1).
    if (length > text.size() - pos)
        return {1, false, 0};
    for (std::size_t i = 1; i < length; ++i) {
        if ((at(i) & 0xC0) != 0x80)
            return {1, false, 0};
    }
    if (length == 2) {
        const unsigned char b1 = at(1);
        if (lead == 0xC2 && b1 == 0xA0)
            return folded(2, ' '); // NBSP
        if (lead == 0xC2 && b1 == 0xAD)
            return folded(2, Dropped); // soft hyphen
        if (lead == 0xC2 && b1 == 0xB7)
            return folded(2, '.'); // U+00B7 middle dot: "010·2345·6789"
        if (lead == 0xC2 && b1 <= 0x9F)
            return folded(2, Dropped); // U+0080-009F C1 controls, which no viewer shows
        if (lead == 0xD6 && b1 == 0x8A)
            return folded(2, '-'); // U+058A Armenian hyphen
        if (lead == 0xCD && b1 == 0x8F)
            return folded(2, Dropped); // U+034F combining grapheme joiner
        if (lead == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9)
            return folded(2, static_cast<char>('0' + (b1 - 0xA0))); // U+0660-0669 Arabic-Indic digits
        if (lead == 0xDB && b1 >= 0xB0 && b1 <= 0xB9)
            return folded(2, static_cast<char>('0' + (b1 - 0xB0))); // U+06F0-06F9 extended Arabic-Indic
    } else if (length == 4) {
        const unsigned char b1 = at(1);
        const unsigned char b2 = at(2);
        const unsigned char b3 = at(3);
        if (lead == 0xF0 && b1 == 0x9D && b2 == 0x9F && b3 >= 0x8E && b3 <= 0xBF)
            return folded(4, static_cast<char>('0' + (b3 - 0x8E) % 10)); // U+1D7CE-1D7FF mathematical digits
        if (lead == 0xF3 && b1 == 0xA0 && b2 >= 0x84 && b2 <= 0x87)
            return folded(4, Dropped); // U+E0100-E01EF variation selectors supplement
    } else if (length == 3) {
        const unsigned char b1 = at(1);
        const unsigned char b2 = at(2);
        switch (lead) {
        case 0xE0:
            // Devanagari U+0966-096F, Bengali U+09E6-09EF, Thai U+0E50-0E59 digits.
            if ((b1 == 0xA5 || b1 == 0xA7) && b2 >= 0xA6 && b2 <= 0xAF)
                return folded(3, static_cast<char>('0' + (b2 - 0xA6)));
            if (b1 == 0xB9 && b2 >= 0x90 && b2 <= 0x99)
                return folded(3, static_cast<char>('0' + (b2 - 0x90)));
            break;
        case 0xE1:
            if (b1 == 0xA0 && b2 == 0x8E)
                return folded(3, Dropped); // U+180E Mongolian vowel separator
            if (b1 == 0xA0 && b2 == 0x86)
                return folded(3, '-'); // U+1806 Mongolian todo soft hyphen
            // Hangul jamo (U+1100-11FF), but for the two fillers: Korean text in NFD (macOS file
            // names) is made of them, and they are no digit, so they are passed at once.
            if (b1 >= 0x84 && b1 <= 0x87 && !(b1 == 0x85 && (b2 == 0x9F || b2 == 0xA0)))
                return {3, false, 0};
            break;
        case 0xE2:
            if (b1 == 0x80) {
                if (b2 <= 0x8A || b2 == 0xAF)
                    return folded(3, ' '); // U+2000-200A spaces, U+202F narrow NBSP
                if (b2 <= 0x8D)
                    return folded(3, Dropped); // U+200B-200D zero-width space, non-joiner, joiner
                if (b2 >= 0x90 && b2 <= 0x95)
                    return folded(3, '-'); // U+2010-2015 hyphen, figure dash, en dash, em dash ...
            } else if (b1 == 0x81 && b2 == 0x83) {
                return folded(3, '-'); // U+2043 hyphen bullet
            } else if (b1 == 0xB8 && (b2 == 0xBA || b2 == 0xBB)) {
                return folded(3, '-'); // U+2E3A-2E3B two- and three-em dashes
            } else if (b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xA4) {
                return folded(3, Dropped); // U+2060 word joiner, U+2061-2064 invisible operators
            } else if (b1 == 0x88 && b2 == 0x92) {
                return folded(3, '-'); // U+2212 minus sign
            } else if (b1 == 0x94 && b2 <= 0x81) {
                return folded(3, '-'); // U+2500-2501 box-drawing lines, typed for a dash (ㅂ and 한자)
            }
            break;
        case 0xE3:
            if (b1 == 0x80 && b2 == 0x80)
                return folded(3, ' '); // U+3000 ideographic space
            if (b1 == 0x80 && (b2 == 0x9C || b2 == 0xB0))
                return folded(3, '~'); // U+301C wave dash, U+3030 wavy dash: a Korean IME's tilde
            if (b1 == 0x85 && b2 == 0xA1)
                return folded(3, '-'); // U+3161 Hangul ㅡ, typed for a dash: "010ㅡ1234ㅡ5678"
            if ((b1 == 0x86 && b2 == 0x8D) || (b1 == 0x83 && b2 == 0xBB))
                return folded(3, '.'); // U+318D ㆍ and U+30FB ・, the middle dots a Korean IME offers
            if (b1 == 0x83 && b2 == 0xBC)
                return folded(3, '-'); // U+30FC ー, the prolonged sound mark an IME offers for a dash
            break;
        case 0xEF:
            if (b1 == 0xBB && b2 == 0xBF)
                return folded(3, Dropped); // U+FEFF zero-width no-break space
            if (b1 == 0xB8 && b2 >= 0x80 && b2 <= 0x8F)
                return folded(3, Dropped); // U+FE00-FE0F variation selectors
            if (b1 == 0xB9 && b2 == 0xA3)
                return folded(3, '-'); // U+FE63 small hyphen-minus
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF)
                return folded(3, static_cast<char>(0x21 + (b2 - 0x81))); // U+FF01-FF3F
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E)
                return folded(3, static_cast<char>(0x60 + (b2 - 0x80))); // U+FF40-FF5E
            if (b1 == 0xBD && b2 == 0xA5)
                return folded(3, '.'); // U+FF65 half-width middle dot
            if (b1 == 0xBD && b2 == 0xB0)
                return folded(3, '-'); // U+FF70 ｰ, the half-width prolonged sound mark
            break;
        }
    }
    // Beyond the common forms above: any character nobody sees, and any script's decimal digit, by
    // Unicode's own tables.
    if (length >= 2 && mayFold(lead)) {
        if (const auto c = codePoint(text, pos, length)) {
            if (isDefaultIgnorable(*c))
                return folded(length, Dropped);
            if (mayBeDigit(lead) && QChar::category(*c) == QChar::Number_DecimalDigit) {
                const int value = QChar::digitValue(*c);
                if (value >= 0 && value <= 9)
                    return folded(length, static_cast<char>('0' + value));
            }
        }
    }
    return {length, false, 0};
}

std::string CharacterFolding::foldAll(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const auto lead = static_cast<unsigned char>(text[pos]);
        if (lead < 0x80 || !mayFold(lead)) {
            out.push_back(text[pos++]);
            continue;
        }
        const FoldedCharacter c = at(text, pos);
        const std::size_t length = std::min(c.length, text.size() - pos);
        if (!c.folded)
            out.append(text.substr(pos, length));
        else if (c.replacement != Dropped)
            out.push_back(c.replacement);
        pos += length;
    }
    return out;
}

} // namespace SendGuard::Core
