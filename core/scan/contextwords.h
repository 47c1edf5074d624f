// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectors/detectorspec.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// The context words of every detector, found in one pass over a region of text, so that each
// candidate's nearest word is a lookup rather than another search. A context word counts when it
// stands within WindowBefore bytes before a match or WindowAfter bytes after it.
//
// Words are looked up by their first two bytes at each character of the region: a few
// instructions a byte, where a regular expression of some hundred alternatives cost ten times more.
class ContextWords
{
public:
    static constexpr std::size_t WindowBefore = 80; // about 25 Hangul characters: a label and its colon
    static constexpr std::size_t WindowAfter = 40;
    // How close a label-only word (DetectorSpec::labelOnlyWords) must end before a match: a blank
    // and a colon, "우리: 1002-123-456789".
    static constexpr std::size_t LabelOnlyReach = 4;

    struct Occurrence
    {
        std::size_t start = 0;
        std::size_t end = 0;
        std::size_t word = 0;
    };

    explicit ContextWords(const std::vector<DetectorSpec> &detectors);

    // A label written with a space before 번호 ("접수 번호"), or with "No" for it ("증권 No."), is
    // the same label: every word with 번호 after a Hangul syllable is looked for in the three forms.
    //
    // Every occurrence in text[begin, end), sorted by start; words inside longer words are found
    // too ("카드" in "카드번호"), except inside a detector's context exceptions ("국민" in
    // "국민연금"), which are not reported themselves. English words match in any case.
    void find(std::string_view text, std::size_t begin, std::size_t end, std::vector<Occurrence> &out) const;

    // Distance in bytes from the match [start, end) to the nearest occurrence, within the window, of
    // a word that supports `detector`; npos if none. With suppressing, of a word that rules it out,
    // and only before the match: a label ("법인등록번호:") precedes its value.
    std::size_t nearest(const std::vector<Occurrence> &occurrences, std::size_t detector, bool suppressing,
                        std::size_t start, std::size_t end) const;

    struct Nearest
    {
        std::size_t supporting = std::string_view::npos;
        std::size_t supportingAt = std::string_view::npos; // where that nearest supporting word starts
        std::size_t suppressing = std::string_view::npos;
        std::size_t supportingBefore = std::string_view::npos; // of a supporting word that ends before the match
        std::size_t suppressingEnd = std::string_view::npos; // where the nearest suppressing word ends
        std::size_t suppressingStart = std::string_view::npos; // ... and where it starts
        // Where the last supporting word that starts before that one ends, maybe inside it:
        // "주민등록번호(법인등록번호)" and "주민/법인번호" name both.
        std::size_t supportingEndBeforeSuppressing = std::string_view::npos;
    };

    // Both distances in one walk over the window. A suppressing word inside a longer supporting one
    // is none ("신고번호" in "거소신고번호"). *cursor is where the last call's window began
    // (start it at 0): a scan asks about matches in nearly ascending order, so the window is found
    // from there in a step or two instead of a search over all occurrences of a long region.
    // Whether `word` (an Occurrence's) supports, or rules out, `detector`.
    bool supports(std::size_t word, std::size_t detector) const { return m_supports[word][detector]; }
    bool suppresses(std::size_t word, std::size_t detector) const { return m_suppresses[word][detector]; }
    // Whether `word` supports `detector` only right before a match (DetectorSpec::labelOnlyWords).
    bool labelOnly(std::size_t word, std::size_t detector) const { return m_labelOnly[word][detector]; }
    // DetectorSpec::shortLabelsTitleColumns.
    bool shortLabelsTitleColumns(std::size_t detector) const { return m_shortLabelsTitleColumns[detector]; }

    Nearest nearestBoth(const std::vector<Occurrence> &occurrences, std::size_t detector, std::size_t start,
                        std::size_t end, std::size_t *cursor) const;

private:
    std::vector<std::string> m_words; // lower-cased, two bytes or more
    std::vector<std::vector<bool>> m_supports; // word -> detector
    std::vector<std::vector<bool>> m_suppresses; // word -> detector
    std::vector<std::vector<bool>> m_labelOnly; // word -> detector: supports it only right before a match
    std::vector<bool> m_shortLabelsTitleColumns; // by detector
    std::vector<bool> m_hides; // word -> a context exception: words inside it do not count
    std::vector<bool> m_endsAWord; // word -> counts only where no letter follows it ("증권 no", not "… Notes")
    std::vector<bool> m_startsAWord; // word -> counts only where no letter comes before it ("NH", not "LNH")
    // Which bytes start a word, either case: most bytes of a region (digits, separators, the
    // continuation bytes of Hangul) are passed over with one lookup.
    std::array<bool, 256> m_firstBytes {};
    std::array<std::uint64_t, 1024> m_firstPairs {}; // bit set: which first two bytes start a word
    // The words of each first pair, without a hash lookup per hit in the text: the pairs' rank in
    // the bit set (pairs set in the words before, plus those below it in its own word) indexes
    // m_pairWordsBegin, which says where the pair's words lie in m_wordsOfPairs.
    std::array<std::uint16_t, 1024> m_pairsBefore {};
    std::vector<std::uint32_t> m_pairWordsBegin;
    std::vector<std::uint32_t> m_wordsOfPairs;
    std::size_t m_longestWord = 0;
};

} // namespace SendGuard::Core
