// SPDX-License-Identifier: GPL-2.0-or-later
#include "personevidence.h"

#include "validators.h"

#include <QDate>

#include <algorithm>
#include <iterator>
#include <string>

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

// Words of two to four syllables that start with a surname and are no name: labels and the like.
constexpr std::string_view notNames[] {
    "주문", "정보", "고객", "기간", "금액", "사업", "전화", "연락", "주소", "신청", "접수", "문서", "관리", "등록",
    "계좌", "거래", "승인", "결제", "운송", "송장", "우편", "발급", "고유", "제품", "모델", "부품", "코드", "인증",
    "예약", "확인", "조회", "처리", "기록", "지급", "수납", "납부", "고지", "사건", "기관", "차량", "안내", "합계",
    "총계", "소계", "단가", "수량", "이체", "입금", "출금", "잔액", "연번", "일련번호", "사업자", "법인", "주식",
    "재단", "회사", "공고", "성명", "이름", "정정", "변경",
    // Banks (우리은행 1002…, 신한 110…), and words before an account or an address.
    "우리", "하나", "국민", "기업", "신한", "신협", "우체국", "송금", "예금", "예금주", "서울", "인천", "경기", "강원",
    "전북", "전남", "경북", "경남", "제주"};

// A bank's name ends so: 우리은행, 한국씨티은행.
bool isABanksName(std::string_view word)
{
    return word.ends_with("은행") || word.ends_with("금고") || word.ends_with("뱅크");
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
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
    // One mark may stand between: "홍길동(2103154827361)", "홍길동, 2103…", "홍길동: 2103…".
    if (pos > 0 && std::string_view("([,:").find(text[pos - 1]) != std::string_view::npos)
        pos = blanks(pos - 1);
    if (pos == start)
        return false; // glued to the number: a word of its own, not a name
    std::size_t syllables = 0;
    while (pos >= HangulBytes && isHangulSyllableAt(text, pos - HangulBytes) && syllables <= 4) {
        pos -= HangulBytes;
        ++syllables;
    }
    if (syllables < 2 || syllables > 4)
        return false;
    const bool alone = pos == 0 || text[pos - 1] == ' ' || text[pos - 1] == '\t' || text[pos - 1] == '\n' ||
        text[pos - 1] == ',' || text[pos - 1] == '|' || text[pos - 1] == '.' || text[pos - 1] == ')';
    const std::string_view first = text.substr(pos, HangulBytes);
    const std::string_view word = text.substr(pos, syllables * HangulBytes);
    return alone && std::find(std::begin(surnames), std::end(surnames), first) != std::end(surnames) &&
        std::find(std::begin(notNames), std::end(notNames), word) == std::end(notNames) && !isABanksName(word);
}

bool mobileOnTheLine(std::string_view text, std::size_t start, std::size_t end)
{
    const std::string_view line = lineAround(text, start, end);
    const std::size_t lineStart = static_cast<std::size_t>(line.data() - text.data());
    for (std::size_t i = 0; i + 2 < line.size(); ++i) {
        const std::size_t at = lineStart + i;
        if (at >= start && at < end)
            continue;
        if (line[i] != '0' || line[i + 1] != '1' || (i > 0 && isDigit(line[i - 1])))
            continue;
        // 01X, then 3-4 and 4 digits, with or without a hyphen, dot or space between.
        std::string digits;
        std::size_t j = i;
        while (j < line.size() && digits.size() < 11 &&
               (isDigit(line[j]) || ((line[j] == '-' || line[j] == ' ' || line[j] == '.') && j > i))) {
            if (isDigit(line[j]))
                digits += line[j];
            ++j;
        }
        const bool mobilePrefix = digits.size() >= 3 && std::string_view("016789").find(digits[2]) != std::string::npos;
        if (mobilePrefix && (digits.size() == 10 || digits.size() == 11) && (j == line.size() || !isDigit(line[j])))
            return true;
    }
    return false;
}

bool birthDateOnTheLine(std::string_view text, std::size_t start, std::size_t end, std::string_view digits)
{
    const QDate birth = Validators::registrationBirthDate(digits);
    if (!birth.isValid())
        return false;
    const std::string_view line = lineAround(text, start, end);
    const std::size_t lineStart = static_cast<std::size_t>(line.data() - text.data());
    // Every run of three numbers joined by '-', '.' or '/' on the line, read as a date.
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!isDigit(line[i]) || (i > 0 && isDigit(line[i - 1])) || (lineStart + i >= start && lineStart + i < end))
            continue;
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
            } else if ((line[j] == '-' || line[j] == '.' || line[j] == '/') && lengths[part] > 0 && part < 2) {
                ++part;
                ++j;
                while (j < line.size() && line[j] == ' ')
                    ++j;
            } else {
                break;
            }
        }
        if (lengths[2] == 0 || lengths[0] > 4 || lengths[1] > 2 || lengths[2] > 2)
            continue;
        const int year = lengths[0] == 4 ? parts[0] : (lengths[0] == 2 ? birth.year() / 100 * 100 + parts[0] : -1);
        if (year == birth.year() && parts[1] == birth.month() && parts[2] == birth.day())
            return true;
    }
    return false;
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

bool onTheLine(std::string_view text, std::size_t start, std::size_t end, std::string_view digits)
{
    return nameBefore(text, start) || mobileOnTheLine(text, start, end) ||
        birthDateOnTheLine(text, start, end, digits) || listOfTheSameShape(text, start, end, digits);
}

} // namespace SendGuard::Core::PersonEvidence
