// SPDX-License-Identifier: GPL-2.0-or-later
#include "textblocks.h"

#include "linebreaks.h"

#include <algorithm>
#include <array>

namespace SendGuard::Core {

namespace {

// Punctuation that no built-in layout, prefix or address contains: a long line may be cut after it.
constexpr std::array<bool, 256> cutBytes = [] {
    std::array<bool, 256> bytes {};
    for (const char c : std::string_view(",;:\"'<>[]{}|\\!?=&#$^`"))
        bytes[static_cast<unsigned char>(c)] = true;
    return bytes;
}();

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

std::size_t TextBlocks::blockEnd(std::string_view text, std::size_t from, std::size_t limit, bool mustCut)
{
    if (limit <= from)
        return std::string_view::npos;
    const std::string_view block = text.substr(from, limit - from);
    for (std::size_t newline = LineBreaks::last(block); newline != std::string_view::npos && newline > 0;
         newline = LineBreaks::last(block.substr(0, newline))) {
        // After a hyphen the line is wrapped inside a number ("900101-\n1234567"): not there.
        const std::size_t before = block[newline - 1] == '\r' && newline > 1 ? newline - 2 : newline - 1;
        if (block[before] != '-')
            return from + newline + 1;
    }
    if (!mustCut)
        return std::string_view::npos;
    for (std::size_t i = limit; i > from; --i) {
        if (cutBytes[static_cast<unsigned char>(text[i - 1])])
            return i;
    }
    std::size_t i = limit;
    while (i > from + 1 && isContinuationByte(text[i]))
        --i;
    return i;
}

ScanResult TextBlocks::scanBlock(const Scanner &scanner, std::string_view text, std::size_t start, std::size_t end,
                                 std::string_view tableHeader)
{
    const std::size_t viewBegin = start > Overlap ? start - Overlap : 0;
    const std::size_t viewEnd = std::min(text.size(), end + Overlap);
    const bool midLine = viewBegin > 0 && text[viewBegin - 1] != '\n';
    ScanResult scanned = scanner.scan(text.substr(viewBegin, viewEnd - viewBegin), {tableHeader, midLine});
    if (!scanned.complete)
        return scanned;
    // Sorted by start: the neighbours' findings are at the front and the back.
    std::vector<Finding> &mine = scanned.findings;
    const auto startsBefore = [viewBegin](std::size_t offset) {
        return [offset, viewBegin](const Finding &f) { return std::size_t(f.start) + viewBegin < offset; };
    };
    mine.erase(std::partition_point(mine.begin(), mine.end(), startsBefore(end)), mine.end());
    mine.erase(mine.begin(), std::partition_point(mine.begin(), mine.end(), startsBefore(start)));
    for (Finding &f : mine) {
        f.start += static_cast<qsizetype>(viewBegin);
        f.end += static_cast<qsizetype>(viewBegin);
    }
    return scanned;
}

} // namespace SendGuard::Core
