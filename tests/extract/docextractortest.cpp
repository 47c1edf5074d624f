// SPDX-License-Identifier: GPL-2.0-or-later
// Word 97-2003 documents, written by the test from [MS-DOC]: every story, tables, fields, text in
// pieces of both widths, and documents that lie.

#include "docextractor.h"
#include "documentextractor.h"
#include "textsink.h"
#include "wordtablerows.h"

#include "docfiles.h"
#include "extractedtext.h"

#include <QTest>
#include <QtEndian>

using namespace SendGuard;
using namespace SendGuard::Extract;
using namespace SendGuard::Tests;

namespace {

using Read = ExtractedText;

Read extract(const QByteArray &bytes)
{
    return extractText(bytes, QStringLiteral("신청서.doc"));
}

} // namespace

class DocExtractorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadEveryStoryWithItsPlace()
    {
        const QByteArray file = doc(docStreams({
            QStringLiteral("신청인 홍길동\r주민등록번호 900101-1234568\r"),
            QStringLiteral("\x02 각주 850315-2345678\r"),
            QStringLiteral("담당 010-2345-6789\r"),
            QString(),
            QStringLiteral("\x05메모 010-9876-5432\r"),
            QStringLiteral("\x02미주 900101-2345671\r"),
            QStringLiteral("글상자 800101-1234564\r"),
            QStringLiteral("머리말 글상자 700101-1234565\r"),
        }));
        QCOMPARE(DocumentExtractor::sniff(file, QStringLiteral("신청서.doc")), DocumentExtractor::Format::Doc);
        const Read read = extract(file);
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QString()), QStringLiteral("신청인 홍길동\n주민등록번호 900101-1234568\n"));
        QCOMPARE(read.textAt(QStringLiteral("footnote")), QStringLiteral(" 각주 850315-2345678\n"));
        QCOMPARE(read.textAt(QStringLiteral("header")), QStringLiteral("담당 010-2345-6789\n"));
        QCOMPARE(read.textAt(QStringLiteral("comment")), QStringLiteral("메모 010-9876-5432\n"));
        QCOMPARE(read.textAt(QStringLiteral("endnote")), QStringLiteral("미주 900101-2345671\n"));
        QVERIFY2(read.all().contains(QStringLiteral("글상자 800101-1234564\n")), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("머리말 글상자 700101-1234565\n")), qPrintable(read.describe()));
        // The document's properties too.
        QVERIFY2(read.all().contains(QStringLiteral("작성자")), qPrintable(read.describe()));
    }

    // A table's cells end in a mark each, its row in a mark of its own: cells apart by tabs, rows
    // by line breaks, so the header row heads its column.
    void shouldReadATableAsRows()
    {
        // An empty cell is two cell marks in a row as well: only the paragraph's properties tell
        // a row's end from it.
        const QString body = QStringLiteral("명단\r성명\x07비고\x07주민등록번호\x07\uE007홍길동\x07\x07"
                                            "2103154827361\x07\uE007김민준\x07\x07"
                                            "2204153847261\x07\uE007끝\r");
        const Read read = extract(doc(docStreams({body})));
        QCOMPARE(read.textAt(QString()),
                 QStringLiteral("명단\n성명\t비고\t주민등록번호\n홍길동\t\t2103154827361\n"
                                "김민준\t\t2204153847261\n끝\n"));
    }

    // A paragraph whose properties are too large for its page (a wide table's row end) keeps them
    // in the Data stream, named by sprmPHugePapx: the row still ends there.
    void shouldReadARowEndsPropertiesFromTheDataStream()
    {
        DocStreams streams = docStreams({QStringLiteral("성명\x07\x07주민등록번호\x07\uE007홍길동\x07\x07"
                                                        "9001011234568\x07\uE007\r")});
        const QByteArray inPage =
            QByteArray("\x00\x04\x00\x00", 4) + xlsU16(0x2416) + char(1) + xlsU16(0x2417) + char(1);
        const qsizetype at = streams.wordDocument.indexOf(inPage);
        QVERIFY(at > 0);
        streams.wordDocument.replace(at, inPage.size(), QByteArray("\x00\x04\x00\x00", 4) + xlsU16(0x6646) + xlsU32(8));
        const QByteArray data = QByteArray(8, '\0') + xlsU16(6) + xlsU16(0x2416) + char(1) + xlsU16(0x2417) + char(1);
        const Read read = extract(doc(streams, {{QStringLiteral("Data"), data}}));
        QCOMPARE(read.textAt(QString()), QStringLiteral("성명\t\t주민등록번호\n홍길동\t\t9001011234568\n\n"));
        // Without the Data stream that paragraph's end alone is guessed (a mark right after a
        // cell's), and the empty cells, whose properties are known, stay cells.
        const Read guessed = extract(doc(streams));
        QCOMPARE(guessed.textAt(QString()), read.textAt(QString()));
        // The paragraph's answer itself: a row's end read from Data, unknown without it.
        const QByteArray page = QByteArray(512, '\0')
                                    .replace(0, 8, xlsU32(512) + xlsU32(530))
                                    .replace(8, 1, QByteArray(1, char(480 / 2)))
                                    .replace(480, 10, QByteArray("\x00\x04\x00\x00", 4) + xlsU16(0x6646) + xlsU32(8))
                                    .replace(511, 1, QByteArray(1, char(1)));
        const QByteArray wordDocument = QByteArray(512, '\0') + page;
        const QByteArray plc = xlsU32(512) + xlsU32(530) + xlsU32(1);
        const auto rows = WordTableRows::read(wordDocument, plc, data);
        QVERIFY(rows);
        QCOMPARE(rows->endsRowAt(520), std::optional<bool>(true));
        QCOMPARE(rows->endsRowAt(530), std::optional<bool>(false));
        QCOMPARE(WordTableRows::read(wordDocument, plc, {})->endsRowAt(520), std::optional<bool>());
    }

    // A page list naming one page twice lies (and would cost memory page after page): the row
    // ends are guessed, the text all read.
    void shouldGuessRowsWhenThePageListLies()
    {
        DocStreams streams = docStreams({QStringLiteral("성명\x07\x07주민등록번호\x07\uE007끝\r")});
        // PlcBtePapx follows the Clx in the table stream: two offsets and one page; list it twice.
        const qsizetype clxSize = 1 + 4 + qsizetype(qFromLittleEndian<quint32>(streams.table.constData() + 1));
        const QByteArray plc = streams.table.mid(clxSize);
        QCOMPARE(plc.size(), 12);
        const QByteArray twice = plc.left(4) + plc.mid(4, 4) + plc.mid(4, 4) + plc.mid(8, 4) + plc.mid(8, 4);
        streams.table = streams.table.left(clxSize) + twice;
        const qsizetype pairsAt = 0x22 + 28 + 2 + 88 + 2;
        streams.wordDocument.replace(pairsAt + 13 * 8 + 4, 4, xlsU32(quint32(twice.size())));
        const Read read = extract(doc(streams));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        // The empty first cell reads as a row's end: the guess's known fault.
        QCOMPARE(read.textAt(QString()), QStringLiteral("성명\n주민등록번호\n끝\n"));
    }

    // Word keeps text in pieces, some a byte a character in code page 1252 (its en dash 0x96),
    // some two: a number split over two pieces is read whole. A field's code and its result are
    // both read; a non-breaking hyphen is a hyphen, an optional one nothing.
    void shouldJoinPiecesOfBothWidths()
    {
        const QString after = QStringLiteral("1234568 \x13 HYPERLINK \"mailto:hong@korea.kr\" \x14"
                                             "hong@korea.kr\x15 010\x1e"
                                             "2345\x1f-6789\r");
        const QList<DocPiece> pieces {DocPiece::unicode(QStringLiteral("주민등록번호 ")),
                                      DocPiece::compressedBytes("900101\x96"), DocPiece::unicode(after)};
        const quint32 length = quint32(7 + 7 + after.size());
        const Read read = extract(doc(docStreams(pieces, {length, 0, 0, 0, 0, 0, 0, 0})));
        QCOMPARE(read.textAt(QString()),
                 QStringLiteral("주민등록번호 900101\u20131234568 hong@korea.kr 010-2345-6789\n"));
        QCOMPARE(read.textAt(QStringLiteral("note")).simplified(),
                 QStringLiteral("HYPERLINK \"mailto:hong@korea.kr\""));
    }

    // A form's two fields for the halves of a number read as Word shows them, one number; a
    // field inside another's code, and a field with no result, give their codes to the note.
    void shouldReadFieldResultsInPlaceAndTheirCodesApart()
    {
        const QString body = QStringLiteral("주민등록번호 \x13 FORMTEXT \x14"
                                            "900101\x15-\x13 FORMTEXT \x14"
                                            "1234568\x15\r\x13 IF \x13 MERGEFIELD 연락처 \x14"
                                            "010-2345-6789\x15 = \"\" \x14결과\x15 \x13 PAGE \x15끝\r");
        const Read read = extract(doc(docStreams({body})));
        QCOMPARE(read.textAt(QString()), QStringLiteral("주민등록번호 900101-1234568\n결과 끝\n"));
        QCOMPARE(read.textAt(QStringLiteral("note")).simplified(),
                 QStringLiteral("FORMTEXT FORMTEXT IF MERGEFIELD 연락처 010-2345-6789 = \"\" PAGE"));
    }

    // Text the piece table holds past every story is read all the same.
    void shouldReadTextPastTheStories()
    {
        const QString text = QStringLiteral("본문\r숨은 900101-1234568\r");
        const Read read = extract(doc(docStreams({DocPiece::unicode(text)}, {3, 0, 0, 0, 0, 0, 0, 0})));
        QVERIFY2(read.all().contains(QStringLiteral("숨은 900101-1234568")), qPrintable(read.describe()));
    }

    // An object embedded in the document (ObjectPool) is read as the file its Package holds; one
    // SendGuard does not read is named, never passed over.
    void shouldReadAnEmbeddedPackageAndNameOtherObjects()
    {
        const QByteArray inner = docx(QStringLiteral("<w:p><w:r><w:t>첨부 850315-2345678</w:t></w:r></w:p>"));
        const QByteArray file = doc(docStreams({QStringLiteral("본문\r")}),
                                    {{QStringLiteral("ObjectPool/_1001/\x01"
                                                     "CompObj"),
                                      QByteArray(32, '\0')},
                                     {QStringLiteral("ObjectPool/_1001/Package"), inner},
                                     {QStringLiteral("ObjectPool/_1002/\x01Ole10Native"), QByteArray("900101-1234568")},
                                     {QStringLiteral("Macros/VBA/dir"), QByteArray("x")}});
        const Read read = extract(file);
        QVERIFY2(read.all().contains(QStringLiteral("첨부 850315-2345678")), qPrintable(read.describe()));
        QVERIFY2(
            read.incomplete.contains(QStringLiteral("ObjectPool/_1002: an embedded object SendGuard does not read")),
            qPrintable(read.incomplete));
        QVERIFY2(read.incomplete.contains(QStringLiteral("Macros: macros (VBA): not scanned")),
                 qPrintable(read.incomplete));
        QVERIFY2(!read.incomplete.contains(QStringLiteral("_1001")), qPrintable(read.incomplete));
    }

    // A table pasted as an Excel worksheet, or a Word 97-2003 document inside another, keeps its
    // streams in the object's storage: read as the workbook or document they are.
    void shouldReadEmbeddedOffice97Objects()
    {
        const DocStreams inner = docStreams({QStringLiteral("안쪽 문서 900101-1234568\r")});
        const QByteArray file =
            doc(docStreams({QStringLiteral("본문\r")}),
                {{QStringLiteral("ObjectPool/_2001/\x01"
                                 "CompObj"),
                  QByteArray(32, '\0')},
                 {QStringLiteral("ObjectPool/_2001/Workbook"),
                  xlsWorkbookStream({{QStringLiteral("명단"), xlsLabel(0, 0, QStringLiteral("홍길동 850315-2345678"))}},
                                    {})},
                 {QStringLiteral("ObjectPool/_2002/1Table"), inner.table},
                 {QStringLiteral("ObjectPool/_2002/WordDocument"), inner.wordDocument}});
        const Read read = extract(file);
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("ObjectPool/_2001 › 명단!A1")), QStringLiteral("홍길동 850315-2345678"));
        QCOMPARE(read.textAt(QStringLiteral("ObjectPool/_2002")), QStringLiteral("안쪽 문서 900101-1234568\n"));
    }

    // An object read keeps the rest of its storage read as well: its own properties, an object
    // embedded in it; what it holds that is not read is named.
    void shouldReadTheRestOfAnEmbeddedObjectsStorage()
    {
        const DocStreams inner = docStreams({QStringLiteral("안쪽 문서\r")});
        const QByteArray innermost = docx(QStringLiteral("<w:p><w:r><w:t>가장 안쪽 850315-2345678</w:t></w:r></w:p>"));
        const QByteArray file = doc(docStreams({QStringLiteral("본문\r")}),
                                    {{QStringLiteral("ObjectPool/_1/1Table"), inner.table},
                                     {QStringLiteral("ObjectPool/_1/WordDocument"), inner.wordDocument},
                                     {QStringLiteral("ObjectPool/_1/\x05SummaryInformation"),
                                      summaryInformation(QByteArray("title"), QStringLiteral("작성자 900101-1234568"))},
                                     {QStringLiteral("ObjectPool/_1/ObjectPool/_2/Package"), innermost},
                                     {QStringLiteral("ObjectPool/_1/ObjectPool/_3/CONTENTS"), QByteArray("x")}});
        const Read read = extract(file);
        QCOMPARE(read.textAt(QStringLiteral("ObjectPool/_1")), QStringLiteral("안쪽 문서\n"));
        QCOMPARE(read.textAt(QStringLiteral("ObjectPool/_1 › SummaryInformation")),
                 QStringLiteral("title\n작성자 900101-1234568"));
        QVERIFY2(read.all().contains(QStringLiteral("가장 안쪽 850315-2345678")), qPrintable(read.describe()));
        QVERIFY2(read.incomplete.contains(QStringLiteral("ObjectPool/_1 › ObjectPool/_3: an embedded object SendGuard "
                                                         "does not read")),
                 qPrintable(read.incomplete));
    }

    void shouldNameWhatItDoesNotRead_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("reason");
        const DocStoryLengths body {8, 0, 0, 0, 0, 0, 0, 0};
        const QList<DocPiece> text {DocPiece::unicode(QStringLiteral("900101-1234568\r"))};
        // A template's AutoText entries: a second document, pnNext pages on.
        DocStreams autoText = docStreams(text, body);
        autoText.wordDocument[8] = 4;
        QTest::newRow("AutoText") << doc(autoText) << "the AutoText entries of a template: not scanned";
        QTest::newRow("rights management") << doc(docStreams(text, body),
                                                  {{QStringLiteral("\x06"
                                                                   "DataSpaces/Version"),
                                                    QByteArray("x")}})
                                           << "encrypted (rights management, IRM): not scanned";
        QTest::newRow("a password") << doc(docStreams(text, body, DocWhichTable | DocEncrypted))
                                    << "encrypted (a Word document with a password): not scanned";
        QTest::newRow("Word 95") << doc(docStreams(text, body, DocWhichTable, 0x0065))
                                 << "a Word document older than Word 97 (Word 6.0/95): not scanned";
        // The FIB says 0Table; the file has only 1Table.
        QTest::newRow("its table stream missing")
            << doc(docStreams(text, body, DocExtChar)) << "not a readable Word document (";
        DocStreams cut = docStreams(text, body);
        cut.wordDocument.truncate(0x30);
        QTest::newRow("its file information block cut short")
            << doc(cut) << "not a readable Word document (its file information block is cut short)";
        DocStreams outside = docStreams(text, body);
        outside.table.truncate(6);
        QTest::newRow("its piece table outside its stream")
            << doc(outside) << "not a readable Word document (its piece table lies outside its table stream)";
        // The first piece's place moved past the stream's end.
        DocStreams far = docStreams(text, body);
        far.table.replace(5 + 8 + 2, 4, xlsU32(0x00100000));
        QTest::newRow("a piece outside the document")
            << doc(far) << "not a readable Word document (a piece of its text lies outside the document)";
        // Two pieces over the same bytes, over and over: more characters than the stream has bytes.
        DocStreams repeated = docStreams(text, body);
        {
            QByteArray positions;
            QByteArray descriptors;
            const qsizetype n = 2000;
            for (qsizetype i = 0; i <= n; ++i)
                positions += xlsU32(quint32(i * 15));
            for (qsizetype i = 0; i < n; ++i)
                descriptors += xlsU16(0) + xlsU32(1024) + xlsU16(0);
            repeated.table =
                char(0x02) + xlsU32(quint32(positions.size() + descriptors.size())) + positions + descriptors;
            // The FIB's lcbClx follows.
            const qsizetype pairsAt = 0x22 + 28 + 2 + 88 + 2;
            repeated.wordDocument.replace(pairsAt + 33 * 8 + 4, 4, xlsU32(quint32(repeated.table.size())));
        }
        QTest::newRow("pieces repeating the same bytes")
            << doc(repeated) << "not a readable Word document (its pieces of text are longer than the document)";
        QTest::newRow("stories longer than its text")
            << doc(docStreams(text, {8, 100, 0, 0, 0, 0, 0, 0}))
            << "the document's text is shorter than its stories say: read in part";
        QTest::newRow("a story's length negative") << doc(docStreams(text, {8, 0xFFFFFFF0u, 0, 0, 0, 0, 0, 0}))
                                                   << "not a readable Word document (a story's length is negative)";
    }

    void shouldNameWhatItDoesNotRead()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, reason);
        const Read read = extract(file);
        QVERIFY2(read.incomplete.contains(reason), qPrintable(read.describe()));
    }

    // The parts read before a lie is found stay read: a story cut short keeps what it has.
    void shouldKeepWhatItReadBeforeTheTextRanOut()
    {
        const QList<DocPiece> text {DocPiece::unicode(QStringLiteral("본문 900101-1234568\r"))};
        const Read read = extract(doc(docStreams(text, {18, 100, 0, 0, 0, 0, 0, 0})));
        QCOMPARE(read.textAt(QString()), QStringLiteral("본문 900101-1234568\n"));
    }
};

QTEST_GUILESS_MAIN(DocExtractorTest)
#include "docextractortest.moc"
