// SPDX-License-Identifier: GPL-2.0-or-later
#include "columnheaders.h"

#include "linebreaks.h"

#include "common/byteword.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace SendGuard::Core {

namespace {

// Whether a title is a short label of Latin letters alone ("H/P", "HP번호", "H.P."): the word at
// [start, end), blanks and punctuation around it, and 번호 after it.
bool isShortLatinTitle(std::string_view title, std::size_t start, std::size_t end)
{
    if (std::any_of(title.begin() + std::ptrdiff_t(start), title.begin() + std::ptrdiff_t(end),
                    [](char c) { return (c & 0x80) != 0; }))
        return false;
    constexpr std::string_view around = " \t.:/()[]-_*\"";
    std::string_view after = title.substr(end);
    after = after.substr(std::min(after.size(), after.find_first_not_of(around)));
    if (after.starts_with("번호"))
        after.remove_prefix(std::string_view("번호").size());
    const auto onlyPunctuation = [around](std::string_view text) {
        return text.find_first_not_of(around) == std::string_view::npos;
    };
    return onlyPunctuation(title.substr(0, start)) && onlyPunctuation(after);
}

// A header as long as a row can be (MaxRowBytes): a form of eighty columns has one of 2.5 KB.
constexpr std::size_t MaxHeaderBytes = 4096;
// A longer cell is no title but an instruction on filling the column in ("비고(지급 대상자 본인
// 명의의 계좌가 아닌 경우 …)"): it labels nothing, and leaves the other cells titles.
constexpr std::size_t MaxCellBytes = 96;
constexpr std::size_t MinTitlesBesideInstructions = 3;
constexpr std::size_t MaxTitleDigits = 4; // "계좌번호(2024년)"
// What follows the digits of a title's month, year, round or quarter.
constexpr std::string_view TitleUnits[] = {"월", "년", "차", "분기", "회", "기"};
// A row longer than this is no table row: a lookup never walks further, so a text of one huge line
// with many numbers costs no more per number than a table does.
constexpr std::size_t MaxRowBytes = 4096;
constexpr std::size_t Unknown = std::string_view::npos;

// Whether `line` holds an ASCII digit, eight bytes at a time: every line of a block is asked, and
// prose lines are long.
bool hasDigit(std::string_view line)
{
    std::size_t i = 0;
    for (; i + 8 <= line.size(); i += 8) {
        if (ByteWord::anyDigit(ByteWord::at(line, i)))
            return true;
    }
    return std::any_of(line.begin() + static_cast<std::ptrdiff_t>(i), line.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

// Whether every run of digits in `cell` reads as part of a title: inside parentheses ("주소 (2024.
// 1. 1. 기준)"), or a month, year, round or quarter ("1월", "2024년", "2차", "3분기", "4회"), not a
// value such as an age or an amount.
bool digitsOfATitle(std::string_view cell)
{
    int depth = 0;
    for (std::size_t i = 0; i < cell.size();) {
        const char c = cell[i];
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        if (c < '0' || c > '9' || depth > 0) {
            ++i;
            continue;
        }
        while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9')
            ++i;
        const std::string_view rest = cell.substr(i);
        const bool unit = std::any_of(std::begin(TitleUnits), std::end(TitleUnits),
                                      [&](std::string_view word) { return rest.starts_with(word); });
        if (!unit)
            return false;
    }
    return true;
}

// Whether a cell is a note on how to fill in the column, not a title: in parentheses, or after a
// reference mark ("※", "*").
bool isNote(std::string_view cell)
{
    const std::size_t first = cell.find_first_not_of(" \"\r");
    const std::size_t last = cell.find_last_not_of(" \"\r");
    if (first == std::string_view::npos)
        return false;
    const std::string_view note = cell.substr(first, last + 1 - first);
    return (note.starts_with('(') && note.ends_with(')')) || note.starts_with("※") || note.starts_with('*');
}

// Whether a cell holds something besides blanks and quotes.
bool hasContent(std::string_view cell)
{
    return std::any_of(cell.begin(), cell.end(), [](char c) { return c != ' ' && c != '"' && c != '\r'; });
}

bool isBlank(std::string_view line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string_view lineAt(std::string_view text, std::size_t start)
{
    const std::size_t end = text.find('\n', start);
    return text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
}

// A fixed-width table (columns lined up with spaces, as a roster pasted into a mail): its cells
// are apart by two spaces or more.
constexpr char Aligned = ' ';
// A title, not a sentence with two spaces in it: short, and no full stop, question or exclamation mark.
constexpr std::size_t MaxAlignedTitleBytes = 48;

// Whether a line surely holds no header, known from its first bytes: a run of more digits than a
// title has (a data row's number), or, without a tab or a bar, whose cells are split by commas,
// semicolons or two spaces, a stretch of more than MaxCellBytes without any of these (a cell too
// long for a title: prose). Every line of a stream's block is asked, a roster's row ends at its
// first number and a paragraph of prose, one line, after a sentence or so; counting each line's
// delimiters first took a quarter of the CLI's time on office text.
bool surelyNoHeader(std::string_view line)
{
    std::size_t run = 0; // digits in a row
    std::size_t since = 0; // bytes since the last comma, semicolon or second of two spaces
    bool tabOrBar = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        run = c >= '0' && c <= '9' ? run + 1 : 0;
        if (run > MaxTitleDigits)
            return true;
        tabOrBar = tabOrBar || c == '\t' || c == '|';
        const bool cut = c == ',' || c == ';' || (c == ' ' && i > 0 && line[i - 1] == ' ');
        since = cut ? 0 : since + 1;
        if (since == MaxCellBytes + 1 && !tabOrBar && line.find('\t', i) == std::string_view::npos &&
            line.find('|', i) == std::string_view::npos)
            return true;
    }
    return false;
}

// Splits an aligned row at runs of two or more spaces, its leading blanks aside.
template<typename Cell>
void forEachAlignedCell(std::string_view line, Cell &&cell)
{
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    for (std::size_t index = 0; i < line.size(); ++index) {
        std::size_t end = i;
        while (end < line.size() && !(line[end] == ' ' && end + 1 < line.size() && line[end + 1] == ' '))
            ++end;
        if (!cell(index, i, end))
            return;
        i = end;
        while (i < line.size() && line[i] == ' ')
            ++i;
    }
}

// Characters (code points) in text: how far along a line a text program puts what follows.
std::size_t characters(std::string_view text)
{
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The column of an aligned row's cell that starts at `at` (an offset into row), by where its
// titles start, when the row's cells do not pair with them one by one: two cells a single space
// apart run together (pdftotext and poppler's layout put one space beside a long number), and the
// cells after them would be counted one column short. The title starting nearest, in characters;
// none when the cells pair one by one.
std::optional<std::size_t> alignedColumnByPosition(std::string_view header, std::string_view row, std::size_t at)
{
    std::vector<std::size_t> titleStarts;
    forEachAlignedCell(header, [&](std::size_t, std::size_t begin, std::size_t) {
        titleStarts.push_back(characters(header.substr(0, begin)));
        return true;
    });
    std::size_t cells = 0;
    forEachAlignedCell(row, [&](std::size_t, std::size_t, std::size_t) {
        ++cells;
        return true;
    });
    if (cells == titleStarts.size() || titleStarts.empty())
        return std::nullopt;
    const std::size_t column = characters(row.substr(0, at));
    std::size_t nearest = 0;
    const auto distance = [column](std::size_t start) { return start > column ? start - column : column - start; };
    for (std::size_t i = 1; i < titleStarts.size(); ++i) {
        if (distance(titleStarts[i]) < distance(titleStarts[nearest]))
            nearest = i;
    }
    return nearest;
}

// Splits a line at `delimiter` outside double quotes; calls cell(index, begin, end) for each.
template<typename Cell>
void forEachCell(std::string_view line, char delimiter, Cell &&cell)
{
    if (delimiter == Aligned) {
        forEachAlignedCell(line, cell);
        return;
    }
    std::size_t index = 0;
    std::size_t begin = 0;
    bool quoted = false;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        // As RFC 4180 and QuotedCellBreaks read quotes: one opens a quoted cell only at the cell's
        // start, "" inside is a quote mark, and a quote mark inside a cell ('5" 디스켓') is text
        // that leaves the row's other cells where they are.
        if (i < line.size() && line[i] == '"') {
            if (!quoted && i == begin)
                quoted = true;
            else if (quoted && i + 1 < line.size() && line[i + 1] == '"')
                ++i;
            else if (quoted)
                quoted = false;
            continue;
        }
        if (i == line.size() || (line[i] == delimiter && !quoted)) {
            if (!cell(index++, begin, i))
                return;
            begin = i + 1;
        }
    }
}

} // namespace

ColumnHeaders::ColumnHeaders(const ContextWords &words, std::string_view text, std::string_view headerInForce,
                             bool startsMidLine)
    : m_words(words)
    , m_text(text)
    , m_headerInForce(headerInForce)
    , m_startsMidLine(startsMidLine)
    , m_lastLineStart(startsMidLine ? Unknown : 0)
{
}

std::string_view ColumnHeaders::findInTitle(const ContextWords &words, std::string_view title, Scratch &scratch)
{
    words.find(title, 0, title.size(), scratch.found);
    if (!scratch.found.empty() || title.find(' ') == std::string_view::npos)
        return title;
    scratch.compact.clear();
    std::copy_if(title.begin(), title.end(), std::back_inserter(scratch.compact), [](char c) { return c != ' '; });
    words.find(scratch.compact, 0, scratch.compact.size(), scratch.found);
    return scratch.compact;
}

ColumnHeaders::Header ColumnHeaders::headerKind(const ContextWords &words, std::string_view line, char *delimiter,
                                                Scratch &scratch)
{
    std::vector<ContextWords::Occurrence> &found = scratch.found;
    // Digits are a data row's, except a few in a title cell: "연락처1", "계좌번호(2024년)". A roster's
    // rows, with their long numbers, are passed over at once, and so is prose.
    if (line.size() > MaxHeaderBytes || line.empty() || surelyNoHeader(line))
        return Header::None;
    const bool digits = hasDigit(line);
    // Tabs, when there are any: cells copied from a spreadsheet, or a document's table, whose
    // titles may hold commas ("주소 (시, 군, 구)"). Else the delimiter the line uses most: commas
    // (CSV), bars (a Markdown or wiki table) or semicolons (CSV where the comma is the decimal point).
    std::size_t most = std::size_t(std::count(line.begin(), line.end(), '\t'));
    *delimiter = '\t';
    if (most == 0) {
        for (const char candidate : {',', '|', ';'}) {
            const std::size_t count = std::size_t(std::count(line.begin(), line.end(), candidate));
            if (count > most) {
                most = count;
                *delimiter = candidate;
            }
        }
    }
    if (most == 0) {
        // No delimiter: a fixed-width table's header, its titles apart by two spaces or more.
        if (line.find("  ") == std::string_view::npos)
            return Header::None;
        *delimiter = Aligned;
    }
    bool labelled = false;
    bool titles = true;
    bool notes = true; // every filled cell a note: "(외국인은 외국인등록번호)", "※ 본인 명의"
    std::size_t filled = 0;
    std::size_t instructions = 0; // cells too long for a title
    forEachCell(line, *delimiter, [&](std::size_t, std::size_t begin, std::size_t end) {
        const std::string_view cell = line.substr(begin, end - begin);
        notes = notes && (!hasContent(cell) || isNote(cell));
        const bool sentence = *delimiter == Aligned &&
            (cell.size() > MaxAlignedTitleBytes || cell.find_first_of(".?!") != std::string_view::npos);
        // A long cell between tabs or bars is a form's instruction; between commas, a sentence's
        // part (prose has commas, seldom tabs).
        const bool tooLong = cell.size() > MaxCellBytes;
        if (tooLong && (*delimiter == '\t' || *delimiter == '|')) {
            ++instructions;
            return true;
        }
        if (tooLong || sentence) {
            titles = false;
            return false;
        }
        findInTitle(words, cell, scratch);
        labelled = labelled || !found.empty();
        filled += hasContent(cell);
        if (digits && found.empty() && hasDigit(cell) && !digitsOfATitle(cell)) {
            titles = false;
            return false;
        }
        return true;
    });
    // A row of notes under the titles says how to fill them in: the titles stay in force.
    // Beside an instruction, three titles at least.
    if (!titles || !labelled || filled == 0 || notes || (instructions > 0 && filled < MinTitlesBesideInstructions))
        return Header::None;
    return digits || filled < 2 ? Header::OnlyAtTheTop : Header::Sure;
}

void ColumnHeaders::index()
{
    m_indexed = true;
    if (!m_headerInForce.empty() &&
        headerKind(m_words, m_headerInForce, &m_inForceDelimiter, m_scratch) == Header::None)
        m_headerInForce = {};
    std::size_t start = 0;
    if (m_startsMidLine) {
        // The end of a line whose start is not here: neither a header nor a blank line.
        const std::size_t newline = m_text.find('\n');
        start = newline == std::string_view::npos ? m_text.size() : newline + 1;
    }
    while (start < m_text.size()) {
        const std::string_view line = lineAt(m_text, start);
        char delimiter = 0;
        // A blank line matters only as the end of a table: after a header row, this text's own
        // or the one in force where it starts (a block of a longer text).
        const bool inTable = m_rows.empty() ? !m_headerInForce.empty() : m_rows.back().header;
        if (isBlank(line) && inTable) {
            m_rows.push_back({start, start + line.size(), false, 0});
        } else if (line.size() <= MaxHeaderBytes) {
            const Header kind = headerKind(m_words, line, &delimiter, m_scratch);
            if (kind == Header::Sure || (kind == Header::OnlyAtTheTop && !inTable))
                m_rows.push_back({start, start + line.size(), true, delimiter});
        }
        start += line.size() + 1;
    }
}

std::optional<std::string_view> ColumnHeaders::cell(std::string_view line, char delimiter, std::size_t column)
{
    std::optional<std::string_view> found;
    forEachCell(line, delimiter, [&](std::size_t index, std::size_t begin, std::size_t end) {
        if (index == column)
            found = line.substr(begin, end - begin);
        return index < column;
    });
    return found;
}

// Where the line holding `offset` starts. Lookups come in nearly ascending order, so the last
// answer is reused: only the text since the last lookup is searched for a line break.
std::size_t ColumnHeaders::lineStartOf(std::size_t offset)
{
    // The text may start inside a line (a block of a stream): with no line break before the
    // offset, where its line starts is unknown.
    if (offset < m_lastLookup) {
        const std::size_t reach = offset > MaxRowBytes ? offset - MaxRowBytes - 1 : 0;
        std::size_t from = offset;
        while (from > reach && m_text[from - 1] != '\n')
            --from;
        return from == 0 && m_startsMidLine ? Unknown : from;
    }
    const std::string_view since = m_text.substr(m_lastLookup, offset - m_lastLookup);
    const std::size_t newline = LineBreaks::last(since);
    if (newline != std::string_view::npos)
        m_lastLineStart = m_lastLookup + newline + 1;
    m_lastLookup = offset;
    return m_lastLineStart;
}

ColumnHeaders::Verdict ColumnHeaders::columnOf(std::size_t detector, std::size_t start, std::size_t end)
{
    if (!m_indexed)
        index();
    // The row governing the match: the last header or blank line before it.
    const auto after = std::upper_bound(m_rows.begin(), m_rows.end(), start,
                                        [](std::size_t value, const Row &row) { return value < row.start; });
    std::string_view header = m_headerInForce;
    char delimiter = m_inForceDelimiter;
    if (after != m_rows.begin()) {
        const Row &row = *(after - 1);
        if (!row.header || row.end >= start)
            return {};
        header = m_text.substr(row.start, row.end - row.start);
        delimiter = row.delimiter;
    }
    if (header.empty())
        return {};
    // The match's columns: the cell it starts in, and the cell it ends in when it spans two (a
    // registration number's halves in two cells, under "주민번호 앞자리" and "뒷자리").
    const std::size_t from = lineStartOf(start);
    if (from == Unknown || start - from > MaxRowBytes)
        return {}; // no table row is that long
    const std::string_view line = m_text.substr(from, std::min(end - from, m_text.size() - from));
    std::optional<std::size_t> first;
    std::size_t last = 0;
    forEachCell(line, delimiter, [&](std::size_t index, std::size_t begin, std::size_t cellEnd) {
        if (from + begin <= start && start <= from + cellEnd)
            first = index;
        last = index;
        return from + cellEnd < end;
    });
    if (!first)
        return {};
    // A line without the table's delimiter is no row of it: a sentence under a header-like line.
    // Looked for within a row's longest, never to the end of a huge line.
    const std::string_view reach = m_text.substr(from, std::min(m_text.size() - from, MaxRowBytes));
    const std::string_view row = reach.substr(0, reach.find('\n', end - from));
    const std::size_t content = row.find_first_not_of(' ');
    if (delimiter == Aligned ? content == std::string_view::npos || row.find("  ", content) == std::string_view::npos
                             : row.find(delimiter) == std::string_view::npos)
        return {};
    if (delimiter == Aligned) {
        if (const auto column = alignedColumnByPosition(header, row, start - from))
            first = last = *column;
    }
    // What each title says. A match across cells is the last cell's (the back half of a number
    // under "주민번호 뒷자리"; "생년월일" over the first alone says nothing of the rest), or, under a
    // title that spans both cells and so leaves the last one empty, the first's.
    struct Title
    {
        bool supports = false;
        bool suppresses = false;
        bool empty = true;
    };
    const auto titleOf = [&](std::size_t column) {
        Title said;
        const std::optional<std::string_view> title = cell(header, delimiter, column);
        if (!title)
            return said;
        said.empty = !hasContent(*title);
        if (title->size() > MaxCellBytes)
            return said; // an instruction, which labels nothing
        const std::string_view searched = findInTitle(m_words, *title, m_scratch);
        for (const ContextWords::Occurrence &o : m_scratch.found) {
            // A word that counts only right before a number labels no column (우리, 기업: everyday
            // words too), except, for a phone, a short Latin label as the whole title ("H/P", "HP번호").
            said.supports = said.supports ||
                (m_words.supports(o.word, detector) &&
                 (!m_words.labelOnly(o.word, detector) ||
                  (m_words.shortLabelsTitleColumns(detector) && isShortLatinTitle(searched, o.start, o.end))));
            said.suppresses = said.suppresses || m_words.suppresses(o.word, detector);
        }
        return said;
    };
    const Title firstTitle = titleOf(*first);
    const Title lastTitle = last == *first ? firstTitle : titleOf(last);
    Verdict verdict;
    verdict.titled = !lastTitle.empty || !firstTitle.empty;
    verdict.supports = lastTitle.supports || (lastTitle.empty && firstTitle.supports);
    verdict.suppresses = (firstTitle.suppresses || lastTitle.suppresses) && !verdict.supports;
    return verdict;
}

std::string_view ColumnHeaders::inForceAfter(const ContextWords &words, std::string_view text,
                                             std::string_view headerInForce)
{
    Scratch found; // one buffer for every line looked at
    // The last sure header or blank line decides; none: the one in force goes on. A row that is a
    // header only at a table's top is one when nothing above it, up to that line, is in force.
    std::string_view atTheTop;
    std::size_t end = text.size();
    while (end > 0) {
        const std::size_t lineEnd = text[end - 1] == '\n' ? end - 1 : end;
        const std::size_t newline = LineBreaks::last(text.substr(0, lineEnd));
        const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
        const std::string_view line = text.substr(start, lineEnd - start);
        char delimiter = 0;
        if (isBlank(line))
            return atTheTop;
        const Header kind = headerKind(words, line, &delimiter, found);
        if (kind == Header::Sure)
            return line;
        if (kind == Header::OnlyAtTheTop)
            atTheTop = line;
        if (start == 0)
            break;
        end = start;
    }
    return headerInForce.empty() ? atTheTop : headerInForce;
}

} // namespace SendGuard::Core
