// SPDX-License-Identifier: GPL-2.0-or-later
#include "scanner.h"

#include "candidatefinder.h"
#include "columnheaders.h"
#include "contextwords.h"
#include "detectors/validators.h"
#include "normalizedtext.h"
#include "patternset.h"
#include "shapematcher.h"
#include "textaround.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <new>
#include <optional>

namespace SendGuard::Core {

namespace {

constexpr double ChecksumBoost = 0.1;
constexpr double ContextBoost = 0.1;
constexpr double MaxConfidence = 0.99;
// Candidate regions are matched in batches of about this many bytes: one pattern-set pass each.
constexpr std::size_t BatchBytes = 256 * 1024;
// A batch is matched when a region begins this far after its first one (or when it is full): the
// text around its regions, which the checks read, is then still in the cache, unless its regions
// are few and far apart, when there is little to read.
constexpr std::size_t BatchSpanBytes = 256 * 1024;
// A pattern's tag in the PatternSet holds detector and pattern index in one number.
constexpr std::size_t MaxPatternsPerDetector = 64;
// A rejected match may hide a shorter one, so the search goes on from its start; past this length
// it goes on from its end instead, so that a pattern matching long runs (a policy's custom
// detector) stays linear in the text. Every built-in shape is far shorter.
constexpr std::size_t MaxRetriedMatchBytes = 256;
// How far apart the two halves of a label naming two kinds of number may stand: "주민등록번호 (법인인
// 경우 법인등록번호)".
constexpr std::size_t CombinedLabelGap = 24;

struct Candidate
{
    std::size_t start = 0;
    std::size_t end = 0;
    double confidence = 0;
    // The masked form, in the scan's one buffer of masks: a roster has a candidate every few
    // dozen bytes, and a string each made the allocator the scan's largest cost.
    std::size_t maskOffset = 0;
    std::uint32_t maskLength = 0;
    std::uint32_t detector = 0;
};

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool needsLabelRightBefore(ContextRule rule)
{
    return rule == ContextRule::NeededRightBefore || rule == ContextRule::NeededDirectlyBefore;
}

bool isBetter(const Candidate &a, const Candidate &b, const std::vector<DetectorSpec> &detectors)
{
    const int priorityA = detectors[a.detector].priority;
    const int priorityB = detectors[b.detector].priority;
    if (priorityA != priorityB)
        return priorityA > priorityB;
    if (a.end - a.start != b.end - b.start)
        return a.end - a.start > b.end - b.start;
    if (a.confidence != b.confidence)
        return a.confidence > b.confidence;
    return a.detector < b.detector; // the same answer whatever order the matches came in
}

// Offsets of UTF-8 `text` converted to UTF-16 code units, for ascending byte offsets.
class Utf16OffsetCursor
{
public:
    explicit Utf16OffsetCursor(std::string_view text)
        : m_text(text)
    {
    }

    qsizetype advanceTo(std::size_t byteOffset)
    {
        while (m_byte < byteOffset && m_byte < m_text.size()) {
            const auto lead = static_cast<unsigned char>(m_text[m_byte]);
            m_units += lead >= 0xF0 ? 2 : 1; // characters beyond the BMP are surrogate pairs
            ++m_byte;
            while (m_byte < m_text.size() && isContinuationByte(m_text[m_byte]))
                ++m_byte;
        }
        return m_units;
    }

private:
    std::string_view m_text;
    std::size_t m_byte = 0;
    qsizetype m_units = 0;
};

ScanResult incomplete(const QString &why)
{
    return {{}, false, why};
}

} // namespace

struct Scanner::Private
{
    std::vector<DetectorSpec> detectors;
    Options options;
    PatternSet patterns;
    PatternSet anywhere; // a policy's patterns that need no digits, run over the whole text
    ShapeMatcher shapes;
    ContextWords contextWords;
    CandidateFinder finder;
    QString error;
    std::uint64_t serial = 0;
    // Every pattern RE2 runs is an e-mail address's: a batch without '@' needs no RE2 pass at all.
    bool regexNeedsAtSign = true;

    Private(std::vector<DetectorSpec> specs, Options opts, CandidateFinder::Options finderOptions)
        : detectors(std::move(specs))
        , options(opts)
        , patterns(opts.regexMemoryBudget)
        , anywhere(opts.regexMemoryBudget)
        , contextWords(detectors)
        , finder(finderOptions)
    {
    }

    class Pass;

    void compile();
    ScanResult scan(std::string_view text, const Scanner::Preceding &preceding) const;
};

// The work of one scan. Candidate regions are normalized into one buffer, each after a line break,
// so that one pattern-set pass per batch says which patterns occur; only those are then run to
// find where, and every match is checked against the original text.
class Scanner::Private::Pass
{
public:
    Pass(const Scanner::Private &scanner, std::string_view text, const Scanner::Preceding &preceding)
        : m_scanner(scanner)
        , m_text(text)
        , m_columns(scanner.contextWords, text, preceding.tableHeader, preceding.startsMidLine)
        , m_validation {scanner.options.today.isValid() ? scanner.options.today : QDate::currentDate()}
        , m_buffer(text)
        , m_deadline(scanner.options.timeBudgetMs > 0 ? QDeadlineTimer(scanner.options.timeBudgetMs)
                                                      : QDeadlineTimer(QDeadlineTimer::Forever))
    {
    }

    // False when a matcher failed or the budget ran out: the scan is incomplete, failure() says why.
    bool scan();
    const QString &failure() const { return m_failure; }

    std::vector<Finding> findings();

private:
    bool add(const TextRange &region);
    bool scanBatch();
    bool fail(const QString &why)
    {
        m_failure = why;
        return false;
    }
    bool scanAnywhere();
    bool runBatchPatterns();
    bool runRegularExpressions(const PatternSet &set, const NormalizedText &buffer, std::size_t first,
                               std::size_t last);
    bool searchSlice(const PatternSet &set, std::size_t pattern, const NormalizedText &buffer, std::size_t slice);
    TextRange sliceText(const NormalizedText &buffer, std::size_t slice) const;
    std::size_t contextEnd(const NormalizedText &buffer, std::size_t slice) const;
    bool evaluate(std::size_t tag, const NormalizedText &buffer, std::size_t slice, std::size_t start, std::size_t end);
    // Whether text[at] lies on the line of the match [start, end).
    bool onTheLine(std::size_t start, std::size_t end, std::size_t at) const
    {
        const std::size_t from = std::min(at, end);
        const std::size_t to = at < start ? start : at;
        return std::memchr(m_text.data() + from, '\n', to - from) == nullptr;
    }
    bool isWhatAPersonWouldRead(const DetectorSpec &spec, std::string_view matched, std::size_t start,
                                std::size_t end) const;
    bool namesBothKinds(const ContextWords::Nearest &nearest, std::string_view matched, Validation verdict) const;
    bool isACompanysNumber(const DetectorSpec &spec, std::string_view matched, std::size_t start) const;
    const std::vector<ContextWords::Occurrence> &occurrencesAround(std::size_t slice);
    std::size_t &occurrenceCursor(const NormalizedText &buffer, std::size_t slice);
    const std::vector<ContextWords::Occurrence> &occurrencesIn(const NormalizedText &buffer, std::size_t slice);

    const Scanner::Private &m_scanner;
    std::string_view m_text;
    ColumnHeaders m_columns;
    ValidationContext m_validation;
    NormalizedText m_buffer;
    std::vector<TextRange> m_sliceTexts; // where each slice of the batch lies in m_buffer
    std::size_t m_batchBegin = 0; // where the batch's first region begins in the text
    ShapeMatcher::Scratch m_shapeScratch;
    std::vector<int> m_patternsFound;
    std::vector<std::vector<ContextWords::Occurrence>> m_occurrences; // per slice of the batch
    std::vector<bool> m_occurrencesFound;
    std::vector<std::size_t> m_occurrenceCursors; // per slice, for ContextWords::nearestBoth
    // The whole text normalized, for a policy's patterns that need no digits (scanAnywhere).
    std::optional<NormalizedText> m_whole;
    std::optional<std::vector<ContextWords::Occurrence>> m_wholeOccurrences;
    std::size_t m_wholeCursor = 0;
    std::vector<Candidate> m_candidates;
    std::string m_masks;
    QDeadlineTimer m_deadline;
    QString m_failure;
};

bool Scanner::Private::Pass::scan()
{
    if (!scanAnywhere())
        return false;
    bool going = true;
    m_scanner.finder.find(m_text, [this, &going](const TextRange &region) { return going = add(region); });
    return going && scanBatch();
}

// Adds a region to the batch, which is matched first when the region begins far after the batch's
// first one, and when the batch is full.
bool Scanner::Private::Pass::add(const TextRange &region)
{
    if (m_buffer.sliceCount() > 0 && region.begin - m_batchBegin > BatchSpanBytes && !scanBatch())
        return false;
    if (m_buffer.sliceCount() == 0)
        m_batchBegin = region.begin;
    // The character before the region, for the patterns' lead: '\0', which no pattern takes as
    // part of a match (a line break would join "…900101-" to the next region's digits).
    m_buffer.appendSeparator('\0');
    const std::size_t sliceBegin = m_buffer.text().size();
    m_buffer.appendSlice(region.begin, region.end);
    m_sliceTexts.push_back({sliceBegin, m_buffer.text().size()});
    return m_buffer.text().size() < BatchBytes || scanBatch();
}

bool Scanner::Private::Pass::scanBatch()
{
    if (m_buffer.sliceCount() == 0)
        return true;
    m_occurrences.assign(m_buffer.sliceCount(), {});
    m_occurrencesFound.assign(m_buffer.sliceCount(), false);
    m_occurrenceCursors.assign(m_buffer.sliceCount(), 0);
    const std::string &text = m_buffer.text();
    if (m_deadline.hasExpired())
        return fail(QStringLiteral("the scan took longer than its budget"));
    for (std::size_t slice = 0; slice < m_sliceTexts.size(); ++slice) {
        m_scanner.shapes.match(text, m_sliceTexts[slice].begin, m_sliceTexts[slice].end, m_shapeScratch,
                               [&](std::size_t tag, std::size_t start, std::size_t end) {
                                   return evaluate(tag, m_buffer, slice, start, end);
                               });
    }
    const bool done = runBatchPatterns();
    m_sliceTexts.clear();
    m_buffer.clear();
    return done;
}

// RE2 over the batch. When every pattern is an address's, only a slice with an '@' can hold a
// match ('＠' folds to '@'): RE2 looks at those alone.
bool Scanner::Private::Pass::runBatchPatterns()
{
    const PatternSet &set = m_scanner.patterns;
    const std::string &text = m_buffer.text();
    if (set.size() == 0)
        return true;
    // After the batch's last region, a separator as after every other one, unless the region ends
    // the text: "$" matches at the end of the text only, whichever regions share a batch.
    if (m_buffer.sliceOriginalEnd(m_sliceTexts.size() - 1) < m_text.size())
        m_buffer.appendSeparator('\0');
    if (!m_scanner.regexNeedsAtSign)
        return runRegularExpressions(set, m_buffer, 0, m_sliceTexts.size());
    if (std::memchr(text.data(), '@', text.size()) == nullptr)
        return true; // the usual batch: one look instead of one for each slice
    for (std::size_t slice = 0; slice < m_sliceTexts.size(); ++slice) {
        const TextRange range = m_sliceTexts[slice];
        if (std::memchr(text.data() + range.begin, '@', range.size()) != nullptr &&
            !runRegularExpressions(set, m_buffer, slice, slice + 1))
            return false;
    }
    return true;
}

// One RE2::Set pass over slices [first, last) of `buffer` says which patterns occur there. Each of
// those then runs over every slice alone, cut at its end: a policy's pattern may match the
// separator between two regions ("\\D", "."), but a match is one region's by construction, and
// what a region gives never depends on the regions batched with it.
bool Scanner::Private::Pass::runRegularExpressions(const PatternSet &set, const NormalizedText &buffer,
                                                   std::size_t first, std::size_t last)
{
    const std::size_t from = sliceText(buffer, first).begin - 1; // the separator: a match's lead
    const std::size_t to = contextEnd(buffer, last - 1);
    if (!set.matching(std::string_view(buffer.text()).substr(from, to - from), &m_patternsFound))
        return fail(QStringLiteral("the pattern matcher ran out of memory"));
    for (std::size_t slice = first; slice < last && !m_patternsFound.empty(); ++slice) {
        for (const int found : m_patternsFound) {
            if (!searchSlice(set, static_cast<std::size_t>(found), buffer, slice))
                return false;
        }
    }
    return true;
}

// The matches of one pattern in one slice, from the separator before it to its end.
bool Scanner::Private::Pass::searchSlice(const PatternSet &set, std::size_t pattern, const NormalizedText &buffer,
                                         std::size_t slice)
{
    const TextRange range = sliceText(buffer, slice);
    const std::string_view text = std::string_view(buffer.text()).substr(0, contextEnd(buffer, slice));
    std::size_t start = 0;
    std::size_t end = 0;
    for (std::size_t pos = range.begin - 1; set.find(pattern, text, pos, range.end, &start, &end);) {
        if (m_deadline.hasExpired())
            return fail(QStringLiteral("the scan took longer than its budget"));
        const bool taken = start != end && evaluate(set.tag(pattern), buffer, slice, start, end);
        pos = taken || end - start > MaxRetriedMatchBytes ? end : start;
    }
    return true;
}

// Where a slice lies in `buffer`: the batch's, or the whole text's one slice after its separator.
TextRange Scanner::Private::Pass::sliceText(const NormalizedText &buffer, std::size_t slice) const
{
    return &buffer == &m_buffer ? m_sliceTexts[slice] : TextRange {1, buffer.text().size()};
}

// The end of what a pattern sees of a slice: the slice and the separator after it, which is what
// "$" and "\\b" see there; at the end of the text, the slice alone.
std::size_t Scanner::Private::Pass::contextEnd(const NormalizedText &buffer, std::size_t slice) const
{
    return std::min(sliceText(buffer, slice).end + 1, buffer.text().size());
}

// A policy's patterns that need no digits (a case number "가-2024-…", a code word) cannot wait for
// a run of digits to point at them: they run over the whole text, normalized, at once.
bool Scanner::Private::Pass::scanAnywhere()
{
    if (m_scanner.anywhere.size() == 0)
        return true;
    m_whole.emplace(m_text);
    m_whole->appendSeparator('\0'); // the lead character of a match at the very start
    m_whole->appendSlice(0, m_text.size());
    return runRegularExpressions(m_scanner.anywhere, *m_whole, 0, 1);
}

std::size_t &Scanner::Private::Pass::occurrenceCursor(const NormalizedText &buffer, std::size_t slice)
{
    return &buffer == &m_buffer ? m_occurrenceCursors[slice] : m_wholeCursor;
}

const std::vector<ContextWords::Occurrence> &Scanner::Private::Pass::occurrencesIn(const NormalizedText &buffer,
                                                                                   std::size_t slice)
{
    if (&buffer == &m_buffer)
        return occurrencesAround(slice);
    if (!m_wholeOccurrences) {
        m_wholeOccurrences.emplace();
        m_scanner.contextWords.find(m_text, 0, m_text.size(), *m_wholeOccurrences);
    }
    return *m_wholeOccurrences;
}

const std::vector<ContextWords::Occurrence> &Scanner::Private::Pass::occurrencesAround(std::size_t slice)
{
    if (!m_occurrencesFound[slice]) {
        // Context words around the whole region, found once for all of its candidates.
        constexpr std::size_t margin = ContextWords::WindowBefore + 64;
        const std::size_t begin = m_buffer.sliceOriginalBegin(slice);
        std::size_t from = begin > margin ? begin - margin : 0;
        while (from > 0 && isContinuationByte(m_text[from]))
            --from;
        const std::size_t to =
            std::min(m_text.size(), m_buffer.sliceOriginalEnd(slice) + ContextWords::WindowAfter + 64);
        m_scanner.contextWords.find(m_text, from, to, m_occurrences[slice]);
        m_occurrencesFound[slice] = true;
    }
    return m_occurrences[slice];
}

// Whether a digit match reads as an item to a person, not as part of something else: a number
// glued to another with a comma or full stop, a piece of a web address, a document's ordinal
// (제…호), a placeholder of zeros, a
// document code, a price list, a company's number in parentheses after its name.
bool Scanner::Private::Pass::isWhatAPersonWouldRead(const DetectorSpec &spec, std::string_view matched,
                                                    std::size_t start, std::size_t end) const
{
    if (TextAround::gluedToANumber(m_text, start, end) || TextAround::insideWebAddress(m_text, start) ||
        TextAround::documentOrdinal(m_text, start, end))
        return false;
    std::size_t digits = 0;
    bool onlyZerosAfterThird = true;
    for (const char c : matched) {
        if (c < '0' || c > '9')
            continue;
        if (++digits > 3 && c != '0')
            onlyZerosAfterThird = false;
    }
    if (digits > 3 && onlyZerosAfterThird)
        return false; // 010-0000-0000, 0000-0000-0000-0000
    if (!spec.letterMayPrecede && TextAround::letterBefore(m_text, start))
        return false;
    // Digits written one at a time (a form's boxes) are one number only as a whole: none may go on
    // from it, a space away ("2 0 2 4 9 0 0 1 …").
    const bool oneDigitAtATime = matched.size() > 1 && isAsciiDigit(matched[0]) && !isAsciiDigit(matched[1]);
    if (oneDigitAtATime && TextAround::inLongerSpacedRun(m_text, start, end))
        return false;
    if (!spec.groupsMayContinue && TextAround::inLongerGroupRun(m_text, start, end))
        return false;
    return spec.notInParenthesesAfter.empty() ||
        !TextAround::inParenthesesAfter(m_text, start, spec.notInParenthesesAfter);
}

// Whether the suppressing word is the corporate half of a label that names both kinds of
// registration number, a person's and a company's: "주민등록번호(법인등록번호)", "생년월일 또는
// 법인등록번호" (a form's one field for either). The number is a person's unless it reads better as
// a company's: the corporate check digit holds where the resident one does not.
bool Scanner::Private::Pass::namesBothKinds(const ContextWords::Nearest &nearest, std::string_view matched,
                                            Validation verdict) const
{
    const std::size_t from = nearest.supportingEndBeforeSuppressing;
    const std::size_t to = nearest.suppressingStart;
    if (from == std::string_view::npos || (from <= to && to - from > CombinedLabelGap))
        return false;
    // Words that overlap ("주민/법인" and "법인번호") are one label.
    if (from <= to && !TextAround::joinsTwoLabels(m_text.substr(from, to - from)))
        return false;
    const std::string digits = Validators::digitsOf(matched);
    if (digits.size() != 13 || m_text.substr(to, nearest.suppressingEnd - to).find("법인") == std::string_view::npos)
        return false; // another number's label: a document's, an order's
    return verdict == Validation::Confirmed || !Validators::corporateCheckDigitMatches(digits);
}

// Whether a number right after a company's name ("주식회사 한빛 110111-2345670", "법인 110111-…") is
// the company's registration number: its corporate check digit holds (the caller knows its own
// fails). The check digit first, from the digits on the stack: a roster asks this of its every
// number, and only one in ten passes to the look at the text.
bool Scanner::Private::Pass::isACompanysNumber(const DetectorSpec &spec, std::string_view matched,
                                               std::size_t start) const
{
    if (spec.notInParenthesesAfter.empty())
        return false;
    std::array<char, 13> digits;
    std::size_t count = 0;
    for (const char c : matched) {
        if (isAsciiDigit(c) && count++ < digits.size())
            digits[count - 1] = c;
    }
    return count == digits.size() && Validators::corporateCheckDigitMatches({digits.data(), digits.size()}) &&
        TextAround::afterCompanyName(m_text, start, spec.notInParenthesesAfter);
}

// Whether the match [normalizedStart, normalizedEnd) of the buffer, in `slice`, by the pattern
// `tag` names, is accepted as a candidate.
bool Scanner::Private::Pass::evaluate(std::size_t tag, const NormalizedText &buffer, std::size_t slice,
                                      std::size_t normalizedStart, std::size_t normalizedEnd)
{
    const std::size_t detectorIndex = tag / MaxPatternsPerDetector;
    const DetectorSpec &spec = m_scanner.detectors[detectorIndex];
    const DetectorPattern &detectorPattern = spec.patterns[tag % MaxPatternsPerDetector];
    const std::size_t start = buffer.originalStart(normalizedStart, slice);
    const std::size_t end = buffer.originalEnd(normalizedEnd, slice);
    // The validator first: it looks at the match alone, which costs less than the checks of what
    // stands around it (a roster's phone numbers are all tried as accounts and rejected here).
    const std::string_view matched(buffer.text().data() + normalizedStart, normalizedEnd - normalizedStart);
    const Validation verdict = spec.validate ? spec.validate(matched, m_validation) : Validation::Plausible;
    if (verdict == Validation::Reject)
        return false;
    if (!TextAround::standsAlone(spec.boundary, m_text, start, end))
        return false;
    if (spec.boundary != Boundary::AddressCharacters && !isWhatAPersonWouldRead(spec, matched, start, end))
        return false;
    // Digits alone glued to the won sign are an amount ("240513 1500000원"); a hyphenated number
    // is no amount, and one whose check digit holds is what it looks like.
    if (verdict != Validation::Confirmed && matched.find('-') == std::string_view::npos &&
        TextAround::amountInWon(m_text, end))
        return false;
    std::size_t context = std::string_view::npos;
    std::size_t labelBefore = std::string_view::npos;
    if (!spec.contextWords.empty() || !spec.suppressingWords.empty()) {
        const auto &found = occurrencesIn(buffer, slice);
        const ContextWords::Nearest nearest =
            m_scanner.contextWords.nearestBoth(found, detectorIndex, start, end, &occurrenceCursor(buffer, slice));
        context = nearest.supporting;
        labelBefore = nearest.supportingBefore;
        // The column's verdict is looked up once, when it is asked.
        std::optional<ColumnHeaders::Verdict> column;
        const auto columnVerdict = [&]() -> const ColumnHeaders::Verdict & {
            if (!column)
                column = m_columns.columnOf(detectorIndex, start, end);
            return *column;
        };
        // A label on the line above is another column's title where the match's column is titled
        // for it: "주민등록번호,성명,신청번호" over "800101-1104334,홍길동,2024-0001".
        const auto titlesAnotherColumn = [&] {
            return !onTheLine(start, end, nearest.suppressingEnd) && columnVerdict().supports;
        };
        // "법인등록번호 110111-1234567" is not a person's number; "접수번호 12" above a list of people
        // is the label of its own number, not theirs.
        if (nearest.suppressing != std::string_view::npos && nearest.suppressing <= context &&
            TextAround::labels(m_text, nearest.suppressingEnd, start, matched) &&
            !namesBothKinds(nearest, matched, verdict) && !titlesAnotherColumn())
            return false;
        // In a table, a word on another line (the header row's last title, a row above) says
        // nothing of a number whose own column is titled otherwise: "관리코드" over 302112345678
        // just under "…,계좌번호".
        if (context != std::string_view::npos && !onTheLine(start, end, nearest.supportingAt) &&
            columnVerdict().titled && !columnVerdict().supports)
            context = labelBefore = std::string_view::npos;
        const bool needsLabel = (needsLabelRightBefore(detectorPattern.context) || verdict == Validation::NeedsLabel) &&
            labelBefore > LabelReach;
        if (context == std::string_view::npos || needsLabel) {
            // In a table, the column's header labels every row of it.
            if (columnVerdict().suppresses)
                return false;
            if (columnVerdict().supports)
                context = labelBefore = 0;
        }
        // A pattern with labels of its own takes no other word for one ("외국인 뒤 5234567명").
        if (!detectorPattern.ownLabels.empty() &&
            !TextAround::ownLabelRightBefore(m_text, start, detectorPattern.ownLabels) && !columnVerdict().supports)
            return false;
    }
    // A label right before the number says whose it is ("(주)한빛 주민번호 …").
    if (verdict != Validation::Confirmed && labelBefore > LabelReach && isACompanysNumber(spec, matched, start))
        return false;
    bool hasContext = context != std::string_view::npos;
    const bool confirmed = verdict == Validation::Confirmed;
    if (!hasContext && !confirmed && detectorPattern.context == ContextRule::NeededUnlessConfirmed && spec.evidence)
        hasContext = spec.evidence(m_text, start, end, matched);
    if ((detectorPattern.context == ContextRule::Needed && !hasContext) ||
        (detectorPattern.context == ContextRule::NeededUnlessConfirmed && !hasContext && !confirmed) ||
        ((needsLabelRightBefore(detectorPattern.context) || verdict == Validation::NeedsLabel) &&
         labelBefore > LabelReach) ||
        (detectorPattern.context == ContextRule::NeededDirectlyBefore &&
         !TextAround::onlyMarksBetween(m_text, start - labelBefore, start)))
        return false;
    const double boosted =
        detectorPattern.confidence + (confirmed ? ChecksumBoost : 0.0) + (hasContext ? ContextBoost : 0.0);
    const double confidence = std::round(100 * std::min(MaxConfidence, boosted)) / 100;
    const std::size_t maskOffset = m_masks.size();
    m_masks += spec.mask ? spec.mask(matched) : "***";
    m_candidates.push_back({start, end, confidence, maskOffset, static_cast<std::uint32_t>(m_masks.size() - maskOffset),
                            static_cast<std::uint32_t>(detectorIndex)});
    return true;
}

std::vector<Finding> Scanner::Private::Pass::findings()
{
    const auto &detectors = m_scanner.detectors;
    std::sort(m_candidates.begin(), m_candidates.end(), [&](const Candidate &a, const Candidate &b) {
        return a.start != b.start ? a.start < b.start : isBetter(a, b, detectors);
    });
    // Overlaps (from overlapping regions, or two detectors on the same digits) go to the better one.
    // Kept in place: a roster's candidates are tens of megabytes, and fresh pages cost more than
    // the work.
    std::size_t kept = 0;
    for (const Candidate &candidate : m_candidates) {
        if (kept == 0 || candidate.start >= m_candidates[kept - 1].end)
            m_candidates[kept++] = candidate;
        else if (isBetter(candidate, m_candidates[kept - 1], detectors))
            m_candidates[kept - 1] = candidate;
    }
    m_candidates.resize(kept);
    std::vector<Finding> result;
    result.reserve(kept);
    for (const Candidate &candidate : m_candidates) {
        const DetectorSpec &spec = detectors[candidate.detector];
        const std::string_view mask(m_masks.data() + candidate.maskOffset, candidate.maskLength);
        // Masks are digits, '*' and separators almost always: Latin-1 is read without decoding.
        const bool ascii = std::all_of(mask.begin(), mask.end(), [](char c) { return (c & 0x80) == 0; });
        result.push_back({spec.id, spec.severity, candidate.confidence, static_cast<qsizetype>(candidate.start),
                          static_cast<qsizetype>(candidate.end),
                          ascii ? QString::fromLatin1(mask.data(), qsizetype(mask.size()))
                                : QString::fromUtf8(mask.data(), qsizetype(mask.size()))});
    }
    return result;
}

void Scanner::Private::compile()
{
    for (std::size_t d = 0; d < detectors.size(); ++d) {
        const DetectorSpec &spec = detectors[d];
        if (spec.patterns.size() > MaxPatternsPerDetector) {
            error = QStringLiteral("detector %1: more than %2 patterns")
                        .arg(spec.id, QString::number(MaxPatternsPerDetector));
            return;
        }
        const bool shaped = options.engine == Options::Engine::Shapes &&
            std::all_of(spec.patterns.begin(), spec.patterns.end(),
                        [](const DetectorPattern &pattern) { return !pattern.shape.isEmpty(); });
        for (std::size_t p = 0; p < spec.patterns.size(); ++p) {
            QString why;
            const std::size_t tag = d * MaxPatternsPerDetector + p;
            bool added = false;
            if (spec.trigger == Trigger::Anywhere) {
                added = anywhere.add(spec.patterns[p].regex, spec.boundary, tag, &why);
            } else if (shaped) {
                added = shapes.add(spec.patterns[p].shape, spec.boundary, tag, &why);
            } else {
                added = patterns.add(spec.patterns[p].regex, spec.boundary, tag, &why);
                regexNeedsAtSign = regexNeedsAtSign && spec.trigger == Trigger::AtSign;
            }
            if (!added) {
                error = QStringLiteral("detector %1, pattern %2: %3").arg(spec.id, QString::number(p + 1), why);
                return;
            }
        }
    }
    if (!patterns.compile() || !anywhere.compile())
        error = QStringLiteral("the detector patterns exceed the regular-expression memory budget");
}

ScanResult Scanner::Private::scan(std::string_view text, const Scanner::Preceding &preceding) const
{
    if (!error.isEmpty())
        return incomplete(error);
    if (patterns.size() == 0 && shapes.size() == 0 && anywhere.size() == 0)
        return {};
    try {
        Pass pass(*this, text, preceding);
        if (!pass.scan())
            return incomplete(pass.failure());
        return {pass.findings(), true, {}};
    } catch (const std::bad_alloc &) {
        return incomplete(QStringLiteral("out of memory"));
    } catch (...) {
        // Nothing may escape to the host, and a failed scan is never a clean one.
        return incomplete(QStringLiteral("internal error while scanning"));
    }
}

Scanner::Scanner(std::vector<DetectorSpec> detectors, Options options)
{
    // The prefilter must let through whatever any detector could match.
    CandidateFinder::Options finderOptions {0, 0, 0, false};
    bool anyDigitRun = false;
    for (const DetectorSpec &spec : detectors) {
        if (spec.trigger == Trigger::AtSign) {
            finderOptions.findAddresses = true;
            continue;
        }
        if (spec.trigger == Trigger::Anywhere)
            continue; // runs over the whole text, not over the prefilter's regions
        finderOptions.minDigits = anyDigitRun ? std::min(finderOptions.minDigits, spec.minDigits) : spec.minDigits;
        finderOptions.minGroupDigits =
            anyDigitRun ? std::min(finderOptions.minGroupDigits, spec.minGroupDigits) : spec.minGroupDigits;
        anyDigitRun = true;
        if (spec.minSpacedDigits > 0)
            finderOptions.minSpacedDigits = finderOptions.minSpacedDigits > 0
                ? std::min(finderOptions.minSpacedDigits, spec.minSpacedDigits)
                : spec.minSpacedDigits;
    }
    if (anyDigitRun) {
        finderOptions.minDigits = std::max(1, finderOptions.minDigits);
        finderOptions.minGroupDigits = std::max(1, finderOptions.minGroupDigits);
    }
    auto p = std::make_unique<Private>(std::move(detectors), options, finderOptions);
    p->compile();
    static std::atomic<std::uint64_t> made {0};
    p->serial = ++made;
    d = std::move(p);
}

Scanner::Scanner(std::vector<DetectorSpec> detectors)
    : Scanner(std::move(detectors), Options {})
{
}

Scanner::~Scanner() = default;

bool Scanner::isValid() const
{
    return d->error.isEmpty();
}

QString Scanner::errorString() const
{
    return d->error;
}

bool Scanner::scansWholeText() const
{
    return d->anywhere.size() > 0;
}

int Scanner::timeBudgetMs() const
{
    return d->options.timeBudgetMs;
}

std::uint64_t Scanner::serial() const
{
    return d->serial;
}

ScanResult Scanner::scan(std::string_view text) const
{
    return d->scan(text, {});
}

ScanResult Scanner::scan(std::string_view text, const Preceding &preceding) const
{
    return d->scan(text, preceding);
}

std::string_view Scanner::tableHeaderAfter(std::string_view text, std::string_view tableHeader) const
{
    return ColumnHeaders::inForceAfter(d->contextWords, text, tableHeader);
}

ScanResult Scanner::scan(QStringView text) const
{
    const QByteArray utf8 = text.toUtf8();
    const std::string_view bytes(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    ScanResult result = d->scan(bytes, {});
    Utf16OffsetCursor cursor(bytes); // findings are sorted and disjoint: one pass converts them all
    for (Finding &finding : result.findings) {
        finding.start = cursor.advanceTo(static_cast<std::size_t>(finding.start));
        finding.end = cursor.advanceTo(static_cast<std::size_t>(finding.end));
    }
    return result;
}

} // namespace SendGuard::Core
