// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectors/detectorcatalog.h"
#include "detectors/detectorspec.h"
#include "scanresult.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// Finds personal data in text with a catalogue of detectors.
//
// The patterns are compiled once, in the constructor. A scan then
//  1. picks, at memory speed, the few regions that can hold an identifier (CandidateFinder);
//  2. normalizes them into one buffer, each after a line break (NormalizedText);
//  3. finds the built-in detectors' shapes in one walk over the runs of digits (ShapeMatcher), and
//     a policy's own patterns with one RE2::Set pass per batch, each led by its boundary character,
//     then only the patterns the set reported (PatternSet);
//  4. checks each match against the original text: digit boundaries, the detector's validator,
//     its context and suppressing words (ContextWords);
//  5. gives overlapping matches to the detector with the higher priority.
// Work is linear in the size of the text.
//
// Construction never throws: check isValid(). A Scanner is immutable after construction and
// scan() is safe to call from several threads at once.
class Scanner
{
public:
    struct Options
    {
        QDate today; // birth dates after this are impossible; invalid: the current date at each scan
        std::int64_t regexMemoryBudget = 64 << 20; // RE2 max_mem for the pattern set and each pattern
        // Wall time one scan may take, 0 for no limit; past it the scan stops, incomplete ("took
        // longer than its budget"), never a clean result. MessageChecker sets one for every check.
        int timeBudgetMs = 0;
        // How the built-in detectors are found. Shapes is what callers use; Regex runs their
        // regular expressions with RE2 instead, the reference the shape matcher is compared with in
        // tests and the benchmark. A policy's own detectors always run with RE2.
        enum class Engine { Shapes, Regex };
        Engine engine = Engine::Shapes;
    };

    explicit Scanner(std::vector<DetectorSpec> detectors = builtInDetectors());
    Scanner(std::vector<DetectorSpec> detectors, Options options);
    ~Scanner();
    Scanner(const Scanner &) = delete;
    Scanner &operator=(const Scanner &) = delete;

    // False when a pattern did not compile; errorString() says which and why. An invalid scanner's
    // scans are all incomplete.
    bool isValid() const;
    QString errorString() const;

    // True when one of a policy's detectors runs over the whole text (no digits needed: a code
    // word, a case number): its match may run anywhere, so a scan split into blocks
    // (GrowingTextScanner) could differ from the whole scan.
    bool scansWholeText() const;
    // Options::timeBudgetMs: what one scan may take; a scan in blocks counts all of them.
    int timeBudgetMs() const;

    // Distinct for every Scanner this process makes, never reused: what a result kept elsewhere
    // (AttachmentText::EarlyScan) is checked against.
    std::uint64_t serial() const;

    // Scans UTF-8 text; offsets in the findings are UTF-8 byte offsets into `text`. Invalid UTF-8
    // is scanned as it is (callers that need valid input check it first).
    ScanResult scan(std::string_view text) const;

    // What a piece of a longer text needs from before it (StreamScanner): the table header row in
    // force where it starts, and whether it starts inside a line.
    struct Preceding
    {
        std::string_view tableHeader;
        bool startsMidLine = false;
    };
    ScanResult scan(std::string_view text, const Preceding &preceding) const;

    // The table header row in force at the end of `text`, given the one in force at its start
    // (empty: none). A view into one of the two.
    std::string_view tableHeaderAfter(std::string_view text, std::string_view tableHeader) const;

    // Scans a Qt string; offsets in the findings are UTF-16 code-unit offsets into `text`.
    ScanResult scan(QStringView text) const;

private:
    struct Private;
    std::unique_ptr<const Private> d;
};

} // namespace SendGuard::Core
