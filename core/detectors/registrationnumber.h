// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectorspec.h"
#include "masking.h"
#include "patternparts.h"
#include "personevidence.h"
#include "validators.h"

#include <algorithm>
#include <utility>

// What resident (kr-rrn) and foreigner (kr-frn) registration numbers share: YYMMDD, a separator
// or none, a gender/century digit and six more digits. They differ in the gender digits and the
// old check-digit rule.
namespace SendGuard::Core::Detectors::RegistrationNumber {

// Alternatives longest first, in their order otherwise: as RE2 tries them, the longest that fits wins.
inline void sortLongestFirst(std::vector<std::string> &alternatives)
{
    std::stable_sort(alternatives.begin(), alternatives.end(),
                     [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
}

// What stands between a form's boxes in its text: the spaces a PDF's layout puts for the width of
// a box (one to four), or the tab between two cells of a table. Longest first, as RE2 tries them.
inline std::vector<std::string> boxGaps()
{
    return {"    ", "   ", "  ", " ", "\t"};
}

// `count` more digits, each after a box's gap.
inline Shape &boxedDigits(Shape &shape, int count)
{
    for (int i = 0; i < count; ++i)
        shape.literal(boxGaps()).digits(1);
    return shape;
}

// A form's boxes, a digit in each, as a PDF's text or a table's cells give them ("9 0 0 1 0 1 - 1 2
// 3 4 5 6 7"), right after the form's label (or under its column's title): thirteen digits spaced
// out anywhere else are as often a survey's answers or a row of scores. The hyphen between the
// halves may have a box of its own.
inline DetectorPattern boxed(const std::string &genderDigits)
{
    std::vector<std::string> middle;
    for (int before = 3; before >= 0; --before) {
        for (int after = 3; after >= 0; --after)
            middle.push_back(std::string(std::size_t(before), ' ') + "-" + std::string(std::size_t(after), ' '));
    }
    sortLongestFirst(middle);
    for (const char *tabbed : {"\t-\t", "\t-", "-\t"})
        middle.push_back(tabbed);
    for (const std::string &gap : boxGaps())
        middle.push_back(gap);
    Shape shape = Shape().digits(1);
    boxedDigits(shape, 5).literal(middle).digitIn(genderDigits);
    boxedDigits(shape, 6);
    const std::string gaps = " {1,4}|\\t";
    return {"\\d(?:(?:" + gaps + ")\\d){5}(?: {0,3}- {0,3}|\\t-\\t|\\t-|-\\t|" + gaps + ")[" + genderDigits +
                "](?:(?:" + gaps + ")\\d){6}",
            ContextRule::NeededRightBefore, 0.8, shape};
}

// Between the halves after a label: PatternParts::wrappedSeparators() but a line break, a tab
// before the hyphen, a comma (two cells of a CSV row) and a full stop (which alone would read as a
// decimal), in RE2's order.
inline std::vector<std::string> wrappedSeparators()
{
    std::vector<std::string> separators = PatternParts::wrappedSeparators();
    std::erase_if(separators, [](const std::string &separator) { return separator.find('\n') != std::string::npos; });
    // A tab stop before the hyphen (a form's text); elsewhere a cell's negative number.
    separators.insert(separators.begin() + 1, "\t-");
    separators.insert(separators.end(), {",", "."});
    return separators;
}

// What a form or a message puts between the halves when it asks for them apart ("앞자리 900101,
// 뒷자리 1234567", "앞자리: 900101⏎뒷자리: 1234567", "900101이고 뒷자리는 1234567"): what ends the
// front half, the back half's word, and what comes after the word. Longer alternatives first, as
// RE2 tries them in order.
inline std::vector<std::string> beforeBackHalfWord()
{
    return {"\r\n", "\n", " / ", ", ", "이고 ", "이며 ", " "};
}
inline std::vector<std::string> backHalfWords()
{
    return {"뒷자리는", "뒷자리도", "뒷자리", "뒷번호는", "뒷번호", "뒤는", "뒤"};
}
inline std::vector<std::string> afterBackHalfWord()
{
    return {" : ", ": ", ":", " "};
}
// The back half's word that counts its digits ("앞 6자리 900101 뒤 7자리 1234567"): a shape of its own,
// since a digit in its words would let the plain words' shape be tried after every run of six.
inline std::vector<std::string> backHalfCountedWords()
{
    std::vector<std::string> words;
    for (const char *word : {"뒤 7자리", "뒷 7자리", "뒤7자리", "뒷7자리"}) {
        for (const char *particle : {"는", ""})
            words.push_back(std::string(word) + particle);
    }
    sortLongestFirst(words);
    return words;
}

// What stands before the back half given alone, right after the number's label ("주민번호 뒷자리
// 1234567", "주민등록번호 뒤 7자리는 2345678"): the half that makes the number a person's, as a form or a
// follow-up message asks for it. A word, a particle or none, and what follows it or nothing (chat
// glues them: "뒷자리1234567").
inline std::vector<std::string> backHalfAloneStems()
{
    return {"뒷자리", "뒷 자리", "뒷번호", "뒤 7자리", "뒷 7자리", "뒤7자리", "뒷7자리", "뒤"};
}
inline std::vector<std::string> backHalfAloneParticles()
{
    return {"는", "가"};
}
inline std::vector<std::string> afterBackHalfAloneWord()
{
    return {" : ", ": ", ":", " - ", " = ", "=", "(", " ", "\t", "\n"};
}

// Every word so, longest first: the shape's prefixes.
inline std::vector<std::string> backHalfAloneWords()
{
    std::vector<std::string> particles = backHalfAloneParticles();
    particles.push_back("");
    std::vector<std::string> afters = afterBackHalfAloneWord();
    afters.push_back("");
    std::vector<std::string> words;
    for (const std::string &stem : backHalfAloneStems()) {
        for (const std::string &particle : particles) {
            for (const std::string &after : afters)
                words.push_back(stem + particle + after);
        }
    }
    sortLongestFirst(words);
    return words;
}

// Whether a match is the back half alone (backHalfAloneWords()): a word, then seven digits (the
// word may hold one: "뒤 7자리").
inline bool isBackHalfAlone(std::string_view match)
{
    constexpr std::size_t half = 7;
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    return match.size() > half && !isDigit(match.front()) && !isDigit(match[match.size() - half - 1]) &&
        std::all_of(match.end() - half, match.end(), isDigit);
}

// The labels that name the back half alone (backHalfAloneWords()) right before its word: the
// number's own, not every word that supports the detector ("외국인 뒤 5234567명" is a count).
inline std::vector<std::string> residentLabels()
{
    return {"주민등록번호", "주민번호", "주민등록", "주민 등록번호", "주민등록 번호", "주민 번호"};
}
inline std::vector<std::string> foreignerLabels()
{
    return {"외국인등록번호",  "외국인번호",  "외국인등록",  "외국인 등록번호",
            "외국인등록 번호", "외국인 번호", "거소신고번호"};
}

// The thirteen digits of a match: its first six and last seven, whatever digit a word between
// them holds ("900101 뒤 7자리 1234567").
inline std::string registrationDigits(std::string_view match)
{
    std::string digits = Validators::digitsOf(match);
    if (digits.size() > 13)
        digits.erase(6, digits.size() - 13);
    return digits;
}

// Alternatives as a regular expression's group, in the same order.
inline std::string alternatives(const std::vector<std::string> &choices)
{
    std::string pattern = "(?:";
    for (const std::string &choice : choices) {
        pattern += pattern.size() > 3 ? "|" : "";
        for (const char c : choice)
            pattern += c == '(' ? std::string("\\(") : std::string(1, c);
    }
    return pattern + ")";
}

// The halves apart with `words` for the back half between them: what ends the front half, a word,
// what follows it.
inline DetectorPattern halvesApart(const std::vector<std::string> &words, const std::string &genderDigits)
{
    return {std::string(PatternParts::BirthDate) + alternatives(beforeBackHalfWord()) + alternatives(words) +
                alternatives(afterBackHalfWord()) + "[" + genderDigits + "]\\d{6}",
            ContextRule::NeededUnlessConfirmed, 0.8,
            Shape()
                .digits(6)
                .literal(beforeBackHalfWord())
                .literal(words)
                .literal(afterBackHalfWord())
                .digitIn(genderDigits)
                .digits(6)};
}

// genderDigits lists the gender/century digits ("1234"). The separated form fires on its own; a bare 13-digit run, also
// an order or account number now and then, needs its check digit or a context word.
inline std::vector<DetectorPattern> patterns(const std::string &genderDigits, const std::vector<std::string> &ownLabels)
{
    using namespace PatternParts;
    const std::string back = "[" + genderDigits + "]\\d{6}";
    // The shapes take any six digits for the date: the validator checks the calendar.
    return {
        {std::string(BirthDate) + Separator + back, ContextRule::NotNeeded, 0.85,
         Shape().digits(6).literal(separators()).digitIn(genderDigits).digits(6)},
        {std::string(BirthDate) + back, ContextRule::NeededUnlessConfirmed, 0.8,
         Shape().digits(6).digitIn(genderDigits).digits(6)},
        // A line broken after the hyphen is the hyphenated form wrapped: it needs what a bare run
        // needs, its check digit, a label, or a person on its line ("홍길동 210315-⏎4827361").
        {std::string(BirthDate) + "(?:" + LineBreakAfterHyphen + ")" + back, ContextRule::NeededUnlessConfirmed, 0.8,
         Shape().digits(6).literal(PatternParts::lineBreaksAfterHyphen()).digitIn(genderDigits).digits(6)},
        // Or before it, the hyphen starting the next line ("900101⏎-1234568"), as some editors wrap.
        {std::string(BirthDate) + LineBreakBeforeHyphen + back, ContextRule::NeededUnlessConfirmed, 0.8,
         Shape().digits(6).literal(PatternParts::lineBreaksBeforeHyphen()).digitIn(genderDigits).digits(6)},
        // As tools write them, after a label: two cells copied together (a tab), two cells of a CSV
        // row, a form's three cells (the hyphen in its own), a slash, underscore or tilde between
        // the halves, a full stop (which alone would read as a decimal). Without the label, a date
        // and a number joined so are as often a file's or a document's name ("정산_240611_2024001.xlsx").
        {std::string(BirthDate) + "(?:\\t-\\t|\\t-|-\\t|\\t|/|_|~|,|\\.)" + back, ContextRule::Needed, 0.8,
         Shape().digits(6).literal(wrappedSeparators()).digitIn(genderDigits).digits(6)},
        // A spaced slash or tilde only right after the label: "입사일 / 급여: 240401 / 3200000" is a
        // date and an amount, whatever a label a line before says.
        {std::string(BirthDate) + "(?: / | ~ )" + back, ContextRule::NeededDirectlyBefore, 0.8,
         Shape().digits(6).literal({" / ", " ~ "}).digitIn(genderDigits).digits(6)},
        // The halves apart, each after its own word, as a form asks for them: the whole number,
        // judged as a bare one is (its check digit, a label, a person on its line); and with a word
        // that counts the back half's digits.
        halvesApart(backHalfWords(), genderDigits),
        halvesApart(backHalfCountedWords(), genderDigits),
        // The back half alone, its word right after the number's label: a back half's word alone
        // ("계좌번호 뒷자리", "접수번호 뒷번호") is any number's.
        // Its regular expression factored, as the shape's prefixes are too many for RE2's budget.
        {alternatives(backHalfAloneStems()) + alternatives(backHalfAloneParticles()) + "?" +
             alternatives(afterBackHalfAloneWord()) + "?" + back,
         ContextRule::NeededDirectlyBefore, 0.8, Shape().prefix(backHalfAloneWords()).digitIn(genderDigits).digits(6),
         ownLabels},
        // In boxes, a digit in each, under the form's label.
        boxed(genderDigits),
        // Typed into a spreadsheet, which kept it as a number: the leading zeros of a birth in the
        // 2000s are gone (0105093124685 shows 105093124685). Only right after its label or under
        // its column's header, and only with its check digit (see validate()).
        {"[1-9]\\d{9,11}", ContextRule::NeededRightBefore, 0.7, Shape().digitIn("123456789").digits(9, 11)},
    };
}

// Whether a match is a number a spreadsheet kept without its leading zeros: ten to twelve digits
// and nothing else (what the last pattern above matches).
inline bool lostItsZeros(std::string_view match)
{
    return match.size() >= 10 && match.size() < 13 &&
        std::all_of(match.begin(), match.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A real date in the century the gender digit implies, not after today, is a gate. Since
// October 2020 the last six digits are random, so the check digit only adds confidence.
// A number without its leading zeros (lostItsZeros) was born in the 2000s, whose gender digits
// are genderOf2000s and genderOf2000s + 1, and was issued before October 2020: its check digit must
// match, or ten to twelve digits under a label would be any document's number.
template<bool (*CheckDigitMatches)(std::string_view), char genderOf2000s>
Validation validate(std::string_view match, const ValidationContext &context)
{
    if (lostItsZeros(match)) {
        const std::string padded = std::string(13 - match.size(), '0').append(match);
        const QDate birth = Validators::registrationBirthDate(padded);
        const bool ofThe2000s = padded[6] == genderOf2000s || padded[6] == genderOf2000s + 1;
        return ofThe2000s && birth.isValid() && (!context.today.isValid() || birth <= context.today) &&
                CheckDigitMatches(padded)
            ? Validation::Confirmed
            : Validation::Reject;
    }
    if (isBackHalfAlone(match))
        return Validation::Plausible; // no date to check, no check digit to compute
    const std::string digits = registrationDigits(match);
    const QDate birth = Validators::registrationBirthDate(digits);
    if (!birth.isValid() || (context.today.isValid() && birth > context.today))
        return Validation::Reject;
    // Halves in two cells of a row ("900101,1234567") are as often a birth date beside an
    // employee's or a member's number: only under a label right before them or a column header
    // that names the number (주민번호 뒷자리), never 생년월일 a row or two above.
    // A word between them (", 뒷자리 ") says what they are.
    const bool saysWhatItIs = std::any_of(match.begin(), match.end(), [](char c) { return (c & 0x80) != 0; });
    if (!saysWhatItIs && std::any_of(match.begin(), match.end(), [](char c) { return c == ',' || c == '\t'; }))
        return Validation::NeedsLabel;
    return CheckDigitMatches(digits) ? Validation::Confirmed : Validation::Plausible;
}

// A Korean product's barcode: GS1's prefix for Korea (880) and a valid EAN-13 check digit.
inline bool isKoreanBarcode(std::string_view digits)
{
    if (digits.size() != 13 || !digits.starts_with("880"))
        return false;
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i)
        sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10 == digits[12] - '0';
}

// What shows a person on the line of a bare number with no label and no valid check digit. What
// reads as a product's barcode needs a roster around it: a word before it that looks like a name
// ("홍삼 8801062123452") shows no person; rows of people born in other years do (a product list's
// barcodes all begin 880).
inline bool evidence(std::string_view text, std::size_t start, std::size_t end, std::string_view match)
{
    const std::string digits = registrationDigits(match);
    if (isKoreanBarcode(digits))
        return PersonEvidence::listOfTheSameShape(text, start, end, digits);
    return PersonEvidence::onTheLine(text, start, end, digits);
}

// 900101-1******: birth date and gender digit stay readable; 105093****** without its zero; 뒷자리
// 1****** of the back half alone.
inline std::string mask(std::string_view match)
{
    if (isBackHalfAlone(match)) {
        const std::size_t word = match.size() - 7;
        return std::string(match.substr(0, word)) + Masking::maskDigits(match.substr(word), 1, 0);
    }
    // A digit in the word between the halves ("뒤 7자리") is kept with the front half.
    const auto digits = std::count_if(match.begin(), match.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int inWords = std::max(0, int(digits) - 13);
    return Masking::maskDigits(match, lostItsZeros(match) ? int(match.size()) - 6 : 7 + inWords, 0);
}

// Labels of numbers with the same shape that are not a person's: corporate registration numbers
// (법인등록번호), receipt, order or document numbers that start with a date ("240611-1234567"), and
// bank accounts of thirteen digits (a column titled 계좌번호 is a list of accounts, however like a
// list of registration numbers its rows look).
inline std::vector<std::string> otherNumberLabels()
{
    std::vector<std::string> labels {"법인등록번호", "법인번호",  "법인 등록번호",  "corporate registration",
                                     "계좌번호",     "계좌 번호", "account number", "account no"};
    for (std::string &label : PatternParts::documentNumberLabels())
        labels.push_back(std::move(label));
    return labels;
}

// A company's registration number is written in parentheses after its name: "주식회사 한빛(110111-…)",
// "(재)한빛문화재단(…)"; an association's, a limited company's and a cooperative's too.
inline std::vector<std::string> companyWords()
{
    std::vector<std::string> words {"주식회사", "㈜",       "법인",     "재단",     "㈔",       "재단법인",
                                    "사단법인", "유한회사", "합자회사", "합명회사", "협동조합", "株式會社"};
    // The short forms as people type them: (주), （주）, [주], ( 주 ), (株).
    static constexpr std::pair<const char *, const char *> brackets[] = {{"(", ")"}, {"（", "）"}, {"[", "]"}};
    for (const char *company : {"주", "재", "사", "유", "합", "株"}) {
        for (const auto &[open, close] : brackets) {
            for (const char *inside : {"", " "})
                for (const char *after : {"", " "})
                    words.push_back(std::string(open) + inside + company + after + close);
        }
    }
    return words;
}

} // namespace SendGuard::Core::Detectors::RegistrationNumber
