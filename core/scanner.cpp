// SPDX-License-Identifier: GPL-2.0-or-later
#include "scanner.h"

#include "candidatefinder.h"
#include "normalizedtext.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <new>

namespace SendGuard::Core {

namespace {

constexpr std::size_t ContextBefore = 80; // bytes: about 25 Hangul characters, a label and its colon
constexpr std::size_t ContextAfter = 40;
constexpr double ChecksumBoost = 0.1;
constexpr double ContextBoost = 0.1;
constexpr double MaxConfidence = 0.99;
constexpr int OtherCharacter = 256; // a non-ASCII character no normalization applies to
constexpr int NoCharacter = -1; // the start or end of the text

struct CompiledDetector
{
    std::vector<std::unique_ptr<RE2>> patterns;
    std::unique_ptr<RE2> context; // null without context words
    std::unique_ptr<RE2> suppressing; // null without suppressing words
};

struct Candidate
{
    std::size_t detector = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    double confidence = 0;
    std::string masked;
};

RE2::Options regexOptions(std::int64_t memoryBudget, bool caseSensitive)
{
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(memoryBudget);
    options.set_case_sensitive(caseSensitive);
    return options;
}

std::unique_ptr<RE2> wordsRegex(const std::vector<std::string> &words, std::int64_t memoryBudget)
{
    if (words.empty())
        return nullptr;
    std::string alternation;
    for (const std::string &word : words) {
        if (!alternation.empty())
            alternation += '|';
        alternation += RE2::QuoteMeta(word);
    }
    return std::make_unique<RE2>(alternation, regexOptions(memoryBudget, false));
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool isDigit(int c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int visibleCharacterAt(std::string_view text, std::size_t pos)
{
    const auto folded = NormalizedText::foldCharacter(text, pos);
    if (folded.folded)
        return static_cast<unsigned char>(folded.replacement);
    const auto c = static_cast<unsigned char>(text[pos]);
    return c < 0x80 ? c : OtherCharacter;
}

bool isDropped(std::string_view text, std::size_t pos)
{
    const auto folded = NormalizedText::foldCharacter(text, pos);
    return folded.folded && folded.replacement == 0;
}

// The character before `offset`, normalized, skipping zero-width ones; *at gets its position.
int characterBefore(std::string_view text, std::size_t offset, std::size_t *at = nullptr)
{
    while (offset > 0) {
        std::size_t start = offset - 1;
        while (start > 0 && isContinuationByte(text[start]))
            --start;
        offset = start;
        if (isDropped(text, start))
            continue;
        if (at)
            *at = start;
        return visibleCharacterAt(text, start);
    }
    return NoCharacter;
}

// The character at `offset`, normalized, skipping zero-width ones; *next gets the offset after it.
int characterFrom(std::string_view text, std::size_t offset, std::size_t *next = nullptr)
{
    while (offset < text.size()) {
        const std::size_t length = NormalizedText::foldCharacter(text, offset).length;
        if (isDropped(text, offset)) {
            offset += length;
            continue;
        }
        if (next)
            *next = offset + length;
        return visibleCharacterAt(text, offset);
    }
    return NoCharacter;
}

bool isAddressCharacterBefore(int c)
{
    return isDigit(c) || isLetter(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool isAddressCharacterAfter(int c)
{
    return isDigit(c) || isLetter(c) || c == '_' || c == '-' || c == '@';
}

// A match must not be part of something longer: a longer number ("20240611-0001234"), a code
// ("XM12345678") or an address.
bool standsAlone(Boundary boundary, std::string_view text, std::size_t start, std::size_t end)
{
    std::size_t beforeAt = 0;
    std::size_t afterNext = 0;
    const int before = characterBefore(text, start, &beforeAt);
    const int after = characterFrom(text, end, &afterNext);
    if (boundary == Boundary::AddressCharacters)
        return !isAddressCharacterBefore(before) && !isAddressCharacterAfter(after);
    if (isDigit(before) || isDigit(after))
        return false;
    if (boundary == Boundary::Alphanumeric && (isLetter(before) || isLetter(after)))
        return false;
    // A hyphen joining another digit group: "2024-900101-1234567".
    if (before == '-' && isDigit(characterBefore(text, beforeAt)))
        return false;
    if (after == '-' && isDigit(characterFrom(text, afterNext)))
        return false;
    return true;
}

// Distance in bytes from [start, end) to the nearest occurrence of `words` around it, or npos.
std::size_t nearestOccurrence(const RE2 &words, std::string_view text, std::size_t start, std::size_t end)
{
    std::size_t from = start > ContextBefore ? start - ContextBefore : 0;
    while (from < start && isContinuationByte(text[from]))
        ++from;
    std::size_t to = std::min(text.size(), end + ContextAfter);
    while (to > end && to < text.size() && isContinuationByte(text[to]))
        --to;
    const re2::StringPiece input(text.data(), to);
    std::size_t nearest = std::string_view::npos;
    re2::StringPiece match;
    std::size_t pos = from;
    while (pos < to && words.Match(input, pos, to, RE2::UNANCHORED, &match, 1)) {
        const auto occurrenceStart = static_cast<std::size_t>(match.data() - input.data());
        const std::size_t occurrenceEnd = occurrenceStart + match.size();
        std::size_t distance = 0;
        if (occurrenceEnd <= start)
            distance = start - occurrenceEnd;
        else if (occurrenceStart >= end)
            distance = occurrenceStart - end;
        nearest = std::min(nearest, distance);
        pos = std::max(occurrenceEnd, occurrenceStart + 1);
    }
    return nearest;
}

bool isBetter(const Candidate &a, const Candidate &b, const std::vector<DetectorSpec> &detectors)
{
    const int priorityA = detectors[a.detector].priority;
    const int priorityB = detectors[b.detector].priority;
    if (priorityA != priorityB)
        return priorityA > priorityB;
    if (a.end - a.start != b.end - b.start)
        return a.end - a.start > b.end - b.start;
    return a.confidence > b.confidence;
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
    std::vector<CompiledDetector> compiled;
    RE2::Set patternSet;
    std::vector<std::pair<std::size_t, std::size_t>> setEntries; // set index -> (detector, pattern)
    CandidateFinder finder;
    QString error;

    Private(std::vector<DetectorSpec> specs, Options opts, CandidateFinder::Options finderOptions)
        : detectors(std::move(specs))
        , options(opts)
        , patternSet(regexOptions(opts.regexMemoryBudget, true), RE2::UNANCHORED)
        , finder(finderOptions)
    {
    }

    void compile();
    void matchPattern(std::string_view text, const NormalizedText &region, std::size_t entry,
                      const ValidationContext &validation, std::vector<Candidate> &candidates) const;
    std::vector<Finding> resolve(std::vector<Candidate> candidates) const;
    ScanResult scan(std::string_view text) const;
};

void Scanner::Private::compile()
{
    for (std::size_t i = 0; i < detectors.size() && error.isEmpty(); ++i) {
        const DetectorSpec &spec = detectors[i];
        CompiledDetector detector;
        for (std::size_t p = 0; p < spec.patterns.size(); ++p) {
            const std::string &regex = spec.patterns[p].regex;
            auto compiledPattern = std::make_unique<RE2>(regex, regexOptions(options.regexMemoryBudget, true));
            std::string setError;
            if (!compiledPattern->ok() || patternSet.Add(regex, &setError) < 0) {
                error = QStringLiteral("detector %1, pattern %2: %3")
                            .arg(spec.id)
                            .arg(p + 1)
                            .arg(QString::fromStdString(compiledPattern->ok() ? setError : compiledPattern->error()));
                return;
            }
            detector.patterns.push_back(std::move(compiledPattern));
            setEntries.emplace_back(i, p);
        }
        detector.context = wordsRegex(spec.contextWords, options.regexMemoryBudget);
        detector.suppressing = wordsRegex(spec.suppressingWords, options.regexMemoryBudget);
        for (const RE2 *words : {detector.context.get(), detector.suppressing.get()}) {
            if (words && !words->ok())
                error = QStringLiteral("detector %1, context words: %2")
                            .arg(spec.id, QString::fromStdString(words->error()));
        }
        compiled.push_back(std::move(detector));
    }
    if (error.isEmpty() && !setEntries.empty() && !patternSet.Compile())
        error = QStringLiteral("the detector patterns exceed the regular-expression memory budget");
}

void Scanner::Private::matchPattern(std::string_view text, const NormalizedText &region, std::size_t entry,
                                    const ValidationContext &validation, std::vector<Candidate> &candidates) const
{
    const auto [detectorIndex, patternIndex] = setEntries[entry];
    const DetectorSpec &spec = detectors[detectorIndex];
    const DetectorPattern &pattern = spec.patterns[patternIndex];
    const CompiledDetector &detector = compiled[detectorIndex];
    const RE2 &regex = *detector.patterns[patternIndex];
    const re2::StringPiece input(region.text());
    re2::StringPiece match;
    std::size_t pos = 0;
    while (pos < input.size() && regex.Match(input, pos, input.size(), RE2::UNANCHORED, &match, 1)) {
        const auto matchStart = static_cast<std::size_t>(match.data() - input.data());
        const std::size_t matchEnd = matchStart + match.size();
        pos = matchStart + 1; // unless accepted: the next try may overlap this one
        while (pos < input.size() && isContinuationByte(input[pos]))
            ++pos;
        if (match.empty())
            continue;
        const std::size_t start = region.originalStart(matchStart);
        const std::size_t end = region.originalEnd(matchEnd);
        if (!standsAlone(spec.boundary, text, start, end))
            continue;
        const std::string_view matched(match.data(), match.size());
        const Validation verdict = spec.validate ? spec.validate(matched, validation) : Validation::Plausible;
        if (verdict == Validation::Reject)
            continue;
        const std::size_t context =
            detector.context ? nearestOccurrence(*detector.context, text, start, end) : std::string_view::npos;
        if (detector.suppressing) {
            const std::size_t suppressing = nearestOccurrence(*detector.suppressing, text, start, end);
            if (suppressing != std::string_view::npos && suppressing <= context)
                continue; // "법인등록번호 110111-1234567" is not a person's number
        }
        const bool hasContext = context != std::string_view::npos;
        const bool confirmed = verdict == Validation::Confirmed;
        if ((pattern.context == ContextRule::Needed && !hasContext) ||
            (pattern.context == ContextRule::NeededUnlessConfirmed && !hasContext && !confirmed))
            continue;
        const double confidence = std::round(100 *
                                             std::min(MaxConfidence,
                                                      pattern.confidence + (confirmed ? ChecksumBoost : 0.0) +
                                                          (hasContext ? ContextBoost : 0.0))) /
            100;
        candidates.push_back({detectorIndex, start, end, confidence, spec.mask ? spec.mask(matched) : "***"});
        pos = matchEnd;
    }
}

std::vector<Finding> Scanner::Private::resolve(std::vector<Candidate> candidates) const
{
    std::sort(candidates.begin(), candidates.end(), [this](const Candidate &a, const Candidate &b) {
        return a.start != b.start ? a.start < b.start : isBetter(a, b, detectors);
    });
    std::vector<Candidate> kept;
    for (Candidate &candidate : candidates) {
        if (kept.empty() || candidate.start >= kept.back().end)
            kept.push_back(std::move(candidate));
        else if (isBetter(candidate, kept.back(), detectors))
            kept.back() = std::move(candidate);
    }
    std::vector<Finding> findings;
    findings.reserve(kept.size());
    for (const Candidate &candidate : kept) {
        const DetectorSpec &spec = detectors[candidate.detector];
        findings.push_back({spec.id, spec.severity, candidate.confidence, static_cast<qsizetype>(candidate.start),
                            static_cast<qsizetype>(candidate.end), QString::fromStdString(candidate.masked)});
    }
    return findings;
}

ScanResult Scanner::Private::scan(std::string_view text) const
{
    if (!error.isEmpty())
        return incomplete(error);
    if (setEntries.empty())
        return {};
    const ValidationContext validation {options.today.isValid() ? options.today : QDate::currentDate()};
    try {
        std::vector<Candidate> candidates;
        std::vector<int> hits;
        for (const TextRange &range : finder.find(text)) {
            const NormalizedText region(text, range.begin, range.end);
            hits.clear();
            RE2::Set::ErrorInfo info {RE2::Set::kNoError};
            if (!patternSet.Match(region.text(), &hits, &info)) {
                if (info.kind == RE2::Set::kOutOfMemory)
                    return incomplete(QStringLiteral("the pattern matcher ran out of memory"));
                if (info.kind != RE2::Set::kNoError)
                    return incomplete(QStringLiteral("the pattern matcher failed (RE2 set error %1)").arg(info.kind));
                continue;
            }
            for (const int hit : hits)
                matchPattern(text, region, static_cast<std::size_t>(hit), validation, candidates);
        }
        return {resolve(std::move(candidates)), true, {}};
    } catch (const std::bad_alloc &) {
        return incomplete(QStringLiteral("out of memory"));
    } catch (...) {
        // Nothing may escape to the host, and a failed scan is never a clean one.
        return incomplete(QStringLiteral("internal error while scanning"));
    }
}

Scanner::Scanner(std::vector<DetectorSpec> detectors, Options options)
{
    CandidateFinder::Options finderOptions {0, false};
    for (const DetectorSpec &spec : detectors) {
        if (spec.trigger == Trigger::AtSign) {
            finderOptions.findAddresses = true;
        } else if (finderOptions.minDigits == 0 || spec.minDigits < finderOptions.minDigits) {
            finderOptions.minDigits = std::max(1, spec.minDigits);
        }
    }
    auto p = std::make_unique<Private>(std::move(detectors), options, finderOptions);
    p->compile();
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

const std::vector<DetectorSpec> &Scanner::detectors() const
{
    return d->detectors;
}

ScanResult Scanner::scan(std::string_view text) const
{
    return d->scan(text);
}

ScanResult Scanner::scan(QStringView text) const
{
    const QByteArray utf8 = text.toUtf8();
    const std::string_view bytes(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    ScanResult result = d->scan(bytes);
    Utf16OffsetCursor cursor(bytes); // findings are sorted and disjoint: one pass converts them all
    for (Finding &finding : result.findings) {
        finding.start = cursor.advanceTo(static_cast<std::size_t>(finding.start));
        finding.end = cursor.advanceTo(static_cast<std::size_t>(finding.end));
    }
    return result;
}

} // namespace SendGuard::Core
