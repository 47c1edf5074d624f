// SPDX-License-Identifier: GPL-2.0-or-later
#include "growingtextscanner.h"

#include "textblocks.h"

#include <QElapsedTimer>

#include <algorithm>
#include <iterator>

namespace SendGuard::Core {

GrowingTextScanner::GrowingTextScanner(const Scanner &scanner, std::size_t blockBytes)
    : m_scanner(scanner)
    , m_blockBytes(std::max<std::size_t>(blockBytes, 4 * TextBlocks::Overlap))
{
}

void GrowingTextScanner::advance(std::string_view text)
{
    // A policy's detector that runs over the whole text may match across any block's end: such a
    // scanner scans the whole text at the end, as one block.
    if (m_scanner.scansWholeText())
        return;
    while (m_result.complete && text.size() >= m_start + m_blockBytes + TextBlocks::Overlap) {
        // The context after the block must be there before the block is scanned.
        const std::size_t limit = text.size() - TextBlocks::Overlap;
        const bool mustCut = limit - m_start >= TextBlocks::MaxLineBytes;
        const std::size_t end = TextBlocks::blockEnd(text, m_start, limit, mustCut);
        if (end == std::string_view::npos)
            return; // one long line so far: wait for its end, or for a place to cut it
        scanTo(text, end);
    }
}

ScanResult GrowingTextScanner::finish(std::string_view text)
{
    if (m_result.complete && text.size() > m_start)
        scanTo(text, text.size());
    return std::move(m_result);
}

void GrowingTextScanner::scanTo(std::string_view text, std::size_t end)
{
    QElapsedTimer timer;
    timer.start();
    ScanResult block = TextBlocks::scanBlock(m_scanner, text, m_start, end, m_tableHeader);
    m_spentMs += timer.elapsed();
    if (block.complete && m_scanner.timeBudgetMs() > 0 && m_spentMs > m_scanner.timeBudgetMs()) {
        block.complete = false;
        block.error = QStringLiteral("the scan took longer than its budget");
    }
    if (!block.complete) {
        m_result = std::move(block);
        m_result.findings.clear();
        return;
    }
    std::move(block.findings.begin(), block.findings.end(), std::back_inserter(m_result.findings));
    m_tableHeader = std::string(m_scanner.tableHeaderAfter(text.substr(m_start, end - m_start), m_tableHeader));
    m_start = end;
}

} // namespace SendGuard::Core
