// SPDX-License-Identifier: GPL-2.0-or-later
// The real sendguard-extract, run by AttachmentReader as the plugin and the CLI run it: documents
// read with their places (PDF too, written here with QPdfWriter), a helper that hangs, crashes or
// is missing costs "not scanned" and never the host, Cancel stops it, and the sandbox it enters
// really refuses files written, processes started and sockets opened. --mask gives the document
// back with the characters named masked where they lie, or says why not.
#include "attachmentreader.h"
#include "sandbox.h"

#include "annotatedpdf.h"
#include "documentfiles.h"
#include "mixedtextfortests.h"
#include "pdffiles.h"
#include "scannerfortests.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace SendGuard;
using namespace SendGuard::Tests;
using Attachments::AttachmentReader;
using Core::AttachmentText;

namespace {

QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write("#!/bin/sh\n" + body + '\n');
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

} // namespace

class ExtractHelperTest : public QObject
{
    Q_OBJECT

    const AttachmentReader m_reader {QStringLiteral(SENDGUARD_EXTRACT)};

private Q_SLOTS:
    void shouldReadADocumentThroughTheHelper()
    {
        const AttachmentText text =
            m_reader.extract(QStringLiteral("신청서.docx"),
                             docx(wordParagraph({QStringLiteral("신청인 8503"), QStringLiteral("15-2345678")})));
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY(text.incomplete.isEmpty());
        const qsizetype at = text.utf8.indexOf("850315-2345678");
        QVERIFY(at >= 0);
        QCOMPARE(text.placeAt(at).describe(u"en"), QStringLiteral("paragraph 1"));
        QCOMPARE(text.placeAt(at).describe(u"ko"), QStringLiteral("1번째 문단"));
    }

    // Scanned while the helper still sends it, a document's text gives what a scan of the whole
    // text gives: 3 MB of paragraphs arrive in many chunks and are scanned in many blocks.
    void shouldScanADocumentAsItArrivesAsAWholeScanWould()
    {
        QStringList paragraphs;
        const std::string text = mixedScanText(3 << 20);
        for (qsizetype start = 0; start < qsizetype(text.size());) {
            const qsizetype end = qsizetype(text.find('\n', std::size_t(start)));
            paragraphs << wordParagraph({QString::fromUtf8(text.data() + start, end - start).toHtmlEscaped()});
            start = end + 1;
        }
        const QByteArray file = docx(paragraphs.join(QString()));
        const AttachmentText read = m_reader.extract(QStringLiteral("명단.docx"), file, nullptr, &testScanner());
        QCOMPARE(read.status, AttachmentText::Status::Text);
        QVERIFY(read.utf8.size() > (3 << 20));
        const Core::ScanResult *early = read.earlyScanBy(testScanner());
        QVERIFY(early);
        QVERIFY(early->complete);
        const Core::ScanResult whole = testScanner().scan(std::string_view(read.utf8.constData(), read.utf8.size()));
        QVERIFY(whole.findings.size() > 5000);
        QCOMPARE(early->findings.size(), whole.findings.size());
        for (std::size_t i = 0; i < whole.findings.size(); ++i) {
            QCOMPARE(early->findings[i].start, whole.findings[i].start);
            QCOMPARE(early->findings[i].end, whole.findings[i].end);
            QCOMPARE(early->findings[i].detector, whole.findings[i].detector);
        }
        // Without a scanner, nothing is scanned early.
        QVERIFY(!m_reader.extract(QStringLiteral("명단.docx"), file).earlyScan);
    }

    void shouldMaskADocumentThroughTheHelper()
    {
        const QByteArray file = docx(wordParagraph({QStringLiteral("신청인 8503"), QStringLiteral("15-2345678")}));
        const Core::MessageAttachment attachment {QStringLiteral("신청서.docx"), QString(), file};
        const AttachmentText text = m_reader.read(attachment, QString());
        const qsizetype at = text.utf8.indexOf("345678");
        QString error;
        const auto masked = m_reader.mask(attachment, QString(), text, {{0, text.utf8.size(), at, 6}}, &error);
        QVERIFY2(masked, qPrintable(error));
        QVERIFY(masked->startsWith("PK\x03\x04"));
        const AttachmentText again = m_reader.extract(attachment.name, *masked);
        QVERIFY2(again.utf8.contains("850315-2******"), again.utf8.constData());
        QVERIFY(again.incomplete.isEmpty());

        // What the helper cannot mask where it lies, it says so; nothing comes back.
        const Core::MessageAttachment hwpFile {QStringLiteral("신청서.hwp"), QString(),
                                               hwp({hwpParagraph(QStringLiteral("850315-2345678"))})};
        const AttachmentText hwpText = m_reader.read(hwpFile, QString());
        QVERIFY(!m_reader.mask(hwpFile, QString(), hwpText, {{0, hwpText.utf8.size(), 8, 6}}, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot be masked in place")), qPrintable(error));
        QVERIFY(!m_reader.mask(attachment, QString(), text, {{0, text.utf8.size() + 1, at, 6}}, &error));
        QVERIFY2(error.contains(QStringLiteral("reads differently")), qPrintable(error));
    }

    void shouldNotTakeAMaskedDocumentThatDidNotArriveWhole()
    {
        // A helper that promises more bytes than it sends, or sends more than it may.
        QTemporaryDir dir;
        const Core::MessageAttachment attachment {QStringLiteral("a.docx"), QString(), QByteArray("PK")};
        AttachmentText text;
        QString error;
        const AttachmentReader shortOne(writeScript(dir, QStringLiteral("short"),
                                                    "cat > /dev/null; echo '{\"done\":true,\"size\":100}'; "
                                                    "printf 'PK'"));
        QVERIFY(!shortOne.mask(attachment, QString(), text, {}, &error));
        const AttachmentReader flood(writeScript(dir, QStringLiteral("flood"), "cat > /dev/null; yes"));
        QVERIFY(!flood.mask(attachment, QString(), text, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("sent more than it may")), qPrintable(error));
    }

    void shouldCarryEveryCharacterAcrossThePipe()
    {
        // Quotes, backslashes, tabs, a slash, Hangul and a character beyond the BMP, as the helper
        // escapes them in JSON and the host decodes them.
        const QString tricky = QStringLiteral("\"인용\" C:\\temp\\a/b\t탭 😀 850315-2345678");
        const AttachmentText text =
            m_reader.extract(QStringLiteral("a.docx"), docx(wordParagraph({tricky.toHtmlEscaped()})));
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QCOMPARE(QString::fromUtf8(text.utf8), tricky);
        QCOMPARE(text.placeAt(0).describe(u"en"), QStringLiteral("paragraph 1"));
    }

    void shouldReadAnHwpThroughTheHelper()
    {
        const AttachmentText text =
            m_reader.extract(QStringLiteral("신청서.hwp"),
                             hwp({hwpParagraph(QStringLiteral("주거급여 신청서")) +
                                  hwpTable({QStringLiteral("주민등록번호"), QStringLiteral("850315-2345678")})}));
        QCOMPARE(text.status, AttachmentText::Status::Text);
        const qsizetype at = text.utf8.indexOf("850315-2345678");
        QVERIFY(at >= 0);
        QCOMPARE(text.placeAt(at).describe(u"ko"), QStringLiteral("구역 1 › 표 1 1행 2칸"));
    }

    // A table of several rows, its cells addressed as Hangul writes them: each value has its row and
    // column, and a column's title labels every value under it (a bare account number too). A
    // red-team pass found the column read for the row and every cell in the first column.
    void shouldReadAnHwpTableCellByCell()
    {
        const AttachmentText text =
            m_reader.extract(QStringLiteral("명단.hwp"),
                             hwp({hwpTableRows({{QStringLiteral("성명"), QStringLiteral("주민등록번호"),
                                                 QStringLiteral("연락처"), QStringLiteral("계좌번호")},
                                                {QStringLiteral("홍길동"), QStringLiteral("850315-2345678"),
                                                 QStringLiteral("없음"), QStringLiteral("110234567890")},
                                                {QStringLiteral("김영희"), QStringLiteral("900101-2234561"),
                                                 QStringLiteral("없음"), QStringLiteral("302112345678")}},
                                               QStringLiteral("표 1. 지급 대상자"))}));
        QCOMPARE(text.status, AttachmentText::Status::Text);
        const qsizetype account = text.utf8.indexOf("302112345678");
        QVERIFY(account >= 0);
        QCOMPARE(text.placeAt(account).describe(u"ko"), QStringLiteral("구역 1 › 표 1 3행 4칸"));
        QCOMPARE(text.placeAt(text.utf8.indexOf("850315-2345678")).describe(u"ko"),
                 QStringLiteral("구역 1 › 표 1 2행 2칸"));
        // The caption, which comes before the table's body (as in pyhwp's table-position.hwp, a
        // file Hangul saved), is the table's text, no cell's.
        QCOMPARE(text.placeAt(text.utf8.indexOf("지급 대상자")).describe(u"ko"), QStringLiteral("구역 1 › 표 1"));
        const Core::ScanResult scan = testScanner().scan(std::string_view(text.utf8.constData(), text.utf8.size()));
        QStringList detectors;
        for (const Core::Finding &finding : scan.findings)
            detectors << finding.detector;
        QCOMPARE(detectors,
                 QStringList({QStringLiteral("kr-rrn"), QStringLiteral("kr-bank-account"), QStringLiteral("kr-rrn"),
                              QStringLiteral("kr-bank-account")}));
    }

    void shouldReadAPdfPageByPage()
    {
        const AttachmentText text = m_reader.extract(
            QStringLiteral("신청서.pdf"),
            printedPdf({{QStringLiteral("주거급여 신청서")}, {QStringLiteral("주민등록번호 850315-2345678")}}));
        QCOMPARE(text.status, AttachmentText::Status::Text);
        const qsizetype at = text.utf8.indexOf("850315-2345678");
        QVERIFY2(at >= 0, text.utf8.constData());
        QCOMPARE(text.placeAt(at).describe(u"en"), QStringLiteral("page 2"));
    }

    // A file attached to a PDF (its EmbeddedFiles, what pdfdetach lists) is read as an attachment
    // of its own; it was passed over, and the PDF reported clean.
    void shouldReadAFileAttachedToAPdf()
    {
        const QByteArray roster = "성명,주민등록번호\n홍길동,900101-1234568\n";
        const QByteArray pdf =
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 5 0 R >> >> endobj\n"
            "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 8 0 R >> >> "
            "/Contents 4 0 R >> endobj\n"
            "4 0 obj << /Length 35 >> stream\nBT /F1 12 Tf 72 700 Td (Report) Tj ET\nendstream endobj\n"
            "5 0 obj << /Names [(list.csv) 6 0 R] >> endobj\n"
            "6 0 obj << /Type /Filespec /F (list.csv) /UF (list.csv) /EF << /F 7 0 R >> >> endobj\n"
            "7 0 obj << /Type /EmbeddedFile /Length " +
            QByteArray::number(roster.size()) + " >> stream\n" + roster +
            "\nendstream endobj\n"
            "8 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
            "trailer << /Root 1 0 R >>\n%%EOF\n";
        const AttachmentText text = m_reader.extract(QStringLiteral("보고.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY2(text.incomplete.isEmpty(), qPrintable(text.incomplete));
        const qsizetype at = text.utf8.indexOf("900101-1234568");
        QVERIFY2(at >= 0, text.utf8.constData());
        QCOMPARE(text.placeAt(at).describe(u"en"), QStringLiteral("list.csv"));
    }

    // What a page holds beside its text: a sticky note's or a comment's text, a form field's value,
    // a file attached to the page. They were passed over and the PDF reported clean. places: where
    // each copy of the number lies, in order (a text box's or a visible field's text is drawn on
    // the page as well).
    void shouldReadWhatAPdfPageHoldsBesideItsText_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<QStringList>("places");
        const QByteArray rrn = "900101-1234568";
        const QByteArray acroForm =
            "/AcroForm << /Fields [4 0 R] /DA (/F1 12 Tf 0 g) /DR << /Font << /F1 3 0 R >> >> >>";
        // A highlight says which words it covers (QuadPoints); a note needs no more than its place.
        const auto note = [](const QByteArray &subtype, const QString &text) {
            return "<< /Type /Annot /Subtype /" + subtype +
                " /Rect [72 600 92 620] /QuadPoints [72 620 92 620 72 600 92 600] /Contents " + pdfText(text) + " >>";
        };
        QTest::newRow("a sticky note") << annotatedPdf({{"Report", {4}}},
                                                       {note("Text", QString::fromUtf8("주민번호 " + rrn))})
                                       << QStringList {QStringLiteral("page 1 › note 1")};
        QTest::newRow("a highlight's comment, second on its page")
            << annotatedPdf({{"Cover", {4}}, {"Report", {5, 6}}},
                            {note("Text", QStringLiteral("표지")), note("Text", QStringLiteral("확인 바랍니다")),
                             note("Highlight", QString::fromUtf8("주민번호 " + rrn))})
            << QStringList {QStringLiteral("page 2 › note 2")};
        QTest::newRow("a hidden form field")
            << annotatedPdf({{"Application", {4}}},
                            {"<< /Type /Annot /Subtype /Widget /F 2 /FT /Tx /T (rrn) /V (" + rrn +
                             ") /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) >>"},
                            acroForm)
            << QStringList {QStringLiteral("page 1 › form field 1")};
        QTest::newRow("a form field, drawn")
            << annotatedPdf({{"Application", {4}}},
                            {"<< /Type /Annot /Subtype /Widget /FT /Tx /T (rrn) /V (" + rrn +
                                 ") /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) /AP << /N 5 0 R >> >>",
                             pdfStream("/Type /XObject /Subtype /Form /BBox [0 0 228 20] "
                                       "/Resources << /Font << /F1 3 0 R >> >>",
                                       "/Tx BMC BT /F1 12 Tf 2 5 Td (" + rrn + ") Tj ET EMC")},
                            acroForm)
            << QStringList {QStringLiteral("page 1"), QStringLiteral("page 1 › form field 1")};
        QTest::newRow("the second of two form fields")
            << annotatedPdf({{"Application", {4, 5}}},
                            {"<< /Type /Annot /Subtype /Widget /F 2 /FT /Tx /T (name) /V (Hong) "
                             "/Rect [72 640 300 660] /DA (/F1 12 Tf 0 g) >>",
                             "<< /Type /Annot /Subtype /Widget /F 2 /FT /Tx /T (rrn) /V (" + rrn +
                                 ") /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) >>"},
                            "/AcroForm << /Fields [4 0 R 5 0 R] /DA (/F1 12 Tf 0 g) >>")
            << QStringList {QStringLiteral("page 1 › form field 2")};
        // What a viewer shows beside a note's text: who wrote it and its subject.
        QTest::newRow("a note's subject")
            << annotatedPdf({{"Report", {4}}},
                            {"<< /Type /Annot /Subtype /Text /Rect [72 600 92 620] /T (Kim) /Subj (RRN " + rrn +
                             ") /Contents (checked) >>"})
            << QStringList {QStringLiteral("page 1 › note 1")};
        // A list offers its items whether chosen or not; a field's tooltip is shown on pointing at it.
        QTest::newRow("an item a list offers")
            << annotatedPdf({{"Application", {4}}},
                            {"<< /Type /Annot /Subtype /Widget /F 2 /FT /Ch /T (rrn) /Opt [(none) (" + rrn +
                             ")] /V (none) /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) >>"},
                            acroForm)
            << QStringList {QStringLiteral("page 1 › form field 1")};
        QTest::newRow("a field's tooltip")
            << annotatedPdf({{"Application", {4}}},
                            {"<< /Type /Annot /Subtype /Widget /F 2 /FT /Tx /T (rrn) /TU (RRN " + rrn +
                             ") /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) >>"},
                            acroForm)
            << QStringList {QStringLiteral("page 1 › form field 1")};
        QTest::newRow("a list's chosen item")
            << annotatedPdf({{"Application", {4}}},
                            {"<< /Type /Annot /Subtype /Widget /F 2 /FT /Ch /T (rrn) /Opt [(none) (" + rrn + ")] /V (" +
                             rrn + ") /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) >>"},
                            acroForm)
            << QStringList {QStringLiteral("page 1 › form field 1")};
        QTest::newRow("a text box")
            << annotatedPdf({{"Report", {4}}},
                            {"<< /Type /Annot /Subtype /FreeText /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) "
                             "/Contents (" +
                             rrn + ") >>"})
            << QStringList {QStringLiteral("page 1"), QStringLiteral("page 1 › note 1")};
        QTest::newRow("a file attached to a page")
            << annotatedPdf({{"Report", {4}}},
                            {"<< /Type /Annot /Subtype /FileAttachment /Rect [72 600 92 620] /FS 5 0 R "
                             "/Contents (list) >>",
                             "<< /Type /Filespec /F (list.csv) /UF (list.csv) /EF << /F 6 0 R >> >>",
                             pdfStream("/Type /EmbeddedFile", "성명,주민등록번호\n홍길동," + rrn)})
            << QStringList {QStringLiteral("page 1 › list.csv")};
        // What a viewer shows beside the pages (red-team: passed over): a link's address on
        // pointing at it, the document's title and its bookmarks.
        QTest::newRow("a link's address")
            << annotatedPdf({{"Report", {4}}},
                            {"<< /Type /Annot /Subtype /Link /Rect [72 600 300 620] /A << /S /URI /URI "
                             "(mailto:kim?subject=" +
                             rrn + ") >> >>"})
            << QStringList {QStringLiteral("page 1 › note 1")};
        QTest::newRow("the document's title")
            << annotatedPdf({{"Report", {}}}, {"<< /Title (RRN " + rrn + ") /Author (HR) >>"}, {}, "/Info 4 0 R")
            << QStringList {QStringLiteral("note 1")};
        QTest::newRow("a bookmark") << annotatedPdf({{"Report", {}}},
                                                    {"<< /Type /Outlines /First 5 0 R /Last 5 0 R /Count 1 >>",
                                                     "<< /Title (RRN " + rrn + ") /Parent 4 0 R /Dest [6 0 R /Fit] >>"},
                                                    "/Outlines 4 0 R")
                                    << QStringList {QStringLiteral("note 1")};
    }

    void shouldReadWhatAPdfPageHoldsBesideItsText()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(QStringList, places);
        const AttachmentText text = m_reader.extract(QStringLiteral("신청서.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY2(text.incomplete.isEmpty(), qPrintable(text.incomplete));
        QStringList found;
        for (qsizetype at = text.utf8.indexOf("900101-1234568"); at >= 0;
             at = text.utf8.indexOf("900101-1234568", at + 1))
            found << text.placeAt(at).describe(u"en");
        QCOMPARE(found, places);
    }

    // A scanned application with a reviewer's sticky note on it: the note is read, the page is
    // named as a picture. It was "no text layer: not scanned", and the typed number never seen.
    void shouldReadTheNotesOnAScan()
    {
        const QByteArray pdf = annotatedPdf(
            {{"", {4}, "0.3 g 0 0 595 842 re f"}},
            {"<< /Type /Annot /Subtype /Text /Rect [72 600 92 620] /Contents (RRN 900101-1234568 checked) >>"});
        const AttachmentText text = m_reader.extract(QStringLiteral("신청서.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::Text);
        const qsizetype at = text.utf8.indexOf("900101-1234568");
        QVERIFY2(at >= 0, text.utf8.constData());
        QCOMPARE(text.placeAt(at).describe(u"en"), QStringLiteral("page 1 › note 1"));
        QVERIFY2(text.incomplete.contains(QStringLiteral("page 1: a picture")), qPrintable(text.incomplete));
    }

    // Bookmarks are read within bounds (10,000, 32 levels deep); those past them are said not
    // scanned, never passed over in silence (from a review).
    void shouldSayWhichBookmarksAreNotRead()
    {
        constexpr int Levels = 40;
        QList<QByteArray> objects {"<< /Type /Outlines /First 5 0 R /Last 5 0 R /Count 1 >>"};
        for (int level = 0; level < Levels; ++level) {
            const int self = 5 + level;
            QByteArray item =
                "<< /Title (Level " + QByteArray::number(level) + ") /Parent " + QByteArray::number(self - 1) + " 0 R";
            if (level + 1 < Levels)
                item += " /First " + QByteArray::number(self + 1) + " 0 R /Last " + QByteArray::number(self + 1) +
                    " 0 R /Count 1";
            objects << item + " >>";
        }
        const QByteArray pdf = annotatedPdf({{"Report", {}}}, objects, "/Outlines 4 0 R");
        const AttachmentText text = m_reader.extract(QStringLiteral("목차.pdf"), pdf);
        QVERIFY2(text.utf8.contains("Level 31") && !text.utf8.contains("Level 32"), text.utf8.constData());
        QVERIFY2(text.incomplete.contains(QStringLiteral("bookmarks past")), qPrintable(text.incomplete));
    }

    // A scan whose scanner gave it a title and a bookmark: neither is text of its pages, which stay
    // "not scanned".
    void shouldNotTakeAScansTitleForItsText()
    {
        const QByteArray pdf =
            annotatedPdf({{"", {}, "0.3 g 0 0 595 842 re f"}},
                         {"<< /Title (Scan 2024-06-11) >>", "<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>",
                          "<< /Title (Page 1) /Parent 5 0 R /Dest [7 0 R /Fit] >>"},
                         "/Outlines 5 0 R", "/Info 4 0 R");
        const AttachmentText text = m_reader.extract(QStringLiteral("스캔.pdf"), pdf);
        QVERIFY2(text.utf8.contains("Scan 2024-06-11") && text.utf8.contains("Page 1"), text.utf8.constData());
        QVERIFY2(text.incomplete.contains(QStringLiteral("no text layer (images only)")), qPrintable(text.incomplete));
    }

    // What poppler cannot read is named, never taken for empty: a page it refuses (more than
    // 10,000 annotations, which a viewer shows all the same), a file whose stream does not decode
    // or comes out shorter than it says.
    void shouldNameWhatPopplerCannotRead_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<QString>("incomplete");
        const QByteArray attachment = "<< /Type /Annot /Subtype /FileAttachment /Rect [72 600 92 620] /FS 5 0 R >>";
        const QByteArray fileSpec = "<< /Type /Filespec /F (a.txt) /EF << /F 6 0 R >> >>";
        QTest::newRow("a page with more than 10,000 annotations")
            << annotatedPdf({{"Cover", {}}, {"RRN 900101-1234568", QList<int>(10001, 4)}},
                            {"<< /Type /Annot /Subtype /Square /Rect [0 0 0 0] /F 2 >>"})
            << QStringLiteral("page 2: a page that cannot be read");
        QTest::newRow("a file in a filter poppler does not know")
            << annotatedPdf({{"Report", {4}}},
                            {attachment, fileSpec, pdfStream("/Type /EmbeddedFile /Filter /Foo", "RRN 900101-1234568")})
            << QStringLiteral("page 1 › a.txt: an attached file that cannot be read");
        QTest::newRow("a file whose stream does not inflate")
            << annotatedPdf({{"Report", {}}},
                            {fileSpec, fileSpec,
                             pdfStream("/Type /EmbeddedFile /Filter /FlateDecode", "garbage RRN 900101-1234568")},
                            "/Names << /EmbeddedFiles << /Names [(a.txt) 5 0 R] >> >>")
            << QStringLiteral("a.txt: an attached file that cannot be read");
        QTest::newRow("a file shorter than it says")
            << annotatedPdf(
                   {{"Report", {4}}},
                   {attachment, fileSpec, pdfStream("/Type /EmbeddedFile /Params << /Size 1000 >>", "RRN 900101-12")})
            << QStringLiteral("page 1 › a.txt: an attached file that cannot be read");
    }

    void shouldNameWhatPopplerCannotRead()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(QString, incomplete);
        const AttachmentText text = m_reader.extract(QStringLiteral("보고.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY2(text.incomplete.contains(incomplete), qPrintable(text.incomplete));
    }

    // A file attached to the document under a name in Korean, as Acrobat writes it (UTF-16 with its
    // byte order mark): the name is read as written, and a number in it is found.
    void shouldReadTheNameOfAFileAttachedToAPdf()
    {
        const QString name = QStringLiteral("신분증 850315-2345678.csv");
        const QByteArray pdf =
            annotatedPdf({{"Report", {}}},
                         {"<< /Type /Filespec /F (id.csv) /UF " + pdfText(name) + " /EF << /F 5 0 R >> >>",
                          pdfStream("/Type /EmbeddedFile", "성명,연락처\n홍길동,010-2345-6789\n")},
                         "/Names << /EmbeddedFiles << /Names [(id.csv) 4 0 R] >> >>");
        const AttachmentText text = m_reader.extract(QStringLiteral("보고.pdf"), pdf);
        QVERIFY2(text.incomplete.isEmpty(), qPrintable(text.incomplete));
        const qsizetype at = text.utf8.indexOf("850315-2345678");
        QVERIFY2(at >= 0, text.utf8.constData());
        QCOMPARE(text.placeAt(at).describe(u"en"), name + QStringLiteral(" › file name"));
        QCOMPARE(text.placeAt(text.utf8.indexOf("010-2345-6789")).describe(u"en"), name);
    }

    // A file attached to a page that says it is larger than allowed is not unpacked, and the PDF
    // is not clean.
    void shouldNotUnpackAPageAttachmentLargerThanAllowed()
    {
        const QByteArray pdf =
            annotatedPdf({{"Report", {4}}},
                         {"<< /Type /Annot /Subtype /FileAttachment /Rect [72 600 92 620] /FS 5 0 R >>",
                          "<< /Type /Filespec /F (list.csv) /EF << /F 6 0 R >> >>",
                          pdfStream("/Type /EmbeddedFile /Params << /Size 999999999 >>", "900101-1234568")});
        const AttachmentText text = m_reader.extract(QStringLiteral("보고.pdf"), pdf);
        QVERIFY2(!text.utf8.contains("900101"), text.utf8.constData());
        QVERIFY2(text.incomplete.contains(QStringLiteral("page 1 › list.csv: an attached file larger than")),
                 qPrintable(text.incomplete));
    }

    void shouldLoadThePdfReaderOnlyBesideTheHelper()
    {
        // A helper in a folder the sandbox hides (under /tmp): the module beside it was opened
        // before the lock-down and is loaded from that descriptor when the PDF comes.
        QTemporaryDir dir;
        const QString helper = dir.filePath(QStringLiteral("sendguard-extract"));
        QVERIFY(QFile::copy(QStringLiteral(SENDGUARD_EXTRACT), helper));
        QVERIFY(QFile::setPermissions(helper, QFile::ReadOwner | QFile::ExeOwner));
        const QByteArray pdf = printedPdf({{QStringLiteral("주민등록번호 850315-2345678")}});
        const AttachmentReader copy {helper};
        AttachmentText text = copy.extract(QStringLiteral("신청서.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::NotScanned);
        QVERIFY2(text.reason.contains(QStringLiteral("PDF reader")), qPrintable(text.reason));

        QVERIFY(QFile::copy(
            QFileInfo(QStringLiteral(SENDGUARD_EXTRACT)).dir().filePath(QStringLiteral("sendguard-pdf-reader.so")),
            dir.filePath(QStringLiteral("sendguard-pdf-reader.so"))));
        text = copy.extract(QStringLiteral("신청서.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY2(text.utf8.contains("850315-2345678"), text.utf8.constData());
        // Documents of other kinds never need it.
        QCOMPARE(copy.extract(QStringLiteral("a.docx"), docx(wordParagraph({QStringLiteral("가")}))).status,
                 AttachmentText::Status::Text);
    }

    void shouldKeepOnlyTheDescriptorItIsTold()
    {
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // One below the kept descriptor and one above it: both go.
            const int below = ::open("/usr/bin/env", O_RDONLY);
            const int kept = ::open("/usr/bin/env", O_RDONLY);
            const int above = ::open("/usr/bin/env", O_RDONLY);
            QString error;
            if (below < 3 || kept <= below || above <= kept ||
                !Tools::Sandbox::enter({qint64(2) << 30, 20, kept}, &error))
                ::_exit(100);
            char byte = 0;
            const bool keptOpen = ::read(kept, &byte, 1) == 1;
            const auto closed = [](int descriptor) { return ::fcntl(descriptor, F_GETFD) < 0 && errno == EBADF; };
            ::_exit((keptOpen ? 0 : 1) | (closed(below) ? 0 : 2) | (closed(above) ? 0 : 4));
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void shouldNotCountAScannedPdfAsClean()
    {
        const AttachmentText text = m_reader.extract(QStringLiteral("스캔.pdf"), printedPdf({{}, {}}, true));
        QCOMPARE(text.status, AttachmentText::Status::NotScanned);
        QVERIFY2(text.reason.contains(QStringLiteral("no text layer")), qPrintable(text.reason));
    }

    // A scanned page among typed ones: the typed pages are read, the scanned one is named as not
    // scanned, and a blank page (an empty back side) is neither.
    void shouldNameTheScannedPagesOfATypedPdf()
    {
        const AttachmentText text = m_reader.extract(
            QStringLiteral("신청서.pdf"),
            printedPdfWithScans({{QStringLiteral("주민등록번호 850315-2345678")}, {}, {}, {QStringLiteral("끝")}},
                                {1}));
        QVERIFY2(text.status == AttachmentText::Status::Text, qPrintable(text.reason));
        QVERIFY2(text.utf8.contains("850315-2345678"), text.utf8.constData());
        QVERIFY2(text.incomplete.contains(QStringLiteral("page 2: a picture")), qPrintable(text.incomplete));
        QVERIFY2(!text.incomplete.contains(QStringLiteral("page 3")), qPrintable(text.incomplete));

        // Typed pages, a blank one and one with only its number among them: all read.
        const AttachmentText typed = m_reader.extract(
            QStringLiteral("신청서.pdf"),
            printedPdf({{QStringLiteral("주거급여 신청서")}, {}, {QStringLiteral("- 3 -")}, {QStringLiteral("끝")}}));
        QCOMPARE(typed.status, AttachmentText::Status::Text);
        QVERIFY2(typed.incomplete.isEmpty(), qPrintable(typed.incomplete));
    }

    // A page so large that poppler will not draw it at 12 dpi (it gives one white dot) is drawn
    // smaller, and a picture on it is still seen: never taken for a blank page.
    void shouldSeeAPictureOnAHugePage()
    {
        // Objects without a cross-reference table: poppler rebuilds it, as for many real files.
        const QByteArray pdf =
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            "2 0 obj << /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >> endobj\n"
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> "
            "/Contents 4 0 R >> endobj\n"
            "4 0 obj << /Length 45 >> stream\nBT /F1 12 Tf 72 700 Td (900101-1234568) Tj ET\nendstream endobj\n"
            "5 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10000000 10000000] /Contents 6 0 R >> endobj\n"
            "6 0 obj << /Length 34 >> stream\n0 0 1 rg 0 0 5000000 5000000 re f\nendstream endobj\n"
            "7 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
            "trailer << /Root 1 0 R >>\n%%EOF\n";
        const AttachmentText text = m_reader.extract(QStringLiteral("큰쪽.pdf"), pdf);
        QVERIFY2(text.utf8.contains("900101-1234568"), text.utf8.constData());
        QVERIFY2(text.incomplete.contains(QStringLiteral("page 2: a picture")), qPrintable(text.incomplete));
    }

    // A page written in a Type 3 font (F1) whose glyphs (a box each, here) have made-up names and
    // no text map: what a viewer shows cannot be read, and the page is never reported clean, even
    // with a hyphen from another font (F2, Helvetica) between its digits. Such glyphs one at a
    // time between letters are a TeX font's ligatures; the same font on character codes that are
    // digits reads as them.
    void shouldNotCountAFontWithoutATextMapAsClean_data()
    {
        QTest::addColumn<QByteArray>("firstCode");
        QTest::addColumn<QByteArray>("shown");
        QTest::addColumn<bool>("unreadable");
        QTest::newRow("a number in codes 1 to 10")
            << QByteArray("1") << QByteArray("/F1 20 Tf <0A01010201020203040506070A> Tj") << true;
        QTest::newRow("a hyphen that reads between them")
            << QByteArray("1") << QByteArray("/F1 20 Tf <0A0101020102> Tj /F2 20 Tf (-) Tj /F1 20 Tf <0203040A> Tj")
            << true;
        QTest::newRow("codes 128 to 137")
            << QByteArray("128") << QByteArray("/F1 20 Tf <80818283848586878889> Tj") << true;
        QTest::newRow("one at a time between letters")
            << QByteArray("1")
            << QByteArray("/F2 12 Tf (o) Tj /F1 12 Tf <01> Tj /F2 12 Tf (ce ) Tj /F1 12 Tf <02> Tj /F2 12 Tf (le ) Tj "
                          "/F1 12 Tf <03> Tj /F2 12 Tf (y ) Tj /F1 12 Tf <04> Tj /F2 12 Tf (ne ) Tj /F1 12 Tf <05> "
                          "Tj /F2 12 Tf (ld ) Tj /F1 12 Tf <06> Tj /F2 12 Tf (nal) Tj")
            << false;
        QTest::newRow("three in a row") << QByteArray("1") << QByteArray("/F1 20 Tf <010203> Tj") << false;
        QTest::newRow("the codes of digits") << QByteArray("48") << QByteArray("/F1 20 Tf (9001011234568) Tj") << false;
    }

    void shouldNotCountAFontWithoutATextMapAsClean()
    {
        QFETCH(QByteArray, firstCode);
        QFETCH(QByteArray, shown);
        QFETCH(bool, unreadable);
        QByteArray charProcs;
        QByteArray names;
        QList<QByteArray> glyphs;
        for (int digit = 0; digit < 10; ++digit) {
            // Not "g1" or "cid12", which poppler reads as the code they name.
            const QByteArray name = "/box" + QByteArray(1, char('a' + digit));
            charProcs += name + ' ' + QByteArray::number(5 + digit) + " 0 R ";
            names += name + ' ';
            glyphs << pdfStream({}, "1000 0 0 0 750 750 d1 0 0 " + QByteArray::number(60 + 60 * digit) + " 700 re f");
        }
        const QByteArray font = "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 "
                                "0.001 0 0] /CharProcs << " +
            charProcs + ">> /Encoding << /Type /Encoding /Differences [" + firstCode + ' ' + names +
            "] >> /FirstChar " + firstCode + " /LastChar " + QByteArray::number(firstCode.toInt() + 9) + " /Widths [" +
            QByteArray("1000 ").repeated(10) + "] >>";
        const QByteArray pdf =
            pdfOf(QList<QByteArray> {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
                                     "/F1 15 0 R /F2 16 0 R >> >> /Contents 4 0 R >>",
                                     pdfStream({},
                                               "BT /F2 12 Tf 72 760 Td (Resident registration number) Tj ET "
                                               "BT 72 700 Td " +
                                                   shown + " ET")} +
                  glyphs + QList<QByteArray> {font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
        const AttachmentText text = m_reader.extract(QStringLiteral("신청서.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY2(text.utf8.contains("Resident registration number"), text.utf8.constData());
        QCOMPARE(text.incomplete.contains(QStringLiteral("page 1: characters in a font with no text map")), unreadable);
        if (firstCode == "48")
            QVERIFY2(text.utf8.contains("9001011234568"), text.utf8.constData());
    }

    // Korean text in a font of the standard Korean character collection with a predefined CMap and
    // no ToUnicode map, as Java report tools write it (iText with HYSMyeongJo): poppler reads it
    // with poppler-data's CMaps. Without them every page read as "images only" (red-team).
    void shouldReadAPdfInAStandardKoreanCMap_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("shown");
        QStringEncoder utf16(QStringConverter::Utf16BE);
        QStringEncoder cp949("CP949");
        const QString line = QStringLiteral("주민 900101-1234568");
        QTest::newRow("UniKS-UCS2-H") << QByteArray("UniKS-UCS2-H") << QByteArray(utf16.encode(line)).toHex();
        QTest::newRow("KSCms-UHC-H") << QByteArray("KSCms-UHC-H") << QByteArray(cp949.encode(line)).toHex();
    }
    void shouldReadAPdfInAStandardKoreanCMap()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, shown);
        const QByteArray pdf = pdfOf(QList<QByteArray> {
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
            "/Contents 4 0 R >>",
            pdfStream({}, "BT /F1 12 Tf 72 700 Td <" + shown + "> Tj ET"),
            "<< /Type /Font /Subtype /Type0 /BaseFont /HYSMyeongJo-Medium /Encoding /" + encoding +
                " /DescendantFonts [6 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYSMyeongJo-Medium /CIDSystemInfo << /Registry "
            "(Adobe) /Ordering (Korea1) /Supplement 1 >> /FontDescriptor 7 0 R >>",
            "<< /Type /FontDescriptor /FontName /HYSMyeongJo-Medium /Flags 4 /FontBBox [0 0 1000 1000] "
            "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"});
        const AttachmentText text = m_reader.extract(QStringLiteral("통지서.pdf"), pdf);
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY2(text.incomplete.isEmpty(), qPrintable(text.incomplete));
        // The font gives no widths, so poppler spaces the words as it guesses.
        QVERIFY2(text.utf8.contains(QStringLiteral("주민").toUtf8()), text.utf8.constData());
        QVERIFY2(text.utf8.contains("900101-1234568"), text.utf8.constData());
    }

    void shouldNotCountAPdfDecompressionBombAsClean()
    {
        // 300 MB of a page's content inflated from 300 KB: read to its end or stopped, never clean.
        Core::AttachmentLimits limits;
        limits.maxSeconds = 5;
        const AttachmentText text = AttachmentReader(QStringLiteral(SENDGUARD_EXTRACT), limits)
                                        .extract(QStringLiteral("bomb.pdf"), flatePdf(QByteArray(300 << 20, ' ')));
        QCOMPARE(text.status, AttachmentText::Status::NotScanned);
        QVERIFY2(text.reason.contains(QStringLiteral("longer than 5 s")) ||
                     text.reason.contains(QStringLiteral("no text layer")),
                 qPrintable(text.reason));
    }

    void shouldSayWhatIsNotScannedInsideAnArchive()
    {
        const AttachmentText text =
            m_reader.extract(QStringLiteral("서류.zip"),
                             zipOf({{QStringLiteral("명단.csv"), "홍길순,850315-2345678"},
                                    {QStringLiteral("사진.jpg"), QByteArray("\xFF\xD8\xFF\xE0", 4)}}));
        QCOMPARE(text.status, AttachmentText::Status::Text);
        QVERIFY(text.utf8.contains("850315-2345678"));
        QVERIFY2(text.incomplete.contains(QStringLiteral("사진.jpg: an image")), qPrintable(text.incomplete));
    }

    void shouldPassTheLimitsOn()
    {
        Core::AttachmentLimits limits;
        limits.maxCharacters = 20; // the place ("paragraph=1") counts 9 of them
        const AttachmentReader reader(QStringLiteral(SENDGUARD_EXTRACT), limits);
        const AttachmentText text =
            reader.extract(QStringLiteral("a.docx"), docx(wordParagraph({QStringLiteral("850315-2345678")})));
        QCOMPARE(text.utf8, QByteArray("850315-2345"));
        QVERIFY(text.incomplete.contains(QStringLiteral("more than 20 characters")));

        limits = {};
        limits.maxInputBytes = 100;
        const AttachmentText large = AttachmentReader(QStringLiteral(SENDGUARD_EXTRACT), limits)
                                         .extract(QStringLiteral("a.docx"), docx(wordParagraph({QStringLiteral("x")})));
        QCOMPARE(large.status, AttachmentText::Status::NotScanned);
    }

    void shouldNotLetAHelperThatHangsHoldTheHost()
    {
        QTemporaryDir dir;
        Core::AttachmentLimits limits;
        limits.maxSeconds = 1;
        const AttachmentReader reader(writeScript(dir, QStringLiteral("hangs"), "cat > /dev/null; sleep 60"), limits);
        const AttachmentText text = reader.extract(QStringLiteral("a.docx"), "PK");
        QCOMPARE(text.status, AttachmentText::Status::NotScanned);
        QVERIFY2(text.reason.contains(QStringLiteral("longer than 1 s")), qPrintable(text.reason));
    }

    void shouldNotCountAHelperThatCrashedAsClean()
    {
        QTemporaryDir dir;
        // Some text, then the end never comes: what was read is not reported as the whole.
        const AttachmentReader reader(
            writeScript(dir, QStringLiteral("crashes"),
                        "cat > /dev/null; echo '{\"place\":[],\"text\":\"partial\"}'; kill -SEGV $$"));
        const AttachmentText text = reader.extract(QStringLiteral("a.docx"), "PK");
        QCOMPARE(text.status, AttachmentText::Status::NotScanned);
        QVERIFY2(text.reason.contains(QStringLiteral("stopped before the end")), qPrintable(text.reason));
    }

    void shouldNotLetAHelperFloodTheHost()
    {
        // A helper gone wrong sends without end: the host stops it, and its memory stays bounded.
        QTemporaryDir dir;
        Core::AttachmentLimits limits;
        limits.maxCharacters = 1000;
        const AttachmentReader reader(
            writeScript(dir, QStringLiteral("floods"), "cat > /dev/null; yes '{\"place\":[],\"text\":\"x\"}'"), limits);
        const AttachmentText text = reader.extract(QStringLiteral("a.docx"), "PK");
        QCOMPARE(text.status, AttachmentText::Status::NotScanned);
        QVERIFY2(text.reason.contains(QStringLiteral("sent more than it may")), qPrintable(text.reason));
    }

    void shouldStopTheHelperOnCancel()
    {
        QTemporaryDir dir;
        const AttachmentReader reader(writeScript(dir, QStringLiteral("slow"), "cat > /dev/null; sleep 60"));
        std::atomic_bool cancel = false;
        QThread *canceller = QThread::create([&cancel] {
            QThread::msleep(200);
            cancel = true;
        });
        canceller->start();
        const AttachmentText text = reader.extract(QStringLiteral("a.docx"), "PK", &cancel);
        canceller->wait();
        delete canceller;
        QCOMPARE(text.status, AttachmentText::Status::Unreadable);
        QCOMPARE(text.reason, QStringLiteral("cancelled"));
    }

    void shouldSayWhenTheHelperIsMissing()
    {
        const AttachmentText text = AttachmentReader(QString()).extract(QStringLiteral("a.docx"), "PK");
        QCOMPARE(text.status, AttachmentText::Status::NotScanned);
        QVERIFY(text.reason.contains(QStringLiteral("not installed")));
        // Plain text needs no helper.
        QCOMPARE(AttachmentReader(QString()).extract(QStringLiteral("a.txt"), "850315-2345678").status,
                 AttachmentText::Status::Text);
    }

    void shouldNotRunAUsersHelperForAnInstalledHost()
    {
        QTemporaryDir dir;
        const QString own = writeScript(dir, QStringLiteral("sendguard-extract"), "echo '{\"done\":true}'");
        qputenv("SENDGUARD_EXTRACT", QFile::encodeName(own));
        // A build tree or an evaluation copy follows the variable; an installed host never does.
        const QString userCopy = dir.filePath(QStringLiteral("host"));
        QVERIFY(QFile::copy(QStringLiteral(SENDGUARD_EXTRACT), userCopy));
        QCOMPARE(AttachmentReader::findHelper(userCopy), own);
        QVERIFY(AttachmentReader::findHelper(QStringLiteral("/usr/bin/env")) != own);
        qunsetenv("SENDGUARD_EXTRACT");
    }

    void shouldLockTheHelperDown()
    {
        // In a child: enter the sandbox, then try what a hostile document would want.
        QTemporaryDir dir;
        const QByteArray written = QFile::encodeName(dir.filePath(QStringLiteral("written")));
        const QByteArray readable = "/usr/bin/env"; // under /usr, which the helper keeps seeing
        const QByteArray hidden = QFile::encodeName(writeScript(dir, QStringLiteral("a-users-file"), "secret"));
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            const bool isolated = Tools::Sandbox::isolate();
            QString error;
            if (!Tools::Sandbox::enter({}, &error))
                ::_exit(100);
            int escaped = 0;
            // In its namespaces, the folders that hold people's files are empty (here, /tmp).
            if (isolated && ::open(hidden.constData(), O_RDONLY) >= 0)
                escaped |= 32;
            if (::open(written.constData(), O_WRONLY | O_CREAT, 0600) >= 0)
                escaped |= 1;
            if (::socket(AF_UNIX, SOCK_STREAM, 0) >= 0)
                escaped |= 2;
            const pid_t grandchild = ::fork();
            if (grandchild == 0)
                ::_exit(0);
            if (grandchild > 0)
                escaped |= 4;
            // /bin/false exits 1: were execv allowed, the test would see that, not 0.
            char *const argv[] = {const_cast<char *>("/bin/false"), nullptr};
            ::execv("/bin/false", argv);
            escaped |= 8; // only reached when execv failed
            if (::open(readable.constData(), O_RDONLY) < 0)
                escaped |= 16; // reading what it needs still works
            // 64 says the namespaces were in place (so the hidden-file check counted).
            ::_exit((escaped == 8 ? 0 : escaped) | (isolated ? 64 : 0));
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        const int code = WEXITSTATUS(status);
        QCOMPARE(code & ~64, 0);
        if (!(code & 64))
            qWarning("user namespaces are not available here: the hidden-folder check did not run");
        else
            qInfo("user namespaces in place: /tmp was empty to the child");
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("written"))));
    }
};

QTEST_MAIN(ExtractHelperTest)
#include "extracthelpertest.moc"
