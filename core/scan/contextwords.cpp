// SPDX-License-Identifier: GPL-2.0-or-later
#include "contextwords.h"

#include <algorithm>
#include <bit>
#include <map>

namespace SendGuard::Core {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lowered(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view word)
{
    std::string out(word);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lowered(c); });
    return out;
}

// "접수번호" -> "접수 번호"; empty when the word has no 번호 after a Hangul syllable.
std::string spacedVariant(const std::string &word)
{
    static const std::string number = "번호";
    const std::size_t at = word.find(number);
    if (at == std::string::npos || at < 3 || static_cast<unsigned char>(word[at - 3]) < 0xEA)
        return {};
    return word.substr(0, at) + ' ' + word.substr(at);
}

std::uint16_t pairAt(std::string_view text, std::size_t i)
{
    return static_cast<std::uint16_t>(static_cast<unsigned char>(lowered(text[i])) << 8 |
                                      static_cast<unsigned char>(lowered(text[i + 1])));
}

} // namespace

ContextWords::ContextWords(const std::vector<DetectorSpec> &detectors)
{
    std::unordered_map<std::string, std::size_t> index;
    const auto wordIndex = [&](const std::string &word) {
        const auto [it, added] = index.try_emplace(lowered(word), m_words.size());
        if (added) {
            m_words.push_back(it->first);
            m_supports.emplace_back(detectors.size(), false);
            m_suppresses.emplace_back(detectors.size(), false);
            m_labelOnly.emplace_back(detectors.size(), false);
            m_hides.push_back(false);
        }
        return it->second;
    };
    // Each word, and its spaced form when it has one.
    const auto forEachForm = [](const std::vector<std::string> &words, auto &&add) {
        for (const std::string &word : words) {
            if (word.size() < 2)
                continue;
            add(word);
            if (const std::string spaced = spacedVariant(word); !spaced.empty()) {
                add(spaced);
                // And with the English word for it, as forms and invoices write: "증권 No.", "계좌 No".
                add(spaced.substr(0, spaced.size() - std::string_view("번호").size()) + "no");
            }
        }
    };
    for (std::size_t d = 0; d < detectors.size(); ++d) {
        m_shortLabelsTitleColumns.push_back(detectors[d].shortLabelsTitleColumns);
        forEachForm(detectors[d].contextWords, [&](const std::string &word) { m_supports[wordIndex(word)][d] = true; });
        forEachForm(detectors[d].labelOnlyWords, [&](const std::string &word) {
            const std::size_t w = wordIndex(word);
            m_supports[w][d] = true;
            m_labelOnly[w][d] = true;
        });
        forEachForm(detectors[d].suppressingWords,
                    [&](const std::string &word) { m_suppresses[wordIndex(word)][d] = true; });
        forEachForm(detectors[d].contextExceptions, [&](const std::string &word) { m_hides[wordIndex(word)] = true; });
    }
    for (const std::string &word : m_words) {
        m_endsAWord.push_back(word.ends_with(" no"));
        m_startsAWord.push_back(isAsciiLetter(word.front()));
    }
    std::map<std::uint16_t, std::vector<std::uint32_t>> wordsByFirstPair; // ordered: ranks follow the pairs
    for (std::size_t w = 0; w < m_words.size(); ++w) {
        const std::uint16_t pair = pairAt(m_words[w], 0);
        m_firstPairs[pair / 64] |= std::uint64_t {1} << (pair % 64);
        const auto first = static_cast<unsigned char>(m_words[w].front());
        m_firstBytes[first] = true;
        if (first >= 'a' && first <= 'z')
            m_firstBytes[first - 'a' + 'A'] = true;
        wordsByFirstPair[pair].push_back(static_cast<std::uint32_t>(w));
        m_longestWord = std::max(m_longestWord, m_words[w].size());
    }
    std::uint16_t pairs = 0;
    for (std::size_t i = 0; i < m_firstPairs.size(); ++i) {
        m_pairsBefore[i] = pairs;
        pairs = static_cast<std::uint16_t>(pairs + std::popcount(m_firstPairs[i]));
    }
    for (const auto &[pair, words] : wordsByFirstPair) {
        m_pairWordsBegin.push_back(static_cast<std::uint32_t>(m_wordsOfPairs.size()));
        m_wordsOfPairs.insert(m_wordsOfPairs.end(), words.begin(), words.end());
    }
    m_pairWordsBegin.push_back(static_cast<std::uint32_t>(m_wordsOfPairs.size()));
}

void ContextWords::find(std::string_view text, std::size_t begin, std::size_t end, std::vector<Occurrence> &out) const
{
    out.clear();
    end = std::min(end, text.size());
    for (std::size_t i = begin; i + 1 < end; ++i) {
        if (!m_firstBytes[static_cast<unsigned char>(text[i])])
            continue; // a continuation byte, too: no word starts inside a character
        const std::uint16_t pair = pairAt(text, i);
        const std::uint64_t bits = m_firstPairs[pair / 64];
        const std::uint64_t bit = std::uint64_t {1} << (pair % 64);
        if ((bits & bit) == 0)
            continue;
        const std::size_t rank = m_pairsBefore[pair / 64] + static_cast<std::size_t>(std::popcount(bits & (bit - 1)));
        // The pair matched: a word's third byte tells most apart (a Hangul syllable's last byte).
        const char third = i + 2 < end ? lowered(text[i + 2]) : '\0';
        for (std::uint32_t k = m_pairWordsBegin[rank]; k < m_pairWordsBegin[rank + 1]; ++k) {
            const std::size_t w = m_wordsOfPairs[k];
            const std::string &word = m_words[w];
            if (i + word.size() > end || (word.size() > 2 && word[2] != third))
                continue;
            const bool same =
                std::equal(word.begin() + 2, word.end(), text.begin() + static_cast<std::ptrdiff_t>(i + 2),
                           [](char a, char b) { return a == lowered(b); });
            // "고객 no" is the label's English form, not the start of "고객 Notes".
            const std::size_t after = i + word.size();
            // An English word or short label inside a longer one ("tel" in "hotel", "NH" in "LNH") is none.
            if (same && !(m_endsAWord[w] && after < text.size() && isAsciiLetter(text[after])) &&
                !(m_startsAWord[w] && i > 0 && isAsciiLetter(text[i - 1])))
                out.push_back({i, i + word.size(), w});
        }
    }
    // Words inside an exception go, and so do the exceptions: they only hide.
    std::size_t hiddenUntil = 0;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (m_hides[out[i].word]) {
            hiddenUntil = std::max(hiddenUntil, out[i].end);
            // Words inside it that start where it starts were found before it.
            std::size_t block = kept;
            while (block > 0 && out[block - 1].start == out[i].start)
                --block;
            std::size_t write = block;
            for (std::size_t j = block; j < kept; ++j) {
                if (out[j].end > out[i].end)
                    out[write++] = out[j];
            }
            kept = write;
            continue;
        }
        if (out[i].end <= hiddenUntil)
            continue;
        out[kept++] = out[i];
    }
    out.resize(kept);
}

std::size_t ContextWords::nearest(const std::vector<Occurrence> &occurrences, std::size_t detector, bool suppressing,
                                  std::size_t start, std::size_t end) const
{
    std::size_t cursor = 0;
    const Nearest both = nearestBoth(occurrences, detector, start, end, &cursor);
    return suppressing ? both.suppressing : both.supporting;
}

ContextWords::Nearest ContextWords::nearestBoth(const std::vector<Occurrence> &occurrences, std::size_t detector,
                                                std::size_t start, std::size_t end, std::size_t *cursor) const
{
    const std::size_t windowStart = start > WindowBefore + m_longestWord ? start - WindowBefore - m_longestWord : 0;
    std::size_t i = std::min(*cursor, occurrences.size());
    while (i > 0 && occurrences[i - 1].start >= windowStart)
        --i;
    while (i < occurrences.size() && occurrences[i].start < windowStart)
        ++i;
    *cursor = i;
    Nearest nearest;
    // The last supporting word seen: occurrences come by their start, a longer word before those inside it.
    std::size_t supportingStart = std::string_view::npos;
    std::size_t supportingEnd = std::string_view::npos;
    for (; i < occurrences.size() && occurrences[i].start < end + WindowAfter; ++i) {
        const Occurrence &o = occurrences[i];
        const bool supports = m_supports[o.word][detector];
        const bool suppresses = m_suppresses[o.word][detector] && o.end <= start && // a label precedes its value
            !(supportingStart != std::string_view::npos && o.start > supportingStart && o.end <= supportingEnd);
        if (!supports && !suppresses)
            continue;
        const std::size_t supportingEndBefore = supportingStart != std::string_view::npos && supportingStart < o.start
            ? supportingEnd
            : std::string_view::npos;
        if (supports && (supportingEnd == std::string_view::npos || o.end > supportingEnd)) {
            supportingStart = o.start;
            supportingEnd = o.end;
        }
        std::size_t distance = 0;
        if (o.end <= start)
            distance = start - o.end;
        else if (o.start >= end)
            distance = o.start - end;
        const bool inWindow = o.end <= start ? distance <= WindowBefore : distance <= WindowAfter;
        if (!inWindow ||
            (supports && !suppresses && m_labelOnly[o.word][detector] && (o.end > start || distance > LabelOnlyReach)))
            continue;
        if (supports && distance < nearest.supporting) {
            nearest.supporting = distance;
            nearest.supportingAt = o.start;
        }
        if (supports && o.end <= start)
            nearest.supportingBefore = std::min(nearest.supportingBefore, distance);
        if (suppresses && distance <= nearest.suppressing) {
            nearest.suppressing = distance;
            nearest.suppressingEnd = o.end;
            nearest.suppressingStart = o.start;
            nearest.supportingEndBeforeSuppressing = supportingEndBefore;
        }
    }
    return nearest;
}

} // namespace SendGuard::Core
