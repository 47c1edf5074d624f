// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectors/detectorspec.h"

#include <QString>

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// The detectors' patterns, each required to start where its boundary allows: a digit pattern
// right after a non-digit, a code after a non-alphanumeric, an address after a character that
// cannot be in one. The rule is compiled into the pattern as one leading character
// ("[^0-9](?:pattern)"), so text must put a separator before each region it holds.
//
// That leading character is what makes one unanchored RE2::Set pass over digit-dense text cheap:
// a plain set would follow every pattern from every digit at once, and its DFA crawls.
//
// Lifecycle as RE2::Set's: add() every pattern, then compile() once; the rest is const and safe
// from several threads.
class PatternSet
{
public:
    explicit PatternSet(std::int64_t memoryBudget);

    // Adds a pattern under a caller's tag. False, with *error set, when it does not compile.
    bool add(const std::string &regex, Boundary boundary, std::size_t tag, QString *error);

    // False when the set exceeds the memory budget.
    bool compile();

    std::size_t size() const { return m_patterns.size(); }
    std::size_t tag(std::size_t pattern) const { return m_tags[pattern]; }

    // Replaces *patterns with the patterns that match somewhere in text. False when the matcher
    // failed (out of memory): the caller must not treat the text as clean.
    bool matching(std::string_view text, std::vector<int> *patterns) const;

    // The leftmost match of one pattern in text[pos, until) whose leading character is at or after
    // pos, as the pattern's own span [*start, *end) (the leading character excluded). The rest of
    // `text` is context: "$" and "\\b" see what follows `until`. False when there is none.
    bool find(std::size_t pattern, std::string_view text, std::size_t pos, std::size_t until, std::size_t *start,
              std::size_t *end) const;

private:
    RE2::Options m_options;
    RE2::Set m_set;
    std::vector<std::unique_ptr<RE2>> m_patterns;
    std::vector<std::size_t> m_tags;
};

} // namespace SendGuard::Core
