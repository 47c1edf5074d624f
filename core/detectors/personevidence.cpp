// SPDX-License-Identifier: GPL-2.0-or-later
#include "personevidence.h"

#include "validators.h"

#include "common/characterfolding.h"

#include <QDate>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace SendGuard::Core::PersonEvidence {

namespace {

constexpr std::size_t LineReach = 256; // bytes either side looked at, within the line
constexpr std::size_t HangulBytes = 3;

// The most common Korean surnames (about 99 % of the population), one syllable each.
constexpr std::string_view surnames[] {
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송",
    "류", "유", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성", "차",
    "주", "우", "구", "민", "나", "진", "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여",
    "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표", "명", "기", "반", "왕", "금", "옥", "육",
    "인", "맹", "제", "모", "탁", "국", "어", "은", "편", "용", "예", "경", "봉", "사"};

// The surnames of two syllables (남궁, 황보 ...): a name of four syllables starts with one. A word
// of four syllables that does not is a label ("조회번호", "전표번호", "차량등록").
constexpr std::string_view doubleSurnames[] {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"};

// Last syllables no given name ends with, and labels do: 배송중, 주문일, 우편물, 공급사, 구매처,
// 반품액 ... (a name such as 김정일 is lost with them; a label read as a name blocks a message).
constexpr std::string_view notNameEndings[] {"중", "일", "물", "사", "처", "품", "료", "액", "권", "증",
                                             "표", "번", "량", "법", "점", "별", "계", "목", "함", "란"};

// Words of three syllables that start with a surname and are no name: labels and the like. (Two
// syllables are never taken for a name: "정산", "구매", "공문", "신고" start with surnames too.)
// Those that end as no given name does are told by notNameEndings; a bank's name (우리은행) has four
// syllables or more.
constexpr std::string_view notNames[] {"사업자", "우체국", "예금주", "명세서", "신청서", "정산서",
                                       "주문서", "고지서", "모델명", "제품명", "사업장", "고객명",
                                       "신고서", "공문서", "장부명", "도면명", "이력서"};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr int MaxMarksBetween = 3;
constexpr std::size_t MaxPhoneGroups = 5; // +82 (0) 10 2345 6789

// The bytes of a mark that may stand between a name and its number, ending at text[pos]: one of
// ( [ ] , : / - | " or a middle dot (U+00B7, U+318D), or 0.
std::size_t markBefore(std::string_view text, std::size_t pos)
{
    if (std::string_view("([],:/-|\"").find(text[pos - 1]) != std::string_view::npos)
        return 1;
    const std::string_view before = text.substr(0, pos);
    if (before.ends_with("\u00B7"))
        return 2;
    return before.ends_with("\u318D") ? 3 : 0;
}

// The line around [start, end), bounded.
std::string_view lineAround(std::string_view text, std::size_t start, std::size_t end)
{
    std::size_t from = start;
    while (from > 0 && start - from < LineReach && text[from - 1] != '\n')
        --from;
    std::size_t to = end;
    while (to < text.size() && to - end < LineReach && text[to] != '\n')
        ++to;
    return text.substr(from, to - from);
}

// The line around [start, end), folded once for every look at it: what stands before the number,
// a line break where it stands, what stands after it. A line cut by the reach starts with a byte
// that is no blank, so that nothing there reads as the line's start.
struct FoldedLine
{
    std::string text;
    std::size_t numberAt = 0; // where the line break for the number is
    std::string_view before() const { return std::string_view(text).substr(0, numberAt); }
};

FoldedLine foldedLine(std::string_view text, std::size_t start, std::size_t end)
{
    const std::string_view line = lineAround(text, start, end);
    const std::size_t lineStart = static_cast<std::size_t>(line.data() - text.data());
    const bool cut = lineStart > 0 && text[lineStart - 1] != '\n';
    FoldedLine folded {(cut ? "~" : "") + CharacterFolding::foldAll(line.substr(0, start - lineStart)), 0};
    folded.numberAt = folded.text.size();
    folded.text += '\n' + CharacterFolding::foldAll(text.substr(end, lineStart + line.size() - end));
    return folded;
}

// Whether groups of digits are a mobile number as written at home: 010-2345-6789, 010 23456789,
// 0102345-6789, 01023456789 (010, 011, 016-019), each group as long as a mobile's are. After the
// country code the trunk zero is dropped (zeroDropped: "10-2345-6789").
bool isMobile(const std::vector<std::string_view> &groups, bool zeroDropped = false)
{
    const std::size_t zero = zeroDropped ? 1 : 0; // the digit the first group lacks
    const auto mobilePrefix = [&](std::string_view g) {
        const std::string_view prefix = std::string_view("01").substr(zero);
        return g.size() + zero >= 3 && g.starts_with(prefix) &&
            std::string_view("016789").find(g[2 - zero]) != std::string_view::npos;
    };
    if (groups.empty() || !mobilePrefix(groups[0]))
        return false;
    const std::size_t first = groups[0].size() + zero;
    switch (groups.size()) {
    case 1:
        return first == 10 || first == 11;
    case 2:
        return (first == 3 && groups[1].size() >= 7 && groups[1].size() <= 8) ||
            ((first == 6 || first == 7) && groups[1].size() == 4);
    case 3:
        return first == 3 && groups[1].size() >= 3 && groups[1].size() <= 4 && groups[2].size() == 4;
    default:
        return false;
    }
}

// A mobile number in a folded line, in any form the phone detector takes: at home (isMobile), in
// parentheses ("(010)2345-6789"), or after the country code, its trunk zero dropped or kept ("+82
// 10 2345 6789", "82-010-2345-6789"). Groups of digits are apart by one or two of "-. ()"; a row of
// decimals ("0.16 12.34 5.678") has groups no mobile has.
bool mobileIn(std::string_view line)
{
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!isDigit(line[i]) || (i > 0 && isDigit(line[i - 1])))
            continue;
        std::vector<std::string_view> groups;
        std::size_t j = i;
        while (j < line.size() && groups.size() < MaxPhoneGroups) {
            const std::size_t groupStart = j;
            while (j < line.size() && isDigit(line[j]))
                ++j;
            groups.push_back(line.substr(groupStart, j - groupStart));
            std::size_t k = j;
            while (k < line.size() && k - j < 2 && std::string_view("-. ()").find(line[k]) != std::string_view::npos)
                ++k;
            if (k == j || k >= line.size() || !isDigit(line[k]))
                break;
            j = k;
        }
        const bool afterPlus = i > 0 && line[i - 1] == '+';
        if (groups[0] == "82" && (afterPlus || groups.size() > 1)) {
            std::vector<std::string_view> national(groups.begin() + 1, groups.end());
            if (!national.empty() && national[0] == "0")
                national.erase(national.begin()); // +82 (0) 10 …
            if (!national.empty() && isMobile(national, !national[0].starts_with('0')))
                return true;
            continue;
        }
        if (isMobile(groups))
            return true;
    }
    return false;
}

// The birth date of digits (a number's 13) written as a date in a folded line.
bool birthDateIn(std::string_view line, std::string_view digits)
{
    const QDate birth = Validators::registrationBirthDate(digits);
    if (!birth.isValid())
        return false;
    // Every run of three numbers joined by '-', '.' or '/', or written with 년, 월 (and 일), read as a
    // date: "2021-03-15", "21.3.15", "2021년 3월 15일"; and a run of eight digits, the date written
    // whole ("20210315", as forms and exports write it).
    static constexpr std::string_view units[] = {"년", "월"};
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!isDigit(line[i]) || (i > 0 && isDigit(line[i - 1])))
            continue;
        std::size_t run = i;
        while (run < line.size() && isDigit(line[run]))
            ++run;
        if (run - i == 8) {
            const auto number = [&](std::size_t from, std::size_t length) {
                int value = 0;
                for (std::size_t k = from; k < from + length; ++k)
                    value = value * 10 + (line[k] - '0');
                return value;
            };
            if (number(i, 4) == birth.year() && number(i + 4, 2) == birth.month() && number(i + 6, 2) == birth.day())
                return true;
            continue;
        }
        int parts[3] = {0, 0, 0};
        int lengths[3] = {0, 0, 0};
        std::size_t j = i;
        int part = 0;
        while (j < line.size() && part < 3) {
            if (isDigit(line[j])) {
                if (lengths[part] == 4)
                    break; // no part of a date is longer
                parts[part] = parts[part] * 10 + (line[j] - '0');
                ++lengths[part];
                ++j;
                continue;
            }
            if (lengths[part] == 0 || part == 2)
                break;
            if (line[j] == '-' || line[j] == '.' || line[j] == '/')
                ++j;
            else if (line.substr(j).starts_with(units[part]))
                j += units[part].size();
            else
                break;
            ++part;
            while (j < line.size() && line[j] == ' ')
                ++j;
        }
        if (lengths[2] == 0 || lengths[0] > 4 || lengths[0] == 3 || lengths[1] > 2 || lengths[2] > 2)
            continue;
        const int year = lengths[0] == 4 ? parts[0] : (lengths[0] == 2 ? birth.year() / 100 * 100 + parts[0] : -1);
        if (year == birth.year() && parts[1] == birth.month() && parts[2] == birth.day())
            return true;
    }
    return false;
}

} // namespace

bool isHangulSyllableAt(std::string_view text, std::size_t pos)
{
    if (pos + HangulBytes > text.size())
        return false;
    const auto b0 = static_cast<unsigned char>(text[pos]);
    const auto b1 = static_cast<unsigned char>(text[pos + 1]);
    // U+AC00-D7A3: EA B0 80 .. ED 9E A3.
    return (b0 > 0xEA && b0 < 0xED) || (b0 == 0xEA && b1 >= 0xB0) || (b0 == 0xED && b1 <= 0x9E);
}

bool nameBefore(std::string_view text, std::size_t start)
{
    const auto blanks = [&](std::size_t pos) {
        while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t'))
            --pos;
        return pos;
    };
    std::size_t pos = blanks(start);
    // Marks may stand between: "홍길동(2103154827361)", "홍길동, 2103…", "홍길동: 2103…", "[홍길동]
    // 2103…", "| 홍길동 | 2103…", "\"홍길동\",\"2103…", "홍길동 / 2103…", "홍길동 · 2103…".
    for (int marks = 0; marks < MaxMarksBetween && pos > 0; ++marks) {
        const std::size_t mark = markBefore(text, pos);
        if (mark == 0)
            break;
        pos = blanks(pos - mark);
    }
    if (pos == start)
        return false; // glued to the number: a word of its own, not a name
    // An honorific after the name: "이서연님", "홍길동 씨".
    for (const std::string_view honorific : {"님", "씨"}) {
        if (text.substr(0, pos).ends_with(honorific)) {
            pos = blanks(pos - honorific.size());
            break;
        }
    }
    std::size_t syllables = 0;
    while (pos >= HangulBytes && isHangulSyllableAt(text, pos - HangulBytes) && syllables <= 4) {
        pos -= HangulBytes;
        ++syllables;
    }
    const std::string_view word = text.substr(pos, syllables * HangulBytes);
    // Three syllables (a surname and a given name of two, as nearly every Korean's), or four after a
    // surname of two.
    const bool shaped = syllables == 3 ||
        (syllables == 4 &&
         std::find(std::begin(doubleSurnames), std::end(doubleSurnames), word.substr(0, 2 * HangulBytes)) !=
             std::end(doubleSurnames));
    if (!shaped)
        return false;
    const bool alone = pos == 0 || std::string_view(" \t\n\r,|.)(:[\"").find(text[pos - 1]) != std::string_view::npos ||
        markBefore(text, pos) > 1; // a bullet: "ㆍ홍길동", "·홍길동"
    const std::string_view first = text.substr(pos, HangulBytes);
    const bool labelEnding = std::any_of(std::begin(notNameEndings), std::end(notNameEndings),
                                         [&](std::string_view ending) { return word.ends_with(ending); });
    return alone && !labelEnding && std::find(std::begin(surnames), std::end(surnames), first) != std::end(surnames) &&
        std::find(std::begin(notNames), std::end(notNames), word) == std::end(notNames);
}

namespace {

constexpr int ListRowsEachWay = 3;
constexpr std::size_t ListReach = 1000; // bytes either side, within TextBlocks::Overlap (1 KiB)

// The first run of exactly 13 digits in line, or empty.
std::string_view firstThirteenDigits(std::string_view line)
{
    for (std::size_t i = 0; i < line.size();) {
        if (!isDigit(line[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < line.size() && isDigit(line[j]))
            ++j;
        if (j - i == 13)
            return line.substr(i, 13);
        i = j;
    }
    return {};
}

bool sameKind(char genderDigit, char other)
{
    const auto foreigner = [](char digit) { return digit >= '5' && digit <= '8'; };
    return foreigner(genderDigit) == foreigner(other);
}

} // namespace

bool listOfTheSameShape(std::string_view text, std::size_t start, std::size_t end, std::string_view digits)
{
    const QDate birth = Validators::registrationBirthDate(digits);
    if (!birth.isValid())
        return false;
    const std::size_t from = start > ListReach ? start - ListReach : 0;
    const std::size_t to = std::min(text.size(), end + ListReach);
    int rows = 0;
    bool otherYear = false;
    const auto take = [&](std::string_view line) {
        const std::string_view run = firstThirteenDigits(line);
        if (run.empty() || !sameKind(digits[6], run[6]))
            return;
        const QDate other = Validators::registrationBirthDate(run);
        if (!other.isValid())
            return;
        ++rows;
        otherYear = otherYear || other.year() != birth.year();
    };
    // Lines above: each ends at the line break before the one after it.
    std::size_t lineStart = start;
    while (lineStart > from && text[lineStart - 1] != '\n')
        --lineStart;
    for (int i = 0; i < ListRowsEachWay && lineStart > from; ++i) {
        const std::size_t lineEnd = lineStart - 1; // its line break
        std::size_t begin = lineEnd;
        while (begin > from && text[begin - 1] != '\n')
            --begin;
        if (begin == from && from > 0 && text[from - 1] != '\n')
            break; // cut by the reach: not a whole line
        take(text.substr(begin, lineEnd - begin));
        lineStart = begin;
    }
    // Lines below.
    std::size_t lineEnd = end;
    while (lineEnd < to && text[lineEnd] != '\n')
        ++lineEnd;
    for (int i = 0; i < ListRowsEachWay && lineEnd < to; ++i) {
        const std::size_t begin = lineEnd + 1;
        std::size_t next = begin;
        while (next < to && text[next] != '\n')
            ++next;
        if (next == to && to < text.size() && text[to] != '\n')
            break; // cut by the reach
        take(text.substr(begin, next - begin));
        lineEnd = next;
    }
    return rows >= 2 && otherYear;
}

bool nameACellBefore(std::string_view before)
{
    const auto blanks = [&](std::size_t pos) {
        while (pos > 0 && before[pos - 1] == ' ')
            --pos;
        return pos;
    };
    const auto isSeparator = [](char c) { return c == ',' || c == '\t'; };
    // The number a cell of its own, after a separator...
    const std::size_t pos = blanks(before.size());
    if (pos == 0 || !isSeparator(before[pos - 1]))
        return false;
    // ...and the cell before it short, no name itself: at most two syllables or six characters.
    const std::size_t cellEnd = blanks(pos - 1);
    const std::size_t separator = before.substr(0, cellEnd).find_last_of(",\t\n");
    if (separator == std::string_view::npos || !isSeparator(before[separator]))
        return false;
    std::string_view cell = before.substr(separator + 1, cellEnd - separator - 1);
    while (!cell.empty() && cell.front() == ' ')
        cell.remove_prefix(1);
    return !cell.empty() && cell.size() <= 2 * HangulBytes && nameBefore(before, separator + 1);
}

bool onTheLine(std::string_view text, std::size_t start, std::size_t end, std::string_view digits)
{
    const FoldedLine line = foldedLine(text, start, end);
    // The date on the line shows no person when the number is that date and a counter
    // ("20210315,2103153000002": a record of that day): a run of zeros the random digits of a
    // number issued since 2020 (the only ones that come here, failing their check digit) hardly have.
    const bool counter = digits.size() == 13 && digits.compare(7, 4, "0000") == 0;
    return nameBefore(line.before(), line.before().size()) || nameACellBefore(line.before()) || mobileIn(line.text) ||
        (!counter && birthDateIn(line.text, digits)) || listOfTheSameShape(text, start, end, digits);
}

} // namespace SendGuard::Core::PersonEvidence
