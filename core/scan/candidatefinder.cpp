// SPDX-License-Identifier: GPL-2.0-or-later
#include "candidatefinder.h"

#include "normalizedtext.h"
#include "triggerbytes.h"

#include "common/byteword.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace SendGuard::Core {

namespace {

constexpr std::size_t MaxGapBytes = 8; // "－\u200B" or " - " between digit groups; never a line
constexpr std::size_t MaxDigitRun = 19; // the longest digit run any identifier has (card numbers)
// Room before the first digit: "서울 － " (11 bytes) before a licence, "+" before a phone, a passport
// letter, and a registration number's front half with the word before its back half, whose six
// digits alone are no cluster ("900101 / 뒷자리 : 1234567", 21 bytes).
constexpr std::size_t PrefixMargin = 24;
constexpr std::size_t SuffixMargin = 8;
constexpr std::size_t MaxClusterBytes = 4096;
constexpr std::size_t MaxRegionBytes = 64 * 1024; // bounds the normalized copy the scanner makes
constexpr std::size_t ClusterOverlapGroups = 4; // the most digit groups one identifier spans
constexpr std::size_t MaxLocalPart = 64;
constexpr std::size_t MaxDomain = 255;
// How far before the walk's position a region found later can begin: an address's local part
// (a full-width character's three bytes past the limit at most), then the margin and the three
// continuation bytes at most that withMargins steps back over.
constexpr std::size_t ReachBack = MaxLocalPart + 2 + PrefixMargin + 3;

unsigned char byteAt(std::string_view text, std::size_t i)
{
    return static_cast<unsigned char>(text[i]);
}

bool isContinuationByte(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// What a character means to the cluster scan.
enum class Kind : unsigned char {
    Stop, // ends a cluster: a line break, a comma, Hangul ...
    Digit, // ASCII or full-width
    Mask, // '*', 'x' and 'X' (900101-1xxxxxx, 90xxxx-1xxxxxx), full-width '＊', '●', '•', '○', '□'
    Separator, // may stand between digit groups: space, '-', '.', '(', ')', '+', a letter; what folds to one
    Ignorable, // dropped by normalization (zero-width characters): invisible inside a group too
    Multibyte, // (table only) look closer
};

constexpr std::array<Kind, 256> byteKinds = [] {
    std::array<Kind, 256> kinds {};
    for (int c = 0x80; c < 0x100; ++c)
        kinds[c] = Kind::Multibyte;
    for (int c = '0'; c <= '9'; ++c)
        kinds[c] = Kind::Digit;
    for (int c = 'A'; c <= 'Z'; ++c)
        kinds[c] = kinds[c + ('a' - 'A')] = Kind::Separator;
    // '\t', '/', '_' and '~' too: two cells copied together, "900101/1234567" after a label.
    for (const char c : {' ', '-', '.', '(', ')', '+', '\t', '/', '_', '~'})
        kinds[static_cast<unsigned char>(c)] = Kind::Separator;
    kinds['*'] = kinds['x'] = kinds['X'] = Kind::Mask;
    return kinds;
}();

struct Character
{
    Kind kind = Kind::Stop;
    std::size_t length = 1;
};

Character multibyteCharacterAt(std::string_view text, std::size_t i)
{
    const unsigned char c = byteAt(text, i);
    if (!NormalizedText::mayFold(c)) {
        // Hangul, CJK and the rest: nothing a number is written with.
        const std::size_t length = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
        return {Kind::Stop, std::min(length, text.size() - i)};
    }
    if ((c == 0xEF || c == 0xE2) && i + 2 < text.size()) {
        const unsigned char b1 = byteAt(text, i + 1);
        const unsigned char b2 = byteAt(text, i + 2);
        if (c == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99)
            return {Kind::Digit, 3}; // full-width digit
        if (c == 0xEF && b1 == 0xBC && b2 == 0x8A)
            return {Kind::Mask, 3}; // full-width asterisk
        if (c == 0xE2 &&
            ((b1 == 0x97 && (b2 == 0x8F || b2 == 0x8B)) || (b1 == 0x80 && b2 == 0xA2) || (b1 == 0x96 && b2 == 0xA1)))
            return {Kind::Mask, 3}; // black and white circles, bullet, white square (Korean documents' ○ and □)
    }
    // What normalization folds to a separator (dashes, odd spaces, full-width forms) separates too.
    const auto folded = NormalizedText::foldCharacter(text, i);
    if (!folded.folded)
        return {Kind::Stop, folded.length};
    if (folded.replacement == 0)
        return {Kind::Ignorable, folded.length};
    const Kind kind = byteKinds[static_cast<unsigned char>(folded.replacement)];
    return {kind == Kind::Separator || kind == Kind::Digit || kind == Kind::Mask ? kind : Kind::Stop, folded.length};
}

// Classifies the character at text[i]: a table lookup for ASCII.
Character characterAt(std::string_view text, std::size_t i)
{
    const Kind kind = byteKinds[byteAt(text, i)];
    return kind == Kind::Multibyte ? multibyteCharacterAt(text, i) : Character {kind, 1};
}

bool isDigitOrMask(Kind kind)
{
    return kind == Kind::Digit || kind == Kind::Mask;
}

struct Cluster
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t resume = 0; // where the search goes on
    int digits = 0;
    int longestGroup = 0;
    int mostSingleDigits = 0; // the most groups of one digit in a row
};

// The cluster of digit groups starting at `start` (a digit or mask character).
Cluster clusterAt(std::string_view text, std::size_t start)
{
    Cluster cluster {start, start, start, 0, 0, 0};
    int singleDigits = 0;
    std::array<std::size_t, ClusterOverlapGroups> groupStarts {};
    std::size_t groups = 0;
    std::size_t i = start;
    while (true) {
        const std::size_t groupStart = i;
        std::size_t run = 0; // consecutive real digits, for the long-run rule
        int groupDigits = 0;
        while (i < text.size()) {
            // ASCII digits eight bytes at a time, as long as the run stays short enough to matter.
            if (i + 8 <= text.size()) {
                const std::size_t leading = ByteWord::leadingDigits(ByteWord::at(text, i));
                if (leading > 0 && run + leading <= MaxDigitRun) {
                    run += leading;
                    groupDigits += static_cast<int>(leading);
                    i += leading;
                    continue;
                }
            }
            const Character ch = characterAt(text, i);
            if (ch.kind == Kind::Digit) {
                if (++run > MaxDigitRun) {
                    // Nothing can match inside or across a longer number: skip the whole run.
                    std::size_t runEnd = i + ch.length;
                    while (runEnd < text.size()) {
                        const Character next = characterAt(text, runEnd);
                        if (next.kind != Kind::Digit && next.kind != Kind::Ignorable)
                            break;
                        runEnd += next.length;
                    }
                    cluster.resume = runEnd;
                    return cluster; // the groups before this one, if any
                }
            } else if (ch.kind == Kind::Mask) {
                run = 0;
            } else if (ch.kind == Kind::Ignorable) {
                i += ch.length; // "9\u200B0" is still one group
                continue;
            } else {
                break;
            }
            ++groupDigits;
            i += ch.length;
        }
        groupStarts[groups++ % ClusterOverlapGroups] = groupStart;
        cluster.end = i;
        cluster.digits += groupDigits;
        cluster.longestGroup = std::max(cluster.longestGroup, groupDigits);
        singleDigits = groupDigits == 1 ? singleDigits + 1 : 0;
        cluster.mostSingleDigits = std::max(cluster.mostSingleDigits, singleDigits);
        cluster.resume = i;
        if (i - cluster.begin > MaxClusterBytes && groups > ClusterOverlapGroups) {
            // Long cluster: close it, and start the next one a few groups back so an identifier
            // crossing the cut lies wholly in the next one.
            cluster.resume = groupStarts[groups % ClusterOverlapGroups];
            return cluster;
        }
        std::size_t j = i;
        Kind next = Kind::Stop;
        bool hyphen = false; // a line break right after a hyphen is wrapped text, not a new line
        bool lineBroken = false; // ... and the next line's quote marks a reply's ("-⏎> 1234568")
        while (j < text.size() && j - i <= MaxGapBytes) {
            Character ch = characterAt(text, j);
            const unsigned char c = byteAt(text, j);
            if (hyphen && (c == '\n' || c == '\r'))
                ch.kind = Kind::Separator;
            if (lineBroken && c == '>')
                ch.kind = Kind::Separator;
            lineBroken = lineBroken || (hyphen && c == '\n');
            hyphen = hyphen || c == '-' || (c >= 0x80 && NormalizedText::foldCharacter(text, j).replacement == '-');
            next = ch.kind;
            if (ch.kind != Kind::Separator && ch.kind != Kind::Ignorable)
                break;
            j += ch.length;
        }
        if (j == i || j - i > MaxGapBytes || j >= text.size() || !isDigitOrMask(next))
            return cluster;
        i = j;
    }
}

// What a byte does to the quick test below. End, Digit and Neutral are certain for a byte at any
// place; whatever needs a closer look is Live.
enum class Reach : unsigned char {
    Neutral, // a separator, a letter, a continuation byte: neither ends a cluster nor feeds a group
    Digit, // an ASCII digit
    Live, // a mask character, '@', a reply's quote mark ('>'), or the lead of a character
          // normalization folds (a full-width digit, a dash, an invisible character): the full walk decides
    End, // surely ends a cluster: ASCII punctuation and controls that are no separator, Hangul, CJK
};

constexpr std::array<Reach, 256> byteReach = [] {
    std::array<Reach, 256> reach {};
    for (int c = 0; c < 0x80; ++c)
        reach[c] = byteKinds[c] == Kind::Stop ? Reach::End : Reach::Neutral;
    for (int c = '0'; c <= '9'; ++c)
        reach[c] = Reach::Digit;
    for (const int c : {int('*'), int('x'), int('X'), int('@')})
        reach[c] = Reach::Live;
    reach['\n'] = reach['\r'] = Reach::Neutral; // a separator right after a hyphen (wrapped text)
    reach['>'] = Reach::Live; // a reply's quote mark after such a line break
    for (int c = 0xC0; c < 0x100; ++c)
        reach[c] = NormalizedText::mayFold(static_cast<unsigned char>(c)) ? Reach::Live : Reach::End;
    return reach;
}();

// Where the digit clusters that can start at `pos` (an ASCII digit) surely end, when none of them
// can be a candidate; npos when one might. Most numbers in prose ("2024년", "924,562,316원",
// "제30조") are a few short runs of ASCII digits ended by Hangul or punctuation: a cluster without
// a group of minGroupDigits ASCII digits and without anything the full walk must look at is no
// candidate, and neither is any cluster starting inside it. A cluster cannot go on past a stretch
// longer than a gap without digits, and the look is bounded so that it stays linear. Groups of one
// digit in a row, minSpacedDigits of them (when not 0), may be a candidate too.
std::size_t deadClusterEnd(std::string_view text, std::size_t pos, int minGroupDigits, int minSpacedDigits)
{
    const std::size_t limit = std::min(text.size(), pos + MaxClusterBytes);
    int run = 0;
    int singleDigits = 0; // groups of one digit in a row, counting one being read
    std::size_t sinceDigit = 0;
    for (std::size_t i = pos; i < limit; ++i) {
        switch (byteReach[byteAt(text, i)]) {
        case Reach::Digit:
            if (++run >= minGroupDigits)
                return std::string_view::npos;
            singleDigits = run == 1 ? singleDigits + 1 : 0;
            if (minSpacedDigits > 0 && singleDigits >= minSpacedDigits)
                return std::string_view::npos;
            sinceDigit = 0;
            break;
        case Reach::Neutral:
            run = 0;
            if (++sinceDigit > MaxGapBytes)
                return i;
            break;
        case Reach::Live:
            return std::string_view::npos;
        case Reach::End:
            return i;
        }
    }
    return limit == text.size() ? limit : std::string_view::npos;
}

bool isLocalPartCharacter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
        c == '%' || c == '+' || c == '-';
}

bool isDomainCharacter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// Length of an at sign at i: '@' or the full-width '＠' (U+FF20), or 0.
std::size_t atSignAt(std::string_view text, std::size_t i)
{
    if (text[i] == '@')
        return 1;
    const bool fullWidth =
        byteAt(text, i) == 0xEF && i + 2 < text.size() && byteAt(text, i + 1) == 0xBC && byteAt(text, i + 2) == 0xA0;
    return fullWidth ? 3 : 0;
}

// The ASCII character at text[i], with full-width forms (U+FF01-FF5E) folded, and its length.
// {0, 1} for anything else.
std::pair<unsigned char, std::size_t> asciiFormAt(std::string_view text, std::size_t i)
{
    const unsigned char c = byteAt(text, i);
    if (c < 0x80)
        return {c, 1};
    const auto folded = NormalizedText::foldCharacter(text, i);
    const auto replacement = static_cast<unsigned char>(folded.replacement);
    return {folded.folded && replacement != 0 && folded.length == 3 ? replacement : 0, folded.length};
}

TextRange addressAround(std::string_view text, std::size_t at, std::size_t atLength)
{
    std::size_t begin = at;
    while (begin > 0 && at - begin < MaxLocalPart) {
        // Full-width forms are three bytes: look at the character that ends at `begin`.
        const std::size_t previous = begin >= 3 && byteAt(text, begin - 1) >= 0x80 ? begin - 3 : begin - 1;
        const auto [c, length] = asciiFormAt(text, previous);
        if (previous + length != begin || !isLocalPartCharacter(c))
            break;
        begin = previous;
    }
    const std::size_t domain = at + atLength;
    std::size_t end = domain;
    while (end < text.size() && end - domain < MaxDomain) {
        const auto [c, length] = asciiFormAt(text, end);
        if (!isDomainCharacter(c))
            break;
        end += length;
    }
    if (begin == at || end == domain)
        return {};
    return {begin, end};
}

TextRange withMargins(std::string_view text, std::size_t begin, std::size_t end)
{
    begin = begin > PrefixMargin ? begin - PrefixMargin : 0;
    end = std::min(text.size(), end + SuffixMargin);
    // Out to the character's edge: at most the three continuation bytes a character has, so that
    // a run of stray ones in invalid text cannot stretch a region past its bounds (ReachBack, the
    // size cap).
    for (int step = 0; step < 3 && begin > 0 && isContinuationByte(byteAt(text, begin)); ++step)
        --begin;
    for (int step = 0; step < 3 && end < text.size() && isContinuationByte(byteAt(text, end)); ++step)
        ++end;
    return {begin, end};
}

// Joins `region` to `last` when they overlap and the two stay within the size cap.
bool merged(TextRange &last, const TextRange &region)
{
    if (region.begin > last.end || std::max(last.end, region.end) - last.begin > MaxRegionBytes)
        return false;
    last.end = std::max(last.end, region.end);
    return true;
}

bool byBeginThenEnd(const TextRange &a, const TextRange &b)
{
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
}

} // namespace

CandidateFinder::CandidateFinder(Options options)
    : m_options(options)
{
}

std::vector<TextRange> CandidateFinder::find(std::string_view text) const
{
    std::vector<TextRange> regions;
    find(text, [&regions](const TextRange &region) {
        regions.push_back(region);
        return true;
    });
    return regions;
}

void CandidateFinder::find(std::string_view text, const std::function<bool(const TextRange &)> &take) const
{
    // Regions come in the order of the digits and at signs that start them, and an address reaches
    // back before what was found earlier: they wait here until the walk is far enough past them,
    // then go in order of position, joined where they overlap. The last joined one may still grow.
    std::vector<TextRange> found;
    std::optional<TextRange> open;
    const auto handOverBefore = [&](std::size_t watermark) {
        std::sort(found.begin(), found.end(), byBeginThenEnd);
        const auto pending = std::partition_point(found.begin(), found.end(),
                                                  [watermark](const TextRange &r) { return r.begin < watermark; });
        for (auto region = found.begin(); region != pending; ++region) {
            if (open && merged(*open, *region))
                continue;
            if (open && !take(*open))
                return false;
            open = *region;
        }
        found.erase(found.begin(), pending);
        return true;
    };
    std::size_t pos = 0;
    std::size_t nextHandover = m_options.handoverBytes;
    TriggerBytes triggers(text);
    while ((pos = triggers.next(pos)) < text.size()) {
        if (pos >= nextHandover) {
            if (!handOverBefore(pos > ReachBack ? pos - ReachBack : 0))
                return;
            nextHandover = pos + std::max<std::size_t>(1, m_options.handoverBytes);
        }
        if (const std::size_t atLength = atSignAt(text, pos); atLength != 0) {
            if (m_options.findAddresses) {
                if (const TextRange address = addressAround(text, pos, atLength); address.size() > 0)
                    found.push_back(withMargins(text, address.begin, address.end));
            }
            pos += atLength;
            continue;
        }
        if (m_options.minDigits <= 0 || !isDigitOrMask(characterAt(text, pos).kind)) {
            ++pos; // another full-width character
            continue;
        }
        if (m_options.skipShortRuns && byteReach[byteAt(text, pos)] == Reach::Digit) {
            if (const std::size_t end = deadClusterEnd(text, pos, m_options.minGroupDigits, m_options.minSpacedDigits);
                end != std::string_view::npos) {
                pos = end;
                continue;
            }
        }
        const Cluster cluster = clusterAt(text, pos);
        const bool spaced = m_options.minSpacedDigits > 0 && cluster.mostSingleDigits >= m_options.minSpacedDigits;
        if (cluster.digits >= m_options.minDigits && (cluster.longestGroup >= m_options.minGroupDigits || spaced))
            found.push_back(withMargins(text, cluster.begin, cluster.end));
        pos = std::max(cluster.resume, pos + 1);
    }
    if (handOverBefore(std::string_view::npos) && open)
        take(*open);
}

} // namespace SendGuard::Core
