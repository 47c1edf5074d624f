// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <vector>

// Pieces shared by the built-in detectors: RE2 fragments for their regular expressions, and the
// same separators as alternatives for their shapes. Both run on normalized text, so a hyphen
// stands for every dash variant and a space for NBSP and U+3000 (see NormalizedText).
namespace SendGuard::Core::PatternParts {

// A hyphen (optionally spaced) or a single space between digit groups.
inline constexpr const char *Separator = "(?: ?- ?| )";

// YYMMDD with a possible month and day; the validator checks the real calendar.
inline constexpr const char *BirthDate = "\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";

// Separator's alternatives, in the order RE2 tries them.
inline std::vector<std::string> separators()
{
    return {" - ", " -", "- ", "-", " "};
}

// " ?- ?": a hyphen, optionally spaced.
inline std::vector<std::string> hyphens()
{
    return {" - ", " -", "- ", "-"};
}

// How the next line of a wrapped number starts: indented by a tab or up to four spaces, or
// quoted in a reply as deep as mail clients quote ("> ", ">> ", "> > ", ">>> "), longest first.
// Four bytes at most: with " -\r\n" before them, a gap the shape matcher chains (MaxGapBytes);
// a longer one sends every shape that takes it down the slow path (clean text cost 1.7 times).
// "> > > " only where it fits (DeepQuotedLineBreak).
inline std::vector<std::string> wrappedLineStarts()
{
    return {">>> ", ">>>", "> > ", ">> ", ">>", ">  ", "> ", ">", "\t", "    ", "   ", "  ", " ", ""};
}

// A reply quoted three times, spaced, fits a chained gap only after a bare hyphen and a line feed.
inline constexpr const char *DeepQuotedLineBreak = "-\n> > > ";

// A line broken right after a number's hyphen, as mail clients wrap and quote long lines.
inline const std::string LineBreakAfterHyphen = [] {
    std::string starts;
    for (const std::string &start : wrappedLineStarts())
        starts += (starts.empty() ? "" : "|") + start;
    return std::string("(?:-\\n> > > | ?-\\r?\\n(?:") + starts + "))";
}();

// LineBreakAfterHyphen's alternatives, in the order RE2 tries them.
inline std::vector<std::string> lineBreaksAfterHyphen()
{
    std::vector<std::string> separators {DeepQuotedLineBreak};
    for (const char *before : {" -", "-"}) {
        for (const char *lineBreak : {"\r\n", "\n"}) {
            for (const std::string &next : wrappedLineStarts())
                separators.push_back(before + std::string(lineBreak) + next);
        }
    }
    return separators;
}

// A line broken right before a number's hyphen, the next line starting with it ("900101⏎-1234568").
inline const std::string LineBreakBeforeHyphen = [] {
    std::string starts;
    for (const std::string &start : wrappedLineStarts())
        starts += (starts.empty() ? "" : "|") + start;
    return std::string("(?:\\r?\\n(?:") + starts + ")-)";
}();

// LineBreakBeforeHyphen's alternatives, in the order RE2 tries them.
inline std::vector<std::string> lineBreaksBeforeHyphen()
{
    std::vector<std::string> separators;
    for (const char *lineBreak : {"\r\n", "\n"}) {
        for (const std::string &next : wrappedLineStarts())
            separators.push_back(lineBreak + next + "-");
    }
    return separators;
}

// Between the groups of a number after its label, as tools and wrapped text write them: tabs (two
// cells copied together, a form's hyphen in a cell of its own), a line broken after the hyphen, a
// slash, an underscore or a tilde. Without the label, groups joined so are as often a file's or a
// document's name ("정산_240611_2024001.xlsx").
inline const std::string WrappedSeparator = std::string("(?:\\t-\\t|-\\t|\\t|") + LineBreakAfterHyphen + "|/|_|~)";

// WrappedSeparator's alternatives.
inline std::vector<std::string> wrappedSeparators()
{
    std::vector<std::string> separators {"\t-\t", "-\t", "\t"};
    for (std::string &lineBreak : lineBreaksAfterHyphen())
        separators.push_back(std::move(lineBreak));
    for (const char *other : {"/", "_", "~"})
        separators.push_back(other);
    return separators;
}

// Any gap between a number's groups after its label: WrappedSeparator's alternatives, then
// Separator's, in the order RE2 tries them.
inline std::string anySeparator()
{
    return std::string("(?:") + WrappedSeparator + "|" + Separator + ")";
}

inline std::vector<std::string> anySeparators()
{
    std::vector<std::string> gaps = wrappedSeparators();
    for (std::string &separator : separators())
        gaps.push_back(std::move(separator));
    return gaps;
}

// Labels of document, policy and customs numbers, which come in every digit layout: a number right
// after one is none of a person's.
inline std::vector<std::string> documentNumberLabels()
{
    return {"증권번호", "보증번호", "증서번호", "신용장", "신고번호", "물품분류번호", "공매개시번호", "접수번호",
            "주문번호", "송장번호", "운송장", "문서번호", "신청번호", "관리번호", "등기번호", "예약번호", "영수증",
            "승인번호", "거래번호", "민원번호", "고객번호", "회원번호", "계약번호", "사건번호", "L/C", "HS코드",
            "HS 코드", "order no", "invoice", "receipt", "전표번호", "교부번호", "발급번호", "결재번호", "참조번호",
            "문서확인번호", "수용가번호", "과제번호", "처리번호", "도면번호",
            // Bills and taxes, deliveries, assets, patents and products (from a red-team pass).
            "고지번호", "납부자번호", "전자납부번호", "과세번호", "청구번호", "배송번호", "허가번호", "특허번호",
            "출원번호", "자산번호", "관리코드", "상품코드", "바코드", "EAN", "GTIN",
            // Payment references and budget codes (from a red-team pass).
            "납부번호", "가상계좌", "예산코드", "사업코드", "회계코드"};
}

// The alternatives with nothing added last: an optional separator.
inline std::vector<std::string> orNothing(std::vector<std::string> alternatives)
{
    alternatives.emplace_back();
    return alternatives;
}

} // namespace SendGuard::Core::PatternParts
