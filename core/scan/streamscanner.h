// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "scanner.h"
#include "textblocks.h"

#include <cstdint>
#include <functional>

namespace SendGuard::Core {

// Scans text too large to hold at once (a 2 GB export) in blocks read one after another, with
// the findings and offsets a scan of the whole text would give, in memory bounded by the block.
//
// Blocks end and are scanned as TextBlocks says.
class StreamScanner
{
public:
    // A block's findings stay in the processor's cache while they are handed on (a roster has one
    // every 25 bytes), and the context rescanned per block is a thousandth of it.
    static constexpr std::size_t DefaultBlockBytes = 1 << 20;
    static constexpr std::size_t Overlap = TextBlocks::Overlap;
    static constexpr std::size_t MaxLineBytes = TextBlocks::MaxLineBytes;

    // Fills data with up to capacity bytes: how many, 0 at the end, -1 on a read error.
    using Read = std::function<std::int64_t(char *data, std::size_t capacity)>;
    // Every block in turn: its text (valid UTF-8; a view into the scanner's buffer, gone once the
    // call returns), the stream offset where it starts, and its findings, sorted, with offsets
    // into the whole stream.
    using Found = std::function<void(std::string_view text, std::uint64_t offset, std::vector<Finding> &&findings)>;

    struct Result
    {
        bool complete = true;
        QString error; // incomplete: a read error, invalid UTF-8 (with its offset) or the scan's own
        std::uint64_t bytes = 0; // read before the end or the error
        std::size_t findings = 0;
    };

    explicit StreamScanner(const Scanner &scanner, std::size_t blockBytes = DefaultBlockBytes);

    // A Read over bytes already in memory, which must outlive it (standard input read whole).
    static Read readerOver(std::string_view bytes);

    // Reads everything and hands each block's findings on as it goes. An error ends the scan;
    // findings already handed on stay valid, and none is ever handed on past invalid UTF-8.
    Result scan(const Read &read, const Found &found) const;

    // The same walk without scanning: whether the stream is readable and valid UTF-8, for callers
    // that must know before they print anything.
    Result validate(const Read &read) const;

private:
    Result walk(const Read &read, const Found *found) const;

    const Scanner &m_scanner;
    std::size_t m_blockBytes;
};

} // namespace SendGuard::Core
