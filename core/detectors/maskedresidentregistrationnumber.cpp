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
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
