// SPDX-License-Identifier: GPL-2.0-or-later
#include "quotedcellbreaks.h"

#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace SendGuard::Core {

namespace {

// A cell starts after these: a line break or a delimiter (a comma; a tab, as a spreadsheet copies
// cells; a semicolon, where the comma is the decimal point).
bool endsACell(char c)
{
    return c == '\n' || c == '\r' || c == ',' || c == '\t' || c == ';';
}

const char *findQuote(const char *from, const char *to)
{
    return static_cast<const char *>(std::memchr(from, '"', std::size_t(to - from)));
}

} // namespace

void QuotedCellBreaks::blank(char *text, std::size_t size)
{
    QuotedCellBreaks().settle(text, size, true);
}

std::size_t QuotedCellBreaks::settle(char *text, std::size_t size, bool final, std::vector<std::size_t> *blanked)
{
    const char *const end = text + size;
    for (char *at = text; at < end;) {
        char *const open = const_cast<char *>(findQuote(at, end));
        if (!open)
            break;
        const bool cellStart = open == text ? m_atCellStart : endsACell(open[-1]);
        at = open + 1;
        if (!cellStart)
            continue; // a quote mark inside a cell: 5" 디스켓
        // The closing quote: the first one not doubled, at most MaxQuotedCellBytes after the cell's
        // first byte.
        const std::size_t after = std::size_t(end - open - 1);
        const char *const bound = open + 1 + std::min(MaxQuotedCellBytes + 1, after);
        const char *close = nullptr;
        bool unknown = false;
        for (const char *from = open + 1; from < bound;) {
            const char *const quote = findQuote(from, bound);
            if (!quote)
                break;
            if (quote + 1 == end && !final) {
                unknown = true; // "" or the end of the cell: the next byte says
                break;
            }
            if (quote + 1 < end && quote[1] == '"') {
                from = quote + 2;
                continue;
            }
            close = quote;
            break;
        }
        // Not closed, and the text ends before the bound: more text decides.
        if (unknown || (!close && after < MaxQuotedCellBytes + 1 && !final)) {
            m_atCellStart = true; // the next call starts at the opening quote
            return std::size_t(open - text);
        }
        if (!close)
            continue; // a stray quote mark: what follows is unquoted text
        for (char *c = open + 1; c < close; ++c) {
            if (*c == '\n' && blanked)
                blanked->push_back(std::size_t(c - text));
            if (*c == '\n' || *c == '\r')
                *c = ' ';
        }
        at = const_cast<char *>(close) + 1;
    }
    if (size > 0)
        m_atCellStart = endsACell(text[size - 1]);
    return size;
}

StreamScanner::Read QuotedCellBreaks::reading(StreamScanner::Read read, std::deque<std::uint64_t> *lineFeeds)
{
    struct State
    {
        StreamScanner::Read read;
        std::deque<std::uint64_t> *lineFeeds = nullptr;
        QuotedCellBreaks breaks;
        std::vector<char> buffer;
        std::uint64_t bufferOffset = 0; // the stream offset of the buffer's first byte
        std::size_t given = 0; // settled bytes at the buffer's front already handed on
        std::size_t settled = 0;
        bool ended = false;
        std::vector<std::size_t> blanked;
    };
    auto state = std::make_shared<State>();
    state->read = std::move(read);
    state->lineFeeds = lineFeeds;
    return [state](char *data, std::size_t capacity) -> std::int64_t {
        constexpr std::size_t Chunk = 64 * 1024;
        State &s = *state;
        while (s.given == s.settled) {
            if (s.ended && s.settled == s.buffer.size())
                return 0;
            // What is still to settle (an open quoted cell, a few kilobytes at most) to the front.
            s.buffer.erase(s.buffer.begin(), s.buffer.begin() + std::ptrdiff_t(s.settled));
            s.bufferOffset += s.settled;
            s.given = s.settled = 0;
            const std::size_t kept = s.buffer.size();
            s.buffer.resize(kept + std::max(Chunk, capacity));
            const std::int64_t got = s.ended ? 0 : s.read(s.buffer.data() + kept, s.buffer.size() - kept);
            if (got < 0)
                return got;
            s.buffer.resize(kept + std::size_t(got));
            s.ended = got == 0;
            s.blanked.clear();
            s.settled = s.breaks.settle(s.buffer.data(), s.buffer.size(), s.ended, s.lineFeeds ? &s.blanked : nullptr);
            for (const std::size_t at : s.blanked)
                s.lineFeeds->push_back(s.bufferOffset + at);
        }
        const std::size_t n = std::min(capacity, s.settled - s.given);
        std::memcpy(data, s.buffer.data() + s.given, n);
        s.given += n;
        return std::int64_t(n);
    };
}

bool QuotedCellBreaks::isCsv(const QString &fileName)
{
    return QFileInfo(fileName).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
}

std::string_view QuotedCellBreaks::scannedText(const QString &fileName, std::string_view text, std::string &copy)
{
    if (!isCsv(fileName) || text.find('"') == std::string_view::npos)
        return text;
    copy.assign(text);
    blank(copy.data(), copy.size());
    return copy;
}

} // namespace SendGuard::Core
