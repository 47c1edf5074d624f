// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "textorigin.h"

#include "message/textplace.h"

namespace SendGuard::Extract {

class TextSink;
class ZipContainer;

// XLSX (SpreadsheetML): every sheet, in the workbook's order and by its name, cell by cell: shared
// strings, inline strings, formula results and numbers (a resident registration number typed as a
// number is a number cell), each with its place ("Sheet2!C14").
class SpreadsheetExtractor
{
public:
    // mainPart: the workbook part _rels/.rels names; empty: xl/workbook.xml.
    static void extract(const ZipContainer &zip, const QString &mainPart, const Core::TextPlace &base, TextSink &sink);

    // A number cell's value as a person typed it: "8503152345678", not "8.503152345678E12".
    static QString numberText(const QString &value);
    // A number rounded to a whole one, half away from zero, as a format without decimals shows it;
    // `value` itself when it is no number or too large to be exact.
    static QString roundedToWhole(const QString &value);
    // A number as a custom number format without decimals shows it: "850315-2345678" for 2345678 with
    // "850315-"0000000. Only literal text and digit placeholders (0 #) are rendered; empty for
    // any other format (dates, decimals, scientific), where the value alone is read.
    static QString formatted(const QString &value, const QString &formatCode);
    // A number cell's text: what it shows, and the number when what it shows has other digits
    // ("8.5E+12", then "8503152345678"); what it shows alone when that holds the number's digits,
    // leading zeros aside ("850315-2345678", "010-2273-5037"), so that one number is read once and the cell stays on
    // one line of its table (a column's header then labels the cells after it).
    static QString cellText(const QString &shown, const QString &number);
    // "A", "Z", "AA" for column 1, 26, 27.
    static QString columnName(int column);

    // A printed header's or footer's text as the page shows it, its codes (ECMA-376 18.3.1.39)
    // taken out: "&C&\"맑은 고딕,굵게\"&14 851008-…" reads "851008-…", a section code (&L, &C, &R)
    // starts a line, "&&" is one '&'; an '&' that starts no code is text. origin: where the code
    // text lies, narrowed to what is kept. A font size run into more digits ("&14851008", which
    // Excel never writes) is read as sizeDigitsWhenUnsure digits (1 to 3), and *unsure set.
    static QByteArray headerFooterText(const QByteArray &codes, TextOrigin *origin, bool *unsure = nullptr,
                                       int sizeDigitsWhenUnsure = 2);
};

} // namespace SendGuard::Extract
