// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Excel 97-2003 workbooks written from [MS-XLS] (BIFF8) for tests: records, strings as Excel
// writes them (one byte a character when every character fits, two otherwise), and the compound
// file around the Workbook stream.

#include "documentfiles.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace SendGuard::Tests {

enum XlsRecord : quint16 {
    XlsFormula = 0x0006,
    XlsEndOfFile = 0x000A,
    XlsHeader = 0x0014,
    XlsFooter = 0x0015,
    XlsNote = 0x001C,
    XlsFilePass = 0x002F,
    XlsContinue = 0x003C,
    XlsObject = 0x005D,
    XlsBoundSheet = 0x0085,
    XlsMulRk = 0x00BD,
    XlsExtendedFormat = 0x00E0,
    XlsSharedStrings = 0x00FC,
    XlsLabelSst = 0x00FD,
    XlsTextObject = 0x01B6,
    XlsNumber = 0x0203,
    XlsLabel = 0x0204,
    XlsFormulaString = 0x0207,
    XlsRk = 0x027E,
    XlsFormat = 0x041E,
    XlsBeginningOfFile = 0x0809,
};

inline QByteArray xlsU16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}
inline QByteArray xlsU32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

inline QByteArray xlsRecord(quint16 type, const QByteArray &data)
{
    return xlsU16(type) + xlsU16(quint16(data.size())) + data;
}

// Characters as Excel writes them: the flag byte's bit 0 says two bytes a character.
inline bool xlsNeedsTwoBytes(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() > 0xFF; });
}
inline QByteArray xlsCharacters(const QString &text, bool twoBytes)
{
    QByteArray bytes;
    for (const QChar c : text)
        bytes += twoBytes ? xlsU16(c.unicode()) : QByteArray(1, char(c.unicode()));
    return bytes;
}
// XLUnicodeString: a 16-bit count, the flags, the characters.
inline QByteArray xlsString(const QString &text)
{
    const bool wide = xlsNeedsTwoBytes(text);
    return xlsU16(quint16(text.size())) + char(wide ? 1 : 0) + xlsCharacters(text, wide);
}

inline QByteArray xlsBeginning(quint16 substream, quint16 version = 0x0600)
{
    return xlsRecord(XlsBeginningOfFile, xlsU16(version) + xlsU16(substream) + QByteArray(12, '\0'));
}

inline QByteArray xlsCellHeader(quint16 row, quint16 column, quint16 xf = 0)
{
    return xlsU16(row) + xlsU16(column) + xlsU16(xf);
}
inline QByteArray xlsLabelSst(quint16 row, quint16 column, quint32 index)
{
    return xlsRecord(XlsLabelSst, xlsCellHeader(row, column) + xlsU32(index));
}
inline QByteArray xlsLabel(quint16 row, quint16 column, const QString &text)
{
    return xlsRecord(XlsLabel, xlsCellHeader(row, column) + xlsString(text));
}
inline QByteArray xlsDouble(double value)
{
    QByteArray bytes(8, '\0');
    qToLittleEndian(std::bit_cast<quint64>(value), bytes.data());
    return bytes;
}
inline QByteArray xlsNumber(quint16 row, quint16 column, double value, quint16 xf = 0)
{
    return xlsRecord(XlsNumber, xlsCellHeader(row, column, xf) + xlsDouble(value));
}
// An RK value holding a whole number (bit 1), divided by 100 when hundredths is set (bit 0).
inline quint32 xlsRkInteger(qint32 value, bool hundredths = false)
{
    return (quint32(value) << 2) | 2u | (hundredths ? 1u : 0u);
}
inline QByteArray xlsRk(quint16 row, quint16 column, quint32 rk)
{
    return xlsRecord(XlsRk, xlsCellHeader(row, column) + xlsU32(rk));
}
inline QByteArray xlsMulRk(quint16 row, quint16 firstColumn, const QList<quint32> &values)
{
    QByteArray data = xlsU16(row) + xlsU16(firstColumn);
    for (const quint32 rk : values)
        data += xlsU16(0) + xlsU32(rk);
    return xlsRecord(XlsMulRk, data + xlsU16(quint16(firstColumn + values.size() - 1)));
}
// A formula whose kept result is text: FORMULA (0xFFFF in its value's last two bytes), then STRING.
inline QByteArray xlsFormulaText(quint16 row, quint16 column, const QString &result)
{
    const QByteArray value = QByteArray("\0\0\0\0\0\0\xFF\xFF", 8);
    return xlsRecord(XlsFormula, xlsCellHeader(row, column) + value + xlsU16(0) + xlsU32(0) + xlsU16(0)) +
        xlsRecord(XlsFormulaString, xlsString(result));
}
inline QByteArray xlsFormulaNumber(quint16 row, quint16 column, double result)
{
    return xlsRecord(XlsFormula, xlsCellHeader(row, column) + xlsDouble(result) + xlsU16(0) + xlsU32(0) + xlsU16(0));
}
// A comment: its drawing object (OBJ, its FtCmo naming id) and its text (TXO and the
// CONTINUE with a flag byte and the characters); xlsNote puts it on its cell.
inline QByteArray xlsComment(quint16 id, const QString &text)
{
    const bool wide = xlsNeedsTwoBytes(text);
    const QByteArray object =
        xlsRecord(XlsObject, xlsU16(0x15) + xlsU16(18) + xlsU16(0x19) + xlsU16(id) + QByteArray(14, '\0'));
    const QByteArray textObject =
        xlsRecord(XlsTextObject, QByteArray(10, '\0') + xlsU16(quint16(text.size())) + xlsU16(16) + xlsU32(0)) +
        xlsRecord(XlsContinue, char(wide ? 1 : 0) + xlsCharacters(text, wide));
    return object + textObject;
}
inline QByteArray xlsNote(quint16 row, quint16 column, quint16 id)
{
    return xlsRecord(XlsNote, xlsU16(row) + xlsU16(column) + xlsU16(0) + xlsU16(id) + xlsU16(0) + QByteArray(2, '\0'));
}

struct XlsSheet
{
    QString name;
    QByteArray records; // between its BOF and EOF
    quint8 type = 0; // 0 a worksheet, 2 a chart sheet
};

// The Workbook stream: the globals (BOF, `globals` (strings, formats), a BOUNDSHEET for each
// sheet, EOF), then each sheet's substream where its BOUNDSHEET says.
inline QByteArray xlsWorkbookStream(const QList<XlsSheet> &sheets, const QByteArray &globals)
{
    const auto boundSheet = [](quint32 offset, const XlsSheet &sheet) {
        const bool wide = xlsNeedsTwoBytes(sheet.name);
        return xlsRecord(XlsBoundSheet,
                         xlsU32(offset) + char(0) + char(sheet.type) + char(sheet.name.size()) + char(wide ? 1 : 0) +
                             xlsCharacters(sheet.name, wide));
    };
    qsizetype size = xlsBeginning(5).size() + globals.size() + xlsRecord(XlsEndOfFile, {}).size();
    for (const XlsSheet &sheet : sheets)
        size += boundSheet(0, sheet).size();
    QByteArray stream = xlsBeginning(5) + globals;
    QByteArray substreams;
    for (const XlsSheet &sheet : sheets) {
        stream += boundSheet(quint32(size + substreams.size()), sheet);
        substreams += xlsBeginning(sheet.type == 2 ? 0x20 : 0x10) + sheet.records + xlsRecord(XlsEndOfFile, {});
    }
    return stream + xlsRecord(XlsEndOfFile, {}) + substreams;
}

// A property set stream ([MS-OLEPS]), as Excel and Hangul keep their summary information, of one section: its code page
// (949, CP949, as Korean Windows writes it), then each string: a title in the code page (VT_LPSTR), an author in UTF-16
// (VT_LPWSTR).
inline QByteArray summaryInformation(const QByteArray &titleInCp949, const QString &author)
{
    const auto padded = [](QByteArray bytes) {
        while (bytes.size() % 4 != 0)
            bytes += '\0';
        return bytes;
    };
    const QByteArray codePage = xlsU32(0x0002) + xlsU16(949) + xlsU16(0);
    const QByteArray title = xlsU32(0x001E) + xlsU32(quint32(titleInCp949.size() + 1)) + padded(titleInCp949 + '\0');
    QByteArray utf16;
    for (const QChar c : author + QChar(0))
        utf16 += xlsU16(c.unicode());
    const QByteArray name = xlsU32(0x001F) + xlsU32(quint32(author.size() + 1)) + padded(utf16);
    const quint32 valuesAt = 8 + 3 * 8;
    const QByteArray section = xlsU32(valuesAt + codePage.size() + title.size() + name.size()) + xlsU32(3) + xlsU32(1) +
        xlsU32(valuesAt) + xlsU32(2) + xlsU32(valuesAt + codePage.size()) + xlsU32(4) +
        xlsU32(valuesAt + codePage.size() + title.size()) + codePage + title + name;
    return xlsU16(0xFFFE) + xlsU16(0) + xlsU32(0x00020006) + QByteArray(16, '\0') + xlsU32(1) + QByteArray(16, '\1') +
        xlsU32(48) + section;
}

inline QByteArray xls(const QByteArray &workbookStream)
{
    return compoundFile(
        {{QStringLiteral("\x01"
                         "CompObj"),
          QByteArray(64, '\1')},
         {QStringLiteral("\x05SummaryInformation"), summaryInformation(QByteArray("roster"), QStringLiteral("작성자"))},
         {QStringLiteral("Workbook"), workbookStream}});
}

} // namespace SendGuard::Tests
