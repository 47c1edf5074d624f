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
        .minDigits = 7, // the back half alone, after its label
        .minSpacedDigits = 13,
        .boundary = Boundary::Digits,
        .patterns = RegistrationNumber::patterns("1234", RegistrationNumber::residentLabels()),
        // 실명번호 and 고유식별번호 are what banks' and the privacy act's forms call it; a form's header
        // names both numbers at once, 주민(외국인)등록번호 or 주민/법인번호; people space the label out;
        // a system's export names its field in Latin letters.
        .contextWords = {"주민등록번호", "주민번호", "주민등록", "신분증", "생년월일", "RRN", "resident registration",
                         "resident number", "주민(외국인)", "주민 등록", "실명번호", "실명확인번호", "고유식별번호",
                         "개인식별번호", "주민/법인", "주민·법인", "주민ㆍ법인",
                         // Field names of exports and web forms: juminNo, jumin_no, resident_no, ssn.
                         "jumin", "resident_no", "residentno", "ssn",
                         // The label of a back half given alone: "주민번호의 뒷자리 1234567".
                         "주민번호의", "주민등록번호의", "주민 등록번호"},
        .suppressingWords = RegistrationNumber::otherNumberLabels(),
        .notInParenthesesAfter = RegistrationNumber::companyWords(),
        .letterMayPrecede = false,
        .validate = RegistrationNumber::validate<Validators::rrnCheckDigitMatches, '3'>,
        .mask = RegistrationNumber::mask,
        .evidence = RegistrationNumber::evidence,
    };
}

} // namespace SendGuard::Core::Detectors
