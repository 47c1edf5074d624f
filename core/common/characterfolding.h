// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace SendGuard::Core {

// What hides a digit from a reader of bytes, folded to what it reads as: full-width ASCII forms
// (U+FF01-FF5E: digits, hyphen, letters, '@') to ASCII; the decimal digits of other scripts
// (Unicode's Nd: Arabic-Indic, Devanagari, Thai, Myanmar, mathematical bold, segmented and the
// like) to their ASCII value, except those of the few scripts coded among the Hangul syllables'
// lead bytes (U+A000-ABFF: Vai, Javanese, Cham...), which would slow down every Korean text; the
// dash characters (U+2010-2015, U+2212, U+FE63, and ㅡ, ー, ｰ or the box-drawing ─ typed for one) to
// '-'; the middle dots (U+00B7, ㆍ, ・, ･) to '.'; the wave dashes (〜, 〰) to '~'; NBSP, U+2000-200A,
// U+202F and U+3000 to ' '; every default-ignorable character (zero-width
// ones, direction marks, Hangul fillers, tags, variation selectors, the soft hyphen) dropped. The scanner's normalized
// text (NormalizedText) and the detectors' look around a number (PersonEvidence) read the same.
class CharacterFolding
{
public:
    static constexpr char Dropped = 0; // the replacement of a character that is dropped

    struct FoldedCharacter
    {
        std::size_t length = 1; // bytes of the original character
        bool folded = false; // false: copied unchanged
        char replacement = 0; // when folded: the ASCII replacement, or Dropped
    };

    // What becomes of the character starting at text[pos]. pos < text.size(). Invalid UTF-8 is
    // copied byte by byte.
    static FoldedCharacter at(std::string_view text, std::size_t pos);
    // text with every character folded (and no map back to it: NormalizedText keeps one).
    static std::string foldAll(std::string_view text);

    // Whether a character starting with this byte can be folded at all. Hangul (EA-ED) and CJK
    // (E4-E9) never are, so text in Korean is copied without a look at each character.
    static constexpr bool mayFold(unsigned char lead)
    {
        switch (lead) {
        case 0xC2: // NBSP, soft hyphen, C1 controls, middle dot
        case 0xCD: // combining grapheme joiner
        case 0xD6: // Armenian hyphen
        case 0xD8: // Arabic letter mark
        case 0xD9: // Arabic-Indic digits
        case 0xDA:
        case 0xDB: // extended Arabic-Indic digits
        case 0xDC:
        case 0xDD:
        case 0xDE:
        case 0xDF: // NKo digits
        case 0xE0: // Devanagari, Bengali, Thai digits
        case 0xE1: // Mongolian vowel separator
        case 0xE2: // spaces, dashes, zero-width and invisible characters
        case 0xE3: // ideographic space, ㅡ and ㆍ, a wave dash
        case 0xEF: // full-width forms, variation selectors, BOM
        case 0xF0: // mathematical digits
        case 0xF3: // variation selectors supplement
            return true;
        default:
            return false;
        }
    }
};

} // namespace SendGuard::Core
