// SPDX-License-Identifier: GPL-2.0-or-later
// PowerPoint 97-2003 presentations, written by the test from [MS-PPT]: slides' and notes' text,
// text boxes drawn on a slide, comments, and presentations that lie.

#include "pptextractor.h"
#include "documentextractor.h"
#include "textsink.h"

#include "extractedtext.h"
#include "pptfiles.h"

#include <QTest>

#include <zlib.h>

using namespace SendGuard;
using namespace SendGuard::Extract;
using namespace SendGuard::Tests;

namespace {

using Read = ExtractedText;

Read extract(const QByteArray &bytes)
{
    return extractText(bytes, QStringLiteral("안내.ppt"));
}

// Two slides: the first's title in the slide list, a text box (one byte a character), WordArt
// and a comment (in its ___PPT10 tag, as PowerPoint keeps it) on it; the second's text in the
// list; the first's notes.
QByteArray presentation()
{
    const QByteArray slides = pptContainer(PptSlideList,
                                           pptSlidePersist(1) + pptText(QStringLiteral("신청인 900101-1234568")) +
                                               pptSlidePersist(2) + pptText(QStringLiteral("둘째 쪽\r끝")),
                                           0) +
        pptContainer(PptSlideList, pptSlidePersist(3) + pptText(QStringLiteral("발표 메모 010-2345-6789")), 2);
    const QByteArray first = pptContainer(PptDrawing,
                                          pptContainer(PptClientTextbox,
                                                       pptRecord(PptTextHeader, xlsU32(4)) +
                                                           pptRecord(PptTextBytes, QByteArray("Tel 02-123-4567"))) +
                                              pptWordArt(QStringLiteral("워드아트 800101-1234564"))) +
        pptComment(QStringLiteral("홍길동"), QStringLiteral("확인 850315-2345678"));
    return pptStream(slides, {first, pptContainer(PptDrawing, {})});
}

} // namespace

class PptExtractorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadSlidesNotesTextBoxesAndComments()
    {
        const QByteArray file = ppt(presentation());
        QCOMPARE(DocumentExtractor::sniff(file, QStringLiteral("안내.ppt")), DocumentExtractor::Format::Ppt);
        const Read read = extract(file);
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        const QStringList first {QStringLiteral("신청인 900101-1234568"), QStringLiteral("Tel 02-123-4567"),
                                 QStringLiteral("워드아트 800101-1234564\n"), QStringLiteral("홍길동"),
                                 QStringLiteral("확인 850315-2345678")};
        QStringList onFirst;
        for (const auto &[place, text] : read.pieces) {
            if (place == QLatin1String("slide 1"))
                onFirst.append(text);
        }
        QCOMPARE(onFirst, first);
        QCOMPARE(read.textAt(QStringLiteral("slide 2")), QStringLiteral("둘째 쪽\n끝"));
        QCOMPARE(read.textAt(QStringLiteral("notes of slide 1")), QStringLiteral("발표 메모 010-2345-6789"));
    }

    // A notes page is the notes of the slide its NotesAtom names: here the second slide's, the
    // first having none, though the page is the first of its list.
    void shouldPlaceNotesOnTheirSlide()
    {
        const QByteArray lists = pptContainer(PptSlideList,
                                              pptSlidePersist(1) + pptText(QStringLiteral("하나")) +
                                                  pptSlidePersist(2) + pptText(QStringLiteral("둘")),
                                              0) +
            pptContainer(PptSlideList, pptSlidePersist(3), 2);
        // pptSlidePersist(n) gives slide n the slideId 256 + n.
        const QByteArray notes = pptRecord(PptNotesAtom, xlsU32(256 + 2) + xlsU32(0)) +
            pptContainer(PptDrawing, pptContainer(PptClientTextbox, pptText(QStringLiteral("메모 010-2345-6789"))));
        const Read read = extract(ppt(pptStream(lists, {QByteArray(), QByteArray()}, {notes})));
        QCOMPARE(read.textAt(QStringLiteral("notes of slide 2")), QStringLiteral("메모 010-2345-6789"));
    }

    // Text outside any slide (a name the document keeps, an earlier save's slide no list names)
    // is read all the same, as the presentation's.
    void shouldReadTextNoSlideHolds()
    {
        const QByteArray stream =
            pptStream({}, {}) + pptContainer(PptSlide, pptChars(QStringLiteral("지난 저장 900101-1234568")));
        const Read read = extract(ppt(stream));
        QCOMPARE(read.textAt(QString()), QStringLiteral("지난 저장 900101-1234568"));
    }

    void shouldNameWhatItDoesNotRead_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("reason");
        const QByteArray text = pptText(QStringLiteral("900101-1234568"));
        QTest::newRow("a password, in the stream")
            << ppt(pptContainer(PptCryptSession, {}) + text) << "encrypted (a presentation with a password)";
        // Every record encrypted, headers too: the Current User stream says so.
        QTest::newRow("a password, said by Current User")
            << ppt(QByteArray(64, '\x5A'), {}, true) << "encrypted (a presentation with a password)";
        QTest::newRow("a password, a stream of its own")
            << ppt(text, {{QStringLiteral("EncryptedSummary"), QByteArray(16, '\0')}})
            << "encrypted (a presentation with a password)";
        QTest::newRow("an embedded object that does not inflate")
            << ppt(text + pptRecord(PptExternalOleObjectStorage, xlsU32(100) + QByteArray("\x78\x9c garbage", 10), 1))
            << "embedded object 1: an embedded object that cannot be inflated (";
        QByteArray lying = pptContainer(PptSlide, text);
        lying[4] = char(0x7F); // its length far past the stream
        QTest::newRow("a length past its container")
            << ppt(lying) << "a record longer than what holds it: read in part";
        QTest::newRow("a header cut short")
            << ppt(text + QByteArray("\x0F\x00\xEE", 3)) << "a record cut short: read in part";
        QByteArray deep = text;
        for (int i = 0; i < 40; ++i)
            deep = pptContainer(PptSlide, deep);
        QTest::newRow("nested too deep") << ppt(deep) << "records nested more than 32 deep: read in part";
    }

    void shouldNameWhatItDoesNotRead()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, reason);
        const Read read = extract(file);
        QVERIFY2(read.incomplete.contains(reason), qPrintable(read.describe()));
    }

    // A worksheet pasted on a slide: its compound file, compressed in the stream, read as the
    // workbook it is.
    void shouldReadAnEmbeddedWorksheet()
    {
        const QByteArray workbook = xls(
            xlsWorkbookStream({{QStringLiteral("명단"), xlsLabel(0, 0, QStringLiteral("홍길동 850315-2345678"))}}, {}));
        QByteArray compressed(qsizetype(compressBound(uLong(workbook.size()))), '\0');
        uLongf size = uLongf(compressed.size());
        QCOMPARE(compress2(reinterpret_cast<Bytef *>(compressed.data()), &size,
                           reinterpret_cast<const Bytef *>(workbook.constData()), uLong(workbook.size()), 9),
                 Z_OK);
        compressed.truncate(qsizetype(size));
        const QByteArray stream = pptText(QStringLiteral("표")) +
            pptRecord(PptExternalOleObjectStorage, xlsU32(quint32(workbook.size())) + compressed, 1);
        const Read read = extract(ppt(stream));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("embedded object 1 › 명단!A1")), QStringLiteral("홍길동 850315-2345678"));
    }

    // What was read before a lie is kept.
    void shouldKeepTheTextBeforeALie()
    {
        QByteArray lying = pptContainer(PptSlide, {});
        lying[4] = char(0x7F);
        const Read read = extract(ppt(pptText(QStringLiteral("앞 900101-1234568")) + lying));
        QCOMPARE(read.textAt(QString()), QStringLiteral("앞 900101-1234568"));
    }
};

QTEST_GUILESS_MAIN(PptExtractorTest)
#include "pptextractortest.moc"
