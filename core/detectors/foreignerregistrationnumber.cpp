// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "registrationnumber.h"

namespace SendGuard::Core::Detectors {

// Gender/century digit 5-8; the old check digit is the RRN one, or the RRN one plus 2.
DetectorSpec foreignerRegistrationNumber()
{
    return {
        .id = QStringLiteral("kr-frn"),
        .severity = Severity::High,
        .description = QStringLiteral("Foreigner registration number (외국인등록번호)"),
        .priority = 90,
        .trigger = Trigger::DigitRun,
        .minDigits = 7, // the back half alone, after its label
        .minSpacedDigits = 13,
        .boundary = Boundary::Digits,
        .patterns = RegistrationNumber::patterns("5678", RegistrationNumber::foreignerLabels()),
        .contextWords = {"외국인등록번호", "외국인번호", "외국인등록", "외국인", "신분증", "FRN", "alien registration",
                         "foreigner registration", "residence card", "실명번호", "실명확인번호", "고유식별번호",
                         // An overseas Korean's residence report number (국내거소신고번호) has the same form.
                         "개인식별번호", "거소신고번호", "거소신고", "거소번호",
                         // The label of a back half given alone: "외국인등록번호의 뒷자리 5234567".
                         "외국인등록번호의", "외국인번호의", "외국인 등록번호"},
        .suppressingWords = RegistrationNumber::otherNumberLabels(),
        .notInParenthesesAfter = RegistrationNumber::companyWords(),
        .letterMayPrecede = false,
        .validate = RegistrationNumber::validate<Validators::frnCheckDigitMatches, '7'>,
        .mask = RegistrationNumber::mask,
        .evidence = RegistrationNumber::evidence,
    };
}

} // namespace SendGuard::Core::Detectors
