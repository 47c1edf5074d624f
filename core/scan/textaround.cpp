// SPDX-License-Identifier: GPL-2.0-or-later
#include "textaround.h"

#include "normalizedtext.h"

#include "detectors/personevidence.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

namespace SendGuard::Core::TextAround {

namespace {

constexpr int MaxThousandsGroups = 8; // a long enough look for any amount
constexpr int OtherCharacter = 256; // a non-ASCII character no normalization applies to
constexpr int NoCharacter = -1; // the start or end of the text
// How far back a word before a parenthesis, or the start of a web address, is looked for.
constexpr std::size_t WordReach = 48;
constexpr std::size_t AddressReach = 512;

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool isDigit(int c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int visibleCharacterAt(std::string_view text, std::size_t pos)
{
    const auto folded = NormalizedText::foldCharacter(text, pos);
    if (folded.folded)
        return static_cast<unsigned char>(folded.replacement);
    const auto c = static_cast<unsigned char>(text[pos]);
    return c < 0x80 ? c : OtherCharacter;
}

bool isDropped(std::string_view text, std::size_t pos)
{
    const auto folded = NormalizedText::foldCharacter(text, pos);
    return folded.folded && folded.replacement == 0;
}

// The character before `offset`, normalized, skipping zero-width ones; *at gets its position.
int characterBefore(std::string_view text, std::size_t offset, std::size_t *at = nullptr)
{
    while (offset > 0) {
        std::size_t start = offset - 1;
        if (const auto c = static_cast<unsigned char>(text[start]); c < 0x80) {
            if (at)
                *at = start;
            return c; // ASCII is never folded nor dropped: most of what stands around a number
        }
        while (start > 0 && isContinuationByte(text[start]))
            --start;
        offset = start;
        if (isDropped(text, start))
            continue;
        if (at)
            *at = start;
        return visibleCharacterAt(text, start);
    }
    return NoCharacter;
}

// The character at `offset`, normalized, skipping zero-width ones; *next gets the offset after it.
int characterFrom(std::string_view text, std::size_t offset, std::size_t *next = nullptr)
{
    while (offset < text.size()) {
        if (const auto c = static_cast<unsigned char>(text[offset]); c < 0x80) {
            if (next)
                *next = offset + 1;
            return c;
        }
        const std::size_t length = NormalizedText::foldCharacter(text, offset).length;
        if (isDropped(text, offset)) {
            offset += length;
            continue;
        }
        if (next)
            *next = offset + length;
        return visibleCharacterAt(text, offset);
    }
    return NoCharacter;
}

bool isAddressCharacterBefore(int c)
{
    return isDigit(c) || isLetter(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool isAddressCharacterAfter(int c)
{
    return isDigit(c) || isLetter(c) || c == '_' || c == '-' || c == '@';
}

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whether only white space stands before `pos` on its line.
bool firstOnItsLine(std::string_view text, std::size_t pos)
{
    int c = characterBefore(text, pos, &pos);
    while (c == ' ' || c == '\t')
        c = characterBefore(text, pos, &pos);
    return c == NoCharacter || c == '\n';
}

// The lengths of the runs of digits in value ("900101-1234567": 6 and 7).
std::vector<std::size_t> digitGroups(std::string_view value)
{
    std::vector<std::size_t> groups;
    bool inGroup = false;
    for (const char c : value) {
        if (!isDigit(c)) {
            inGroup = false;
            continue;
        }
        if (!inGroup)
            groups.push_back(0);
        ++groups.back();
        inGroup = true;
    }
    return groups;
}

// Whether the number at `at`, a label's own, heads a list the value at valueStart belongs to: its
// groups of digits are the value's, and every line after its own, the value's included, starts
// with a number, with no blank line between ("접수번호 2103154827361" over more such numbers).
bool heads(std::string_view text, std::size_t at, std::size_t valueStart, std::string_view value)
{
    std::vector<std::size_t> groups {0};
    std::size_t next = at;
    for (int d = characterFrom(text, at, &next);; d = characterFrom(text, next, &next)) {
        if (isDigit(d))
            ++groups.back();
        else if (d == '-' && isDigit(characterFrom(text, next)))
            groups.push_back(0);
        else
            break;
        at = next;
    }
    if (groups != digitGroups(value))
        return false;
    for (std::size_t lineStart = text.find('\n', at); lineStart < valueStart;
         lineStart = text.find('\n', lineStart + 1)) {
        std::size_t first = lineStart + 1;
        while (first < text.size() && (text[first] == ' ' || text[first] == '\t'))
            ++first;
        if (first >= text.size() || !isDigit(characterFrom(text, first)))
            return false; // a blank line, or one that starts with words: no list
    }
    return firstOnItsLine(text, valueStart);
}

// Whether the groups of digits before text[end], the last one preceded by a comma, read as a
// number written with thousands separators: every group three digits, the first one to three,
// and no comma before it (a row of cells: "김민수,34,175,").
bool thousandsBefore(std::string_view text, std::size_t end)
{
    std::size_t at = end;
    for (int groups = 0; groups < MaxThousandsGroups; ++groups) {
        int digits = 0;
        int c = characterBefore(text, at, &at);
        for (; isDigit(c); c = characterBefore(text, at, &at))
            ++digits;
        if (digits == 0 || digits > 3)
            return false;
        if (c != ',' || !isDigit(characterBefore(text, at)))
            return c != ',' && c != '-'; // the first group, after something that is no cell's end
        if (digits != 3)
            return false;
    }
    return false;
}

// Whether a match starting at text[start] reads as run into an amount before it: its first group
// could go on the amount (three digits), or is a phone's area code or a card's group (two to four)
// or a card's whole run, which a row of cells would not glue to an amount. A registration number's
// date half (six digits) or its bare thirteen after "1,234," is a list's next item.
bool runsOnFromAnAmount(std::string_view text, std::size_t start)
{
    std::size_t next = start;
    int digits = 0;
    for (int c = characterFrom(text, next, &next); isDigit(c); c = characterFrom(text, next, &next))
        ++digits;
    return (digits >= 2 && digits <= 4) || digits >= 14;
}

// Whether the text from text[end] (a comma) reads as the rest of a number written with thousands
// separators: groups of three digits, two of them, or one before a word (",000원").
bool thousandsFrom(std::string_view text, std::size_t end)
{
    std::size_t next = end;
    int groups = 0;
    int c = characterFrom(text, next, &next);
    while (c == ',' && groups < MaxThousandsGroups) {
        int digits = 0;
        for (c = characterFrom(text, next, &next); isDigit(c); c = characterFrom(text, next, &next))
            ++digits;
        if (digits != 3)
            return false;
        ++groups;
    }
    return groups >= 2 || (groups == 1 && c == OtherCharacter);
}

// Whether a match starting at text[start] starts a cell of a comma-separated row: right after a
// comma that follows no digit ("김민수,010-…"), so that a comma after it ends the cell.
bool startsACell(std::string_view text, std::size_t start)
{
    std::size_t at = 0;
    return characterBefore(text, start, &at) == ',' && !isDigit(characterBefore(text, at));
}

// The bytes of a word for "number" at text[at] ("번호", "No", "Nr", "number", any case), a word of
// its own; else 0.
std::size_t numberWordAt(std::string_view text, std::size_t at)
{
    static constexpr std::string_view words[] = {"번호", "number", "no", "nr"};
    for (const std::string_view word : words) {
        if (at + word.size() > text.size())
            continue;
        const std::string_view there = text.substr(at, word.size());
        const bool same = std::equal(word.begin(), word.end(), there.begin(), [](char a, char b) {
            return a == (b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : b);
        });
        if (!same)
            continue;
        const std::size_t after = at + word.size();
        if (after == text.size() ||
            (!isLetter(characterFrom(text, after)) && !PersonEvidence::isHangulSyllableAt(text, after)))
            return word.size();
    }
    return 0;
}

// The bytes of a code of one to six ASCII letters and the hyphen after it, right before a digit
// ("KR-", "HK-"), at text[at]; else 0.
std::size_t letterCodeAt(std::string_view text, std::size_t at)
{
    constexpr std::size_t MaxCodeLetters = 6;
    std::size_t end = at;
    while (end < text.size() && end - at < MaxCodeLetters && isLetter(static_cast<unsigned char>(text[end])))
        ++end;
    if (end == at || end + 1 >= text.size() || text[end] != '-' || !isDigit(static_cast<unsigned char>(text[end + 1])))
        return 0;
    return end + 1 - at;
}

// The bytes of one to six ASCII letters at text[at] that end right at valueStart ("M" of
// "M010-2345-6789"); else 0.
std::size_t lettersGluedTo(std::string_view text, std::size_t at, std::size_t valueStart)
{
    constexpr std::size_t MaxLetters = 6;
    std::size_t end = at;
    while (end < valueStart && end - at < MaxLetters && isLetter(static_cast<unsigned char>(text[end])))
        ++end;
    return end > at && end == valueStart ? end - at : 0;
}

} // namespace

bool standsAlone(Boundary boundary, std::string_view text, std::size_t start, std::size_t end)
{
    std::size_t beforeAt = 0;
    std::size_t afterNext = 0;
    const int before = characterBefore(text, start, &beforeAt);
    const int after = characterFrom(text, end, &afterNext);
    if (boundary == Boundary::AddressCharacters)
        return !isAddressCharacterBefore(before) && !isAddressCharacterAfter(after);
    if (isDigit(before) || isDigit(after))
        return false;
    if (boundary == Boundary::Alphanumeric && (isLetter(before) || isLetter(after)))
        return false;
    // A hyphen joining another digit group: "2024-900101-1234567".
    if (before == '-' && isDigit(characterBefore(text, beforeAt)))
        return false;
    if (after == '-' && isDigit(characterFrom(text, afterNext)))
        return false;
    return true;
}

bool gluedToANumber(std::string_view text, std::size_t start, std::size_t end)
{
    std::size_t at = 0;
    const int before = characterBefore(text, start, &at);
    if (before == ',' || before == '.') {
        // The digits before the mark, and what stands before them.
        std::size_t digitAt = at;
        int c = characterBefore(text, at, &digitAt);
        int digits = 0;
        while (isDigit(c)) {
            ++digits;
            c = characterBefore(text, digitAt, &digitAt);
        }
        // "6121.": a number and a full stop. A hyphen before the digits makes them the tail of an
        // item of their own, one of a list.
        if (digits > 0 && c != '-' && before == '.')
            return true;
        // "1,234,": a thousands group after another group, when the groups before read as one
        // number; a row's cells ("홍길동,45,010-…", "7,34,175,010-…", "1988,170,…") do not.
        if (digits == 3 && c == ',' && thousandsBefore(text, digitAt) && runsOnFromAnAmount(text, start))
            return true;
    }
    std::size_t next = 0;
    const int after = characterFrom(text, end, &next);
    if (after == '.') {
        int digits = 0;
        int c = characterFrom(text, next, &next);
        while (isDigit(c) && digits <= 3) {
            ++digits;
            c = characterFrom(text, next, &next);
        }
        // ".3": a decimal.
        if (digits >= 1 && digits <= 3 && c != '-')
            return true;
    }
    // ",000원", ",000,000": thousands. ",010-2345-6789" goes on: a list; ",45," or ",180,75" are
    // the next cells of a row, and so is anything after a number that is a cell itself.
    if (after == ',' && !startsACell(text, start))
        return thousandsFrom(text, end);
    return false;
}

bool amountInWon(std::string_view text, std::size_t end)
{
    // Every unit starts with a syllable whose first byte is one of these: most matches end before
    // a blank, and cost one look.
    if (end >= text.size() ||
        (static_cast<unsigned char>(text[end]) != 0xEC && static_cast<unsigned char>(text[end]) != 0xEB))
        return false;
    for (const std::string_view unit : {"원", "천원", "만원", "억원"}) {
        if (!text.substr(end).starts_with(unit))
            continue;
        const std::size_t after = end + unit.size();
        // A word that starts with the syllable is no unit ("원본", "원장님", a name glued on: "원정민");
        // a particle no given name starts with is.
        static constexpr std::string_view particles[] = {"을", "은", "에", "씩", "으", "까"};
        return !PersonEvidence::isHangulSyllableAt(text, after) ||
            std::any_of(std::begin(particles), std::end(particles),
                        [&](std::string_view particle) { return text.substr(after).starts_with(particle); });
    }
    return false;
}

bool letterBefore(std::string_view text, std::size_t start)
{
    return isLetter(characterBefore(text, start));
}

bool ownLabelRightBefore(std::string_view text, std::size_t start, const std::vector<std::string> &labels)
{
    constexpr std::string_view fullWidthColon = "\xEF\xBC\x9A";
    constexpr std::string_view possessive = "의";
    std::string_view before = text.substr(0, std::min(start, text.size()));
    while (!before.empty()) {
        const auto c = static_cast<unsigned char>(before.back());
        if (before.ends_with(fullWidthColon))
            before.remove_suffix(fullWidthColon.size());
        else if (c < 0x80 && !std::isalnum(c))
            before.remove_suffix(1);
        else
            break;
    }
    if (before.ends_with(possessive))
        before.remove_suffix(possessive.size());
    // A label inside a longer word is no label: "입주민번호" is a tenant's number in a building, and
    // 거주민, 이주민, 원주민 are residents, migrants and natives. A word before it glued to it, as forms
    // write them (배우자주민번호, 대표자주민등록번호), keeps it one.
    static constexpr std::string_view wordsEndingInResident[] = {"입주민", "거주민", "이주민",
                                                                 "원주민", "선주민", "정주민"};
    constexpr std::string_view resident = "주민";
    const auto insideAWord = [&](const std::string &label) {
        if (!std::string_view(label).starts_with(resident))
            return false;
        const std::string_view upToResident = before.substr(0, before.size() - label.size() + resident.size());
        return std::any_of(std::begin(wordsEndingInResident), std::end(wordsEndingInResident),
                           [&](std::string_view word) { return upToResident.ends_with(word); });
    };
    return std::any_of(labels.begin(), labels.end(),
                       [&](const std::string &label) { return before.ends_with(label) && !insideAWord(label); });
}

bool onlyMarksBetween(std::string_view text, std::size_t from, std::size_t to)
{
    constexpr std::string_view fullWidthColon = "\xEF\xBC\x9A";
    for (std::size_t i = from; i < to && i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (text.substr(i).starts_with(fullWidthColon)) {
            i += fullWidthColon.size();
            continue;
        }
        if (c >= 0x80 || std::isalnum(c))
            return false;
        ++i;
    }
    return true;
}

bool documentOrdinal(std::string_view text, std::size_t start, std::size_t end)
{
    constexpr std::string_view before = "제";
    constexpr std::string_view after = "호";
    std::string_view head = text.substr(0, start);
    if (head.ends_with(' '))
        head.remove_suffix(1);
    std::string_view tail = text.substr(std::min(end, text.size()));
    if (tail.starts_with(' '))
        tail.remove_prefix(1);
    return head.ends_with(before) && tail.starts_with(after);
}

bool insideWebAddress(std::string_view text, std::size_t start)
{
    std::size_t from = start;
    while (from > 0 && start - from < AddressReach && !isSpace(static_cast<unsigned char>(text[from - 1])))
        --from;
    const std::string_view run = text.substr(from, start - from);
    return run.find("://") != std::string_view::npos || run.find("www.") != std::string_view::npos;
}

namespace {

// What stands between a company word and where its name must end (gap): the company's name, two
// words at most, on the same line, not a person's ("(주)한빛 대표 홍길동", "재단 장학생 홍길동"), by a
// title or by a name PersonEvidence reads before valueStart.
bool companyNameFits(std::string_view text, std::string_view gap, std::size_t valueStart)
{
    while (!gap.empty() && gap.back() == ' ')
        gap.remove_suffix(1);
    while (!gap.empty() && gap.front() == ' ')
        gap.remove_prefix(1);
    std::size_t gapWords = gap.empty() ? 0 : 1;
    for (std::size_t i = 1; i < gap.size(); ++i)
        gapWords += gap[i] == ' ' && gap[i - 1] != ' ';
    static constexpr std::string_view titles[] = {"대표",   "대표이사", "이사",   "사장", "회장",   "직원",   "담당",
                                                  "담당자", "과장",     "부장",   "차장", "실장",   "팀장",   "대리",
                                                  "주임",   "사원",     "연구원", "소속", "신청인", "대리인", "발기인"};
    const std::string_view first = gap.substr(0, gap.find(' '));
    const bool title = std::find(std::begin(titles), std::end(titles), first) != std::end(titles);
    return gap.find_first_of("\r\n\t") == std::string_view::npos && gapWords <= 2 && !title &&
        !(gapWords == 2 && PersonEvidence::nameBefore(text, valueStart));
}

// Whether one of `words` (a company's kind) and then a company's name (companyNameFits) end right
// at `open`.
// Whether the company word at before[at] is one as a word of its own: it starts a word, and one
// that may not be glued to the name ("법인", "재단") ends one: "재단사" (a tailor), "법인카드" and
// "법인영업팀" are none. Bracketed short forms and the "…회사" words come glued to names.
bool standsAsAWord(std::string_view before, std::size_t at, std::string_view word)
{
    if (at > 0 && std::string_view(" \t(:,").find(before[at - 1]) == std::string_view::npos)
        return false;
    const bool gluesToNames = !PersonEvidence::isHangulSyllableAt(word, 0) || word.ends_with("회사");
    const std::size_t after = at + word.size();
    return gluesToNames || after == before.size() || before[after] == ' ';
}

bool companyNameEndsAt(std::string_view text, std::size_t open, std::size_t valueStart,
                       const std::vector<std::string> &words, bool asWords)
{
    std::size_t from = open > WordReach ? open - WordReach : 0;
    while (from > 0 && isContinuationByte(text[from]))
        --from;
    std::string_view before = text.substr(from, open - from);
    // The name may not cross a line: the window starts on the number's.
    if (const std::size_t lineBreak = before.find_last_of('\n'); lineBreak != std::string_view::npos)
        before.remove_prefix(lineBreak + 1);
    // One look at each position of the window for the words that start with its byte, nearest
    // first, not a search of the window for each word: a roster asks this of its numbers.
    std::array<bool, 256> startsAWord {};
    for (const std::string &word : words) {
        if (!word.empty())
            startsAWord[static_cast<unsigned char>(word.front())] = true;
    }
    for (std::size_t at = before.size(); at-- > 0;) {
        if (!startsAWord[static_cast<unsigned char>(before[at])])
            continue;
        for (const std::string &word : words) {
            if (word.front() == before[at] && before.substr(at, word.size()) == word &&
                (!asWords || standsAsAWord(before, at, word)) &&
                companyNameFits(text, before.substr(at + word.size()), valueStart))
                return true;
        }
    }
    return false;
}

} // namespace

bool inParenthesesAfter(std::string_view text, std::size_t start, const std::vector<std::string> &words)
{
    std::size_t open = 0;
    int c = characterBefore(text, start, &open);
    while (c == ' ')
        c = characterBefore(text, open, &open);
    return (c == '(' || c == '[') && companyNameEndsAt(text, open, open + 1, words, false);
}

bool afterCompanyName(std::string_view text, std::size_t start, const std::vector<std::string> &words)
{
    std::size_t end = start;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ':'))
        --end;
    return end < start && companyNameEndsAt(text, end, start, words, true);
}

bool joinsTwoLabels(std::string_view gap)
{
    static constexpr std::string_view joins[] = {"(", "/", "·", "ㆍ", "・", "또는", "혹은", "or"};
    static constexpr std::string_view fillers[] = {" ", "법인인 경우", "법인의 경우", "법인은", ")"};
    bool joined = false;
    while (!gap.empty()) {
        const auto startsGap = [&gap](std::string_view word) { return gap.starts_with(word); };
        if (const auto *join = std::find_if(std::begin(joins), std::end(joins), startsGap); join != std::end(joins)) {
            joined = true;
            gap.remove_prefix(join->size());
        } else if (const auto *filler = std::find_if(std::begin(fillers), std::end(fillers), startsGap);
                   filler != std::end(fillers)) {
            gap.remove_prefix(filler->size());
        } else {
            return false;
        }
    }
    return joined;
}

bool labels(std::string_view text, std::size_t labelEnd, std::size_t valueStart, std::string_view value)
{
    // A particle glued to the label ("접수번호는"): up to two syllables.
    std::size_t at = labelEnd;
    for (int syllables = 0; syllables < 2 && at + 3 <= valueStart && PersonEvidence::isHangulSyllableAt(text, at);
         ++syllables)
        at += 3;
    bool lineBreak = false;
    bool numberWord = false;
    for (std::size_t next = 0; at < valueStart && at < text.size(); at = next) {
        const int c = characterFrom(text, at, &next);
        if (c == '\n') {
            if (lineBreak)
                return false; // a line between: the label names something else
            lineBreak = true;
            continue;
        }
        if (isDigit(c))
            return heads(text, at, valueStart, value);
        if (std::string_view(" \t\r:#.-=()[]").find(char(c)) != std::string_view::npos)
            continue;
        // "제826-71-344680호": the ordinal before a document's number.
        if (text.substr(at).starts_with("제") && (at + 3 == valueStart || text.substr(at + 3).starts_with(" "))) {
            next = at + 3;
            continue;
        }
        // The word for a number after the label, once: "신용장 번호", "Invoice No.", "L/C No.".
        if (const std::size_t word = numberWordAt(text, at); word > 0 && !numberWord) {
            numberWord = true;
            next = at + word;
            continue;
        }
        // A code of letters glued to the number with a hyphen is part of it: "문서번호 KR-850515-…";
        // so are letters glued to it ("증권번호 M010-2345-6789").
        if (const std::size_t code = letterCodeAt(text, at); code > 0) {
            next = at + code;
            continue;
        }
        if (const std::size_t letters = lettersGluedTo(text, at, valueStart); letters > 0) {
            next = at + letters;
            continue;
        }
        return false; // a word: the label names it ("문서번호: 미부여"), not this number
    }
    return true;
}

bool inLongerSpacedRun(std::string_view text, std::size_t start, std::size_t end)
{
    constexpr int MaxGap = 7; // "   -   ", the widest gap the boxed shapes take
    const auto inGap = [](int c) { return c == ' ' || c == '\t' || c == '-'; };
    std::size_t at = start;
    int c = characterBefore(text, at, &at);
    int gap = 0;
    for (; gap < MaxGap && inGap(c); ++gap)
        c = characterBefore(text, at, &at);
    if (gap > 0 && isDigit(c))
        return true;
    std::size_t next = end;
    c = characterFrom(text, next, &next);
    for (gap = 0; gap < MaxGap && inGap(c); ++gap)
        c = characterFrom(text, next, &next);
    return gap > 0 && isDigit(c);
}

bool inLongerGroupRun(std::string_view text, std::size_t start, std::size_t end)
{
    // The match's own separator: what follows its first group of digits, inside the match. A match
    // of one run of digits has none, whatever follows it ("4111111111111111 15000" is a card and
    // an amount, not one group of a longer run).
    std::size_t separatorStart = start;
    int c = NoCharacter;
    while (separatorStart < end && isDigit(c = characterFrom(text, separatorStart, &separatorStart))) { }
    const int separator = c;
    if (separator == NoCharacter || isDigit(separator))
        return false; // ungrouped digits
    std::size_t at = 0;
    if (characterBefore(text, start, &at) == separator && isDigit(characterBefore(text, at)))
        return true;
    std::size_t next = 0;
    return characterFrom(text, end, &next) == separator && isDigit(characterFrom(text, next));
}

} // namespace SendGuard::Core::TextAround
