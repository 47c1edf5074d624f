// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "streamscanner.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// The line breaks inside a CSV file's quoted cells (RFC 4180), read as spaces. A spreadsheet
// writes a title wrapped in its cell as "주민등록⏎번호" and an address on two lines the same way:
// read as they stand, the title is two broken lines and the row under it two rows, and no column
// header reaches the values below. A space for each break keeps every byte where it was, so
// findings keep the file's offsets.
//
// A double quote opens a quoted cell only where a cell starts (at a line's start, after a comma,
// tab or semicolon, after the byte order mark that starts a file), and "" inside one is a quote
// mark. A cell that does not close within MaxQuotedCellBytes has no closing quote: its opening
// one was a stray mark ('5" 디스켓'), and the text after it is read as unquoted. Whether a cell
// closes is known from at most that many bytes after it opens, so text given a piece at a time
// is blanked exactly as it would be whole.
class QuotedCellBreaks
{
public:
    static constexpr std::size_t MaxQuotedCellBytes = 4096;

    // Blanks the breaks inside text's quoted cells: text is the whole file.
    static void blank(char *text, std::size_t size);

    // Blanks what it can of text, which goes on from where the last call's settled bytes ended:
    // how many bytes at its front are settled (as a pass over the whole file leaves them). The
    // rest, a quoted cell that has not closed yet, must come again at the front of the next call,
    // with more text after it. final: no text comes after this. blanked, when given, gets where
    // each line feed made a space was (offsets into text), for telling lines apart as a text
    // editor does.
    std::size_t settle(char *text, std::size_t size, bool final, std::vector<std::size_t> *blanked = nullptr);

    // A Read whose bytes come blanked, from another that reads a CSV file. lineFeeds, when given,
    // gets the stream offset of each line feed made a space, in order, before the bytes that hold
    // it are handed on; its reader takes them off the front as it goes.
    static StreamScanner::Read reading(StreamScanner::Read read, std::deque<std::uint64_t> *lineFeeds = nullptr);

    // text blanked, in copy; text itself when it holds no quote.
    static std::string_view blankedCopy(std::string_view text, std::string &copy);
    // Whether a file so named is a CSV file.
    static bool isCsv(const QString &fileName);
    // The text of a file named fileName as the scanner reads it: a CSV's blanked into copy,
    // anything else's as it is.
    static std::string_view scannedText(const QString &fileName, std::string_view text, std::string &copy);

private:
    // Whether text[at] comes right after a UTF-8 byte order mark that starts the file, as Excel's
    // "CSV UTF-8" writes one: a cell starts there.
    bool afterByteOrderMark(const char *text, std::size_t at) const;
    // Counts text's first count bytes as settled, and keeps the file's first three.
    std::size_t settled(const char *text, std::size_t count);

    bool m_atCellStart = true; // where the settled bytes end
    std::uint64_t m_settled = 0; // bytes settled before the current text
    char m_head[3] = {}; // the file's first bytes, as far as settled
};

} // namespace SendGuard::Core
