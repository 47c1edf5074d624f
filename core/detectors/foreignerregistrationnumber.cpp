// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "../masking.h"
#include "../validators.h"
#include "patternparts.h"

namespace SendGuard::Core::Detectors {

namespace {

// Same shape as the RRN; gender/century digit 5-8.
Validation validate(std::string_view match, const ValidationContext &context)
{
    const std::string digits = Validators::digitsOf(match);
    const QDate birth = Validators::registrationBirthDate(digits);
    if (!birth.isValid() || (context.today.isValid() && birth > context.today))
        return Validation::Reject;
    return Validators::frnCheckDigitMatches(digits) ? Validation::Confirmed : Validation::Plausible;
}

std::string mask(std::string_view match)
{
    return Masking::maskDigits(match, 7, 0);
}

} // namespace

DetectorSpec foreignerRegistrationNumber()
{
    using namespace PatternParts;
    const std::string back = "[5-8]\\d{6}";
    return {
        .id = QStringLiteral("kr-frn"),
        .severity = Severity::High,
        .description = QStringLiteral("Foreigner registration number (외국인등록번호)"),
        .priority = 90,
        .trigger = Trigger::DigitRun,
        .minDigits = 13,
        .boundary = Boundary::Digits,
        .patterns =
            {
                {std::string(BirthDate) + Separator + back, ContextRule::NotNeeded, 0.85},
                {std::string(BirthDate) + back, ContextRule::NeededUnlessConfirmed, 0.8},
            },
        .contextWords = {"외국인등록번호", "외국인번호", "외국인등록", "외국인", "신분증", "FRN", "alien registration",
                         "foreigner registration", "residence card"},
        .suppressingWords = {"법인등록번호", "법인번호", "법인 등록번호", "corporate registration"},
        .validate = validate,
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
