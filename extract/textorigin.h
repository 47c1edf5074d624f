// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <vector>

namespace SendGuard::Extract {

// Where a piece of text came from inside a ZIP-based document, so that it can be masked in place:
// the runs of the piece's UTF-8 text that are byte-for-byte copies of one entry's XML or one
// character written as a reference, or, for a number in a spreadsheet cell, the cell element the
// whole piece stands for. Text that no run covers (a tab, a line break, a number as its format
// shows it) cannot be masked where it lies.
struct TextOrigin
{
    // Text [text, text + length) is entry bytes [source, source + sourceLength): the same bytes
    // when the lengths are equal, else one character written as a reference ("&#51;", "&amp;").
    struct Run
    {
        qsizetype text = 0; // UTF-8 offset in the piece
        qint64 source = 0; // byte offset in the entry
        qsizetype length = 0;
        qsizetype sourceLength = 0;

        bool isReference() const { return sourceLength != length; }
    };

    // A numeric cell (<c r="C14" s="3"><v>8503152345678</v></c>, or OpenDocument's
    // <table:table-cell office:value-type="float" office:value="…"><text:p>…</text:p>): the
    // element's bytes in the entry, and what a text cell in its place needs.
    struct Element
    {
        qint64 start = -1;
        qint64 end = -1;
        QByteArray name; // qualified, as written: "c", "x:c", "table:table-cell"
        QByteArray reference; // r
        QByteArray style; // s
        // OpenDocument: the start tag of the same cell as a text cell (its other attributes kept),
        // and its paragraph's element name ("text:p"). Empty for a workbook's cell.
        QByteArray textCellTag;
        QByteArray paragraph;
    };

    const char *archive = nullptr; // the ZIP's bytes (ZipContainer::bytes()); null: no origin
    int entry = -1;
    // A spreadsheet cell a formula computes: masking its value would not last (the formula, or
    // the cells it reads, bring the number back when it recalculates).
    bool computed = false;
    std::vector<Run> runs;
    Element element;

    bool isKnown() const { return archive && entry >= 0; }
};

} // namespace SendGuard::Extract
