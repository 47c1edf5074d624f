// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "masking.h"
#include "patternparts.h"
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
    if (rest.size() == 10 && (rest.starts_with("10") || rest.starts_with("70")))
        return 2; // a mobile whose leading zero a spreadsheet dropped
    if (rest.starts_with("050"))
        return 4; // a personal number's service code: 0504-****-5678
    return rest.starts_with("02") ? 2 : 3;
}

std::string mask(std::string_view match)
{
    const std::string digits = Validators::digitsOf(match);
    return Masking::maskDigits(match, areaDigits(digits), 4); // 010-****-5678
}

} // namespace

// Mobile 010, 011, 016-019; area codes 02, 031-033, 041-044, 051-055, 061-064, 070, and the
// personal numbers 0502-0508 near a phone word.
// Business numbers (15xx, 16xx, 18xx) do not start with 0 and so never match. 010 and 070 numbers
// always have four-digit middle groups: "010-456-7890" is no phone number.
DetectorSpec phoneNumber()
{
    using PatternParts::orNothing;
    const std::string sep = "(?: ?[-.] ?| )";
    const std::vector<std::string> separators {" - ", " -", "- ", "-", " . ", " .", ". ", ".", " "};
    // Each kind of number: its prefixes at home and after +82, and how long its middle group is.
    struct Kind
    {
        std::string area;
        std::string international;
        std::string middle;
        std::vector<std::string> areaCodes;
        std::vector<std::string> internationalCodes;
        int shortestMiddle = 4;
    };
    const Kind kinds[] = {
        {"(?:010|070)", "(?:10|70)", "\\d{4}", {"010", "070"}, {"10", "70"}, 4},
        {"(?:01[16789]|0(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]))",
         "(?:1[16789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4])",
         "\\d{3,4}",
         {"011", "016", "017", "018", "019", "02",  "031", "032", "033", "041", "042",
          "043", "044", "051", "052", "053", "054", "055", "061", "062", "063", "064"},
         {"11", "16", "17", "18", "19", "2",  "31", "32", "33", "41", "42",
          "43", "44", "51", "52", "53", "54", "55", "61", "62", "63", "64"},
         3},
    };
    // After +82 the trunk zero is dropped, written in parentheses, or (as people do) kept.
    const std::string trunk = "(?:\\(0\\) ?|0)?";
    const std::vector<std::string> trunks {"(0) ", "(0)", "0", ""};
    const std::string wrapped = PatternParts::WrappedSeparator;
    std::vector<std::string> anyGap = PatternParts::wrappedSeparators();
    anyGap.insert(anyGap.end(), separators.begin(), separators.end());
    std::vector<DetectorPattern> patterns;
    for (const Kind &kind : kinds) {
        const std::string subscriber = sep + kind.middle + sep + "\\d{4}";
        const std::string bare = kind.middle == "\\d{4}" ? "\\d{8}" : "\\d{7,8}";
        patterns.push_back({kind.area + subscriber, ContextRule::NotNeeded, 0.85,
                            Shape()
                                .literal(kind.areaCodes)
                                .literal(separators)
                                .digits(kind.shortestMiddle, 4)
                                .literal(separators)
                                .digits(4)}); // 010-1234-5678, 02.123.4567
        patterns.push_back({"\\(?" + kind.area + "\\)(?: - | -|- |-| )?" + kind.middle + sep + "\\d{4}",
                            ContextRule::NotNeeded, 0.85,
                            Shape()
                                .prefix({"("}, true)
                                .literal(kind.areaCodes)
                                .literal({") - ", ") -", ")- ", ")-", ") ", ")"})
                                .digits(kind.shortestMiddle, 4)
                                .literal(separators)
                                .digits(4)}); // (02) 123-4567, 02)123-4567, (010)-1234-5678
        patterns.push_back(
            {"\\+82" + sep + "?" + trunk + kind.international + sep + "?" + kind.middle + sep + "?\\d{4}",
             ContextRule::NotNeeded, 0.85,
             Shape()
                 .prefix({"+"})
                 .literal({"82"})
                 .literal(orNothing(separators))
                 .literal(trunks)
                 .literal(kind.internationalCodes)
                 .literal(orNothing(separators))
                 .digits(kind.shortestMiddle, 4)
                 .literal(orNothing(separators))
                 .digits(4)}); // +82 10-1234-5678, +821012345678, +82-010-1234-5678
        // Without the plus only when separated: a bare 82… run is as likely an account number.
        patterns.push_back({"(?:00)?82" + sep + trunk + kind.international + subscriber, ContextRule::NotNeeded, 0.8,
                            Shape()
                                .literal({"0082", "82"})
                                .literal(separators)
                                .literal(trunks)
                                .literal(kind.internationalCodes)
                                .literal(separators)
                                .digits(kind.shortestMiddle, 4)
                                .literal(separators)
                                .digits(4)});
        patterns.push_back({kind.area + bare, ContextRule::NotNeeded, 0.65,
                            Shape().literal(kind.areaCodes).digits(kind.shortestMiddle + 4, 8)}); // 01012345678
        // One separator, as forms get filled in: after the area code, or before the last four.
        patterns.push_back(
            {kind.area + sep + bare, ContextRule::NotNeeded, 0.65,
             Shape().literal(kind.areaCodes).literal(separators).digits(kind.shortestMiddle + 4, 8)}); // 010-12345678,
                                                                                                       // 02-1234567
        patterns.push_back({kind.area + kind.middle + sep + "\\d{4}", ContextRule::NotNeeded, 0.65,
                            Shape()
                                .literal(kind.areaCodes)
                                .digits(kind.shortestMiddle, 4)
                                .literal(separators)
                                .digits(4)}); // 0101234-5678
        // As tools and wrapped text write it, near its label: a tab, a line broken after a hyphen,
        // a slash, underscore or tilde in one gap or both (010-2345-⏎6789, 010/2345/6789).
        patterns.push_back({kind.area + wrapped + kind.middle + "(?:" + wrapped + "|" + sep + ")\\d{4}",
                            ContextRule::Needed, 0.75,
                            Shape()
                                .literal(kind.areaCodes)
                                .literal(PatternParts::wrappedSeparators())
                                .digits(kind.shortestMiddle, 4)
                                .literal(anyGap)
                                .digits(4)});
        patterns.push_back({kind.area + sep + kind.middle + wrapped + "\\d{4}", ContextRule::Needed, 0.75,
                            Shape()
                                .literal(kind.areaCodes)
                                .literal(separators)
                                .digits(kind.shortestMiddle, 4)
                                .literal(PatternParts::wrappedSeparators())
                                .digits(4)});
    }
    // A personal number (평생번호, 안심번호: 0502-0508) rings whichever phone its holder chose. Shops
    // publish them too, so only right after a phone word: "연락처 0504-1234-5678".
    const std::vector<std::string> personalCodes {"0502", "0503", "0504", "0505", "0506", "0507", "0508"};
    patterns.push_back({"050[2-8]" + sep + "\\d{3,4}" + sep + "\\d{4}", ContextRule::NeededRightBefore, 0.75,
                        Shape().literal(personalCodes).literal(separators).digits(3, 4).literal(separators).digits(4)});
    // A mobile typed into a spreadsheet, which kept it as a number and dropped its leading zero
    // (1023456789): only with its label or its column's header right before it.
    patterns.push_back(
        {"(?:10|70)\\d{8}", ContextRule::NeededRightBefore, 0.6, Shape().literal({"10", "70"}).digits(8)});
    return {
        .id = QStringLiteral("kr-phone"),
        .severity = Severity::Medium,
        .description = QStringLiteral("Mobile or landline phone number (전화번호)"),
        .priority = 50,
        .trigger = Trigger::DigitRun,
        .minDigits = 9,
        .boundary = Boundary::Digits,
        .patterns = patterns,
        .contextWords = {"전화", "전화번호", "연락처", "휴대폰", "핸드폰", "휴대전화", "휴대번호", "모바일", "팩스",
                         "안심번호", "phone", "mobile", "tel", "fax", "contact"},
        .suppressingWords = PatternParts::documentNumberLabels(), // "증권번호 010-2049-3482"
        // A form's short labels, which stand inside other words and names too: only right before.
        .labelOnlyWords = {"HP", "H.P", "H/P", "C.P", "C/P", "☎", "☏"},
        .shortLabelsTitleColumns = true, // a column titled "H/P"
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
