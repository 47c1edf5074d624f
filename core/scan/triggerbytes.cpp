// SPDX-License-Identifier: GPL-2.0-or-later
#include "triggerbytes.h"

#include <array>

#if defined(__x86_64__)
#include <immintrin.h>
#define SENDGUARD_X86 1
#endif

namespace SendGuard::Core {

namespace {

constexpr std::size_t BlockBytes = TriggerBytes::BlockBytes;
constexpr std::array<bool, 256> triggerTable = [] {
    std::array<bool, 256> table {};
    for (int c = '0'; c <= '9'; ++c)
        table[c] = true;
    table['*'] = true;
    table['@'] = true;
    // Full-width forms; the lead bytes of other scripts' digits (Arabic-Indic and NKo: D9, DB,
    // DF, with DD beside them; Indic, Thai, Lao: E0; Myanmar, Khmer, Mongolian: E1; mathematical,
    // segmented and the other supplementary digits: F0, with F1 beside it).
    for (const int c : {0xEF, 0xD9, 0xDB, 0xDD, 0xDF, 0xE0, 0xE1, 0xF0, 0xF1})
        table[c] = true;
    return table;
}();

std::uint64_t scanPortable(const unsigned char *block)
{
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < BlockBytes; ++i)
        bits |= std::uint64_t {triggerTable[block[i]]} << i;
    return bits;
}

#if defined(SENDGUARD_X86)

std::uint64_t scanSse2(const unsigned char *block)
{
    const __m128i zero = _mm_set1_epi8('0');
    const __m128i nine = _mm_set1_epi8(9);
    const __m128i star = _mm_set1_epi8('*');
    const __m128i at = _mm_set1_epi8('@');
    const __m128i fullWidthLead = _mm_set1_epi8(static_cast<char>(0xEF));
    // D9, DB, DD and DF differ in two bits, E0, E1, F0 and F1 in two others: two compares find all
    // eight.
    const __m128i notBits1And2 = _mm_set1_epi8(static_cast<char>(0xF9));
    const __m128i arabicLead = _mm_set1_epi8(static_cast<char>(0xD9));
    const __m128i notBits0And4 = _mm_set1_epi8(static_cast<char>(0xEE));
    const __m128i otherDigitLead = _mm_set1_epi8(static_cast<char>(0xE0));
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < BlockBytes; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(block + i));
        const __m128i offset = _mm_sub_epi8(v, zero);
        const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(offset, nine), offset);
        const __m128i other = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, star), _mm_cmpeq_epi8(v, at)),
                                           _mm_cmpeq_epi8(v, fullWidthLead));
        const __m128i otherDigits = _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(v, notBits1And2), arabicLead),
                                                 _mm_cmpeq_epi8(_mm_and_si128(v, notBits0And4), otherDigitLead));
        const auto mask =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, other), otherDigits)));
        bits |= std::uint64_t {mask} << i;
    }
    return bits;
}

__attribute__((target("avx2"))) std::uint64_t scanAvx2(const unsigned char *block)
{
    const __m256i zero = _mm256_set1_epi8('0');
    const __m256i nine = _mm256_set1_epi8(9);
    const __m256i star = _mm256_set1_epi8('*');
    const __m256i at = _mm256_set1_epi8('@');
    const __m256i fullWidthLead = _mm256_set1_epi8(static_cast<char>(0xEF));
    const __m256i notBits1And2 = _mm256_set1_epi8(static_cast<char>(0xF9));
    const __m256i arabicLead = _mm256_set1_epi8(static_cast<char>(0xD9));
    const __m256i notBits0And4 = _mm256_set1_epi8(static_cast<char>(0xEE));
    const __m256i otherDigitLead = _mm256_set1_epi8(static_cast<char>(0xE0));
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < BlockBytes; i += 32) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(block + i));
        const __m256i offset = _mm256_sub_epi8(v, zero);
        const __m256i digit = _mm256_cmpeq_epi8(_mm256_min_epu8(offset, nine), offset);
        const __m256i other = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, star), _mm256_cmpeq_epi8(v, at)),
                                              _mm256_cmpeq_epi8(v, fullWidthLead));
        const __m256i otherDigits =
            _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_and_si256(v, notBits1And2), arabicLead),
                            _mm256_cmpeq_epi8(_mm256_and_si256(v, notBits0And4), otherDigitLead));
        const auto mask = static_cast<std::uint32_t>(
            _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(digit, other), otherDigits)));
        bits |= std::uint64_t {mask} << i;
    }
    return bits;
}

#endif

} // namespace

bool TriggerBytes::hasAvx2()
{
#if defined(SENDGUARD_X86)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    return avx2;
#else
    return false;
#endif
}

TriggerBytes::TriggerBytes(std::string_view text, Instructions instructions)
    : m_text(text)
    , m_scan(scanPortable)
    , m_blockBegin(text.size())
{
#if defined(SENDGUARD_X86)
    if (instructions == Instructions::Best)
        m_scan = hasAvx2() ? scanAvx2 : scanSse2;
    else if (instructions == Instructions::Sse2)
        m_scan = scanSse2;
#else
    (void)instructions;
#endif
}

std::size_t TriggerBytes::nextFromNewBlock(std::size_t pos)
{
    const auto *data = reinterpret_cast<const unsigned char *>(m_text.data());
    const std::size_t size = m_text.size();
    while (pos < size) {
        if (size - pos < BlockBytes) {
            // The tail: byte by byte rather than a read past the end.
            while (pos < size && !triggerTable[data[pos]])
                ++pos;
            return pos;
        }
        m_blockBegin = pos;
        m_block = m_scan(data + pos);
        if (m_block != 0)
            return pos + static_cast<std::size_t>(__builtin_ctzll(m_block));
        pos += BlockBytes;
    }
    return size;
}

} // namespace SendGuard::Core
