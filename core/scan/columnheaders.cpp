// SPDX-License-Identifier: GPL-2.0-or-later
#include "columnheaders.h"

#include "linebreaks.h"

#include "common/byteword.h"

#include <algorithm>
#include <cstring>

namespace SendGuard::Core {

namespace {

constexpr std::size_t MaxHeaderBytes = 2048;
constexpr std::size_t MaxCellBytes = 96;
constexpr std::size_t MaxTitleDigits = 4; // "계좌번호(2024년)"
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

// The longest run of ASCII digits in text, counted up to one past limit.
std::size_t longestDigitRun(std::string_view text, std::size_t limit = MaxTitleDigits)
{
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : text) {
        run = c >= '0' && c <= '9' ? run + 1 : 0;
        longest = std::max(longest, run);
        if (longest > limit)
            break;
    }
    return longest;
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
        if (i < line.size() && line[i] == '"')
            quoted = !quoted;
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

bool ColumnHeaders::isHeader(const ContextWords &words, std::string_view line, char *delimiter,
                             std::vector<ContextWords::Occurrence> &found)
{
    if (line.size() > MaxHeaderBytes || line.empty())
        return false;
    // Digits are a data row's, except a few in a title cell: "연락처1", "계좌번호(2024년)". A roster's
    // rows, with their long numbers, are passed over at once.
    const bool digits = hasDigit(line);
    if (digits && longestDigitRun(line) > MaxTitleDigits)
        return false;
    // The delimiter the line uses most: tabs (cells copied from a spreadsheet), commas (CSV),
    // bars (a Markdown or wiki table) or semicolons (CSV where the comma is the decimal point).
    std::size_t most = 0;
    for (const char candidate : {'\t', ',', '|', ';'}) {
        const std::size_t count = std::size_t(std::count(line.begin(), line.end(), candidate));
        if (count > most) {
            most = count;
            *delimiter = candidate;
        }
    }
    if (most == 0) {
        // No delimiter: a fixed-width table's header, its titles apart by two spaces or more.
        if (line.find("  ") == std::string_view::npos)
            return false;
        *delimiter = Aligned;
    }
    bool labelled = false;
    bool titles = true;
    std::size_t filled = 0;
    forEachCell(line, *delimiter, [&](std::size_t, std::size_t begin, std::size_t end) {
        const std::string_view cell = line.substr(begin, end - begin);
        const bool sentence = *delimiter == Aligned &&
            (cell.size() > MaxAlignedTitleBytes || cell.find_first_of(".?!") != std::string_view::npos);
        if (cell.size() > MaxCellBytes || sentence) {
            titles = false;
            return false;
        }
        words.find(line, begin, end, found);
        labelled = labelled || !found.empty();
        filled += hasContent(cell);
        if (digits && found.empty() && hasDigit(cell)) {
            titles = false;
            return false;
        }
        return true;
    });
    // One filled cell is a heading inside the table ("[국민은행 지급분],,"), not its header.
    return titles && labelled && filled >= 2;
}

void ColumnHeaders::index()
{
    m_indexed = true;
    if (!m_headerInForce.empty() && !isHeader(m_words, m_headerInForce, &m_inForceDelimiter, m_scratch))
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
        if (isBlank(line) && inTable)
            m_rows.push_back({start, start + line.size(), false, 0});
        else if (line.size() <= MaxHeaderBytes && isHeader(m_words, line, &delimiter, m_scratch))
            m_rows.push_back({start, start + line.size(), true, delimiter});
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
    Verdict verdict;
    for (std::size_t column = *first; column <= last; ++column) {
        const std::optional<std::string_view> title = cell(header, delimiter, column);
        if (!title)
            break;
        m_words.find(*title, 0, title->size(), m_scratch);
        for (const ContextWords::Occurrence &o : m_scratch) {
            verdict.supports = verdict.supports || m_words.supports(o.word, detector);
            verdict.suppresses = verdict.suppresses || m_words.suppresses(o.word, detector);
        }
    }
    verdict.suppresses = verdict.suppresses && !verdict.supports;
    return verdict;
}

std::string_view ColumnHeaders::inForceAfter(const ContextWords &words, std::string_view text,
                                             std::string_view headerInForce)
{
    std::vector<ContextWords::Occurrence> found; // one buffer for every line looked at
    // The last header or blank line decides; none: the one in force goes on.
    std::size_t end = text.size();
    while (end > 0) {
        const std::size_t lineEnd = text[end - 1] == '\n' ? end - 1 : end;
        const std::size_t newline = LineBreaks::last(text.substr(0, lineEnd));
        const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
        const std::string_view line = text.substr(start, lineEnd - start);
        char delimiter = 0;
        if (isBlank(line))
            return {};
        if (isHeader(words, line, &delimiter, found))
            return line;
        if (start == 0)
            break;
        end = start;
    }
    return headerInForce;
}

} // namespace SendGuard::Core
