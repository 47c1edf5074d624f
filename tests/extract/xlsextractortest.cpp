// SPDX-License-Identifier: GPL-2.0-or-later
// Excel 97-2003 workbooks (BIFF8), written by the test from [MS-XLS]: every kind of cell a roster
// holds, strings continued over records as Excel writes them, and workbooks that lie.

#include "xlsextractor.h"
#include "documentextractor.h"
#include "textsink.h"

#include "extractedtext.h"
#include "xlsfiles.h"

#include <QStringEncoder>
#include <QTest>

using namespace SendGuard;
using namespace SendGuard::Extract;
using namespace SendGuard::Tests;

namespace {

using Read = ExtractedText;

Read extract(const QByteArray &bytes)
{
    return extractText(bytes, QStringLiteral("명단.xls"));
}

// A shared string table of `strings`, its last string cut after `cutAfter` of its characters and
// going on in a CONTINUE record after a flag byte of its own (one byte a character there, as
// Excel writes the digits after Hangul).
QByteArray sharedStrings(const QStringList &strings, qsizetype cutAfter)
{
    QByteArray table = xlsU32(quint32(strings.size())) + xlsU32(quint32(strings.size()));
    for (qsizetype i = 0; i + 1 < strings.size(); ++i)
        table += xlsString(strings[i]);
    const QString last = strings.last();
    table += xlsU16(quint16(last.size())) + char(1) + xlsCharacters(last.left(cutAfter), true);
    return xlsRecord(XlsSharedStrings, table) +
        xlsRecord(XlsContinue, char(0) + xlsCharacters(last.mid(cutAfter), false));
}

// Cell formats: XF 0 general, XF 1 the custom format 164.
QByteArray formats(const QString &custom)
{
    return xlsRecord(XlsFormat, xlsU16(164) + xlsString(custom)) +
        xlsRecord(XlsExtendedFormat, xlsU16(0) + xlsU16(0) + QByteArray(16, '\0')) +
        xlsRecord(XlsExtendedFormat, xlsU16(0) + xlsU16(164) + QByteArray(16, '\0'));
}

} // namespace

class XlsExtractorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadEveryKindOfCellARosterHolds()
    {
        const QByteArray globals = sharedStrings({QStringLiteral("성명"), QStringLiteral("주민등록번호"),
                                                  QStringLiteral("홍길동"), QStringLiteral("담당 900101-1234568")},
                                                 4) +
            formats(QStringLiteral("000000-0000000"));
        const QByteArray roster = xlsLabelSst(0, 0, 0) + xlsLabelSst(0, 1, 1) +
            xlsLabel(0, 2, QStringLiteral("연락처")) + xlsLabelSst(1, 0, 2) + xlsNumber(1, 1, 9001011234568.0) +
            xlsFormulaText(1, 2, QStringLiteral("010-2345-6789")) + xlsLabelSst(2, 0, 3) +
            // Born in 2005: the number lost its leading zero, which the cell's format shows.
            xlsNumber(3, 1, 501013123458.0, 1) + xlsRk(4, 0, xlsRkInteger(1234)) +
            xlsMulRk(4, 1, {xlsRkInteger(12345, true), xlsRkInteger(7)}) + xlsFormulaNumber(5, 0, 42) +
            xlsRecord(XlsHeader, xlsString(QStringLiteral("&C담당 010-2345-6789"))) +
            xlsComment(1, QStringLiteral("확인 850315-2345678")) +
            xlsRecord(XlsObject, xlsU16(0x15) + xlsU16(18) + xlsU16(6) + xlsU16(2) + QByteArray(14, '\0')) +
            xlsRecord(XlsTextObject, QByteArray(10, '\0') + xlsU16(4) + xlsU16(16) + xlsU32(0)) +
            xlsRecord(XlsContinue, QByteArray(1, '\0') + "memo") + xlsNote(0, 1, 1);
        const QByteArray file =
            xls(xlsWorkbookStream({{QStringLiteral("명단"), roster},
                                   {QStringLiteral("보관"), xlsLabel(0, 0, QStringLiteral("이전 명단"))},
                                   {QStringLiteral("차트"), {}, 2}},
                                  globals));
        QCOMPARE(DocumentExtractor::sniff(file, QStringLiteral("x")), DocumentExtractor::Format::Xls);
        const Read read = extract(file);
        const QList<std::pair<QString, QString>> expected {
            {QStringLiteral("명단 › name"), QStringLiteral("명단")},
            {QStringLiteral("명단!A1"), QStringLiteral("성명")},
            {QStringLiteral("명단!B1"), QStringLiteral("주민등록번호")},
            {QStringLiteral("명단!C1"), QStringLiteral("연락처")},
            {QStringLiteral("명단!A2"), QStringLiteral("홍길동")},
            {QStringLiteral("명단!B2"), QStringLiteral("9001011234568")}, // typed as a number
            {QStringLiteral("명단!C2"), QStringLiteral("010-2345-6789")}, // a formula's kept text
            {QStringLiteral("명단!A3"), QStringLiteral("담당 900101-1234568")}, // continued
            {QStringLiteral("명단!B4"), QStringLiteral("050101-3123458")},
            {QStringLiteral("명단!A5"), QStringLiteral("1234")},
            {QStringLiteral("명단!B5"), QStringLiteral("123.45")},
            {QStringLiteral("명단!C5"), QStringLiteral("7")},
            {QStringLiteral("명단!A6"), QStringLiteral("42")},
            {QStringLiteral("명단 › header"), QStringLiteral("담당 010-2345-6789")},
            {QStringLiteral("명단 › comment B1"), QStringLiteral("확인 850315-2345678")},
            {QStringLiteral("명단 › text box"), QStringLiteral("memo")},
            {QStringLiteral("보관 › name"), QStringLiteral("보관")},
            {QStringLiteral("보관!A1"), QStringLiteral("이전 명단")},
            {QStringLiteral("차트 › name"), QStringLiteral("차트")},
            {QStringLiteral("SummaryInformation"), QStringLiteral("roster\n작성자")}, // its title and author
        };
        QCOMPARE(read.pieces, expected);
        // A chart sheet is named, never passed over as clean.
        QVERIFY2(read.incomplete.contains(u"a chart sheet: not scanned"), qPrintable(read.describe()));
    }

    void shouldReadAStringCutAnywhereInItsCharacters_data()
    {
        QTest::addColumn<int>("cutAfter");
        for (int cut : {1, 3, 4, 9, 16})
            QTest::addRow("after %d", cut) << cut;
    }
    // Wherever a record ends inside the characters, they go on after the flag byte, two bytes a
    // character or one as it says, and the table's next string reads on from the right place.
    void shouldReadAStringCutAnywhereInItsCharacters()
    {
        QFETCH(int, cutAfter);
        const QString text = QStringLiteral("담당 900101-1234568");
        QByteArray table =
            xlsU32(2) + xlsU32(2) + xlsU16(quint16(text.size())) + char(1) + xlsCharacters(text.left(cutAfter), true);
        const bool wide = xlsNeedsTwoBytes(text.mid(cutAfter)); // as Excel chooses again for the rest
        const QByteArray rest =
            char(wide ? 1 : 0) + xlsCharacters(text.mid(cutAfter), wide) + xlsString(QStringLiteral("끝"));
        const QByteArray globals = xlsRecord(XlsSharedStrings, table) + xlsRecord(XlsContinue, rest);
        const Read read = extract(
            xls(xlsWorkbookStream({{QStringLiteral("S"), xlsLabelSst(0, 0, 0) + xlsLabelSst(0, 1, 1)}}, globals)));
        QCOMPARE(read.textAt(QStringLiteral("S!A1")), text);
        QCOMPARE(read.textAt(QStringLiteral("S!B1")), QStringLiteral("끝"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
    }

    // What cannot be read is said, with what could be read before it, and never read as clean.
    void shouldSayWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("kept"); // a piece read all the same, or empty
        const XlsSheet sheet {QStringLiteral("S"), xlsLabel(0, 0, QStringLiteral("앞 칸")) + xlsLabelSst(0, 1, 5)};
        QTest::newRow("a password") << xlsWorkbookStream({sheet}, xlsRecord(XlsFilePass, QByteArray(54, '\1')))
                                    << "encrypted (a workbook with a password): not scanned" << QString();
        QByteArray excel95 = xlsWorkbookStream({sheet}, {});
        qToLittleEndian<quint16>(0x0500, excel95.data() + 4);
        QTest::newRow("Excel 95") << excel95 << "older than Excel 97" << QString();
        QTest::newRow("no globals") << xlsRecord(XlsLabel, QByteArray(12, '\0')) << "no workbook globals" << QString();
        QTest::newRow("a string the table does not hold")
            << xlsWorkbookStream({sheet}, {}) << "S!B1: a shared string the file does not hold"
            << "앞 칸";
        // A table that says it holds a million strings and holds two.
        QTest::newRow("a table whose count lies")
            << xlsWorkbookStream({{QStringLiteral("S"), xlsLabelSst(0, 0, 1)}},
                                 xlsRecord(XlsSharedStrings,
                                           xlsU32(1000000) + xlsU32(1000000) + xlsString(QStringLiteral("가")) +
                                               xlsString(QStringLiteral("앞 칸"))))
            << "its shared strings are cut short"
            << "앞 칸";
        QByteArray misplaced = xlsWorkbookStream({sheet}, {});
        qToLittleEndian<quint32>(0x7FFFFFF0, misplaced.data() + xlsBeginning(5).size() + 4);
        // Its records are in the file all the same: read, as a sheet the workbook does not list.
        QTest::newRow("a sheet past the end") << misplaced << "S: the sheet is not where the workbook says"
                                              << "앞 칸";
        QByteArray lying =
            xlsWorkbookStream({{QStringLiteral("S"),
                                xlsLabel(0, 0, QStringLiteral("앞 칸")) + xlsRecord(XlsLabel, QByteArray(12, '\0'))}},
                              {});
        qToLittleEndian<quint16>(0xFFF0, lying.data() + lying.size() - 4 - 16 + 2);
        QTest::newRow("a record whose size lies") << lying << "S: a record runs past the end"
                                                  << "앞 칸";
        QTest::newRow("a cell's text cut short")
            << xlsWorkbookStream({{QStringLiteral("S"),
                                   xlsLabel(0, 0, QStringLiteral("앞 칸")) +
                                       xlsRecord(XlsLabel, xlsCellHeader(0, 1) + xlsU16(40) + char(1) + "\x00\xAC")}},
                                 {})
            << "S!B1: a cell's text cut short"
            << "앞 칸";
    }
    void shouldSayWhatItCannotRead()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, reason);
        QFETCH(QString, kept);
        const Read read = extract(xls(stream));
        QVERIFY2(read.incomplete.contains(reason), qPrintable(read.describe()));
        if (!kept.isEmpty())
            QVERIFY2(
                std::any_of(read.pieces.begin(), read.pieces.end(),
                            [&](const auto &piece) { return piece.first.endsWith(u"!A1") && piece.second == kept; }),
                qPrintable(read.describe()));
        else
            QVERIFY2(std::none_of(read.pieces.begin(), read.pieces.end(),
                                  [](const auto &piece) { return piece.first.contains(u'!'); }),
                     qPrintable(read.describe()));
    }

    // What a workbook holds besides its cells, and substreams out of place (from a review: each
    // was passed over in silence, the workbook called clean).
    void shouldReadOrNameWhatElseTheWorkbookHolds()
    {
        const QByteArray roster = xlsLabel(0, 0, QStringLiteral("성명"));
        // A chart drawn on the sheet: its own substream, a series named in it.
        const QByteArray chart = xlsBeginning(0x20) +
            xlsRecord(0x100D, xlsU16(0) + char(8) + char(0) + xlsCharacters(QStringLiteral("Series 1"), false)) +
            xlsRecord(XlsEndOfFile, {});
        // Cells as Excel 2.x wrote them: a number and an 8-bit label.
        const QByteArray old =
            xlsRecord(0x0003, xlsU16(1) + xlsU16(0) + QByteArray(3, '\0') + xlsDouble(9001011234568.0)) +
            xlsRecord(0x0004, xlsU16(1) + xlsU16(1) + QByteArray(3, '\0') + char(5) + "hello");
        QByteArray stream = xlsWorkbookStream({{QStringLiteral("S"), roster + chart + old}}, {});
        // A worksheet no sheet's record lists, after the listed one.
        stream += xlsBeginning(0x10) + xlsLabel(0, 0, QStringLiteral("숨은 칸")) + xlsRecord(XlsEndOfFile, {});
        // Its properties: a title in CP949, as Korean Windows writes it, and an author in UTF-16.
        const QByteArray title = QStringEncoder("CP949").encode(QStringLiteral("주민번호 명단"));
        const QByteArray file = compoundFile(
            {{QStringLiteral("\x05SummaryInformation"), summaryInformation(title, QStringLiteral("홍길동"))},
             {QStringLiteral("Workbook"), stream},
             {QStringLiteral("MBD0001/Package"), docx(wordParagraph({QStringLiteral("포함 문서")}))},
             {QStringLiteral("MBD0001/\x01"
                             "CompObj"),
              QByteArray(16, '\0')},
             {QStringLiteral("MBD0002/\x01Ole10Native"), QByteArray(16, '\1')},
             {QStringLiteral("_VBA_PROJECT_CUR/VBA"), QByteArray(16, '\1')}});
        const Read read = extract(file);
        QCOMPARE(read.textAt(QStringLiteral("S!A1")), QStringLiteral("성명"));
        QCOMPARE(read.textAt(QStringLiteral("SummaryInformation")), QStringLiteral("주민번호 명단\n홍길동"));
        QCOMPARE(read.textAt(QStringLiteral("S › text box")), QStringLiteral("Series 1"));
        QCOMPARE(read.textAt(QStringLiteral("S!A2")), QStringLiteral("9001011234568"));
        QCOMPARE(read.textAt(QStringLiteral("S!B2")), QStringLiteral("hello"));
        QCOMPARE(read.textAt(QStringLiteral("(a sheet the workbook does not list, 1)!A1")), QStringLiteral("숨은 칸"));
        QVERIFY2(read.describe().contains(u"MBD0001 › paragraph 1 = 포함 문서"), qPrintable(read.describe()));
        QVERIFY2(read.incomplete.contains(u"MBD0002: an embedded object SendGuard does not read: not scanned"),
                 qPrintable(read.describe()));
        QVERIFY2(read.incomplete.contains(u"_VBA_PROJECT_CUR: macros (VBA): not scanned"), qPrintable(read.describe()));
        QVERIFY2(!read.incomplete.contains(u"MBD0001") && !read.incomplete.contains(u"Summary"),
                 qPrintable(read.describe()));
    }

    // A sheet's record that names another's records, or the globals', reads nothing twice and
    // says so; a substream inside a sheet that is no chart is read as the sheet's (review).
    void shouldNotTrustWhereTheSheetsSayTheyAre()
    {
        const QByteArray stream = xlsWorkbookStream({{QStringLiteral("A"), xlsLabel(0, 0, QStringLiteral("가"))},
                                                     {QStringLiteral("B"), xlsLabel(0, 0, QStringLiteral("나"))}},
                                                    {});
        // The sheets' records follow the globals' BOF; each holds its substream's offset first.
        const qsizetype first = xlsBeginning(5).size();
        const qsizetype second = first + 4 + 8 + 1; // A's record: a header, 8 bytes, a one-byte name
        QCOMPARE(quint16(qFromLittleEndian<quint16>(stream.constData() + second)), quint16(XlsBoundSheet));
        QByteArray twice = stream;
        qToLittleEndian<quint32>(qFromLittleEndian<quint32>(stream.constData() + first + 4), twice.data() + second + 4);
        const Read shared = extract(xls(twice));
        QCOMPARE(shared.textAt(QStringLiteral("A!A1")), QStringLiteral("가"));
        QVERIFY2(shared.incomplete.contains(u"B: the sheet is not where the workbook says"),
                 qPrintable(shared.describe()));
        // B's records, no longer named by any sheet, are read all the same.
        QVERIFY2(shared.describe().contains(u"= 나"), qPrintable(shared.describe()));

        QByteArray globals = stream;
        qToLittleEndian<quint32>(0, globals.data() + first + 4);
        const Read atGlobals = extract(xls(globals));
        QVERIFY2(atGlobals.incomplete.contains(u"A: the sheet is not where the workbook says"),
                 qPrintable(atGlobals.describe()));
        QVERIFY2(atGlobals.describe().contains(u"= 가"), qPrintable(atGlobals.describe()));

        const QByteArray nested = xlsWorkbookStream(
            {{QStringLiteral("S"), xlsBeginning(0x10) + xlsLabel(0, 0, QStringLiteral("홍길동 900101-1234568"))}}, {});
        const Read out = extract(xls(nested));
        QCOMPARE(out.textAt(QStringLiteral("S!A1")), QStringLiteral("홍길동 900101-1234568"));
        QVERIFY2(out.incomplete.contains(u"a substream inside the sheet that is no chart"), qPrintable(out.describe()));
    }

    // Properties whole, to their last character: a UTF-16 one that ends in ASCII lost it when the
    // zero bytes were cut before the units were told apart (from a review).
    void shouldReadPropertiesWhole()
    {
        const QByteArray file = compoundFile(
            {{QStringLiteral("\x05SummaryInformation"), summaryInformation("A", QStringLiteral("Hong 900101-1234568"))},
             {QStringLiteral("Workbook"), xlsWorkbookStream({}, {})}});
        const Read read = extract(file);
        QCOMPARE(read.textAt(QStringLiteral("SummaryInformation")), QStringLiteral("A\nHong 900101-1234568"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
    }

    // A property set whose sizes lie is named, never read past its end.
    void shouldNamePropertiesItCannotRead()
    {
        QByteArray lying = summaryInformation("title", QStringLiteral("작성자"));
        qToLittleEndian<quint32>(0x7FFFFFF0, lying.data() + 48 + 8 + 8 * 1 + 4); // the title's offset
        QByteArray cut = summaryInformation("title", QStringLiteral("작성자"));
        cut.chop(6); // the section ends before the author's text does
        for (const QByteArray &properties : {lying, cut}) {
            const Read read = extract(compoundFile({{QStringLiteral("\x05SummaryInformation"), properties},
                                                    {QStringLiteral("Workbook"), xlsWorkbookStream({}, {})}}));
            QVERIFY2(read.incomplete.contains(u"SummaryInformation: its properties:"), qPrintable(read.describe()));
        }
    }

    // The headers and footers of even and first pages, in a record of their own ([MS-XLS]
    // HeaderFooter), a review found passed over.
    void shouldReadTheHeadersOfEvenAndFirstPages()
    {
        const QString evenHeader = QStringLiteral("&C짝수 쪽 900101-1234568");
        const QString firstFooter = QStringLiteral("&R첫 쪽 010-2345-6789");
        const QByteArray record =
            xlsRecord(0x089C,
                      xlsU16(0x089C) + QByteArray(10, '\0') + QByteArray(16, '\0') + xlsU16(3) +
                          xlsU16(quint16(evenHeader.size())) + xlsU16(0) + xlsU16(0) +
                          xlsU16(quint16(firstFooter.size())) + xlsString(evenHeader) + xlsString(firstFooter));
        const Read read = extract(xls(xlsWorkbookStream({{QStringLiteral("S"), record}}, {})));
        QCOMPARE(read.textAt(QStringLiteral("S › header")), QStringLiteral("짝수 쪽 900101-1234568"));
        QCOMPARE(read.textAt(QStringLiteral("S › footer")), QStringLiteral("첫 쪽 010-2345-6789"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
    }

    // Sheets whose records point into one run of substreams read each record once, whichever
    // order they come in (from a review: each sheet read on to the shared end, the time growing
    // as its square).
    void shouldReadEachRecordOnce_data()
    {
        QTest::addColumn<bool>("backwards");
        QTest::newRow("in order") << false;
        QTest::newRow("backwards") << true;
    }
    void shouldReadEachRecordOnce()
    {
        QFETCH(bool, backwards);
        constexpr int Sheets = 300;
        // Worksheet BOFs back to back, one label and one EOF after them all; names of three digits,
        // so that every sheet's record is as long and the offsets are known before it is written.
        const QByteArray beginning = xlsBeginning(0x10);
        const qsizetype sheetRecord = 4 + 8 + 3;
        const qsizetype firstBeginning = xlsBeginning(5).size() + Sheets * sheetRecord + 4;
        QByteArray globals = xlsBeginning(5);
        for (int n = 0; n < Sheets; ++n) {
            const int i = backwards ? Sheets - 1 - n : n;
            globals += xlsRecord(XlsBoundSheet,
                                 xlsU32(quint32(firstBeginning + i * beginning.size())) + QByteArray(2, '\0') +
                                     char(3) + char(0) + QString::number(i).rightJustified(3, u'0').toLatin1());
        }
        globals += xlsRecord(XlsEndOfFile, {});
        QCOMPARE(globals.size(), firstBeginning);
        const QByteArray stream =
            globals + beginning.repeated(Sheets) + xlsLabel(0, 0, QStringLiteral("끝")) + xlsRecord(XlsEndOfFile, {});
        const Read read = extract(xls(stream));
        const auto ends = std::count_if(read.pieces.begin(), read.pieces.end(),
                                        [](const auto &piece) { return piece.second == QStringLiteral("끝"); });
        QCOMPARE(ends, 1);
    }

    void shouldReadRkNumbersAsExcelShowsThem()
    {
        QCOMPARE(XlsExtractor::rkNumber(xlsRkInteger(-5)), -5.0);
        QCOMPARE(XlsExtractor::rkNumber(xlsRkInteger(12345, true)), 123.45);
        // A double's high 30 bits: 1.5 is 0x3FF8000000000000.
        QCOMPARE(XlsExtractor::rkNumber(0x3FF80000u), 1.5);
        QCOMPARE(XlsExtractor::rkNumber(0x3FF80000u | 1u), 0.015);
    }

    // Random bytes in a workbook's records never crash or hang the reader, and what it reads of
    // a workbook it cannot read whole is said.
    void shouldSurviveDamagedWorkbooks()
    {
        const QByteArray globals = sharedStrings({QStringLiteral("성명"), QStringLiteral("담당 900101-1234568")}, 3) +
            formats(QStringLiteral("000000-0000000"));
        const QByteArray roster = xlsLabelSst(0, 0, 0) + xlsLabelSst(0, 1, 1) + xlsNumber(1, 1, 9001011234568.0, 1) +
            xlsMulRk(2, 0, {xlsRkInteger(1), xlsRkInteger(2)}) + xlsFormulaText(3, 0, QStringLiteral("수식")) +
            xlsComment(1, QStringLiteral("메모")) + xlsNote(0, 0, 1);
        const QByteArray stream = xlsWorkbookStream({{QStringLiteral("S"), roster}}, globals);
        quint32 seed = 7;
        int read = 0;
        for (int round = 0; round < 2000; ++round) {
            QByteArray damaged = stream;
            for (int i = 0; i < 1 + round % 8; ++i) {
                seed = seed * 1664525u + 1013904223u;
                damaged[qsizetype(seed % quint32(damaged.size()))] = char(seed >> 24);
            }
            const Read result = extract(xls(damaged));
            read += result.pieces.size() > 1;
        }
        QVERIFY2(read > 1000, qPrintable(QString::number(read))); // most damage leaves most of it readable
    }
};

QTEST_GUILESS_MAIN(XlsExtractorTest)
#include "xlsextractortest.moc"
