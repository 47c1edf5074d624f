// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "masking.h"
#include "patternparts.h"
#include "validators.h"

#include <algorithm>
#include <array>

namespace SendGuard::Core::Detectors {

namespace {

// The lengths of a match's digit groups. An account has at most four: counting stops at five, so
// no match needs an allocation (a roster has an account candidate on every line).
class GroupLengths
{
public:
    static constexpr std::size_t MaxCounted = 5;

    explicit GroupLengths(std::string_view match)
    {
        for (const char c : match) {
            if (c >= '0' && c <= '9') {
                if (m_digits < m_firstTwo.size())
                    m_firstTwo[m_digits] = c;
                ++m_digits;
                ++m_lengths[m_count];
            } else if (m_lengths[m_count] != 0) {
                if (m_count + 1 == MaxCounted)
                    return;
                ++m_count;
            }
        }
    }
    std::size_t size() const { return m_count + 1; }
    // Digits in the groups counted (all of them, unless there are more than MaxCounted groups).
    std::size_t digits() const { return m_digits; }
    std::string_view firstTwoDigits() const { return {m_firstTwo.data(), std::min<std::size_t>(m_digits, 2)}; }
    std::size_t operator[](std::size_t i) const { return m_lengths[i]; }
    std::size_t longest() const { return *std::max_element(m_lengths.begin(), m_lengths.begin() + size()); }

private:
    std::array<std::size_t, MaxCounted> m_lengths {};
    std::size_t m_count = 0;
    std::size_t m_digits = 0;
    std::array<char, 2> m_firstTwo {};
};

bool looksLikePhoneNumber(const GroupLengths &groups)
{
    const std::size_t digits = groups.digits();
    const std::string_view first = groups.firstTwoDigits();
    const bool mobile = digits >= 10 && digits <= 11 && first == "01";
    const bool seoul = digits >= 9 && digits <= 10 && first == "02";
    const bool area = digits >= 10 && digits <= 11 && first.starts_with('0');
    if (groups.size() == 1)
        return mobile || seoul || area;
    if (groups.size() == 2) // 010-12345678, 02-1234567
        return groups[0] <= 3 && (mobile || seoul || area);
    return groups.size() == 3 && groups[0] <= 3 && groups[2] == 4 && first.starts_with('0');
}

// A date across the groups, which no account holds:
//  - a year 19xx or 20xx ending the first group, a month, a day starting the third: "22004-11-08205"
//    is row 2, 2004-11-08, then an amount (a flattened table);
//  - a whole date in later groups: "000⇥2023-08-22" is an amount's end and a day (a flattened row);
//  - in two groups, a date that starts the first: "20240916-941" is a day's transaction.
// The groups' lengths say where a date could stand; only there are the digits read.
bool holdsADate(std::string_view match, const GroupLengths &groups)
{
    std::array<std::size_t, GroupLengths::MaxCounted> starts {};
    std::size_t count = 0;
    if (groups.size() == 2 && groups[0] >= 8)
        starts[count++] = 0;
    for (std::size_t i = 1, at = groups[0]; i + 2 < groups.size(); at += groups[i], ++i) {
        if (groups[i] == 4 && groups[i + 1] == 2 && groups[i + 2] == 2)
            starts[count++] = at;
    }
    if (groups.size() >= 3 && groups[0] >= 4 && groups[1] == 2 && groups[2] >= 2)
        starts[count++] = groups[0] - 4;
    if (count == 0)
        return false;
    const std::string digits = Validators::digitsOf(match);
    return std::any_of(starts.begin(), starts.begin() + count, [&](std::size_t at) {
        return at + 8 <= digits.size() && Validators::isCompactDate(std::string_view(digits).substr(at, 8));
    });
}

// Accounts are 10-14 digits in one to four groups. A phone's shape, or a date across the groups,
// never counts, whatever words stand around them; a bare run that reads as a registration number
// or a card counts only with an account label right before it.
Validation validate(std::string_view match, const ValidationContext &)
{
    // The groups are read once: a roster's every phone number is tried as an account too.
    const GroupLengths groups(match);
    if (groups.size() > 4 || groups.digits() < 10 || groups.digits() > 14 || looksLikePhoneNumber(groups))
        return Validation::Reject;
    // Every bank's layout has a group of four or more digits (and the scanner's prefilter relies on it).
    if (groups.longest() < 4 || holdsADate(match, groups))
        return Validation::Reject;
    if (groups.size() == 2 && groups[0] == 6 && groups[1] == 7)
        return Validation::NeedsLabel; // a registration number's shape
    if (groups.size() == 1) {
        const std::string digits = Validators::digitsOf(match);
        if (Validators::registrationBirthDate(digits).isValid() ||
            (Validators::luhnValid(digits) && Validators::isKnownCardIssuer(digits)))
            return Validation::NeedsLabel;
    }
    return Validation::Plausible;
}

std::string mask(std::string_view match)
{
    return Masking::maskDigits(match, 0, 4);
}

std::vector<std::string> withPostalLabels(std::vector<std::string> labels)
{
    for (const char *label : {"등기", "택배", "소포", "송장"})
        labels.emplace_back(label);
    return labels;
}

} // namespace

DetectorSpec bankAccountNumber()
{
    using namespace PatternParts;
    // The gaps tools and wrapped text leave (a tab, a line broken after a hyphen, '/', '_', '~', a
    // spaced hyphen, a full stop), and any gap. At least one gap is odd, so that an account the plain shapes find
    // (all hyphens, all spaces) is not matched, validated and ruled on twice: a roster's phones
    // are all tried as accounts.
    // A full stop is one too ("신한 110.123.456789"), as banks' apps copy a number.
    const std::string oddGap = std::string("(?:") + WrappedSeparator + "| - | -|- |\\.)";
    const std::string anyGap = "(?:" + anySeparator() + "|\\.)";
    const std::string plainGap = "[- ]";
    std::vector<std::string> oddGaps = wrappedSeparators();
    oddGaps.insert(oddGaps.end(), {" - ", " -", "- ", "."});
    std::vector<std::string> anyGaps = anySeparators();
    anyGaps.emplace_back(".");
    const std::vector<std::string> plainGaps {"-", " "};
    const std::string lastGroup = "(?:" + anyGap + "\\d{1,3})?";
    const Shape lastGroupShape = Shape().literal(anyGaps).digits(1, 3);
    return {
        .id = QStringLiteral("kr-bank-account"),
        .severity = Severity::Medium,
        .description = QStringLiteral("Bank account number (계좌번호), next to a bank or account word"),
        .priority = 30,
        .trigger = Trigger::DigitRun,
        .minDigits = 10,
        .boundary = Boundary::Digits,
        .patterns =
            {
                // 국민 123456-78-901234, 신한 110-123-456789, 우리 1002-123-456789, 농협 302-1234-5678-91 ...
                {"\\d{2,6}-\\d{2,7}-\\d{2,7}(?:-\\d{1,3})?", ContextRule::Needed, 0.75,
                 Shape().digits(2, 6).literal({"-"}).digits(2, 7).literal({"-"}).digits(2, 7).optional(
                     Shape().literal({"-"}).digits(1, 3))},
                // A broker's account, eight to ten digits and the product's two or three (한국투자증권
                // 12345678-01), and a savings bank's long fourth group (123-12-12-1234567): only
                // directly after the label, no date or amount between.
                {"\\d{8,10}-\\d{2,3}", ContextRule::NeededDirectlyBefore, 0.65,
                 Shape().digits(8, 10).literal({"-"}).digits(2, 3)},
                {"\\d{2,6}-\\d{1,7}-\\d{1,7}-\\d{4,7}", ContextRule::NeededDirectlyBefore, 0.65,
                 Shape().digits(2, 6).literal({"-"}).digits(1, 7).literal({"-"}).digits(1, 7).literal({"-"}).digits(4,
                                                                                                                    7)},
                // A bare run is as often an order or document number: only right after its label.
                {"\\d{10,14}", ContextRule::NeededRightBefore, 0.65, Shape().digits(10, 14)},
                // Groups apart by spaces, as a bankbook prints them ("신한 110 234 567890"): only right
                // after the label, where an amount's groups (no group of four) or a date never count.
                {"\\d{2,6} \\d{2,7} \\d{2,7}(?: \\d{1,3})?", ContextRule::NeededRightBefore, 0.65,
                 Shape().digits(2, 6).literal({" "}).digits(2, 7).literal({" "}).digits(2, 7).optional(
                     Shape().literal({" "}).digits(1, 3))},
                // As tools and wrapped text write one, right after its label: an odd gap first or second
                // ("1002-123/456789", "123456-01-⏎234567"). Left out, each for what it cost a roster's
                // instructions, where every phone and every pair of columns is tried: an odd gap only
                // before a fourth group (5 %), and a hyphen and a space, one each (10 %).
                {"\\d{2,6}" + oddGap + "\\d{2,7}" + anyGap + "\\d{2,7}" + lastGroup, ContextRule::NeededRightBefore,
                 0.65,
                 Shape().digits(2, 6).literal(oddGaps).digits(2, 7).literal(anyGaps).digits(2, 7).optional(
                     lastGroupShape)},
                {"\\d{2,6}" + plainGap + "\\d{2,7}" + oddGap + "\\d{2,7}" + lastGroup, ContextRule::NeededRightBefore,
                 0.65,
                 Shape().digits(2, 6).literal(plainGaps).digits(2, 7).literal(oddGaps).digits(2, 7).optional(
                     lastGroupShape)},
            },
        .contextWords = {"계좌", "계좌번호", "통장", "통장번호", "입금", "예금주", "송금", "이체", "은행", "신한",
                         "농협", "카카오뱅크", "케이뱅크", "토스뱅크", "우체국", "새마을금고", "수협", "신협", "SC제일",
                         "씨티", "IBK", "bank", "account",
                         // A broker's account takes money as a bank's does.
                         "증권계좌", "증권사", "CMA", "아이엠뱅크", "산림조합", "HSBC"},
        // A post office's registered mail and parcels carry 13-digit numbers of their own.
        .suppressingWords = withPostalLabels(PatternParts::documentNumberLabels()),
        // Banks' short names that are everyday words too: 우리 부서, 하나 더, 기업 지원, 국민 여러분.
        // So are the names people shorten banks to (카카오 3333-…); a regional bank's city is not:
        // "대구 123-45-67890" is as often an office's number.
        .labelOnlyWords = {"우리", "하나", "기업", "국민", "토스", "KB", "카카오", "카뱅", "케뱅", "K뱅크", "iM뱅크",
                           "NH", "MG", "SC", "축협", "새마을",
                           // A broker's name ends in 증권 (미래에셋증권 012-34-567890), and so do a
                           // guarantee policy's and a regulator's.
                           "증권"},
        // 국민 is a bank, 국민연금 and 국민건강보험 are not.
        .contextExceptions = {"국민연금", "국민건강", "국민기초", "국민권익", "국민신문고", "국민체육", "국민안전",
                              "국민임대", "국민주택", "국민취업", "국민참여", "국민의힘", "은행나무", "은행잎",
                              // An insurance or guarantee policy, securities in general and their
                              // regulators and markets are no broker.
                              "보험증권", "보증증권", "유가증권", "증권신고", "증권선물", "증권거래", "증권시장",
                              "증권금융",
                              // An amount's label: 입금액 1234567890 is a sum of money.
                              "입금액", "입금금액", "송금액", "송금금액", "이체액", "이체금액"},
        .letterMayPrecede = false,
        .validate = validate,
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
