// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "masking.h"
#include "validators.h"

namespace SendGuard::Core::Detectors {

namespace {

// How many leading digits name the country, network or area (kept visible when masking).
int areaDigits(std::string_view digits)
{
    const std::size_t dialled = digits.starts_with("0082") ? 2 : 0; // 0082 …: 00 is the international prefix
    const std::string_view rest = digits.substr(dialled);
    if (rest.starts_with("82")) { // 82 10 …, 82 2 …, 82 (0)10 …
        const std::size_t zero = rest.size() > 2 && rest[2] == '0' ? 1 : 0;
        const char first = rest.size() > 2 + zero ? rest[2 + zero] : '0';
        return static_cast<int>(dialled + 2 + zero + (first == '2' ? 1 : 2));
    }
    return rest.starts_with("02") ? 2 : 3;
}

std::string mask(std::string_view match)
{
    const std::string digits = Validators::digitsOf(match);
    return Masking::maskDigits(match, areaDigits(digits), 4); // 010-****-5678
}

} // namespace

// Mobile 010, 011, 016-019; area codes 02, 031-033, 041-044, 051-055, 061-064 and 070.
// Business numbers (15xx, 16xx, 18xx) do not start with 0 and so never match.
DetectorSpec phoneNumber()
{
    const std::string sep = "(?: ?[-.] ?| )";
    const std::string area = "(?:01[016789]|0(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70))";
    const std::string internationalArea = "(?:1[016789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70)";
    const std::string subscriber = sep + "\\d{3,4}" + sep + "\\d{4}";
    return {
        .id = QStringLiteral("kr-phone"),
        .severity = Severity::Medium,
        .description = QStringLiteral("Mobile or landline phone number (전화번호)"),
        .priority = 50,
        .trigger = Trigger::DigitRun,
        .minDigits = 9,
        .boundary = Boundary::Digits,
        .patterns =
            {
                {area + subscriber, ContextRule::NotNeeded, 0.85}, // 010-1234-5678, 02.123.4567
                {"\\(?" + area + "\\) ?\\d{3,4}" + sep + "\\d{4}", ContextRule::NotNeeded,
                 0.85}, // (02) 123-4567, 02)123-4567
                {"\\+82" + sep + "?(?:\\(0\\) ?)?" + internationalArea + sep + "?\\d{3,4}" + sep + "?\\d{4}",
                 ContextRule::NotNeeded, 0.85}, // +82 10-1234-5678, +821012345678
                // Without the plus only when separated: a bare 82… run is as likely an account number.
                {"(?:00)?82" + sep + "(?:\\(0\\) ?)?" + internationalArea + subscriber, ContextRule::NotNeeded, 0.8},
                {area + "\\d{7,8}", ContextRule::NotNeeded, 0.65}, // 01012345678
            },
        .contextWords = {"전화", "전화번호", "연락처", "휴대폰", "핸드폰", "휴대전화", "팩스", "phone", "mobile", "tel",
                         "fax", "contact"},
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
