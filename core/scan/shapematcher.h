// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/byteword.h"
#include "detectors/detectorspec.h"
#include "detectors/shape.h"
#include "textrange.h"

#include <QString>

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace SendGuard::Core {

// Finds the built-in detectors' shapes in normalized text in one pass, without a regular-expression
// engine. Every shape starts at a run of digits (after its prefix, if it has one), and the length of
// that first run already rules out most shapes: a run of six digits can start a registration
// number but not a phone number. So the matcher walks the runs of digits once and tries, at each,
// only the shapes whose first run can have that length, each from its prefix (leftmost) first.
//
// A shape's match is the one its regular expression would give at the same start (alternatives in
// order, greedy quantities), and starts are taken in the order RE2 would find them: the caller
// judges each match, and once one is taken the same shape starts again only after its end.
// Thread-safe once built: match() is const and keeps its state in the caller's Scratch.
class ShapeMatcher
{
public:
    ShapeMatcher() = default;
    // The compiled programs point into the shapes' items: a copy would point into the original's.
    ShapeMatcher(const ShapeMatcher &) = delete;
    ShapeMatcher &operator=(const ShapeMatcher &) = delete;
    ShapeMatcher(ShapeMatcher &&) = default;
    ShapeMatcher &operator=(ShapeMatcher &&) = default;

    // Adds a shape; `tag` is handed back with its matches. False, with *error, for a shape the
    // matcher cannot start: one without items, or whose first item (after the prefix) is no digit.
    bool add(const Shape &shape, Boundary boundary, std::size_t tag, QString *error);

    std::size_t size() const { return m_shapes.size(); }

    // Per-scan state.
    struct Scratch
    {
        std::vector<std::size_t> resumeAt; // per shape: no start before this
        std::vector<TextRange> runs; // the slice's runs of ASCII digits, read once
    };

    // Every match in text[begin, end), which must follow a character that is not part of the slice
    // (the scanner's separator). accept(tag, start, end) returns whether it took the match.
    template<typename Accept>
    void match(std::string_view text, std::size_t begin, std::size_t end, Scratch &scratch, Accept &&accept) const
    {
        if (m_shapes.empty())
            return;
        scratch.resumeAt.assign(m_shapes.size(), 0);
        const std::string_view slice = text.substr(0, end);
        readRuns(slice, begin, scratch.runs);
        const std::vector<TextRange> &runs = scratch.runs;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const std::size_t p = runs[r].begin;
            const std::size_t runEnd = runs[r].end;
            const std::size_t bucket = std::min(runEnd - p, LongestTrackedRun) * 10 + std::size_t(slice[p] - '0');
            const auto after = static_cast<unsigned char>(runEnd < end ? slice[runEnd] : '\0');
            // The shapes whose first run fits and that allow the byte after it, in the order they
            // were added: one AND of two rows of bits, not a test (and a mispredicted branch) each.
            const std::uint64_t *fitting = m_byFirstRun.data() + bucket * m_words;
            const std::uint64_t *allowing = m_byAfterFirstRun.data() + after * m_words;
            // And the shapes whose first separator can be the text up to the next run.
            const std::size_t gap = r + 1 < runs.size() ? runs[r + 1].begin - runEnd : NoGap;
            const std::uint64_t *separating =
                m_byFirstGap.data() + (std::min(gap, NoGap) * 256 + (gap < NoGap ? after : 0)) * m_words;
            // And whose second run can be the next one.
            const std::size_t nextBucket = gap < NoGap
                ? std::min(runs[r + 1].size(), LongestTrackedRun) * 10 + std::size_t(slice[runs[r + 1].begin] - '0')
                : NoNextRun;
            const std::uint64_t *following = m_bySecondRun.data() + nextBucket * m_words;
            for (std::size_t word = 0; word < m_words; ++word) {
                for (std::uint64_t bits = fitting[word] & allowing[word] & separating[word] & following[word];
                     bits != 0; bits &= bits - 1) {
                    const std::size_t index = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
                    tryShape(index, slice, begin, r, scratch, accept);
                }
            }
        }
    }

private:
    static constexpr std::size_t LongestTrackedRun = 32; // longer runs share its bucket
    static constexpr std::size_t Buckets = (LongestTrackedRun + 1) * 10;
    static constexpr std::size_t NoNextRun = Buckets; // m_bySecondRun's row when no run follows near

    // Shape `index` at the run runs[r] of the slice, from each prefix that ends there and from the run.
    template<typename Accept>
    void tryShape(std::size_t index, std::string_view slice, std::size_t begin, std::size_t r, Scratch &scratch,
                  Accept &accept) const
    {
        const CompiledShape &shape = m_shapes[index];
        const std::vector<TextRange> &runs = scratch.runs;
        const std::size_t p = runs[r].begin;
        if (!shape.leadingDigits.empty() && !startsWithOneOf(shape.leadingDigits, slice, p, runs[r].end))
            return;
        if (shape.chainLength > 0 && !chainFits(shape, slice, runs, r))
            return;
        const auto tryFrom = [&](std::size_t start) {
            if (start < scratch.resumeAt[index] || !leadAllows(shape.boundary, slice[start - 1]))
                return;
            std::size_t matchEnd = 0;
            if (run(shape.program, slice, p, &matchEnd) && accept(shape.tag, start, matchEnd))
                scratch.resumeAt[index] = matchEnd;
        };
        if (p > begin && shape.prefixLastBytes.test(static_cast<unsigned char>(slice[p - 1])) &&
            (p - 1 == begin || shape.prefixSecondLastBytes.test(static_cast<unsigned char>(slice[p - 2])))) {
            for (const std::string &prefix : shape.shape.prefixes()) {
                if (p - begin >= prefix.size() && endsAt(slice, p, prefix))
                    tryFrom(p - prefix.size());
            }
        }
        if (shape.shape.prefixes().empty() || shape.shape.prefixOptional())
            tryFrom(p);
    }

    // A shape's items flattened for a loop with its own stack of choices, instead of a call per item:
    // an optional's items stand inline before what follows it.
    struct Instruction
    {
        enum class Op : std::uint8_t { Digits, ByteIn, Literal, Masks, Optional, Match };
        Op op = Op::Match;
        // Digits: whether fewer digits are worth trying (the next instruction may take a digit; else
        // backtracking would fail the same way).
        bool shorterCanMatch = false;
        int min = 0;
        int max = 0;
        std::uint32_t skipTo = 0; // Optional: the instruction after its items
        const Shape::Item *item = nullptr; // ByteIn, Literal: bytes and alternatives
    };
    static constexpr std::size_t MaxInstructions = 64; // bounds the stack of choices

    // The runs of digits every match of a shape has after its first one, and the separators before
    // them, as long as the shape is a plain chain (digits, then a separator without digits, then
    // digits ...): such a match's runs are the text's runs, so a start whose next runs do not fit
    // needs no try. Most shapes are chains, and most starts in prose and rosters fail on them.
    struct ChainRun
    {
        std::uint8_t gapMin = 0; // bytes of the separator before the run
        std::uint8_t gapMax = 0;
        std::uint8_t min = 0; // digits
        std::uint8_t max = 0; // Unbounded: the run may go on (the chain ended before it did)
        std::uint16_t firstDigits = 0; // bit d: the run may start with the digit d
        // The separator (Literal or ByteIn): the text between the two runs is one of its alternatives.
        const Shape::Item *gap = nullptr;
    };
    static constexpr std::uint8_t Unbounded = 255;
    static constexpr std::size_t MaxChainRuns = 4;
    static constexpr std::size_t MaxGapBytes = 8;

    struct CompiledShape
    {
        Shape shape;
        std::array<ChainRun, MaxChainRuns> chain {}; // runs after the first
        std::size_t chainLength = 0;
        std::vector<Instruction> program; // points into `shape`: compiled once the shape is in place
        Boundary boundary = Boundary::Digits;
        std::size_t tag = 0;
        // A prefix can only end in these bytes: most starts need no comparison of prefixes.
        std::bitset<256> prefixLastBytes;
        std::bitset<256> prefixSecondLastBytes;
        // When the first item is digits written out ("010", "02", "0082"), at most MaxLeadingDigits
        // each: which ones, a bit for each length and value (LeadingDigitsBase). The first run
        // starts with one of them; a roster's every mobile number is tried by the area codes' shapes.
        std::vector<std::uint64_t> leadingDigits;
    };

    // Programs point into their shape's items. When m_shapes grows it moves the shapes, and the
    // items stay where they are, only as long as that move cannot throw (else it copies them).
    static_assert(std::is_nothrow_move_constructible_v<CompiledShape>);

    // Whether the runs after runs[first] fit a chain-shaped shape: each run's digits and its first
    // digit, and the bytes between it and the one before, which are one of the separator's
    // alternatives (a chain's gaps are never longer than MaxGapBytes). A roster's registration
    // number is tried as a foreigner's, and its phone number as a wrapped one: both end here.
    static bool chainFits(const CompiledShape &shape, std::string_view text, const std::vector<TextRange> &runs,
                          std::size_t first)
    {
        if (first + shape.chainLength >= runs.size())
            return false;
        // Every run and the bits of every separator first, the separators' alternatives last: a
        // start mostly fails on the cheap tests, whichever run it fails at.
        for (std::size_t i = 0; i < shape.chainLength; ++i) {
            const ChainRun &wanted = shape.chain[i];
            const TextRange &run = runs[first + 1 + i];
            const std::size_t gap = run.begin - runs[first + i].end;
            const std::size_t digits = std::min<std::size_t>(run.size(), Unbounded - 1); // as chainOf clamps
            if (gap < wanted.gapMin || gap > wanted.gapMax || digits < wanted.min ||
                (wanted.max != Unbounded && digits > wanted.max) ||
                (wanted.firstDigits >> (text[run.begin] - '0') & 1) == 0 ||
                !mayBeOneOf(*wanted.gap, text.substr(runs[first + i].end, gap)))
                return false;
        }
        for (std::size_t i = 0; i < shape.chainLength; ++i) {
            const std::size_t gapBegin = runs[first + i].end;
            if (!isOneOf(*shape.chain[i].gap, text.substr(gapBegin, runs[first + 1 + i].begin - gapBegin)))
                return false;
        }
        return true;
    }

    // Whether `text` may be one of a separator's alternatives, by its first byte and length alone.
    static bool mayBeOneOf(const Shape::Item &separator, std::string_view text)
    {
        if (text.empty() || !separator.bytes.test(static_cast<unsigned char>(text[0])))
            return false;
        if (separator.kind == Shape::Item::Kind::ByteIn)
            return text.size() == 1;
        const unsigned bit = Shape::Item::sizeAndFirstBit(text.size(), static_cast<unsigned char>(text[0]));
        return (separator.sizesAndFirstBytes >> bit & 1) != 0;
    }

    // Whether `text` is one of a separator's alternatives (its byte, for a ByteIn), once
    // mayBeOneOf() said it may be.
    static bool isOneOf(const Shape::Item &separator, std::string_view text)
    {
        if (separator.kind == Shape::Item::Kind::ByteIn)
            return true;
        for (const std::string &alternative : separator.literals) {
            if (alternative.size() == text.size() && endsAt(text, text.size(), alternative))
                return true;
        }
        return false;
    }

    static constexpr std::size_t MaxLeadingDigits = 4;
    static constexpr std::array<std::size_t, MaxLeadingDigits + 2> LeadingDigitsBase {0, 0, 10, 110, 1110, 11110};

    // Whether the run of digits text[begin, runEnd) starts with one of the leading digits.
    static bool startsWithOneOf(const std::vector<std::uint64_t> &leadingDigits, std::string_view text,
                                std::size_t begin, std::size_t runEnd)
    {
        std::size_t value = 0;
        for (std::size_t length = 1; length <= MaxLeadingDigits && begin + length <= runEnd; ++length) {
            value = value * 10 + std::size_t(text[begin + length - 1] - '0');
            const std::size_t bit = LeadingDigitsBase[length] + value;
            if ((leadingDigits[bit / 64] >> (bit % 64) & 1) != 0)
                return true;
        }
        return false;
    }

    // The runs of digits in text[begin, text.size()), eight bytes at a time: a roster is half
    // digits, and a look at each byte cost more than all the runs' matching.
    static void readRuns(std::string_view text, std::size_t begin, std::vector<TextRange> &runs)
    {
        runs.clear();
        bool inRun = false;
        std::size_t runBegin = 0;
        std::size_t p = begin;
        while (p < text.size()) {
            // Bit 7 of each byte of `marks` says whether it is where the current state ends: a digit
            // outside a run, anything else inside one.
            std::uint64_t marks = 0;
            std::size_t width = 8;
            if (p + 8 <= text.size()) {
                const std::uint64_t digits = ByteWord::digits(ByteWord::at(text, p));
                marks = inRun ? ~digits & ByteWord::Highs : digits;
            } else {
                width = text.size() - p;
                for (std::size_t i = 0; i < width; ++i) {
                    if (isDigit(text[p + i]) != inRun)
                        marks |= std::uint64_t {0x80} << (8 * i);
                }
            }
            if (marks == 0) {
                p += width;
                continue;
            }
            p += static_cast<std::size_t>(std::countr_zero(marks)) / 8;
            if (inRun)
                runs.push_back({runBegin, p});
            else
                runBegin = p;
            inRun = !inRun;
        }
        if (inRun)
            runs.push_back({runBegin, p});
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static void chainOf(const std::vector<Shape::Item> &items, CompiledShape &shape);
    static std::pair<std::size_t, std::size_t> separationOf(const std::vector<Shape::Item> &items);
    static bool leadAllows(Boundary boundary, char lead);
    static std::size_t digitsAt(std::string_view text, std::size_t pos, std::size_t most);
    static void compile(const std::vector<Shape::Item> &items, std::vector<Instruction> &program);
    // Whether `literal` ends at text[end]: compared by hand, as the literals are a few bytes long and
    // most differ in their first byte (a library call for each costs more than the compare).
    static bool endsAt(std::string_view text, std::size_t end, std::string_view literal)
    {
        if (end > text.size() || end < literal.size())
            return false;
        const char *at = text.data() + (end - literal.size());
        for (std::size_t i = 0; i < literal.size(); ++i) {
            if (at[i] != literal[i])
                return false;
        }
        return true;
    }
    static bool run(const std::vector<Instruction> &program, std::string_view text, std::size_t pos, std::size_t *end);

    // Sets a shape's bit in row `row` of `rows` (m_words words a row), room made for it first.
    void setBit(std::vector<std::uint64_t> &rows, std::size_t row, std::size_t shape);

    std::vector<CompiledShape> m_shapes;
    // Rows of bits, a bit for each shape, m_words words a row: the shapes whose first run of digits
    // can have a length and first digit ([length * 10 + digit]), and the shapes that allow a byte
    // right after their first run ([byte]).
    std::size_t m_words = 0;
    std::vector<std::uint64_t> m_byFirstRun;
    std::vector<std::uint64_t> m_byAfterFirstRun;
    // And by what stands between the first run and the next ([length * 256 + first byte], lengths
    // up to MaxGapBytes; NoGap * 256: no next run, or one farther): a chain-shaped shape only where
    // its first separator has an alternative of that length and first byte, any other everywhere.
    // Most tries of a roster's runs end here, a row of bits for all shapes instead of a call each.
    static constexpr std::size_t NoGap = MaxGapBytes + 1;
    static constexpr std::size_t GapRows = (NoGap + 1) * 256;
    std::vector<std::uint64_t> m_byFirstGap;
    // And by the run after the first ([length * 10 + first digit], as m_byFirstRun; NoNextRun when
    // none follows within MaxGapBytes): a chain-shaped shape only where its second run can have that
    // length and first digit, any other everywhere. A roster's phone numbers fit the first run and
    // separator of a dozen account shapes, and most part here.
    std::vector<std::uint64_t> m_bySecondRun;
};

} // namespace SendGuard::Core
