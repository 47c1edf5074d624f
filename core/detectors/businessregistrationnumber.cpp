// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "masking.h"
#include "patternparts.h"
#include "validators.h"

namespace SendGuard::Core::Detectors {

using PatternParts::separators;

namespace {

// Every issued number carries the national check digit, so it is a gate.
Validation validate(std::string_view match, const ValidationContext &)
{
    return Validators::businessRegistrationCheckDigitMatches(Validators::digitsOf(match)) ? Validation::Plausible
                                                                                          : Validation::Reject;
}

std::string mask(std::string_view match)
{
    return Masking::maskDigits(match, 5, 0); // 123-45-*****
}

} // namespace

DetectorSpec businessRegistrationNumber()
{
    const std::string loose = "(?:  ?- ?|  |" + std::string(PatternParts::WrappedSeparator) + "| ?- ?| )";
    std::vector<std::string> looseSeparators {"  - ", "  -", "  "};
    for (const std::vector<std::string> &more : {PatternParts::wrappedSeparators(), PatternParts::separators()})
        looseSeparators.insert(looseSeparators.end(), more.begin(), more.end());
    return {
        .id = QStringLiteral("kr-business-reg"),
        .severity = Severity::Low,
        .description = QStringLiteral("Business registration number (사업자등록번호)"),
        .priority = 40,
        .trigger = Trigger::DigitRun,
        .minDigits = 10,
        .boundary = Boundary::Digits,
        .patterns =
            {
                {"\\d{3}-\\d{2}-\\d{5}", ContextRule::NotNeeded, 0.8,
                 Shape().digits(3).literal({"-"}).digits(2).literal({"-"}).digits(5)},
                // Spaces around the hyphens, or instead of them, as forms and scans write it: the
                // check digit is the gate, the label the evidence.
                {"\\d{3}(?: ?- ?| )\\d{2}(?: ?- ?| )\\d{5}", ContextRule::Needed, 0.75,
                 Shape().digits(3).literal(separators()).digits(2).literal(separators()).digits(5)},
                {"\\d{10}", ContextRule::Needed, 0.7, Shape().digits(10)},
                {"\\d{3}\\.\\d{2}\\.\\d{5}", ContextRule::Needed, 0.7,
                 Shape().digits(3).literal({"."}).digits(2).literal({"."}).digits(5)}, // 214.33.21811
                // As tools and wrapped text write it (a tab, a line broken after a hyphen, a slash,
                // underscore or tilde), or spaced out twice, in either gap or both.
                {"\\d{3}" + loose + "\\d{2}" + loose + "\\d{5}", ContextRule::Needed, 0.7,
                 Shape().digits(3).literal(looseSeparators).digits(2).literal(looseSeparators).digits(5)},
            },
        .contextWords = {"사업자등록번호", "사업자번호", "사업자", "business registration", "BRN"},
        .suppressingWords = PatternParts::documentNumberLabels(), // "주문번호 220-81-62517"
        .letterMayPrecede = false,
        .validate = validate,
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
