// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "scanner.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace SendGuard::Core {

// Scans a text while it is still arriving (an attachment's text as the extraction helper sends
// it), a block at a time as TextBlocks says, so that little is left to scan when the last piece
// comes. The findings and offsets are those Scanner::scan() gives on the whole text. A scanner
// with a detector that runs over the whole text (Scanner::scansWholeText()) scans it at the end,
// whole. The time a scan may take (Scanner::Options::timeBudgetMs) is counted over all blocks.
//
// The text is kept whole by the caller and only ever grows: each call is given all of it so far.
class GrowingTextScanner
{
public:
    static constexpr std::size_t DefaultBlockBytes = 1 << 20;

    // The scanner must outlive this object.
    explicit GrowingTextScanner(const Scanner &scanner, std::size_t blockBytes = DefaultBlockBytes);

    // Scans the blocks of text that are whole: those with a block's worth of text after them.
    void advance(std::string_view text);

    // Scans the rest of text, which is all of it, and gives every finding. An incomplete block scan
    // (its time budget) makes the result incomplete, with no findings.
    ScanResult finish(std::string_view text);

private:
    // Scans text[m_start, end); an incomplete scan ends the result (m_result.complete).
    void scanTo(std::string_view text, std::size_t end);

    const Scanner &m_scanner;
    std::size_t m_blockBytes;
    std::size_t m_start = 0; // text before it is scanned
    std::string m_tableHeader; // the table header row in force at m_start
    ScanResult m_result;
    qint64 m_spentMs = 0; // scanning so far, against the scanner's time budget
};

} // namespace SendGuard::Core
