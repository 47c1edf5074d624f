// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace SendGuard::Core {

// Finds, for the prefilter, the bytes that can start a candidate: ASCII digits, '*', '@', 0xEF
// (full-width forms) and the lead bytes of other scripts' decimal digits (0xD9, 0xDB, 0xDF
// Arabic-Indic and NKo, with 0xDD; 0xE0 Indic, Thai, Lao; 0xE1 Myanmar, Khmer, Mongolian; 0xF0
// mathematical and segmented digits, with 0xF1); 0xE1 not when a Hangul jamo follows (E1 84-87).
// It classifies 64 bytes at a time into one bit mask and keeps it while the caller walks through
// the block: prose has a number every few dozen bytes, and each then costs a shift instead of a
// new scan.
//
// AVX2 where the processor has it, SSE2 (always there on x86-64) otherwise, or plain C++; all
// three give the same answers, which tests check.
class TriggerBytes
{
public:
    enum class Instructions { Best, Sse2, Portable };
    static constexpr std::size_t BlockBytes = 64; // classified at once

    explicit TriggerBytes(std::string_view text, Instructions instructions = Instructions::Best);

    // The first trigger byte at or after pos, or the text's size when there is none.
    std::size_t next(std::size_t pos)
    {
        for (;; ++pos) {
            pos = nextByte(pos);
            // 0xE1 before a Hangul jamo (E1 84-87) is no digit: Korean text in NFD (macOS file
            // names) is made of them, which would stop the prefilter every three bytes.
            if (pos >= m_text.size() || static_cast<unsigned char>(m_text[pos]) != 0xE1 || pos + 1 == m_text.size() ||
                static_cast<unsigned char>(m_text[pos + 1]) < 0x84 ||
                static_cast<unsigned char>(m_text[pos + 1]) > 0x87)
                return pos;
        }
    }

    // Whether the Best instructions are AVX2 on this processor.
    static bool hasAvx2();

private:
    using BlockScan = std::uint64_t (*)(const unsigned char *block);

    // The first trigger byte at or after pos, by the byte alone.
    std::size_t nextByte(std::size_t pos)
    {
        // Inside the block already classified: a shift (pos before it wraps to a large offset).
        if (const std::size_t offset = pos - m_blockBegin; offset < BlockBytes) {
            if (const std::uint64_t ahead = m_block >> offset; ahead != 0)
                return pos + static_cast<std::size_t>(__builtin_ctzll(ahead));
            pos = m_blockBegin + BlockBytes;
        }
        return nextFromNewBlock(pos);
    }

    std::size_t nextFromNewBlock(std::size_t pos);

    std::string_view m_text;
    BlockScan m_scan = nullptr;
    std::size_t m_blockBegin = 0; // the text's size until a block is classified: no pos falls in it
    std::uint64_t m_block = 0; // bit i: text[m_blockBegin + i] is a trigger
};

} // namespace SendGuard::Core
