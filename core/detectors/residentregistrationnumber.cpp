// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "registrationnumber.h"

namespace SendGuard::Core::Detectors {

// Gender/century digit of Koreans: 1-4. 9 and 0 (born in the 1800s) are left out: nobody alive
// holds one, while a corporate registration number (YYMMDD-like registry prefix, then 0...) is
// written the same way and would block a message for a company's number.
DetectorSpec residentRegistrationNumber()
{
    return {
        .id = QStringLiteral("kr-rrn"),
        .severity = Severity::High,
        .description = QStringLiteral("Resident registration number (주민등록번호)"),
        .priority = 90,
        .trigger = Trigger::DigitRun,
        .minDigits = 13,
        .minSpacedDigits = 13,
        .boundary = Boundary::Digits,
        .patterns = RegistrationNumber::patterns("1234"),
        .contextWords = {"주민등록번호", "주민번호", "주민등록", "신분증", "생년월일", "RRN", "resident registration",
                         "resident number"},
        .suppressingWords = RegistrationNumber::otherNumberLabels(),
        .notInParenthesesAfter = RegistrationNumber::companyWords(),
        .letterMayPrecede = false,
        .validate = RegistrationNumber::validate<Validators::rrnCheckDigitMatches>,
        .mask = RegistrationNumber::mask,
        .evidence = RegistrationNumber::evidence,
    };
}

} // namespace SendGuard::Core::Detectors
