// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// A slice of UTF-8 text with what hides digits from a pattern folded away, and a map back to the
// original bytes. Folded: full-width ASCII forms (U+FF01-FF5E: digits, hyphen, letters, '@') to ASCII;
// the dash characters (U+2010-2015, U+2212, U+FE63) to '-'; NBSP, U+2000-200A, U+202F and U+3000 to ' ';
// zero-width characters (U+200B-200D, U+2060, U+FEFF) and the soft hyphen dropped. Everything else,
// invalid UTF-8 included, is copied byte for byte.
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

    // Normalizes original[begin, end); begin and end should be character boundaries.
    // The view must outlive this object.
    NormalizedText(std::string_view original, std::size_t begin, std::size_t end);

    const std::string &text() const { return m_text; }

    // Offset in the original text of the character that produced normalized byte `offset`.
    std::size_t originalStart(std::size_t offset) const { return m_origin[offset]; }

    // Offset in the original text just past the character that produced normalized byte end - 1.
    // end > 0.
    std::size_t originalEnd(std::size_t end) const;

private:
    std::string_view m_original;
    std::string m_text;
    std::vector<std::size_t> m_origin; // per normalized byte
};

} // namespace SendGuard::Core
