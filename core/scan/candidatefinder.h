// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "textrange.h"

#include <functional>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// The scanner's prefilter. Almost all of a message is prose with no identifier in it; this finds,
// at memory speed, the few regions where one could be, so the regular expressions run only there:
//  - clusters of digits (ASCII or full-width) and mask characters ('*', '●', '•', '○', '□') joined by short
//    gaps of the separators identifiers are written with (spaces, hyphens and dashes, dots,
//    parentheses, '+', a letter), with at least minDigits of them and one group of at least
//    minGroupDigits (or minSpacedDigits groups of one digit in a row). A comma, colon, slash, line break or Hangul ends
//    a cluster: amounts, times and prose are not candidates; a line break right after a hyphen
//    (and a reply's quote mark, '>', after it) does not: that is a number wrapped;
//  - runs of e-mail address characters around an '@'.
// A run of more than 19 digits breaks a cluster: no identifier can sit inside a longer number.
// Each region gets a small margin for prefixes such as "+", "서울 " or a passport letter.
// Thread-safe: find() is const and keeps no state.
class CandidateFinder
{
public:
    struct Options
    {
        int minDigits = 7; // a cluster with fewer digits is not a candidate; 0 disables digit clusters
        int minGroupDigits = 4; // nor is one whose longest group of digits is shorter
        // ... unless it has this many groups of one digit in a row (a form's boxes: "9 0 0 1 0 1 -
        // 1 2 …"); 0: such a cluster is no candidate
        int minSpacedDigits = 0;
        bool findAddresses = true; // look for '@'
        // Pass over short runs of ASCII digits that end at Hangul or punctuation without the full
        // walk: the same regions, found faster. False runs the full walk everywhere, which tests
        // compare with.
        bool skipShortRuns = true;
        // How far the walk goes between handing regions over (find with a callback); tests make it
        // small to try every place a handover can fall.
        std::size_t handoverBytes = 64 * 1024;
    };

    explicit CandidateFinder(Options options);

    // Regions sorted by begin, each on character boundaries (in valid UTF-8; in invalid text, within
    // three bytes of the margins). Every match a detector can make lies wholly inside at least one
    // region. Regions are capped in size and may overlap.
    std::vector<TextRange> find(std::string_view text) const;

    // The same regions, handed to take(region) in order while the walk goes on, each once no later
    // one can change it: a long text's regions are worked on while their bytes are still in the
    // cache. take returns false to stop the walk.
    void find(std::string_view text, const std::function<bool(const TextRange &)> &take) const;

private:
    Options m_options;
};

} // namespace SendGuard::Core
