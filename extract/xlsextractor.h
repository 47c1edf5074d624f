// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "nestedfilereader.h"

#include "message/textplace.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace SendGuard::Extract {

class CompoundFile;
class TextSink;

// Excel 97-2003 workbooks ([MS-XLS], BIFF8), as Korean offices still keep their rosters: the
// compound file's Workbook stream, record by record, each size checked against what remains.
// Every worksheet, hidden ones too, by its name as its tab shows it: text cells (the shared
// string table, strings continued over CONTINUE records with their own flag byte), numbers as a
// person typed them ("9001011234568", not "9.001E12", and as a custom format shows them), a
// formula's kept result, headers and footers, comments and text boxes (TXO), the series' names of
// the charts drawn on a sheet, a worksheet no sheet's record lists; an object embedded in a sheet
// read as the file it holds. A workbook with a password is "encrypted: not scanned"; Excel 5.0/95
// (BIFF5), chart and macro sheets, pivot caches and macros are named and not read. Not masked in
// place: "mask and send" offers to leave it out, as for HWP.
class XlsExtractor
{
public:
    static void extract(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink,
                        const NestedFileReader &readEmbedded);
    // The Workbook stream itself, taken from its compound file.
    static void extractWorkbook(const QByteArray &stream, const Core::TextPlace &base, TextSink &sink);

    // Bytes that go on over CONTINUE records: a string's characters cut at a record's end go on
    // after a flag byte of their own (one byte or two a character), anything else (a string's
    // header, its formatting runs) straight on.
    class ContinuedBytes
    {
    public:
        explicit ContinuedBytes(QList<QByteArrayView> segments)
            : m_segments(std::move(segments))
        {
        }
        bool read(void *to, qsizetype size);
        bool skip(qsizetype size);
        // cch characters as UTF-8, one byte each (Latin-1) or two (UTF-16LE) as highByte says
        // until a segment's flag byte says otherwise.
        bool characters(qsizetype cch, bool highByte, QByteArray &utf8);
        // A string as [MS-XLS] 2.5.293 writes it (XLUnicodeRichExtendedString): its count, flags,
        // formatting runs and phonetic text around its characters.
        bool richString(QByteArray &utf8);
        // A string as [MS-XLS] 2.5.294 writes it (XLUnicodeString): a 16-bit count, flags, characters.
        bool plainString(QByteArray &utf8);

    private:
        bool nextSegment();
        QList<QByteArrayView> m_segments;
        qsizetype m_segment = 0;
        qsizetype m_at = 0;
    };

    // The number an RK value ([MS-XLS] 2.5.217) holds.
    static double rkNumber(quint32 rk);
};

} // namespace SendGuard::Extract
