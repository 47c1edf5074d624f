// SPDX-License-Identifier: GPL-2.0-or-later
#include "contextwords.h"

#include <algorithm>

namespace SendGuard::Core {

namespace {

std::string lowered(std::string_view word)
{
    std::string out(word);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

} // namespace

ContextWords::ContextWords(const std::vector<DetectorSpec> &detectors, std::int64_t memoryBudget)
{
    std::vector<std::string> words;
    const auto wordIndex = [&](const std::string &word) {
        const std::string key = lowered(word);
        const auto [it, added] = m_index.try_emplace(key, words.size());
        if (added) {
            words.push_back(key);
            m_supports.emplace_back(detectors.size(), false);
            m_suppresses.emplace_back(detectors.size(), false);
        }
        return it->second;
    };
    for (std::size_t d = 0; d < detectors.size(); ++d) {
        for (const std::string &word : detectors[d].contextWords)
            m_supports[wordIndex(word)][d] = true;
        for (const std::string &word : detectors[d].suppressingWords)
            m_suppresses[wordIndex(word)][d] = true;
    }
    if (words.empty())
        return;
    // The search reports the longest word at each position and goes on after it, so a word also
    // speaks for every shorter word inside it ("카드번호" for "카드").
    for (std::size_t outer = 0; outer < words.size(); ++outer) {
        for (std::size_t inner = 0; inner < words.size(); ++inner) {
            if (inner == outer || words[outer].find(words[inner]) == std::string::npos)
                continue;
            for (std::size_t d = 0; d < detectors.size(); ++d) {
                if (m_supports[inner][d])
                    m_supports[outer][d] = true;
                if (m_suppresses[inner][d])
                    m_suppresses[outer][d] = true;
            }
        }
    }
    std::vector<std::string> ordered = words;
    std::sort(ordered.begin(), ordered.end(),
              [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
    std::string alternation;
    for (const std::string &word : ordered) {
        alternation += alternation.empty() ? "" : "|";
        alternation += RE2::QuoteMeta(word);
        m_longestWord = std::max(m_longestWord, word.size());
    }
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(memoryBudget);
    options.set_case_sensitive(false);
    m_regex = std::make_unique<RE2>(alternation, options);
    if (!m_regex->ok())
        m_error = QStringLiteral("context words: %1").arg(QString::fromStdString(m_regex->error()));
}

void ContextWords::find(std::string_view text, std::size_t begin, std::size_t end, std::vector<Occurrence> &out) const
{
    out.clear();
    if (!m_regex)
        return;
    const re2::StringPiece input(text.data(), end);
    re2::StringPiece match;
    std::size_t pos = begin;
    while (pos < end && m_regex->Match(input, pos, end, RE2::UNANCHORED, &match, 1)) {
        const auto start = static_cast<std::size_t>(match.data() - input.data());
        const auto it = m_index.find(lowered({match.data(), match.size()}));
        if (it != m_index.end())
            out.push_back({start, start + match.size(), it->second});
        pos = start + std::max<std::size_t>(match.size(), 1);
    }
}

std::size_t ContextWords::nearest(const std::vector<Occurrence> &occurrences, std::size_t detector, bool suppressing,
                                  std::size_t start, std::size_t end) const
{
    const std::size_t windowStart = start > WindowBefore + m_longestWord ? start - WindowBefore - m_longestWord : 0;
    auto it = std::lower_bound(occurrences.begin(), occurrences.end(), windowStart,
                               [](const Occurrence &o, std::size_t value) { return o.start < value; });
    const auto &relevant = suppressing ? m_suppresses : m_supports;
    std::size_t nearest = std::string_view::npos;
    for (; it != occurrences.end() && it->start < end + WindowAfter; ++it) {
        if (!relevant[it->word][detector] || (suppressing && it->end > start))
            continue;
        std::size_t distance = 0;
        if (it->end <= start)
            distance = start - it->end;
        else if (it->start >= end)
            distance = it->start - end;
        const bool inWindow = it->end <= start ? distance <= WindowBefore : distance <= WindowAfter;
        if (inWindow)
            nearest = std::min(nearest, distance);
    }
    return nearest;
}

} // namespace SendGuard::Core
