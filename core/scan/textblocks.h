// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "scanner.h"

#include <cstddef>
#include <string_view>

namespace SendGuard::Core {

// How a text is scanned a block at a time with the findings a scan of the whole text would give:
// where a block may end, and a block scanned with its neighbours as context. StreamScanner (text
// read in blocks and dropped behind) and GrowingTextScanner (text kept whole as it arrives) share
// these rules.
//
// A block ends right after a line break: no identifier, prefix or e-mail address spans one (a
// break right after a hyphen, where a number may be wrapped, is passed over). It is scanned with
// Overlap bytes of its neighbours on either side, which is more than any context word or cluster
// reaches across; findings that start in a neighbour are that neighbour's. A line longer than
// MaxLineBytes is cut after a punctuation mark none of the built-in layouts contains (",", ";",
// ":" ...), and only where it has none, at any character: a policy's own pattern that spans such
// a cut could then be missed.
class TextBlocks
{
public:
    static constexpr std::size_t Overlap = 1024;
    static constexpr std::size_t MaxLineBytes = 1 << 20;

    // Where the block in text[from, limit) ends: just after its last line break; in a line longer
    // than MaxLineBytes (mustCut), after its last cut byte, else at its last character boundary.
    // npos: no line break yet, the block needs more text.
    static std::size_t blockEnd(std::string_view text, std::size_t from, std::size_t limit, bool mustCut);

    // The findings that start in text[start, end), offsets into text. The block is scanned with up
    // to Overlap bytes on either side of it (text must hold them where they exist) and the table
    // header row in force at start.
    static ScanResult scanBlock(const Scanner &scanner, std::string_view text, std::size_t start, std::size_t end,
                                std::string_view tableHeader);
};

} // namespace SendGuard::Core
