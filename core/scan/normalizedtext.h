// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/characterfolding.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// Slices of a UTF-8 text with what hides digits from a pattern folded away (CharacterFolding),
// and a map back to the original bytes. Everything else, invalid UTF-8 included, is copied byte
// for byte.
//
// The scanner appends all the candidate regions of a message, each after a separator, so that one
// pattern pass covers them all.
class NormalizedText
{
public:
    using FoldedCharacter = CharacterFolding::FoldedCharacter;

    // What normalization does with the character starting at text[pos]. pos < text.size().
    static FoldedCharacter foldCharacter(std::string_view text, std::size_t pos)
    {
        return CharacterFolding::at(text, pos);
    }

    // Whether a character starting with this byte can be folded at all.
    static constexpr bool mayFold(unsigned char lead) { return CharacterFolding::mayFold(lead); }

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
