// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "contextwords.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// The header rows of the tables in a text (CSV, tab-separated cells copied from a spreadsheet, a
// Markdown table): a column's header is the context of every value in the column, however many
// rows down ("성명,주민등록번호,연락처,주소,계좌번호" over 100,000 rows).
//
// A header row has cells split by tabs, commas, bars or semicolons (or, with none of these, by two
// spaces or more: a fixed-width table), a detector's context or suppressing word in at least one
// cell, and no data: two filled cells or more and no digit, or, only where no table is going on,
// one filled cell or digits inside titles (runs of at most four, in a cell with a word: "연락처1",
// "계좌번호(2024년)"; in parentheses; a month's, year's or round's: "1월", "2차"). It governs the
// rows after it, lines with its delimiter, until a blank line or the next header. A row of notes
// under the titles ("(외국인은 외국인등록번호)", "※ 본인 명의") is none: the titles stay in force.
// A cell too long for a title, between tabs or bars, is an instruction on filling the column in:
// it labels nothing, and beside three titles or more it leaves them a header. Between commas it is
// a sentence's part, and the line no header.
// A match across two cells is the last one's (or, under a title over both, the first's). Cells in
// double quotes may hold the delimiter; a quote opens one only at a cell's start. The index of
// header rows is built on the first question, once per scan.
class ColumnHeaders
{
public:
    // headerInForce: the header row governing the start of `text` (when `text` is one block of a
    // longer stream), or empty; startsMidLine: `text` starts inside a line, which is then no row.
    ColumnHeaders(const ContextWords &words, std::string_view text, std::string_view headerInForce = {},
                  bool startsMidLine = false);

    struct Verdict
    {
        bool supports = false; // the match's column header holds one of the detector's words
        bool suppresses = false; // ... or, holding none of them, a word that rules it out
        bool titled = false; // the match lies in a table row, under a title of its own
    };

    // What the header of the column holding text[start, end) says about `detector`.
    Verdict columnOf(std::size_t detector, std::size_t start, std::size_t end);

    // The header row in force at the end of `text`, given the one in force at its start: what a
    // stream hands to its next block.
    static std::string_view inForceAfter(const ContextWords &words, std::string_view text,
                                         std::string_view headerInForce);

private:
    struct Row
    {
        std::size_t start = 0;
        std::size_t end = 0;
        bool header = false; // else a blank line, which ends a table
        char delimiter = 0;
    };

    enum class Header {
        None,
        // A row no data row looks like: no digit, two filled cells or more.
        Sure,
        // Titles with a few digits ("연락처1"), or one filled cell (",계좌번호": an index column):
        // a header where no table is going on, a data row ("이영희,계좌 2개 보유,") or a heading
        // ("[국민은행 지급분],,") under a header in force.
        OnlyAtTheTop,
    };
    // Room for the context words of a title, and for a title written with its blanks taken out.
    struct Scratch
    {
        std::vector<ContextWords::Occurrence> found;
        std::string compact;
    };
    static Header headerKind(const ContextWords &words, std::string_view line, char *delimiter, Scratch &scratch);
    // The context words of a title into scratch.found: as written, or, with none, with its blanks
    // taken out ("주 민 등 록 번 호", "계좌  번호": a form spreads a title over its cell).
    // Returns the text the words were found in, whose offsets they carry: the title or its compact form.
    static std::string_view findInTitle(const ContextWords &words, std::string_view title, Scratch &scratch);
    static std::optional<std::string_view> cell(std::string_view line, char delimiter, std::size_t column);
    void index();
    std::size_t lineStartOf(std::size_t offset);

    const ContextWords &m_words;
    std::string_view m_text;
    std::string_view m_headerInForce;
    char m_inForceDelimiter = 0;
    bool m_startsMidLine = false;
    bool m_indexed = false;
    std::vector<Row> m_rows; // header rows and blank lines, in order
    Scratch m_scratch;
    std::size_t m_lastLookup = 0; // lineStartOf's last offset, and the line start it found
    std::size_t m_lastLineStart = 0;
};

} // namespace SendGuard::Core
