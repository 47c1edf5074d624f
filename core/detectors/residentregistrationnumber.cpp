// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "../masking.h"
#include "../validators.h"
#include "patternparts.h"

namespace SendGuard::Core::Detectors {

namespace {

// Gender/century digit of Koreans: 1-4, and 9 or 0 for people born in the 1800s.
Validation validate(std::string_view match, const ValidationContext &context)
{
    const std::string digits = Validators::digitsOf(match);
    const QDate birth = Validators::registrationBirthDate(digits);
    if (!birth.isValid() || (context.today.isValid() && birth > context.today))
        return Validation::Reject;
    // Since October 2020 the last six digits are random: the check digit only adds confidence.
    return Validators::rrnCheckDigitMatches(digits) ? Validation::Confirmed : Validation::Plausible;
}

std::string mask(std::string_view match)
{
    return Masking::maskDigits(match, 7, 0); // 900101-1******: birth date and gender stay readable
}

} // namespace

DetectorSpec residentRegistrationNumber()
{
    using namespace PatternParts;
    const std::string back = "[012349]\\d{6}";
    return {
        .id = QStringLiteral("kr-rrn"),
        .severity = Severity::High,
        .description = QStringLiteral("Resident registration number (주민등록번호)"),
        .priority = 90,
        .trigger = Trigger::DigitRun,
        .minDigits = 13,
        .boundary = Boundary::Digits,
        .patterns =
            {
                {std::string(BirthDate) + Separator + back, ContextRule::NotNeeded, 0.85},
                // A bare 13-digit run is also an order or account number now and then.
                {std::string(BirthDate) + back, ContextRule::NeededUnlessConfirmed, 0.8},
            },
        .contextWords = {"주민등록번호", "주민번호", "주민등록", "신분증", "생년월일", "RRN", "resident registration",
                         "resident number"},
        // Corporate registration numbers (법인등록번호) have the same shape.
        .suppressingWords = {"법인등록번호", "법인번호", "법인 등록번호", "corporate registration"},
        .validate = validate,
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
