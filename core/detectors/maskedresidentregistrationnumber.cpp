// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "patternparts.h"

namespace SendGuard::Core::Detectors {

using PatternParts::hyphens;

namespace {

// Already masked: nothing more to hide, and showing it tells the user the masking worked.
std::string mask(std::string_view match)
{
    return std::string(match);
}

// What is left readable must be a registration number's: a month and a day where the date shows,
// a gender digit of someone alive (1-8) where it shows. "1234567□□□□□□" or a box ticked beside
// "123456-" is none.
Validation validate(std::string_view match, const ValidationContext &)
{
    const auto digitAt = [match](std::size_t i) { return i < match.size() && match[i] >= '0' && match[i] <= '9'; };
    const auto value = [match](std::size_t i) { return (match[i] - '0') * 10 + (match[i + 1] - '0'); };
    if (digitAt(5)) { // the whole date shows
        const int month = value(2);
        const int day = value(4);
        if (month < 1 || month > 12 || day < 1 || day > 31)
            return Validation::Reject;
    }
    // The gender digit: right after the date, or after the separator.
    std::size_t gender = 6;
    while (gender < match.size() && (match[gender] == ' ' || match[gender] == '-'))
        ++gender;
    if (digitAt(gender) && (match[gender] == '0' || match[gender] == '9'))
        return Validation::Reject;
    return Validation::Plausible;
}

} // namespace

DetectorSpec maskedResidentRegistrationNumber()
{
    const std::string hidden = "[*xX●•○□]";
    const std::string sep = " ?- ?";
    return {
        .id = QStringLiteral("kr-rrn-masked"),
        .severity = Severity::Low,
        .description = QStringLiteral("Already-masked resident registration number (informational)"),
        .priority = 100, // claims the text before kr-rrn or anything else can
        .trigger = Trigger::DigitRun,
        .minDigits = 7,
        .boundary = Boundary::Digits,
        .patterns =
            {
                {"\\d{6}" + sep + "\\d" + hidden + "{6}", ContextRule::NotNeeded, 0.9,
                 Shape().digits(6).literal(hyphens()).digits(1).masks(6)}, // 900101-1******
                {"\\d{6}" + sep + hidden + "{7}", ContextRule::NotNeeded, 0.85,
                 Shape().digits(6).literal(hyphens()).masks(7)}, // 900101-*******
                {"\\d{2}" + hidden + "{4}" + sep + "\\d" + hidden + "{6}", ContextRule::NotNeeded, 0.85,
                 Shape().digits(2).masks(4).literal(hyphens()).digits(1).masks(6)}, // 90****-1******
                {"\\d{2}" + hidden + "{4}" + sep + hidden + "{7}", ContextRule::NotNeeded, 0.8,
                 Shape().digits(2).masks(4).literal(hyphens()).masks(7)},
                {"\\d{7}" + hidden + "{6}", ContextRule::NotNeeded, 0.75,
                 Shape().digits(7).masks(6)}, // 9001011******, written without its hyphen
            },
        .contextWords = {"주민등록번호", "주민번호", "RRN"},
        .validate = validate,
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
