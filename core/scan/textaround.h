// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectors/detectorspec.h"

#include <string>
#include <string_view>
#include <vector>

// What stands around a match in the original text, as a person reading it would see it: whether
// the number is part of something longer. Characters normalization drops (zero-width ones) are
// skipped, and full-width forms read as their ASCII selves. Offsets are UTF-8 byte offsets.
namespace SendGuard::Core::TextAround {

// Not part of a longer number ("20240611-0001234"), code ("XM12345678") or address, as the
// detector's boundary says.
bool standsAlone(Boundary boundary, std::string_view text, std::size_t start, std::size_t end);

// Run into another number with a comma or full stop: after "1,234," or "6121.", or before
// ",000원" or ".3" (flattened tables, thousands separators, decimals). A hyphenated item before
// ("…-5678,010-…", a list), a hyphenated one after, and the cells of a comma-separated row
// ("홍길동,45,010-…", "…,010-…,180,75": groups no amount has, or a number that is a cell itself)
// do not count.
bool gluedToANumber(std::string_view text, std::size_t start, std::size_t end);
// Whether the won sign follows the match glued to it, alone or with a particle ("1500000원",
// "3000000원을"): an amount of money. The scanner asks it of digits without a hyphen whose check
// digit fails ("240513 1500000원").
bool amountInWon(std::string_view text, std::size_t end);

// Between 제 and 호, a document's ordinal ("제11-12-345678-90호", "제 2024-123456 호"): no
// person's number is written so.
bool documentOrdinal(std::string_view text, std::size_t start, std::size_t end);

// An ASCII letter right before the first digit ("L2024-123456789", a document code).
bool letterBefore(std::string_view text, std::size_t start);

// Whether one of `labels` ends right before `start`: blanks and ASCII marks between, or a full-width
// colon, and the particle 의 ("주민번호의 뒷자리").
bool ownLabelRightBefore(std::string_view text, std::size_t start, const std::vector<std::string> &labels);

// Whether text[from, to) holds only blanks and ASCII marks (a colon, parentheses, '#'), or a
// full-width colon: a label directly before a number, no word, date or amount between them.
bool onlyMarksBetween(std::string_view text, std::size_t from, std::size_t to);

// Inside a web address: the run of text without spaces that holds the match has "://" or "www.".
bool insideWebAddress(std::string_view text, std::size_t start);

// In parentheses (or brackets) right after a company's name: one of `words`, then its name of two
// words at most, on the same line ("주식회사 한빛(110111-1234567)", "㈜한빛건설 (…)", "… [ … ]"). A person after the
// company, with a title or by a name as PersonEvidence reads one ("(주)가나다 대표 홍길동(…)",
// "재단 장학생 홍길동(…)"), is not the company.
bool inParenthesesAfter(std::string_view text, std::size_t start, const std::vector<std::string> &words);
// Whether the number at start follows a company's name after one of `words`, a blank or a colon
// between: "주식회사 한빛 110111-…", "(주)한빛소프트: 110111-…", "법인 110111-…". Each word as a word
// of its own: "재단사", "법인카드" and "법인영업팀" are none.
bool afterCompanyName(std::string_view text, std::size_t start, const std::vector<std::string> &words);

// Whether a label ending at labelEnd names the value (normalized) starting at valueStart: only
// separators (and a particle glued to the label, "접수번호는") stand between them, on the same
// line or with nothing else on the label's (a form's label cell above its value); or the label's
// own number has the value's groups of digits and heads an unbroken list of numbers the value is
// one of ("접수번호 2103154827361" over more such numbers). The word for a number after the label
// ("신용장 번호", "Invoice No.") and a code of letters glued to the number ("문서번호 KR-850515-…")
// stand between them too, and so do letters glued to it ("증권번호 M010-…") and the ordinal before a
// document's number ("증권번호 제826-…호"). A label followed
// by a word ("문서번호: 미부여") or by a number of another shape ("접수번호 12") names that, not a person's number
// after it.
bool labels(std::string_view text, std::size_t labelEnd, std::size_t valueStart, std::string_view value);

// Whether `gap`, between two labels, makes them one field's: a bracket, slash or middle dot, or a
// word for "or", with blanks and a company's case around it ("(", " 또는 ", " (법인인 경우 "). A
// comma lists fields ("성명, 생년월일, 접수번호").
bool joinsTwoLabels(std::string_view gap);

// One of a longer run of groups written the same way: "1234 5678 9012 3456 7890", a price list,
// is no card number. True when the separator that follows the match's first group also stands
// right before the match, or right after it, with more digits beyond.
bool inLongerGroupRun(std::string_view text, std::size_t start, std::size_t end);

// Digits written one at a time (a form's boxes, "9 0 0 1 …") with more of them before or after:
// a digit a few blanks (spaces, tabs), or a hyphen and blanks, away from either end.
bool inLongerSpacedRun(std::string_view text, std::size_t start, std::size_t end);

} // namespace SendGuard::Core::TextAround
