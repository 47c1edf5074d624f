// SPDX-License-Identifier: GPL-2.0-or-later
#include "normalizedtext.h"

#include <algorithm>

namespace SendGuard::Core {

NormalizedText::NormalizedText(std::string_view original)
    : m_original(original)
{
}

NormalizedText::NormalizedText(std::string_view original, std::size_t begin, std::size_t end)
    : m_original(original)
{
    appendSlice(begin, end);
}

void NormalizedText::clear()
{
    m_text.clear();
    m_slices.clear();
    m_origin.clear();
}

std::size_t NormalizedText::appendSlice(std::size_t begin, std::size_t end)
{
    m_slices.push_back({m_text.size(), begin, end, true, 0});
    Slice &slice = m_slices.back();
    m_text.reserve(m_text.size() + (end - begin));
    std::size_t pos = begin;
    while (pos < end) {
        if (slice.identity) {
            // Nothing folded yet: copy everything up to the next character that might fold at once.
            std::size_t next = pos;
            while (next < end && !mayFold(static_cast<unsigned char>(m_original[next])))
                ++next;
            m_text.append(m_original.substr(pos, next - pos));
            pos = next;
            if (pos == end)
                break;
        }
        if (static_cast<unsigned char>(m_original[pos]) < 0x80) {
            m_text.push_back(m_original[pos]);
            if (!slice.identity)
                m_origin.push_back(pos);
            ++pos;
            continue;
        }
        const FoldedCharacter c = foldCharacter(m_original, pos);
        const std::size_t length = std::min(c.length, end - pos);
        if (!c.folded) {
            m_text.append(m_original.substr(pos, length));
            if (!slice.identity)
                m_origin.insert(m_origin.end(), length, pos);
        } else {
            if (slice.identity)
                startOriginMap(slice);
            if (c.replacement != CharacterFolding::Dropped) {
                m_text.push_back(c.replacement);
                m_origin.push_back(pos);
            }
        }
        pos += length;
    }
    return m_slices.size() - 1;
}

void NormalizedText::startOriginMap(Slice &slice)
{
    // Up to here every byte of the slice was copied as it was: its map so far is the identity.
    // Multi-byte characters map all their bytes to the character's first byte.
    slice.identity = false;
    slice.mapBegin = m_origin.size();
    std::size_t characterStart = slice.originalBegin;
    for (std::size_t i = slice.textBegin; i < m_text.size(); ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
            characterStart = slice.originalBegin + (i - slice.textBegin);
        m_origin.push_back(characterStart);
    }
}

std::size_t NormalizedText::sliceAt(std::size_t offset) const
{
    const auto it = std::upper_bound(m_slices.begin(), m_slices.end(), offset,
                                     [](std::size_t value, const Slice &slice) { return value < slice.textBegin; });
    return static_cast<std::size_t>(it - m_slices.begin()) - 1;
}

std::size_t NormalizedText::originalStart(std::size_t offset, std::size_t sliceIndex) const
{
    const Slice &slice = m_slices[sliceIndex];
    const std::size_t inSlice = offset - slice.textBegin;
    return slice.identity ? slice.originalBegin + inSlice : m_origin[slice.mapBegin + inSlice];
}

std::size_t NormalizedText::originalEnd(std::size_t end, std::size_t slice) const
{
    const std::size_t start = originalStart(end - 1, slice);
    const std::size_t length = foldCharacter(m_original, start).length;
    return start + length;
}

} // namespace SendGuard::Core
