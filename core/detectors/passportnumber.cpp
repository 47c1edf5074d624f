// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "masking.h"
#include "patternparts.h"
#include "personevidence.h"
#include "validators.h"

namespace SendGuard::Core::Detectors {

namespace {

// Eight digits that read as a date are a date: the bare form written next to the word 여권 (issue
// or expiry date), or a code such as "D20240611"; one passport number in about a thousand is lost.
Validation validate(std::string_view match, const ValidationContext &)
{
    const std::string_view digits = match.size() == 9 ? match.substr(1) : match;
    if (digits.size() == 8 && Validators::isCompactDate(digits))
        return Validation::Reject;
    return Validation::Plausible;
}

// The letter and three digits stay, as on a passport's copy: M123*****; without the letter, the
// three digits alone (123*****), not half the number.
std::string mask(std::string_view match)
{
    const bool letter = !match.empty() && (match.front() < '0' || match.front() > '9');
    return Masking::maskAlphanumericFrom(match, letter ? 4 : 3);
}

// A product's code has the same shape ("모델명 M12345678"), and so has a receipt's or an
// application's number near the word 여권 ("여권 재발급 접수번호 12345678"), an employee's or a
// student's number and a flight's (from a red-team pass).
std::vector<std::string> passportSuppressingWords()
{
    std::vector<std::string> words {"모델",     "model",    "품번", "제품번호", "부품번호", "part no", "사번",
                                    "사원번호", "직원번호", "학번", "학생번호", "항공편",   "편명"};
    for (std::string &label : PatternParts::documentNumberLabels())
        words.push_back(std::move(label));
    return words;
}

// The new form is a code of letters and digits as part numbers are too ("장비명: M123A4567"): it
// needs its label, or to stand in parentheses right after a person's name, as a list of travellers
// writes it ("홍길동(M123A4567)").
bool evidence(std::string_view text, std::size_t start, std::size_t, std::string_view)
{
    return start > 0 && text[start - 1] == '(' && PersonEvidence::nameBefore(text, start);
}

} // namespace

// Letters: M (multiple-use), S (single-use), R (residence), O (official), D (diplomatic), G (official, 2008+).
DetectorSpec passportNumber()
{
    const std::vector<std::string> upper {"M", "S", "R", "O", "D", "G"};
    const std::vector<std::string> lower {"m", "s", "r", "o", "d", "g"};
    const std::string upperAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const std::string lowerAlphabet = "abcdefghijklmnopqrstuvwxyz";
    return {
        .id = QStringLiteral("kr-passport"),
        .severity = Severity::High,
        .description = QStringLiteral("Korean passport number (여권번호)"),
        .priority = 55,
        .trigger = Trigger::DigitRun,
        .minDigits = 7,
        .boundary = Boundary::Alphanumeric,
        .patterns =
            {
                {"[MSRODG]\\d{8}", ContextRule::NotNeeded, 0.75,
                 Shape().prefix(upper).digits(8)}, // M12345678, issued until 2021
                {"[MSRODG]\\d{3}[A-Z]\\d{4}", ContextRule::NeededUnlessConfirmed, 0.8,
                 Shape().prefix(upper).digits(3).letterIn(upperAlphabet).digits(4)}, // M123A4567, since December 2021
                {"\\d{8}", ContextRule::Needed, 0.6, Shape().digits(8)}, // the digits written without the letter
                // Typed in lower case after a passport label (여권번호 m12345678).
                {"[msrodg]\\d{8}", ContextRule::Needed, 0.7, Shape().prefix(lower).digits(8)},
                {"[msrodg]\\d{3}[a-zA-Z]\\d{4}", ContextRule::Needed, 0.75,
                 Shape().prefix(lower).digits(3).letterIn(upperAlphabet + lowerAlphabet).digits(4)},
            },
        .contextWords = {"여권", "여권번호", "passport", "패스포트"},
        .suppressingWords = passportSuppressingWords(),
        // A department's name: 민원여권과's budget is no passport's.
        .contextExceptions = {"여권과", "여권민원과"},
        .validate = validate,
        .mask = mask,
        .evidence = evidence,
    };
}

} // namespace SendGuard::Core::Detectors
