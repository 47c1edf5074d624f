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

bool QuotedCellBreaks::afterByteOrderMark(const char *text, std::size_t at) const
{
    if (m_settled + at != 3)
        return false;
    char head[3];
    for (std::size_t i = 0; i < 3; ++i)
        head[i] = i < m_settled ? m_head[i] : text[i - m_settled];
    return std::memcmp(head, "\xEF\xBB\xBF", 3) == 0;
}

std::size_t QuotedCellBreaks::settled(const char *text, std::size_t count)
{
    for (std::size_t i = 0; m_settled + i < 3 && i < count; ++i)
        m_head[m_settled + i] = text[i];
    m_settled += count;
    return count;
}

std::size_t QuotedCellBreaks::settle(char *text, std::size_t size, bool final, std::vector<std::size_t> *blanked)
{
    const char *const end = text + size;
    for (char *at = text; at < end;) {
        char *const open = const_cast<char *>(findQuote(at, end));
        if (!open)
            break;
        const bool cellStart =
            open == text ? m_atCellStart : endsACell(open[-1]) || afterByteOrderMark(text, std::size_t(open - text));
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
            return settled(text, std::size_t(open - text));
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
        m_atCellStart = endsACell(text[size - 1]) || afterByteOrderMark(text, size);
    return settled(text, size);
}

StreamScanner::Read QuotedCellBreaks::reading(StreamScanner::Read read, std::deque<std::uint64_t> *lineFeeds)
{
    struct State
    {
        StreamScanner::Read read;
        std::deque<std::uint64_t> *lineFeeds = nullptr;
        QuotedCellBreaks breaks;
        // Bytes read: not a std::vector, whose growth writes zeros over what a read then fills.
        std::unique_ptr<char[]> buffer;
        std::size_t size = 0;
        std::size_t capacity = 0;
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
            if (s.ended && s.settled == s.size)
                return 0;
            // What is still to settle (an open quoted cell, a few kilobytes at most) to the front.
            if (s.settled > 0) // never with the first, still null buffer: undefined even for 0 bytes
                std::memmove(s.buffer.get(), s.buffer.get() + s.settled, s.size - s.settled);
            s.size -= s.settled;
            s.bufferOffset += s.settled;
            s.given = s.settled = 0;
            const std::size_t want = std::max(Chunk, capacity);
            if (s.capacity - s.size < want) {
                const std::size_t grown = s.size + want;
                auto bigger = std::make_unique_for_overwrite<char[]>(grown);
                if (s.size > 0)
                    std::memcpy(bigger.get(), s.buffer.get(), s.size);
                s.buffer = std::move(bigger);
                s.capacity = grown;
            }
            const std::int64_t got = s.ended ? 0 : s.read(s.buffer.get() + s.size, want);
            if (got < 0)
                return got;
            s.size += std::size_t(got);
            s.ended = got == 0;
            s.blanked.clear();
            s.settled = s.breaks.settle(s.buffer.get(), s.size, s.ended, s.lineFeeds ? &s.blanked : nullptr);
            for (const std::size_t at : s.blanked)
                s.lineFeeds->push_back(s.bufferOffset + at);
        }
        const std::size_t n = std::min(capacity, s.settled - s.given);
        std::memcpy(data, s.buffer.get() + s.given, n);
        s.given += n;
        return std::int64_t(n);
    };
}

bool QuotedCellBreaks::isCsv(const QString &fileName)
{
    return QFileInfo(fileName).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
}

std::string_view QuotedCellBreaks::blankedCopy(std::string_view text, std::string &copy)
{
    if (text.find('"') == std::string_view::npos)
        return text;
    copy.assign(text);
    blank(copy.data(), copy.size());
    return copy;
}

std::string_view QuotedCellBreaks::scannedText(const QString &fileName, std::string_view text, std::string &copy)
{
    return isCsv(fileName) ? blankedCopy(text, copy) : text;
}

} // namespace SendGuard::Core
