// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// Slices of a UTF-8 text with what hides digits from a pattern folded away, and a map back to the
// original bytes. Folded: full-width ASCII forms (U+FF01-FF5E: digits, hyphen, letters, '@') to ASCII;
// the decimal digits of other scripts (Unicode's Nd: Arabic-Indic, Devanagari, Thai, Myanmar,
// mathematical bold, segmented and the like) to their ASCII value, except those of the few scripts
// coded among the Hangul syllables' lead bytes (U+A000-ABFF: Vai, Javanese, Cham...), which would
// slow down every Korean text; the dash characters (U+2010-2015, U+2212, U+FE63) to '-'; NBSP,
// U+2000-200A, U+202F and U+3000 to ' '; every default-ignorable character (zero-width ones,
// direction marks, Hangul fillers, tags, variation selectors, the soft hyphen) dropped. Everything
// else, invalid UTF-8 included, is copied byte for byte.
//
// The scanner appends all the candidate regions of a message, each after a separator, so that one
// pattern pass covers them all.
class NormalizedText
{
public:
    struct FoldedCharacter
    {
        std::size_t length = 1; // bytes of the original character
        bool folded = false; // false: copied unchanged
        char replacement = 0; // when folded: the ASCII replacement, or 0 when the character is dropped
    };

    // What normalization does with the character starting at text[pos]. pos < text.size().
    static FoldedCharacter foldCharacter(std::string_view text, std::size_t pos);

    // Whether a character starting with this byte can be folded at all. Hangul (EA-ED) and CJK
    // (E4-E9) never are, so text in Korean is copied without a look at each character.
    static constexpr bool mayFold(unsigned char lead)
    {
        switch (lead) {
        case 0xC2: // NBSP, soft hyphen
        case 0xCD: // combining grapheme joiner
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
        case 0xE3: // ideographic space
        case 0xEF: // full-width forms, variation selectors, BOM
        case 0xF0: // mathematical digits
        case 0xF3: // variation selectors supplement
            return true;
        default:
            return false;
        }
    }

    // An empty text over `original`, which must outlive this object.
    explicit NormalizedText(std::string_view original);

    // original[begin, end) normalized: the common case of one slice.
    NormalizedText(std::string_view original, std::size_t begin, std::size_t end);

    // Appends original[begin, end) normalized; begin and end should be character boundaries.
    // Returns the index of the slice.
    std::size_t appendSlice(std::size_t begin, std::size_t end);

    // Appends a byte that belongs to no slice (it maps nowhere; no finding may include it).
    void appendSeparator(char c) { m_text.push_back(c); }

    void clear();

    const std::string &text() const { return m_text; }

    std::size_t sliceCount() const { return m_slices.size(); }

    // The slice normalized byte `offset` belongs to (offset must lie in a slice).
    std::size_t sliceAt(std::size_t offset) const;

    // The original range a slice was made from.
    std::size_t sliceOriginalBegin(std::size_t slice) const { return m_slices[slice].originalBegin; }
    std::size_t sliceOriginalEnd(std::size_t slice) const { return m_slices[slice].originalEnd; }

    // Offset in the original text of the character that produced normalized byte `offset`.
    std::size_t originalStart(std::size_t offset) const { return originalStart(offset, sliceAt(offset)); }
    std::size_t originalStart(std::size_t offset, std::size_t slice) const; // offset lies in `slice`

    // Offset in the original text just past the character that produced normalized byte end - 1.
    // end > 0.
    std::size_t originalEnd(std::size_t end) const { return originalEnd(end, sliceAt(end - 1)); }
    std::size_t originalEnd(std::size_t end, std::size_t slice) const; // end - 1 lies in `slice`

private:
    struct Slice
    {
        std::size_t textBegin = 0;
        std::size_t originalBegin = 0;
        std::size_t originalEnd = 0;
        // While nothing was folded (the usual case) the map is originalBegin + (offset - textBegin);
        // after the first fold, m_origin[mapBegin + offset - textBegin] holds it for every byte.
        bool identity = true;
        std::size_t mapBegin = 0;
    };

    void startOriginMap(Slice &slice);

    std::string_view m_original;
    std::string m_text;
    std::vector<Slice> m_slices;
    std::vector<std::size_t> m_origin;
};

} // namespace SendGuard::Core
