// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "masking.h"
#include "patternparts.h"
#include "validators.h"

namespace SendGuard::Core::Detectors {

namespace {

// Luhn and a known issuer range are a gate: a random 16-digit number fails one or the other 9 times in 10.
Validation validate(std::string_view match, const ValidationContext &)
{
    const std::string digits = Validators::digitsOf(match);
    return Validators::luhnValid(digits) && Validators::isKnownCardIssuer(digits) ? Validation::Plausible
                                                                                  : Validation::Reject;
}

std::string mask(std::string_view match)
{
    return Masking::maskDigits(match, 0, 4); // ****-****-****-3456
}

} // namespace

DetectorSpec paymentCardNumber()
{
    using namespace PatternParts;
    const std::string four = "\\d{4}";
    // A full stop, two to four blanks (a form's layout), or what tools and wrapped text put (a tab, a
    // line broken after a hyphen, a slash, underscore or tilde), in any gap: next to a card word only.
    const std::string loose = "(?:\\.| {2,4}|" + std::string(WrappedSeparator) + "| ?- ?| )";
    std::vector<std::string> looseSeparators {".", "  ", "   ", "    "};
    for (const std::vector<std::string> &more : {wrappedSeparators(), separators()})
        looseSeparators.insert(looseSeparators.end(), more.begin(), more.end());
    return {
        .id = QStringLiteral("credit-card"),
        .severity = Severity::High,
        .description = QStringLiteral("Payment card number (신용·체크카드번호)"),
        .priority = 70,
        .trigger = Trigger::DigitRun,
        .minDigits = 13,
        .boundary = Boundary::Digits,
        .patterns =
            {
                {four + Separator + four + Separator + four + Separator + four, ContextRule::NotNeeded, 0.85,
                 Shape()
                     .digits(4)
                     .literal(separators())
                     .digits(4)
                     .literal(separators())
                     .digits(4)
                     .literal(separators())
                     .digits(4)},
                {"3[47]\\d{2}" + std::string(Separator) + "\\d{6}" + Separator + "\\d{5}", ContextRule::NotNeeded, 0.85,
                 Shape()
                     .digitIn("3")
                     .digitIn("47")
                     .digits(2)
                     .literal(separators())
                     .digits(6)
                     .literal(separators())
                     .digits(5)}, // American Express 4-6-5
                {"3\\d{3}" + std::string(Separator) + "\\d{6}" + Separator + "\\d{4}", ContextRule::NotNeeded, 0.8,
                 Shape()
                     .digitIn("3")
                     .digits(3)
                     .literal(separators())
                     .digits(6)
                     .literal(separators())
                     .digits(4)}, // Diners Club 4-6-4
                // Those loose separators: a version or a table's columns may look so too.
                {four + loose + four + loose + four + loose + four, ContextRule::Needed, 0.8,
                 Shape()
                     .digits(4)
                     .literal(looseSeparators)
                     .digits(4)
                     .literal(looseSeparators)
                     .digits(4)
                     .literal(looseSeparators)
                     .digits(4)},
                // Ungrouped digits are also order, receipt and account numbers: next to a card word,
                // or sixteen of them (what every issuer here prints) passing Luhn for a known issuer,
                // at a lower confidence, as payment-card DLP reports them.
                {"\\d{13,19}", ContextRule::Needed, 0.75, Shape().digits(13, 19)},
                {"\\d{16}", ContextRule::NotNeeded, 0.6, Shape().digits(16)},
            },
        .contextWords = {"카드", "카드번호", "신용카드", "체크카드", "결제", "card", "credit", "visa", "mastercard",
                         "amex"},
        .suppressingWords = PatternParts::documentNumberLabels(),
        .letterMayPrecede = false,
        .groupsMayContinue = false, // a price list of 4-digit groups
        .validate = validate,
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
