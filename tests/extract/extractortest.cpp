// SPDX-License-Identifier: GPL-2.0-or-later
// The attachment parsers (extract/), on files the test writes from the formats' specifications:
// the text a person would see, each piece with its place, and for every hostile or broken input
// the right reason, never a crash and never "clean".
#include "documentextractor.h"
#include "hwpextractor.h"
#include "spreadsheetextractor.h"
#include "textsink.h"

#include "documentfiles.h"
#include "extractedtext.h"
#include "xlsfiles.h"

#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

#include <random>

using namespace SendGuard;
using namespace SendGuard::Tests;
using Extract::DocumentExtractor;

namespace {
using Read = ExtractedText;
Read extract(const QByteArray &bytes, const QString &name, const Core::AttachmentLimits &limits = {})
{
    return extractText(bytes, name, limits);
}
} // namespace

class ExtractorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadAWordDocumentWithItsPlaces()
    {
        const QByteArray file = docx(
            wordParagraph({QStringLiteral("주거급여 신청서")}) +
                wordParagraph({QStringLiteral("주민등록번호 8503"), QStringLiteral("15-23"), QStringLiteral("45678")}) +
                wordTable({QStringLiteral("성명"), QStringLiteral("홍길순")}) +
                QStringLiteral("<w:p><w:del><w:r><w:delText>900101-1234568</w:delText></w:r></w:del></w:p>"),
            wordParagraph({QStringLiteral("청라3동 행정복지센터")}),
            // As LibreOffice writes them: two separators, then the first note a reader sees, id 2.
            QStringLiteral("<w:footnote w:id=\"0\" w:type=\"separator\"><w:p><w:r><w:separator/></w:r></w:p>"
                           "</w:footnote><w:footnote w:id=\"1\" w:type=\"continuationSeparator\"><w:p><w:r>"
                           "<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id=\"2\">%1</w:footnote>")
                .arg(wordParagraph({QStringLiteral("각주 본문")})),
            QStringLiteral("<w:comment w:id=\"0\">%1</w:comment>").arg(wordParagraph({QStringLiteral("검토 의견")})));
        QCOMPARE(DocumentExtractor::sniff(file, QStringLiteral("a.docx")), DocumentExtractor::Format::Docx);
        const Read read = extract(file, QStringLiteral("신청서.docx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        // The number split across three runs is read whole, in its paragraph.
        QCOMPARE(read.textAt(QStringLiteral("paragraph 2")), QStringLiteral("주민등록번호 850315-2345678"));
        QCOMPARE(read.textAt(QStringLiteral("table 1, row 1, cell 2")), QStringLiteral("홍길순"));
        QCOMPARE(read.textAt(QStringLiteral("paragraph 5 › tracked deletion")), QStringLiteral("900101-1234568"));
        QCOMPARE(read.textAt(QStringLiteral("header › paragraph 1")), QStringLiteral("청라3동 행정복지센터"));
        // Notes and comments numbered as a reader counts them, from 1, whatever Word's ids.
        QCOMPARE(read.textAt(QStringLiteral("footnote 1 › paragraph 1")), QStringLiteral("각주 본문"));
        QCOMPARE(read.textAt(QStringLiteral("comment 1 › paragraph 1")), QStringLiteral("검토 의견"));
    }

    // From a red-team pass: what a reader sees beside a document's runs of text. A WordArt's text,
    // a picture's alternative text, a link's tooltip and a drop-down's items are attributes; a
    // ruby's reading over a number is a piece of its own, never inside the number. Each row: a
    // file, its name, and the text read at a place.
    void shouldReadWhatAReaderSeesBesideTheText_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("text");
        const QString rrn = QStringLiteral("850315-2345678");
        const QString docxName = QStringLiteral("a.docx");
        const QString vml = QStringLiteral("xmlns:v=\"urn:schemas-microsoft-com:vml\"");
        const QString drawing =
            QStringLiteral("xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"");
        QTest::newRow("a WordArt's text")
            << docx(QStringLiteral("<w:p><w:r><w:pict><v:shape %1><v:textpath string=\"%2\"/></v:shape></w:pict>"
                                   "</w:r></w:p>")
                        .arg(vml, rrn))
            << docxName << QStringLiteral("text box") << rrn;
        QTest::newRow("a picture's alternative text")
            << docx(QStringLiteral("<w:p><w:r><w:drawing><wp:inline %1><wp:docPr id=\"1\" name=\"그림 1\" "
                                   "descr=\"주민등록번호 %2\"/></wp:inline></w:drawing></w:r></w:p>")
                        .arg(drawing, rrn))
            << docxName << QStringLiteral("note 1") << QStringLiteral("주민등록번호 ") + rrn;
        QTest::newRow("a VML picture's alternative text")
            << docx(QStringLiteral("<w:p><w:r><w:pict><v:shape %1 alt=\"%2\"/></w:pict></w:r></w:p>").arg(vml, rrn))
            << docxName << QStringLiteral("note 1") << rrn;
        QTest::newRow("a link's tooltip")
            << docx(QStringLiteral("<w:p><w:hyperlink w:tooltip=\"%1\"><w:r><w:t>신청인</w:t></w:r></w:hyperlink>"
                                   "</w:p>")
                        .arg(rrn))
            << docxName << QStringLiteral("note 1") << rrn;
        QTest::newRow("a drop-down's item")
            << docx(QStringLiteral("<w:p><w:sdt><w:sdtPr><w:dropDownList><w:listItem w:displayText=\"%1\" "
                                   "w:value=\"1\"/></w:dropDownList></w:sdtPr></w:sdt></w:p>")
                        .arg(rrn))
            << docxName << QStringLiteral("form field 1") << rrn;
        // A field's code, whose result Word shows (and computes when the file does not keep it).
        const QByteArray field =
            docx(QStringLiteral("<w:p><w:r><w:t>번호 </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                                "<w:r><w:instrText> QUOTE \"%1\" </w:instrText></w:r><w:r><w:fldChar "
                                "w:fldCharType=\"end\"/></w:r></w:p>")
                     .arg(rrn));
        QTest::newRow("a field's code") << field << docxName << QStringLiteral("note 1")
                                        << QStringLiteral(" QUOTE \"%1\" ").arg(rrn);
        QTest::newRow("the paragraph beside a field's code")
            << field << docxName << QStringLiteral("paragraph 1") << QStringLiteral("번호 ");
        QTest::newRow("a simple field's code")
            << docx(QStringLiteral("<w:p><w:fldSimple w:instr=\" QUOTE &quot;%1&quot; \"/></w:p>").arg(rrn)) << docxName
            << QStringLiteral("note 1") << QStringLiteral(" QUOTE \"%1\" ").arg(rrn);
        const QByteArray ruby =
            docx(QStringLiteral("<w:p><w:r><w:t>850315-</w:t></w:r><w:r><w:ruby><w:rt><w:r><w:t>뒷자리</w:t></w:r>"
                                "</w:rt><w:rubyBase><w:r><w:t>2345678</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"));
        QTest::newRow("the text under a ruby") << ruby << docxName << QStringLiteral("paragraph 1") << rrn;
        QTest::newRow("a ruby's reading") << ruby << docxName << QStringLiteral("note 1") << QStringLiteral("뒷자리");
        QTest::newRow("the text under an ODF ruby")
            << openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                            QStringLiteral("<office:text><text:p>850315-<text:ruby><text:ruby-base>2345678"
                                           "</text:ruby-base><text:ruby-text>뒷자리</text:ruby-text></text:ruby>"
                                           "</text:p></office:text>"))
            << QStringLiteral("a.odt") << QStringLiteral("paragraph 1") << rrn;
        // A user field's value, declared once; a spreadsheet cell's value where its paragraph is
        // stale; a cell's list of choices; an HWPX click-here field's guide text.
        QTest::newRow("an ODF user field's value")
            << openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                            QStringLiteral("<office:text><text:user-field-decls><text:user-field-decl text:name=\"no\" "
                                           "office:value-type=\"string\" office:string-value=\"%1\"/>"
                                           "</text:user-field-decls><text:p>번호</text:p></office:text>")
                                .arg(rrn))
            << QStringLiteral("a.odt") << QStringLiteral("form field 1") << rrn;
        QTest::newRow("an ODF hidden text's value")
            << openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                            QStringLiteral("<office:text><text:p>주민등록번호 <text:hidden-text text:condition="
                                           "\"ooow:1==2\" text:string-value=\"%1\" text:is-hidden=\"false\"/>"
                                           "</text:p></office:text>")
                                .arg(rrn))
            << QStringLiteral("a.odt") << QStringLiteral("form field 1") << rrn;
        QTest::newRow("an ODF conditional text's other value")
            << openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                            QStringLiteral("<office:text><text:p><text:conditional-text text:condition=\"ooow:a\" "
                                           "text:string-value-if-true=\"없음\" text:string-value-if-false=\"%1\">"
                                           "없음</text:conditional-text></text:p></office:text>")
                                .arg(rrn))
            << QStringLiteral("a.odt") << QStringLiteral("form field 1") << rrn; // the last one declared comes first
        QTest::newRow("an ODF drop-down's item")
            << openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                            QStringLiteral("<office:text><text:p><text:drop-down text:name=\"d\"><text:label "
                                           "text:value=\"선택\"/><text:label text:value=\"%1\"/>선택"
                                           "</text:drop-down></text:p></office:text>")
                                .arg(rrn))
            << QStringLiteral("a.odt") << QStringLiteral("form field 2") << rrn;
        QTest::newRow("an ODF form's text box")
            << openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                            QStringLiteral("<office:text><office:forms><form:form form:name=\"F\"><form:text "
                                           "form:name=\"t1\" form:id=\"c1\" form:current-value=\"%1\"/></form:form>"
                                           "</office:forms><text:p>주민등록번호 <draw:control draw:control=\"c1\"/>"
                                           "</text:p></office:text>")
                                .arg(rrn))
            << QStringLiteral("a.odt") << QStringLiteral("form field 1") << rrn;
        const QByteArray cells = openDocument(
            QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
            QStringLiteral(
                "<office:spreadsheet><table:content-validations><table:content-validation "
                "table:name=\"v1\" table:condition=\"of:cell-content-is-in-list(&quot;900101-1234568&quot;)\"/>"
                "</table:content-validations><table:table table:name=\"S\"><table:table-row>"
                "<table:table-cell office:value-type=\"string\" office:string-value=\"%1\"><text:p>번호"
                "</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>")
                .arg(rrn));
        QTest::newRow("an ODS cell's stored string")
            << cells << QStringLiteral("a.ods") << QStringLiteral("S!A1") << QStringLiteral("번호\n") + rrn;
        QTest::newRow("an ODS cell's list of choices")
            << cells << QStringLiteral("a.ods") << QStringLiteral("form field v1")
            << QStringLiteral("of:cell-content-is-in-list(\"900101-1234568\")");
        QTest::newRow("an HWPX click-here field's guide")
            << hwpx({QStringLiteral("<hp:p><hp:run><hp:ctrl><hp:fieldBegin type=\"CLICK_HERE\"><hp:parameters>"
                                    "<hp:stringParam name=\"Direction\">%1</hp:stringParam></hp:parameters>"
                                    "</hp:fieldBegin></hp:ctrl></hp:run></hp:p>")
                         .arg(rrn)})
            << QStringLiteral("a.hwpx") << QStringLiteral("section 1 › form field 1") << rrn;
        // A 덧말: its text, and the reading over it apart.
        const QByteArray dutmal =
            hwpx({QStringLiteral("<hp:p><hp:run><hp:t>850315-</hp:t><hp:dutmal posType=\"TOP\"><hp:mainText>2345678"
                                 "</hp:mainText><hp:subText>뒷자리</hp:subText></hp:dutmal></hp:run></hp:p>")});
        QTest::newRow("a 덧말's text") << dutmal << QStringLiteral("a.hwpx")
                                       << QStringLiteral("section 1 › paragraph 1") << rrn;
        QTest::newRow("a 덧말's reading")
            << dutmal << QStringLiteral("a.hwpx") << QStringLiteral("section 1 › note 1") << QStringLiteral("뒷자리");
    }

    void shouldReadWhatAReaderSeesBesideTheText()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, name);
        QFETCH(QString, place);
        QFETCH(QString, text);
        const Read read = extract(file, name);
        QCOMPARE(read.textAt(place), text);
    }

    // A header's part may have any name: the main part's relationship names it (red-team: read as
    // a part no extractor knows, its place the part's name).
    void shouldFindAHeaderByItsRelationship()
    {
        const QByteArray file = docx(
            wordParagraph({QStringLiteral("본문")}), {}, {}, {},
            {{QStringLiteral("word/kopf.xml"),
              xmlDocument(QStringLiteral("<w:hdr %1>%2</w:hdr>")
                              .arg(QLatin1String(wordNamespace), wordParagraph({QStringLiteral("850315-2345678")})))},
             {QStringLiteral("word/_rels/document.xml.rels"),
              xmlDocument(QStringLiteral("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                         "relationships\"><Relationship Id=\"rId7\" Type=\"http://schemas."
                                         "openxmlformats.org/officeDocument/2006/relationships/header\" "
                                         "Target=\"kopf.xml\"/></Relationships>"))}});
        const Read read = extract(file, QStringLiteral("a.docx"));
        QCOMPARE(read.textAt(QStringLiteral("header › paragraph 1")), QStringLiteral("850315-2345678"));
    }

    // A package's part names compare without case: "Word/Document.xml" is the main part, read with
    // its places, not as a part no extractor knows.
    void shouldFindPartsWhateverTheirCase()
    {
        Entries entries =
            packageParts(QStringLiteral("word/document.xml"), QStringLiteral("wordprocessingml.document.main+xml"));
        entries.append({QStringLiteral("Word/Document.xml"),
                        xmlDocument(QStringLiteral("<w:document %1><w:body>%2</w:body></w:document>")
                                        .arg(QLatin1String(wordNamespace), wordParagraph({QStringLiteral("본문")})))});
        const Read read = extract(zipOf(entries), QStringLiteral("a.docx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("paragraph 1")), QStringLiteral("본문"));
    }

    void shouldRefuseADocumentTypeDeclaration()
    {
        // The "billion laughs": entities are never expanded, the part is not read, and says so.
        const QByteArray bomb =
            zipOf({{QStringLiteral("word/document.xml"),
                    "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                    "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"}});
        const Read read = extract(bomb, QStringLiteral("bomb.docx"));
        QVERIFY(read.pieces.isEmpty());
        QVERIFY2(read.incomplete.contains(QStringLiteral("DTD")), qPrintable(read.incomplete));
    }

    void shouldReadEverySheetCellByCell()
    {
        const QByteArray file =
            xlsx({{QStringLiteral("요약"), QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")},
                  {QStringLiteral("명단"),
                   QStringLiteral("<row r=\"14\"><c r=\"B14\" t=\"s\"><v>1</v></c>"
                                  "<c r=\"C14\"><v>8503152345678</v></c>"
                                  "<c r=\"D14\"><v>8.503152345678E12</v></c>"
                                  "<c r=\"E14\" t=\"inlineStr\"><is><t>900101-1234568</t></is></c>"
                                  "<c r=\"F14\"><f>A1</f><v>3.25</v></c></row>")}},
                 {QStringLiteral("주거급여 대상자"), QStringLiteral("홍길순")});
        QCOMPARE(DocumentExtractor::sniff(file, QStringLiteral("x.bin")), DocumentExtractor::Format::Xlsx);
        const Read read = extract(file, QStringLiteral("명단.xlsx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("요약!A1")), QStringLiteral("주거급여 대상자"));
        QCOMPARE(read.textAt(QStringLiteral("명단!B14")), QStringLiteral("홍길순"));
        // A resident registration number typed as a number, however Excel wrote it.
        QCOMPARE(read.textAt(QStringLiteral("명단!C14")), QStringLiteral("8503152345678"));
        QCOMPARE(read.textAt(QStringLiteral("명단!D14")), QStringLiteral("8503152345678"));
        QCOMPARE(read.textAt(QStringLiteral("명단!E14")), QStringLiteral("900101-1234568"));
        QCOMPARE(read.textAt(QStringLiteral("명단!F14")), QStringLiteral("3.25"));
        // A sheet's name is on its tab for all to see (red-team: a tab named with a number).
        QCOMPARE(read.textAt(QStringLiteral("명단 › name")), QStringLiteral("명단"));
    }

    // What a sheet shows beside its cells (red-team: passed over): a cell's input prompt and error
    // message, a drop-down's list, a link's tooltip.
    void shouldReadWhatASheetShowsBesideItsCells()
    {
        const QByteArray file =
            xlsx({{QStringLiteral("명단"),
                   QStringLiteral(
                       "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>성명</t></is></c></row>"
                       "<dataValidations><dataValidation type=\"list\" sqref=\"B2\" prompt=\"예: 850315-2345678\">"
                       "<formula1>\"900101-1234568,홍길순\"</formula1></dataValidation></dataValidations>"
                       "<hyperlinks><hyperlink ref=\"A1\" tooltip=\"851008-2345674\"/></hyperlinks>")}},
                 {});
        const Read read = extract(file, QStringLiteral("명단.xlsx"));
        const QString all = read.all();
        QVERIFY2(all.contains(QStringLiteral("예: 850315-2345678")) &&
                     all.contains(QStringLiteral("\"900101-1234568,홍길순\"")) &&
                     all.contains(QStringLiteral("851008-2345674")),
                 qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("명단 › form field A1")), QStringLiteral("851008-2345674"));
    }

    // A sheet's comments are named by the cell they are on (red team: "xl/comments1.xml"): the
    // notes of every version, a reply of a threaded comment too; beside threaded comments, the
    // notes part is their copy for older versions, read as a copy.
    void shouldNameASheetsCommentsByTheirCells()
    {
        const auto relations = [](const QString &type, const QString &target) {
            return xmlDocument(
                QStringLiteral("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                               "<Relationship Id=\"rId1\" Type=\"%1\" Target=\"%2\"/></Relationships>")
                    .arg(type, target));
        };
        const QByteArray notes = xmlDocument(QStringLiteral(
            "<comments><authors><author>팀장</author></authors><commentList><comment ref=\"B3\" authorId=\"0\">"
            "<text><r><rPr><b/></rPr><t>본인 확인: 850315-</t></r><r><t>2345678</t></r></text></comment>"
            "</commentList></comments>"));
        const QString sheet = QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>성명</t></is></c></row>");
        const Read read =
            extract(xlsx({{QStringLiteral("명단"), sheet}}, {}, {},
                         {{QStringLiteral("xl/comments1.xml"), notes},
                          {QStringLiteral("xl/worksheets/_rels/sheet1.xml.rels"),
                           relations(QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/"
                                                    "relationships/comments"),
                                     QStringLiteral("../comments1.xml"))}}),
                    QStringLiteral("명단.xlsx"));
        QCOMPARE(read.textAt(QStringLiteral("명단 › comment B3")), QStringLiteral("본인 확인: 850315-2345678"));

        const QByteArray replies = xmlDocument(QStringLiteral(
            "<ThreadedComments><threadedComment ref=\"C4\" id=\"{1}\"><text>확인 바랍니다</text></threadedComment>"
            "<threadedComment ref=\"C4\" id=\"{2}\" parentId=\"{1}\"><text>연락처 010-2345-6789</text>"
            "</threadedComment></ThreadedComments>"));
        const Read threaded =
            extract(xlsx({{QStringLiteral("명단"), sheet}}, {}, {},
                         {{QStringLiteral("xl/threadedComments/threadedComment1.xml"), replies},
                          {QStringLiteral("xl/comments1.xml"), notes},
                          {QStringLiteral("xl/worksheets/_rels/sheet1.xml.rels"),
                           relations(QStringLiteral("http://schemas.microsoft.com/office/2017/10/relationships/"
                                                    "threadedComment"),
                                     QStringLiteral("../threadedComments/threadedComment1.xml"))}}),
                    QStringLiteral("명단.xlsx"));
        QVERIFY2(threaded.all().contains(QStringLiteral("연락처 010-2345-6789")), qPrintable(threaded.describe()));
        QVERIFY2(threaded.describe().contains(QStringLiteral("명단 › comment C4")), qPrintable(threaded.describe()));
        QVERIFY2(threaded.describe().contains(QStringLiteral("xl/comments1.xml › alternative copy")),
                 qPrintable(threaded.describe()));

        // Two sheets naming the same part (a crafted file): its comments are read once.
        const QByteArray commentRelations =
            relations(QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"),
                      QStringLiteral("../comments1.xml"));
        const Read twice = extract(xlsx({{QStringLiteral("명단"), sheet}, {QStringLiteral("사본"), sheet}}, {}, {},
                                        {{QStringLiteral("xl/comments1.xml"), notes},
                                         {QStringLiteral("xl/worksheets/_rels/sheet1.xml.rels"), commentRelations},
                                         {QStringLiteral("xl/worksheets/_rels/sheet2.xml.rels"), commentRelations}}),
                                   QStringLiteral("명단.xlsx"));
        QCOMPARE(twice.all().count(QStringLiteral("850315-2345678")), 1);
    }

    // A formula whose result the file does not keep (as libraries write them): Excel shows what it
    // computes, which nothing here can: its text is read, and the cell is said not to be.
    void shouldSayAFormulaWithoutItsResultIsNotRead()
    {
        const QByteArray file =
            xlsx({{QStringLiteral("명단"),
                   QStringLiteral("<row r=\"1\"><c r=\"A1\"><f>\"850315-\"&amp;\"2345678\"</f></c>"
                                  "<c r=\"B1\" t=\"str\"><f>A1</f><v>850315-2345678</v></c></row>")}},
                 {});
        const Read read = extract(file, QStringLiteral("명단.xlsx"));
        QCOMPARE(read.textAt(QStringLiteral("명단!A1")), QStringLiteral("\"850315-\"&\"2345678\""));
        QCOMPARE(read.textAt(QStringLiteral("명단!B1")), QStringLiteral("850315-2345678"));
        QVERIFY2(read.incomplete.contains(QStringLiteral("명단!A1")) &&
                     read.incomplete.contains(QStringLiteral("a formula whose result the file does not keep")) &&
                     !read.incomplete.contains(QStringLiteral("B1")),
                 qPrintable(read.describe()));
        // From a review: an empty result is none, and a workbook Excel computes again on opening
        // keeps no result that says what a formula shows.
        for (const QString &empty : {QStringLiteral("<v></v>"), QStringLiteral("<v/>")}) {
            const Read emptied =
                extract(xlsx({{QStringLiteral("명단"),
                               QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>\"850315-\"&amp;\"2345678\"</f>%1"
                                              "</c></row>")
                                   .arg(empty)}},
                             {}),
                        QStringLiteral("명단.xlsx"));
            QCOMPARE(emptied.textAt(QStringLiteral("명단!A1")), QStringLiteral("\"850315-\"&\"2345678\""));
            QVERIFY2(emptied.incomplete.contains(QStringLiteral("명단!A1")), qPrintable(emptied.describe()));
        }
        const Read recalculated =
            extract(xlsx({{QStringLiteral("명단"),
                           QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>\"850315-\"&amp;\"2345678\"</f>"
                                          "<v>x</v></c></row>")}},
                         {}, {}, {}, QStringLiteral("<calcPr fullCalcOnLoad=\"1\"/>")),
                    QStringLiteral("명단.xlsx"));
        QVERIFY2(
            recalculated.all().contains(QStringLiteral("\"850315-\"&\"2345678\"")) &&
                recalculated.incomplete.contains(QStringLiteral("a formula computed again when the workbook opens")),
            qPrintable(recalculated.describe()));
    }

    // A pivot table's cache keeps the rows it summarises, after their sheet is gone: read as a
    // table under its fields' names, a record's shared-item indexes resolved.
    void shouldReadAPivotTablesCache()
    {
        const QByteArray file =
            xlsx({{QStringLiteral("요약"), QStringLiteral("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")}}, {}, {},
                 {{QStringLiteral("xl/pivotCache/pivotCacheDefinition1.xml"),
                   xmlDocument(QStringLiteral(
                       "<pivotCacheDefinition><cacheFields count=\"3\">"
                       "<cacheField name=\"성명\"><sharedItems/></cacheField>"
                       "<cacheField name=\"주민등록번호\"><sharedItems/></cacheField>"
                       "<cacheField name=\"부서\"><sharedItems><s v=\"총무과\"/><s v=\"민원과\"/></sharedItems>"
                       "</cacheField></cacheFields><extLst><ext><memo>정의 메모 850315-2345678</memo></ext>"
                       "</extLst></pivotCacheDefinition>"))},
                  {QStringLiteral("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"),
                   xmlDocument(QStringLiteral(
                       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                       "relationships/pivotCacheRecords\" Target=\"pivotCacheRecords1.xml\"/></Relationships>"))},
                  {QStringLiteral("xl/pivotCache/pivotCacheRecords1.xml"),
                   xmlDocument(QStringLiteral("<pivotCacheRecords count=\"2\">"
                                              "<r><s v=\"홍길동\"/><s v=\"900101-1234568\"/><x v=\"1\"/></r>"
                                              "<r><s v=\"김영희\"/><n v=\"8503152345673\"/><x v=\"0\"/></r>"
                                              "</pivotCacheRecords>"))}});
        const Read read = extract(file, QStringLiteral("요약.xlsx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("정의 메모 850315-2345678")), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral(
                     "성명\t주민등록번호\t부서\n홍길동\t900101-1234568\t민원과\n김영희\t8503152345673\t총무과")),
                 qPrintable(read.describe()));
    }

    // A cell that names a shared string the file does not hold (the table cut short or missing, as a
    // red-team pass wrote it) is not known: the sheet is read in part, never as clean.
    void shouldNotReadACellWhoseSharedStringIsMissingAsEmpty()
    {
        for (const QStringList &shared : {QStringList {QStringLiteral("성명")}, QStringList {}}) {
            const Read read = extract(xlsx({{QStringLiteral("명단"),
                                             QStringLiteral("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>"
                                                            "<c r=\"B2\" t=\"s\"><v>7</v></c><c r=\"C2\" t=\"s\"/>"
                                                            "</row>")}},
                                           shared),
                                      QStringLiteral("명단.xlsx"));
            QVERIFY2(read.incomplete.contains(QStringLiteral("명단!B2")), qPrintable(read.describe()));
            QVERIFY2(read.incomplete.contains(QStringLiteral("shared string")), qPrintable(read.describe()));
            QVERIFY2(!read.incomplete.contains(QStringLiteral("명단!C2")), qPrintable(read.describe()));
            QCOMPARE(read.incomplete.contains(QStringLiteral("명단!A2")), shared.isEmpty());
        }
    }

    // A cell's reference is optional (some libraries write none): its place is counted from the
    // row and the cells before it, as a spreadsheet program places it.
    void shouldPlaceCellsWrittenWithoutTheirReference()
    {
        const Read read = extract(
            xlsx({{QStringLiteral("명단"),
                   QStringLiteral("<row><c t=\"inlineStr\"><is><t>성명</t></is></c><c t=\"inlineStr\"><is><t>계좌번호"
                                  "</t></is></c></row><row><c/><c><v>11012345678901</v></c></row>"
                                  "<row r=\"5\"><c r=\"D5\" t=\"inlineStr\"><is><t>가</t></is></c>"
                                  "<c t=\"inlineStr\"><is><t>나</t></is></c></row>")}},
                 {}),
            QStringLiteral("명단.xlsx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("명단!B1")), QStringLiteral("계좌번호"));
        QCOMPARE(read.textAt(QStringLiteral("명단!B2")), QStringLiteral("11012345678901"));
        QCOMPARE(read.textAt(QStringLiteral("명단!D5")), QStringLiteral("가"));
        QCOMPARE(read.textAt(QStringLiteral("명단!E5")), QStringLiteral("나"));
    }

    void shouldKeepNumbersAsTyped_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("integer") << "8503152345678"
                                 << "8503152345678";
        QTest::newRow("exponent") << "8.503152345678E+12"
                                  << "8503152345678";
        QTest::newRow("fraction") << "0.5"
                                  << "0.5";
        QTest::newRow("too large to be exact") << "1.2345678901234567E+20"
                                               << "1.2345678901234567E+20";
        QTest::newRow("not a number") << "#N/A"
                                      << "#N/A";
    }

    void shouldKeepNumbersAsTyped()
    {
        QFETCH(QString, value);
        QFETCH(QString, text);
        QCOMPARE(Extract::SpreadsheetExtractor::numberText(value), text);
    }

    void shouldShowNumbersAsTheirFormatShowsThem_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("shown");
        QTest::newRow("literal prefix") << "2345678"
                                        << "\"850315-\"0000000"
                                        << "850315-2345678";
        QTest::newRow("zero padded") << "42"
                                     << "0000"
                                     << "0042";
        QTest::newRow("escaped dash between runs") << "8503152345678"
                                                   << "000000\\-0000000"
                                                   << "850315-2345678";
        QTest::newRow("more digits than placeholders") << "123456"
                                                       << "\"No.\"00"
                                                       << "No.123456";
        QTest::newRow("optional placeholders") << "7"
                                               << "\"[\"###\"]\""
                                               << "[7]";
        // How Korean spreadsheets keep a mobile number: Excel shows the 0 its "0" placeholder has no
        // digit for, and every placeholder after it.
        QTest::newRow("a mobile's leading zero") << "1045678901"
                                                 << "0##-####-####"
                                                 << "010-4567-8901";
        QTest::newRow("a zero placeholder after optional ones") << "5"
                                                                << "#0#"
                                                                << "05";
        // From a red-team pass: a registration number of the 2000s kept as a number loses its
        // leading 0 unless its format, colour and locale tags and all, is read.
        QTest::newRow("a colour tag") << "102033456793"
                                      << "[Blue]000000-0000000"
                                      << "010203-3456793";
        QTest::newRow("a locale tag") << "102034456793"
                                      << "[$-412]000000-0000000"
                                      << "010203-4456793";
        QTest::newRow("a locale's currency symbol") << "1500"
                                                    << "[$₩-412]0"
                                                    << "₩1500";
        QTest::newRow("Excel's phone format, a local number") << "1234567"
                                                              << "[<=9999999]###-####;(0##) ###-####"
                                                              << "123-4567";
        QTest::newRow("Excel's phone format, with the area code") << "212345678"
                                                                  << "[<=9999999]###-####;(0##) ###-####"
                                                                  << "(021) 234-5678";
        // From a review: Excel's blanks and fills show no digit.
        QTest::newRow("a blank as wide as a parenthesis") << "101011234567"
                                                          << "000000-0000000_)"
                                                          << "010101-1234567 ";
        QTest::newRow("a fill") << "101011234567"
                                << "000000-0000000* "
                                << "010101-1234567";
        QTest::newRow("a code longer than Excel writes") << "12" << QString(300, u'0') << "";
        QTest::newRow("Hangul numerals are not rendered") << "12"
                                                          << "[DBNum1]0"
                                                          << "";
        QTest::newRow("a date is not rendered") << "45000"
                                                << "yyyy-mm-dd"
                                                << "";
        // From a red-team pass: a formula's result keeps a fraction the format rounds away.
        QTest::newRow("a fraction a whole format rounds down") << "9001011234568.4"
                                                               << "000000-0000000"
                                                               << "900101-1234568";
        QTest::newRow("a fraction a whole format rounds up") << "9001011234567.5"
                                                             << "000000-0000000"
                                                             << "900101-1234568";
        QTest::newRow("a mobile's number with a fraction") << "1012345678.2"
                                                           << "000-0000-0000"
                                                           << "010-1234-5678";
        QTest::newRow("decimals are not rendered") << "2.5"
                                                   << "0.00"
                                                   << "";
    }

    void shouldShowNumbersAsTheirFormatShowsThem()
    {
        QFETCH(QString, value);
        QFETCH(QString, format);
        QFETCH(QString, shown);
        QCOMPARE(Extract::SpreadsheetExtractor::formatted(value, format), shown);
    }

    void shouldReadANumberCellOnce_data()
    {
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("text");
        QTest::newRow("shown with the number's digits") << "850315-2345678"
                                                        << "8503152345678"
                                                        << "850315-2345678";
        QTest::newRow("shown with other digits") << "8.5E+12"
                                                 << "8503152345678"
                                                 << "8.5E+12\n8503152345678";
        // A mobile number typed as a number loses its 0, which its format puts back (red team:
        // the cell was read twice, and the bare number taken for a second phone).
        QTest::newRow("leading zeros the format adds") << "010-2273-5037"
                                                       << "1022735037"
                                                       << "010-2273-5037";
        QTest::newRow("a prefix the format adds") << "850315-2345678"
                                                  << "2345678"
                                                  << "850315-2345678\n2345678";
        QTest::newRow("nothing shown") << ""
                                       << "1023456789"
                                       << "1023456789";
        QTest::newRow("no number") << "가"
                                   << ""
                                   << "가";
    }

    void shouldReadANumberCellOnce()
    {
        QFETCH(QString, shown);
        QFETCH(QString, number);
        QFETCH(QString, text);
        QCOMPARE(Extract::SpreadsheetExtractor::cellText(shown, number), text);
    }

    void shouldReadSlidesAndTheirNotes()
    {
        const Read read = extract(pptx({QStringLiteral("사업 설명"), QStringLiteral("대상자 010-1234-5678")},
                                       {{2, QStringLiteral("발표자 메모 850315-2345678")}}),
                                  QStringLiteral("발표.pptx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("slide 2")), QStringLiteral("대상자 010-1234-5678"));
        QCOMPARE(read.textAt(QStringLiteral("notes of slide 2")), QStringLiteral("발표자 메모 850315-2345678"));
    }

    // The comments on a slide are named by it (red team: "ppt/comments/comment2.xml"): PowerPoint's,
    // and PowerPoint 365's modern ones with their replies.
    void shouldNameTheCommentsOnASlide()
    {
        const auto relations = [](const QString &target) {
            return xmlDocument(
                QStringLiteral("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                               "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                               "2006/relationships/comments\" Target=\"%1\"/></Relationships>")
                    .arg(target));
        };
        const Read read = extract(
            pptx({QStringLiteral("표지"), QStringLiteral("대상자")}, {}, {},
                 {{QStringLiteral("ppt/slides/_rels/slide2.xml.rels"),
                   relations(QStringLiteral("../comments/comment2.xml"))},
                  {QStringLiteral("ppt/comments/comment2.xml"),
                   xmlDocument(QStringLiteral("<p:cmLst xmlns:p=\"http://schemas.openxmlformats.org/presentationml/"
                                              "2006/main\"><p:cm authorId=\"0\" idx=\"1\"><p:pos x=\"1\" y=\"1\"/>"
                                              "<p:text>확인 필요 850315-2345678</p:text></p:cm></p:cmLst>"))},
                  {QStringLiteral("ppt/slides/_rels/slide1.xml.rels"),
                   relations(QStringLiteral("../comments/modernComment_100_1.xml"))},
                  {QStringLiteral("ppt/comments/modernComment_100_1.xml"),
                   xmlDocument(QStringLiteral(
                       "<p188:cmLst xmlns:p188=\"http://schemas.microsoft.com/office/powerpoint/2018/8/main\" "
                       "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><p188:cm id=\"{1}\">"
                       "<p188:replyLst><p188:reply id=\"{2}\"><p188:txBody><a:p><a:r><a:t>연락처 010-2345-6789"
                       "</a:t></a:r></a:p></p188:txBody></p188:reply></p188:replyLst><p188:txBody><a:p><a:r>"
                       "<a:t>검토</a:t></a:r></a:p></p188:txBody></p188:cm></p188:cmLst>"))}}),
            QStringLiteral("발표.pptx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("slide 2 › comment 1")), QStringLiteral("확인 필요 850315-2345678"));
        QVERIFY2(read.describe().contains(QStringLiteral("slide 1 › comment 1")) &&
                     read.all().contains(QStringLiteral("연락처 010-2345-6789")),
                 qPrintable(read.describe()));
    }

    // What an HWPX page draws besides its runs' text: a TextArt's text, an equation's script and a
    // drawing's comment (red-team: read as nothing, the file whole and clean).
    void shouldReadWhatAnHwpxDrawsBesidesItsText()
    {
        const Read read = extract(
            hwpx({QStringLiteral("<hp:p><hp:run><hp:textart text=\"전화 010-2345-6789\"><hp:shapeComment>신분증 "
                                 "사본</hp:shapeComment></hp:textart></hp:run></hp:p><hp:p><hp:run><hp:equation>"
                                 "<hp:script>900101-1234568</hp:script></hp:equation></hp:run></hp:p>")}),
            QStringLiteral("a.hwpx"));
        QVERIFY2(read.all().contains(QStringLiteral("전화 010-2345-6789")), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("신분증 사본")), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("900101-1234568")), qPrintable(read.describe()));
    }

    // Empty elements that stand for a character a number is written with: a hyphen that does not
    // break, a space, a tab (as HWP 5.0's controls are read).
    void shouldReadTheMarksThatStandForACharacter()
    {
        const Read word = extract(docx(QStringLiteral("<w:p><w:r><w:t>900101</w:t><w:noBreakHyphen/><w:t>1234568"
                                                      "</w:t></w:r></w:p><w:p><w:r><w:t>전화</w:t><w:ptab/>"
                                                      "<w:t>010-2345-6789</w:t></w:r></w:p>")),
                                  QStringLiteral("a.docx"));
        QCOMPARE(word.textAt(QStringLiteral("paragraph 1")), QStringLiteral("900101-1234568"));
        QCOMPARE(word.textAt(QStringLiteral("paragraph 2")), QStringLiteral("전화\t010-2345-6789"));
        const Read hancom = extract(hwpx({QStringLiteral("<hp:p><hp:run><hp:t>900101<hp:hyphen/>1234568<hp:nbSpace/>"
                                                         "010<hp:fwSpace/>2345</hp:t></hp:run></hp:p>")}),
                                    QStringLiteral("a.hwpx"));
        QCOMPARE(hancom.textAt(QStringLiteral("section 1 › paragraph 1")), QStringLiteral("900101-1234568 010 2345"));
        const Read sheet = extract(
            openDocument(QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
                         QStringLiteral("<office:spreadsheet><table:table table:name=\"명단\"><table:table-row>"
                                        "<table:table-cell office:value-type=\"string\"><text:p>010<text:s/>2345"
                                        "<text:tab/>6789<text:line-break/>끝</text:p></table:table-cell>"
                                        "</table:table-row></table:table></office:spreadsheet>")),
            QStringLiteral("명단.ods"));
        QCOMPARE(sheet.textAt(QStringLiteral("명단!A1")), QStringLiteral("010 2345\t6789\n끝"));
    }

    // Slides are numbered as the presentation shows them (its slide list), not by their files'
    // names, which keep their numbers when slides are moved; a slide's notes are the part its
    // relationships name.
    void shouldNumberSlidesAsThePresentationShowsThem()
    {
        const QString ns = QStringLiteral("xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
                                          "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                                          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                          "relationships\"");
        const auto part = [&](const QString &root, const QString &text) {
            return xmlDocument(QStringLiteral("<p:%1 %2><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>%3</a:t>"
                                              "</a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:%1>")
                                   .arg(root, ns, text));
        };
        const auto relationships = [](const QString &items) {
            return xmlDocument(
                QStringLiteral("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                               "%1</Relationships>")
                    .arg(items));
        };
        const QString type = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");
        Entries entries = packageParts(QStringLiteral("ppt/presentation.xml"),
                                       QStringLiteral("presentationml.presentation.main+xml"));
        entries += {
            {QStringLiteral("ppt/presentation.xml"),
             xmlDocument(
                 QStringLiteral(
                     "<p:presentation %1><p:sldIdLst><p:sldId id=\"256\" r:id=\"rId7\"/>"
                     "<p:sldId id=\"257\" r:id=\"rId3\"/></p:sldIdLst><p:extLst><p:ext><memo>메모 900101-1234568</memo>"
                     "</p:ext></p:extLst></p:presentation>")
                     .arg(ns))},
            {QStringLiteral("ppt/_rels/presentation.xml.rels"),
             relationships(
                 QStringLiteral("<Relationship Id=\"rId3\" Type=\"%1slide\" Target=\"slides/slide1.xml\"/>"
                                "<Relationship Id=\"rId7\" Type=\"%1slide\" Target=\"/ppt/slides/slide2.xml\"/>")
                     .arg(type))},
            {QStringLiteral("ppt/slides/slide1.xml"), part(QStringLiteral("sld"), QStringLiteral("moved second"))},
            {QStringLiteral("ppt/slides/slide2.xml"), part(QStringLiteral("sld"), QStringLiteral("shown first"))},
            {QStringLiteral("ppt/slides/_rels/slide1.xml.rels"),
             relationships(QStringLiteral("<Relationship Id=\"rId2\" Type=\"%1notesSlide\" "
                                          "Target=\"../notesSlides/notesSlide7.xml\"/>")
                               .arg(type))},
            {QStringLiteral("ppt/notesSlides/notesSlide7.xml"),
             part(QStringLiteral("notes"), QStringLiteral("notes of the second"))}};
        const Read read = extract(zipOf(entries), QStringLiteral("발표.pptx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("slide 1")), QStringLiteral("shown first"));
        QCOMPARE(read.textAt(QStringLiteral("slide 2")), QStringLiteral("moved second"));
        QCOMPARE(read.textAt(QStringLiteral("notes of slide 2")), QStringLiteral("notes of the second"));
        // The presentation part is read for its order, and for its own text too (from a review).
        QVERIFY2(read.all().contains(QStringLiteral("메모 900101-1234568")), qPrintable(read.describe()));
    }

    void shouldReadOpenDocumentTextAndSpreadsheets()
    {
        const Read text = extract(
            openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                         QStringLiteral("<office:text><text:p>신청인 <text:span>8503</text:span>15-2345678</text:p>"
                                        "<text:p>주소<text:s text:c=\"2\"/>인천</text:p></office:text>")),
            QStringLiteral("신청서.odt"));
        QCOMPARE(text.textAt(QStringLiteral("paragraph 1")), QStringLiteral("신청인 850315-2345678"));
        QCOMPARE(text.textAt(QStringLiteral("paragraph 2")), QStringLiteral("주소  인천"));

        const Read sheet = extract(
            openDocument(
                QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
                QStringLiteral("<office:spreadsheet><table:table table:name=\"명단\">"
                               "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell/></table:table-row>"
                               "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>"
                               "<table:table-cell office:value-type=\"float\" office:value=\"8503152345678\">"
                               "<text:p>8.5E+12</text:p></table:table-cell>"
                               "<table:table-cell office:value-type=\"string\"><text:p>홍길순</text:p>"
                               "</table:table-cell></table:table-row></table:table></office:spreadsheet>")),
            QStringLiteral("명단.ods"));
        QVERIFY2(sheet.incomplete.isEmpty(), qPrintable(sheet.describe()));
        // What the cell shows, and the number it holds.
        QCOMPARE(sheet.textAt(QStringLiteral("명단!C3")), QStringLiteral("8.5E+12\n8503152345678"));
        QCOMPARE(sheet.textAt(QStringLiteral("명단!D3")), QStringLiteral("홍길순"));
        QCOMPARE(sheet.textAt(QStringLiteral("명단 › name")), QStringLiteral("명단"));
    }

    // From a red-team pass over ODS files: what is no paragraph's text (a comment's date, a stray
    // digit, a picture's title) was glued to the number before it; a value hid behind another
    // attribute of the same local name (calcext:value-type before office:value-type, the office
    // namespace bound to two prefixes); a number grouped by thousands read as no one's; and a
    // chart's picture (a StarView metafile without a suffix) made every such file "read in part".
    void shouldReadEveryValueOfAnOpenDocumentCell()
    {
        const auto sheet = [](const QString &cells, const Entries &extra = {}, const QString &styles = {}) {
            const QString ns = QStringLiteral(
                "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                "xmlns:o=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" "
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:"
                "svg-compatible:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
                "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\"");
            return zipOf(Entries {{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"},
                                  {QStringLiteral("content.xml"),
                                   xmlDocument(QStringLiteral("<office:document-content %1><office:automatic-styles>%3"
                                                              "</office:automatic-styles><office:body>"
                                                              "<office:spreadsheet><table:table table:name=\"S\">"
                                                              "<table:table-row>%2</table:table-row></table:table>"
                                                              "</office:spreadsheet></office:body>"
                                                              "</office:document-content>")
                                                   .arg(ns, cells, styles))}} +
                         extra);
        };
        const auto read = [&](const QString &cells, const Entries &extra = {}, const QString &styles = {}) {
            const Read got = extract(sheet(cells, extra, styles), QStringLiteral("명단.ods"));
            return std::pair(got.textAt(QStringLiteral("S!A1")), got.incomplete);
        };
        const auto asideOf = [&](const QString &cells) {
            return extract(sheet(cells), QStringLiteral("명단.ods")).textAt(QStringLiteral("S!A1 › comment 1"));
        };
        QCOMPARE(read(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>850315-2345678</text:p>"
                                     "<office:annotation><dc:creator>김</dc:creator><dc:date>2024-01-02T03:04:05"
                                     "</dc:date><text:p>memo</text:p></office:annotation></table:table-cell>"))
                     .first,
                 QStringLiteral("850315-2345678"));
        QCOMPARE(asideOf(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>850315-2345678</text:p>"
                                        "<office:annotation><dc:creator>김</dc:creator><dc:date>2024-01-02T03:04:05"
                                        "</dc:date><text:p>memo</text:p></office:annotation></table:table-cell>")),
                 QStringLiteral("김\n2024-01-02T03:04:05\nmemo"));
        // A comment anchored inside the number, a note's citation after it: one number, as shown.
        QCOMPARE(
            read(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>900101-1234<office:"
                                "annotation><text:p>메모</text:p></office:annotation>568</text:p></table:table-cell>"))
                .first,
            QStringLiteral("900101-1234568"));
        QCOMPARE(read(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>850315-2345678<text:note>"
                                     "<text:note-citation>1</text:note-citation><text:note-body><text:p>n</text:p>"
                                     "</text:note-body></text:note></text:p></table:table-cell>"))
                     .first,
                 QStringLiteral("850315-2345678"));
        // Grouped as other locales group, or broken over lines, the value is read beside it.
        QCOMPARE(read(QStringLiteral("<table:table-cell office:value-type=\"float\" office:value=\"8503152345678\">"
                                     "<text:p>8.503.152.345.678</text:p></table:table-cell>"))
                     .first,
                 QStringLiteral("8.503.152.345.678\n8503152345678"));
        QCOMPARE(read(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>850315-2345678</text:p>0"
                                     "</table:table-cell>"))
                     .first,
                 QStringLiteral("850315-2345678\n0"));
        QCOMPARE(
            read(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>850315-2345678</text:p>"
                                "<draw:frame><draw:image><svg:title>2024 사진</svg:title></draw:image></draw:frame>"
                                "</table:table-cell>"))
                .first,
            QStringLiteral("850315-2345678"));
        // A bookmark or a page break inside the paragraph leaves its text joined (from a review).
        QCOMPARE(read(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>8503152<text:bookmark "
                                     "text:name=\"a\"/>345<text:soft-page-break/>678</text:p></table:table-cell>"))
                     .first,
                 QStringLiteral("8503152345678"));
        // Blanks between elements, as a file written with indents holds them, add nothing.
        QCOMPARE(read(QStringLiteral("<table:table-cell office:value-type=\"string\">\n  <text:p>850315-2345678"
                                     "</text:p>\n</table:table-cell>"))
                     .first,
                 QStringLiteral("850315-2345678"));
        QVERIFY(read(QStringLiteral("<table:table-cell calcext:value-type=\"string\" office:value-type=\"float\" "
                                    "office:value=\"8503152345678\"><text:p>x</text:p></table:table-cell>"))
                    .first.contains(QStringLiteral("8503152345678")));
        QVERIFY(read(QStringLiteral("<table:table-cell office:value-type=\"float\" office:value=\"1\" "
                                    "o:value=\"8503152345678\"><text:p>1</text:p></table:table-cell>"))
                    .first.contains(QStringLiteral("8503152345678")));
        QCOMPARE(read(QStringLiteral("<table:table-cell office:value-type=\"float\" office:value=\"8503152345678\">"
                                     "<text:p>8,503,152,345,678</text:p></table:table-cell>"))
                     .first,
                 QStringLiteral("8,503,152,345,678\n8503152345678"));
        const auto chart = read(QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>명단</text:p>"
                                               "</table:table-cell>"),
                                {{QStringLiteral("ObjectReplacements/Object 1"), QByteArray("VCLMTF\x01\x00", 8)}});
        QCOMPARE(chart.first, QStringLiteral("명단"));
        // A registration number of the 2000s typed as a number, its leading zero shown by the
        // cell's style, written by a program that left the paragraph as the bare value.
        const auto leadingZero =
            read(QStringLiteral("<table:table-cell table:style-name=\"ce1\" office:value-type=\"float\" "
                                "office:value=\"102033456788\"><text:p>102033456788</text:p></table:table-cell>"),
                 {},
                 QStringLiteral("<number:number-style style:name=\"N1\"><number:number number:decimal-places=\"0\" "
                                "number:min-integer-digits=\"13\"/></number:number-style><style:style "
                                "style:name=\"ce1\" style:family=\"table-cell\" style:data-style-name=\"N1\"/>"));
        QCOMPARE(leadingZero.first, QStringLiteral("102033456788\n0102033456788"));
        QVERIFY2(chart.second.isEmpty(), qPrintable(chart.second));
    }

    // LibreOffice writes a comment where it is anchored, inside the paragraph, its author and date
    // first: they belong to the comment, never to the text around it (the date's digits would run
    // into the number after it). Speaker notes and the first page's header have places of their own.
    // From a red-team pass: a text box or a note inside the first paragraph made the number in the
    // third "paragraph 5" of a page of three. A body's paragraphs are numbered as a reader counts
    // them; a text box is found by the paragraph it stands in, its own paragraphs from 1.
    void shouldNumberTheBodysParagraphsAsAReaderCountsThem()
    {
        const QString rrn = QStringLiteral("주민등록번호 850315-2345678");
        const QString textBox = QStringLiteral("<w:p><w:r><w:t>신청인</w:t></w:r><w:r><w:pict><v:shape "
                                               "xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>"
                                               "%1%2</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
                                    .arg(wordParagraph({QStringLiteral("글상자 첫 줄")}),
                                         wordParagraph({QStringLiteral("글상자 둘째 줄")}));
        const Read word = extract(docx(textBox + wordParagraph({QStringLiteral("둘째 문단")}) + wordParagraph({rrn})),
                                  QStringLiteral("a.docx"));
        QVERIFY2(word.incomplete.isEmpty(), qPrintable(word.describe()));
        QCOMPARE(word.textAt(QStringLiteral("paragraph 1")), QStringLiteral("신청인"));
        QCOMPARE(word.textAt(QStringLiteral("paragraph 1 › text box › paragraph 2")), QStringLiteral("글상자 둘째 줄"));
        QCOMPARE(word.textAt(QStringLiteral("paragraph 2")), QStringLiteral("둘째 문단"));
        QCOMPARE(word.textAt(QStringLiteral("paragraph 3")), rrn);

        const Read odt =
            extract(openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                                 QStringLiteral(
                                     "<office:text><text:p>신청인<text:note><text:note-body><text:p>각주 하나</text:p>"
                                     "<text:p>각주 둘</text:p></text:note-body></text:note></text:p><text:p>%1</text:p>"
                                     "</office:text>")
                                     .arg(rrn)),
                    QStringLiteral("a.odt"));
        QVERIFY2(odt.incomplete.isEmpty(), qPrintable(odt.describe()));
        QCOMPARE(odt.textAt(QStringLiteral("footnote 1 › paragraph 2")), QStringLiteral("각주 둘"));
        QCOMPARE(odt.textAt(QStringLiteral("paragraph 2")), rrn);

        // A text box in a text document, as LibreOffice writes one: a frame in the paragraph.
        const Read box = extract(
            openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                         QStringLiteral("<office:text><text:p>신청인<draw:frame draw:name=\"Frame1\"><draw:text-box>"
                                        "<text:p>글상자 첫 줄</text:p><text:p>글상자 둘째 줄</text:p></draw:text-box>"
                                        "</draw:frame></text:p><text:p>%1</text:p></office:text>")
                             .arg(rrn)),
            QStringLiteral("b.odt"));
        QVERIFY2(box.incomplete.isEmpty(), qPrintable(box.describe()));
        QCOMPARE(box.textAt(QStringLiteral("paragraph 1 › text box › paragraph 2")), QStringLiteral("글상자 둘째 줄"));
        QCOMPARE(box.textAt(QStringLiteral("paragraph 2")), rrn);
    }

    void shouldKeepWhatAContainerHoldsOutOfItsParagraph()
    {
        const Read text = extract(
            openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                         QStringLiteral("<office:text><text:p>주민등록번호: <office:annotation office:name=\"a\">"
                                        "<dc:creator>Kim</dc:creator><dc:date>2024-03-05T10:11:12.345678901</dc:date>"
                                        "<text:p>확인 필요</text:p></office:annotation>850606-2345673"
                                        "<office:annotation-end office:name=\"a\"/></text:p></office:text>")),
            QStringLiteral("신청서.odt"));
        QVERIFY2(text.incomplete.isEmpty(), qPrintable(text.describe()));
        QCOMPARE(text.textAt(QStringLiteral("paragraph 1")), QStringLiteral("주민등록번호: 850606-2345673"));
        QCOMPARE(text.textAt(QStringLiteral("comment 1 › paragraph 1")), QStringLiteral("확인 필요"));
        // What the comment holds outside its paragraphs is a piece of its own, never lost (a review
        // found a note's or comment's text written there directly, and a note's mark).
        QCOMPARE(text.textAt(QStringLiteral("comment 1")), QStringLiteral("Kim2024-03-05T10:11:12.345678901"));
        const Read loose = extract(
            openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                         QStringLiteral("<office:text><text:p>x<text:note><text:note-citation>주민 850315-2345678"
                                        "</text:note-citation><text:note-body>직접 900101-1234568</text:note-body>"
                                        "</text:note>y</text:p></office:text>")),
            QStringLiteral("신청서.odt"));
        QCOMPARE(loose.textAt(QStringLiteral("paragraph 1")), QStringLiteral("xy"));
        QCOMPARE(loose.textAt(QStringLiteral("footnote 1")), QStringLiteral("주민 850315-2345678직접 900101-1234568"));
        // An endnote is one, counted apart from the footnotes (red team: "footnote 2").
        const Read notes = extract(
            openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                         QStringLiteral("<office:text><text:p>x<text:note text:note-class=\"footnote\"><text:note-body>"
                                        "<text:p>각주</text:p></text:note-body></text:note><text:note "
                                        "text:note-class=\"endnote\"><text:note-body><text:p>미주 900101-1234568"
                                        "</text:p></text:note-body></text:note></text:p></office:text>")),
            QStringLiteral("신청서.odt"));
        QCOMPARE(notes.textAt(QStringLiteral("footnote 1 › paragraph 1")), QStringLiteral("각주"));
        QCOMPARE(notes.textAt(QStringLiteral("endnote 1 › paragraph 1")), QStringLiteral("미주 900101-1234568"));

        const QString frame =
            QStringLiteral("<draw:frame><draw:text-box><text:p>%1</text:p></draw:text-box></draw:frame>");
        const Read slides = extract(
            openDocument(QStringLiteral("application/vnd.oasis.opendocument.presentation"),
                         QStringLiteral("<office:presentation><draw:page>%1</draw:page><draw:page>%2"
                                        "<presentation:notes>%3</presentation:notes></draw:page></office:presentation>")
                             .arg(frame.arg(QStringLiteral("표지")), frame.arg(QStringLiteral("대상자")),
                                  frame.arg(QStringLiteral("발표자 메모 850315-2345678")))),
            QStringLiteral("발표.odp"));
        QVERIFY2(slides.incomplete.isEmpty(), qPrintable(slides.describe()));
        QCOMPARE(slides.textAt(QStringLiteral("slide 2 › notes of slide 2 › paragraph 1")),
                 QStringLiteral("발표자 메모 850315-2345678"));

        const QByteArray styles = xmlDocument(QStringLiteral(
            "<office:document-styles><office:master-styles><style:master-page><style:header-first>"
            "<text:p>첫 쪽 머리말 850315-2345678</text:p></style:header-first><style:footer-left><text:p>왼쪽 꼬리말"
            "</text:p></style:footer-left></style:master-page></office:master-styles></office:document-styles>"));
        const Read pages = extract(
            zipOf({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.text"},
                   {QStringLiteral("content.xml"),
                    xmlDocument(QStringLiteral("<office:document-content><office:body><office:text><text:p>본문"
                                               "</text:p></office:text></office:body></office:document-content>"))},
                   {QStringLiteral("styles.xml"), styles}}),
            QStringLiteral("공문.odt"));
        QVERIFY2(pages.incomplete.isEmpty(), qPrintable(pages.describe()));
        QCOMPARE(pages.textAt(QStringLiteral("header")), QStringLiteral("첫 쪽 머리말 850315-2345678"));
        QCOMPARE(pages.textAt(QStringLiteral("footer")), QStringLiteral("왼쪽 꼬리말"));
    }

    // A printed header as the page shows it: Excel's codes (sections, fonts, sizes, colours,
    // fields) taken out, "&&" one '&', each section a line of its own.
    void shouldReadASheetsHeaderAsThePageShowsIt()
    {
        const Read read = extract(
            xlsx({{QStringLiteral("명단"), QString()}}, {},
                 QStringLiteral("<oddHeader>&amp;L&amp;\"맑은 고딕,굵게\"&amp;14 담당&amp;&amp;확인&amp;C850315-2345678"
                                "&amp;K00FF00&amp;R&amp;P/&amp;N</oddHeader><firstFooter>&amp;C&amp;K01+033"
                                "010-2345-6789&amp;B</firstFooter>")),
            QStringLiteral("명단.xlsx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("명단 › header")), QStringLiteral(" 담당&확인\n850315-2345678\n/"));
        QCOMPARE(read.textAt(QStringLiteral("명단 › footer")), QStringLiteral("010-2345-6789"));
        const auto code = [](const char *codes) {
            Extract::TextOrigin origin;
            return Extract::SpreadsheetExtractor::headerFooterText(codes, &origin);
        };
        QCOMPARE(code("&100 x"), QByteArray(" x"));
        QCOMPARE(code("a&"), QByteArray("a&"));
        // What starts no code is text, the '&' and all (from a review: these once hid the number).
        QCOMPARE(code("&\"unclosed 851008-2345674"), QByteArray("&\"unclosed 851008-2345674"));
        QCOMPARE(code("&주민번호 851008-2345674"), QByteArray("&주민번호 851008-2345674"));
        QCOMPARE(code("&KAB 851008"), QByteArray("&KAB 851008")); // no colour of six hex digits
        QCOMPARE(code("&K01+033x&K00FF00y"), QByteArray("xy"));
        QCOMPARE(code("&C&&850315-2345678"), QByteArray("&850315-2345678")); // (from the second review)
        QCOMPARE(code("A&&B"), QByteArray("A&B"));
        // A size run into digits, which Excel never writes: both readings, the first one unsure.
        Extract::TextOrigin origin;
        bool unsure = false;
        QCOMPARE(Extract::SpreadsheetExtractor::headerFooterText("&14851008-2345674", &origin, &unsure),
                 QByteArray("851008-2345674"));
        QVERIFY(unsure);
        QCOMPARE(Extract::SpreadsheetExtractor::headerFooterText("&8851008-2345674", &origin, nullptr, 1),
                 QByteArray("851008-2345674"));
        QCOMPARE(Extract::SpreadsheetExtractor::headerFooterText("&100851008-2345674", &origin, nullptr, 3),
                 QByteArray("851008-2345674"));
    }

    void shouldReadHwpxSectionsAndTables()
    {
        const QByteArray file =
            hwpx({owpmlParagraph(QStringLiteral("주거급여 신청서")) +
                      QStringLiteral("<hp:p><hp:run><hp:tbl><hp:tr><hp:tc><hp:subList>%1</hp:subList></hp:tc>"
                                     "<hp:tc><hp:subList>%2</hp:subList></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>")
                          .arg(owpmlParagraph(QStringLiteral("주민등록번호")),
                               owpmlParagraph(QStringLiteral("850315-2345678"))),
                  owpmlParagraph(QStringLiteral("둘째 구역"))});
        QCOMPARE(DocumentExtractor::sniff(file, QStringLiteral("a.zip")), DocumentExtractor::Format::Hwpx);
        const Read read = extract(file, QStringLiteral("신청서.hwpx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("section 1 › paragraph 1")), QStringLiteral("주거급여 신청서"));
        QCOMPARE(read.textAt(QStringLiteral("section 1 › table 1, row 1, cell 2")), QStringLiteral("850315-2345678"));
        QCOMPARE(read.textAt(QStringLiteral("section 2 › paragraph 1")), QStringLiteral("둘째 구역"));
    }

    // A table's cells are numbered by the columns of its grid, whatever is merged, so that a column's
    // title stands over its values: Word's gridSpan and gridBefore, ODF's covered and repeated
    // cells, and HWPX's cell addresses, which come after a cell's text and leave out what a merge
    // covers (a department's name over five rows).
    void shouldNumberTableCellsByTheirColumnInTheGrid()
    {
        const auto wordCell = [](const QString &properties, const QString &text) {
            return QStringLiteral("<w:tc><w:tcPr>%1</w:tcPr>%2</w:tc>").arg(properties, wordParagraph({text}));
        };
        const Read word = extract(
            docx(QStringLiteral("<w:tbl><w:tr>%1%2</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>%3</w:tr>"
                                "</w:tbl>")
                     .arg(wordCell(QStringLiteral("<w:gridSpan w:val=\"2\"/>"), QStringLiteral("주민등록번호")),
                          wordCell({}, QStringLiteral("계좌번호")), wordCell({}, QStringLiteral("302112345678")))),
            QStringLiteral("명단.docx"));
        QCOMPARE(word.textAt(QStringLiteral("table 1, row 1, cell 1")), QStringLiteral("주민등록번호"));
        QCOMPARE(word.textAt(QStringLiteral("table 1, row 1, cell 3")), QStringLiteral("계좌번호"));
        QCOMPARE(word.textAt(QStringLiteral("table 1, row 2, cell 3")), QStringLiteral("302112345678"));
        // gridBefore="0", as some generators write it, leaves out no column.
        const Read none =
            extract(docx(QStringLiteral("<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"0\"/></w:trPr>%1</w:tr>"
                                        "</w:tbl>")
                             .arg(wordCell({}, QStringLiteral("주민등록번호")))),
                    QStringLiteral("명단.docx"));
        QCOMPARE(none.textAt(QStringLiteral("table 1, row 1, cell 1")), QStringLiteral("주민등록번호"));

        const Read text = extract(
            openDocument(
                QStringLiteral("application/vnd.oasis.opendocument.text"),
                QStringLiteral("<office:text><table:table><table:table-row>"
                               "<table:table-cell table:number-columns-spanned=\"2\"><text:p>주민등록번호</text:p>"
                               "</table:table-cell><table:covered-table-cell/>"
                               "<table:table-cell><text:p>계좌번호</text:p></table:table-cell></table:table-row>"
                               "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>"
                               "<table:table-cell><text:p>302112345678</text:p></table:table-cell>"
                               "</table:table-row></table:table></office:text>")),
            QStringLiteral("명단.odt"));
        QCOMPARE(text.textAt(QStringLiteral("table 1, row 1, cell 3")), QStringLiteral("계좌번호"));
        QCOMPARE(text.textAt(QStringLiteral("table 1, row 2, cell 3")), QStringLiteral("302112345678"));

        const auto hancomCell = [](int row, int column, const QString &content) {
            return QStringLiteral("<hp:tc><hp:subList>%1</hp:subList><hp:cellAddr colAddr=\"%2\" rowAddr=\"%3\"/>"
                                  "<hp:cellSpan colSpan=\"1\" rowSpan=\"1\"/></hp:tc>")
                .arg(content)
                .arg(column)
                .arg(row);
        };
        // A nested table's cells keep their own places, and the outer cell its own.
        const QString nested = owpmlParagraph(QStringLiteral("비고")) +
            QStringLiteral("<hp:p><hp:run><hp:tbl><hp:tr>%1</hp:tr></hp:tbl></hp:run></hp:p>")
                .arg(hancomCell(0, 4, owpmlParagraph(QStringLiteral("안쪽"))));
        const Read hancom = extract(
            hwpx(
                {QStringLiteral("<hp:p><hp:run><hp:tbl><hp:tr>%1%2%3</hp:tr><hp:tr>%4</hp:tr></hp:tbl></hp:run></hp:p>")
                     .arg(hancomCell(0, 0, owpmlParagraph(QStringLiteral("총무과"))),
                          hancomCell(0, 1, owpmlParagraph(QStringLiteral("계좌번호"))), hancomCell(0, 2, nested),
                          hancomCell(1, 1, owpmlParagraph(QStringLiteral("302112345678"))))}),
            QStringLiteral("명단.hwpx"));
        QCOMPARE(hancom.textAt(QStringLiteral("section 1 › table 1, row 2, cell 2")), QStringLiteral("302112345678"));
        QCOMPARE(hancom.textAt(QStringLiteral("section 1 › table 1, row 1, cell 3")), QStringLiteral("비고"));
        QCOMPARE(hancom.textAt(QStringLiteral("section 1 › table 2, row 1, cell 5")), QStringLiteral("안쪽"));

        // A document laid out in one big cell does not wait for its address past a bound: its
        // text goes on, counted.
        QString big; // text that does not compress like a bomb
        for (quint32 i = 1; big.size() < 600 * 1024; ++i)
            big += QString::number(i * 2654435761u, 36) + QLatin1Char(' ');
        const Read frame = extract(
            hwpx({QStringLiteral("<hp:p><hp:run><hp:tbl><hp:tr>%1</hp:tr></hp:tbl></hp:run></hp:p>")
                      .arg(hancomCell(
                          0, 3, owpmlParagraph(big) + owpmlParagraph(big) + owpmlParagraph(QStringLiteral("끝"))))}),
            QStringLiteral("틀.hwpx"));
        QVERIFY2(frame.incomplete.isEmpty(), qPrintable(frame.incomplete));
        QCOMPARE(frame.textAt(QStringLiteral("section 1 › table 1, row 1, cell 1")).size(), big.size());
        // So do many empty paragraphs, which hold no text but cost memory all the same.
        const Read empty = extract(
            hwpx({QStringLiteral("<hp:p><hp:run><hp:tbl><hp:tr>%1</hp:tr></hp:tbl></hp:run></hp:p>")
                      .arg(hancomCell(
                          0, 3, QStringLiteral("<hp:p/>").repeated(5000) + owpmlParagraph(QStringLiteral("끝"))))}),
            QStringLiteral("빈.hwpx"));
        QCOMPARE(empty.textAt(QStringLiteral("section 1 › table 1, row 1, cell 1")), QStringLiteral("끝"));
    }

    void shouldReadHwpRecordByRecord()
    {
        const QByteArray section = hwpParagraph(QStringLiteral("주거급여 신청서")) +
            hwpTable({QStringLiteral("주민등록번호"), QStringLiteral("850315-2345678")}) +
            hwpParagraph(QStringLiteral("끝"));
        for (const quint32 compressed : {1u, 0u}) {
            const QByteArray file =
                hwp({section, hwpParagraph(QStringLiteral("둘째 구역 900101-1234568"))}, compressed);
            QCOMPARE(DocumentExtractor::sniff(file, QStringLiteral("x")), DocumentExtractor::Format::Hwp);
            const Read read = extract(file, QStringLiteral("신청서.hwp"));
            QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
            QCOMPARE(read.textAt(QStringLiteral("section 1 › paragraph 1")), QStringLiteral("주거급여 신청서"));
            QCOMPARE(read.textAt(QStringLiteral("section 1 › table 1, row 1, cell 2")),
                     QStringLiteral("850315-2345678"));
            QCOMPARE(read.textAt(QStringLiteral("section 1 › paragraph 3")), QStringLiteral("끝"));
            QCOMPARE(read.textAt(QStringLiteral("section 2 › paragraph 1")),
                     QStringLiteral("둘째 구역 900101-1234568"));
        }
    }

    void shouldReadHwpRecordsAcrossInflatedBlocks()
    {
        // A section is inflated 256 KiB at a time: records lie across blocks' ends, and one
        // paragraph (with an extended size) is longer than a block.
        QStringList longText;
        for (qint64 i = 0; i < 25'000; ++i)
            longText.append(
                QStringLiteral("%1-%2").arg(100'000 + i * 7'919 % 900'000).arg(1'000'000 + i * 104'729 % 9'000'000));
        QByteArray section;
        for (int i = 0; i < 3'000; ++i)
            section += hwpParagraph(QStringLiteral("%1번째 문단 %2").arg(i + 1).arg(i * 7'919 % 100'000));
        section += hwpParagraph(longText.join(QLatin1Char(' ')));
        section += hwpParagraph(QStringLiteral("끝"));
        QVERIFY(section.size() > 3 * 256 * 1024);
        const Read read = extract(hwp({section}), QStringLiteral("명단.hwp"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.incomplete));
        QCOMPARE(read.pieces.size(), 3'002);
        for (int i : {0, 1'500, 2'999})
            QCOMPARE(read.textAt(QStringLiteral("section 1 › paragraph %1").arg(i + 1)),
                     QStringLiteral("%1번째 문단 %2").arg(i + 1).arg(i * 7'919 % 100'000));
        QCOMPARE(read.textAt(QStringLiteral("section 1 › paragraph 3001")), longText.join(QLatin1Char(' ')));
        QCOMPARE(read.textAt(QStringLiteral("section 1 › paragraph 3002")), QStringLiteral("끝"));

        // A record whose size claims more than the stream holds, after a block's worth of
        // records: what came before is read, the rest is said to be missing.
        QByteArray lying;
        for (int i = 0; i < 8'000; ++i)
            lying += hwpParagraph(QStringLiteral("%1번째 문단").arg(i + 1));
        QVERIFY(lying.size() > 256 * 1024);
        QByteArray liar = hwpRecord(HwpParaText, 1, QByteArray(8, 'a'));
        qToLittleEndian<quint32>(HwpParaText | (1u << 10) | (0xFFEu << 20), liar.data());
        const Read cut = extract(hwp({lying + liar}), QStringLiteral("잘린.hwp"));
        QVERIFY2(cut.incomplete.contains(QStringLiteral("larger than what remains")), qPrintable(cut.incomplete));
        QCOMPARE(cut.textAt(QStringLiteral("section 1 › paragraph 8000")), QStringLiteral("8000번째 문단"));

        // A size no stream may inflate to (an extended size of 4 GB): the reader stops there at
        // once instead of gathering the rest of the stream for it, and says so.
        QByteArray huge(8, '\0');
        qToLittleEndian<quint32>(HwpParaText | (1u << 10) | (0xFFFu << 20), huge.data());
        qToLittleEndian<quint32>(0xFFFFFF00u, huge.data() + 4);
        const Read impossible = extract(hwp({lying + huge + lying}), QStringLiteral("거짓.hwp"));
        QVERIFY2(impossible.incomplete.contains(QStringLiteral("larger than what remains")),
                 qPrintable(impossible.incomplete));
        QCOMPARE(impossible.pieces.size(), 8'000);
    }

    void shouldReadHwpRecordHeadersCutByABlocksEnd()
    {
        // Sections inflate 256 KiB at a time: an extended header (8 bytes) with 6 of them before
        // the first block's end, then a plain header (4 bytes) with 2 before the second's.
        constexpr qsizetype Block = 256 * 1024;
        const auto padTo = [](QByteArray &section, qsizetype offset) {
            section += hwpRecord(0x60, 0, QByteArray(offset - section.size() - 8, 'x')); // a record no one reads
            QCOMPARE(section.size(), offset);
        };
        QByteArray section;
        for (int i = 0; section.size() < 150'000; ++i)
            section += hwpParagraph(QStringLiteral("%1번째 문단").arg(i + 1));
        const QString longText = QStringLiteral("주민등록번호 850315-2345678 ").repeated(300);
        padTo(section, Block - 6 - 26); // the paragraph header record: 4 + 22 bytes
        section += hwpParagraph(longText);
        padTo(section, 2 * Block - 2 - 26);
        section += hwpParagraph(QStringLiteral("둘째 900101-1234568"));
        section += hwpParagraph(QStringLiteral("끝"));
        const Read read = extract(hwp({section}), QStringLiteral("경계.hwp"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.incomplete));
        const QStringList texts = read.all().split(QLatin1Char('\n'));
        QCOMPARE(texts.mid(texts.size() - 3),
                 (QStringList {longText, QStringLiteral("둘째 900101-1234568"), QStringLiteral("끝")}));
    }

    void shouldSkipHwpControlsByTheirWidths()
    {
        // A tab (inline, 8 units), a section definition (extended, 8 units), a line break (1 unit).
        QByteArray payload;
        const auto unit = [&](quint16 u) {
            char bytes[2];
            qToLittleEndian<quint16>(u, bytes);
            payload.append(bytes, 2);
        };
        for (const QChar c : QStringLiteral("8503"))
            unit(c.unicode());
        unit(9);
        for (int i = 0; i < 6; ++i)
            unit(0x4141); // the control's own data, never text
        unit(9);
        unit(2);
        for (int i = 0; i < 6; ++i)
            unit(0x4242);
        unit(2);
        unit(10);
        for (const QChar c : QStringLiteral("15"))
            unit(c.unicode());
        unit(13);
        QCOMPARE(Extract::HwpExtractor::paragraphText(payload), QByteArray("8503\t\n15"));
    }

    void shouldEncodeHwpTextAsQtDoes()
    {
        // Every width of UTF-8, surrogate pairs, and lone or reversed surrogates, in random order:
        // the text must be what QString::toUtf8() makes of the same units.
        const char16_t alphabet[] = {u'A',   u'~',   0x80,   0x7FF,  0x800,  u'가',  u'힣', 0xD7FF,
                                     0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF};
        std::mt19937 random(12);
        for (int round = 0; round < 2000; ++round) {
            std::u16string units(random() % 12, u' ');
            for (char16_t &unit : units)
                unit = alphabet[random() % std::size(alphabet)];
            QByteArray payload;
            for (const char16_t unit : units) {
                char bytes[2];
                qToLittleEndian<quint16>(unit, bytes);
                payload.append(bytes, 2);
            }
            const QString expected(reinterpret_cast<const QChar *>(units.data()), qsizetype(units.size()));
            QCOMPARE(Extract::HwpExtractor::paragraphText(payload), expected.toUtf8());
        }
    }

    void shouldSayWhyAnHwpIsNotRead_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("password") << hwp({hwpParagraph(QStringLiteral("비밀"))}, 1 | 2) << "encrypted";
        QTest::newRow("distribution") << hwp({hwpParagraph(QStringLiteral("배포"))}, 1 | 4) << "encrypted";
        QTest::newRow("DRM") << hwp({hwpParagraph(QStringLiteral("보안"))}, 1 | 16) << "encrypted";
        QTest::newRow("HWP 97") << QByteArray("HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05", 30)
                                << "unsupported version";
        QTest::newRow("not a compound file") << QByteArray::fromHex("D0CF11E0A1B11AE1") + QByteArray(100, 'x')
                                             << "not a readable HWP file (a damaged compound file: ";
    }

    void shouldSayWhyAnHwpIsNotRead()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, reason);
        const Read read = extract(file, QStringLiteral("문서.hwp"));
        QVERIFY(read.pieces.isEmpty());
        QVERIFY2(read.incomplete.contains(reason), qPrintable(read.incomplete));
    }

    // A distribution document's body is encrypted, its preview is not (a file browser shows it):
    // the preview is read, and the document is still not scanned.
    void shouldReadTheClearPreviewOfAnEncryptedHwp()
    {
        const Read read = extract(
            hwp({hwpParagraph(QStringLiteral("본문 850315-2345678"))}, 1 | 4, QStringLiteral("신청인 900101-1234568")),
            QStringLiteral("배포.hwp"));
        QCOMPARE(read.textAt(QStringLiteral("preview text")), QStringLiteral("신청인 900101-1234568"));
        QVERIFY2(!read.all().contains(QStringLiteral("본문")), qPrintable(read.all()));
        QVERIFY2(read.incomplete.contains(QStringLiteral("encrypted")), qPrintable(read.incomplete));
    }

    // An OpenDocument or HWPX package saved with a password: its manifest says which parts are
    // encrypted, and the document is "encrypted", not a broken XML part.
    void shouldNameAPackageSavedWithAPassword_data()
    {
        QTest::addColumn<QString>("mimetype");
        QTest::addColumn<QString>("main");
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("ODT") << "application/vnd.oasis.opendocument.text"
                             << "content.xml" << QByteArray("manifest:");
        QTest::newRow("HWPX") << "application/hwp+zip"
                              << "Contents/section0.xml" << QByteArray("odf:");
        QTest::newRow("no prefix") << "application/vnd.oasis.opendocument.text"
                                   << "content.xml" << QByteArray();
    }

    void shouldNameAPackageSavedWithAPassword()
    {
        QFETCH(QString, mimetype);
        QFETCH(QString, main);
        QFETCH(QByteArray, prefix);
        const QByteArray manifest = "<" + prefix + "manifest><" + prefix + "file-entry " + prefix + "full-path=\"" +
            main.toUtf8() + "\"><" + prefix + "encryption-data " + prefix + "checksum=\"AAAA\"/></" + prefix +
            "file-entry></" + prefix + "manifest>";
        const QByteArray file = zipOf({{QStringLiteral("mimetype"), mimetype.toUtf8()},
                                       {QStringLiteral("META-INF/manifest.xml"), manifest},
                                       {main, QByteArray("\x8f\x02\xc4 not XML 900101-1234568")}});
        const Read read = extract(file, QStringLiteral("문서"));
        QVERIFY2(read.incomplete.contains(QStringLiteral("encrypted (a document with a password)")),
                 qPrintable(read.incomplete));
        QVERIFY(read.pieces.isEmpty());
    }

    // A compound file that is no HWP is named by what it is, not as a broken HWP: an Office
    // 97-2003 file by its main stream, an Office document with a password (its package
    // encrypted inside a compound file) as encrypted.
    void shouldNameTheCompoundFilesItDoesNotRead_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("reason");
        // Word and Excel 97-2003 are read (docextractortest, xlsextractortest): these streams hold
        // no document, no workbook.
        QTest::newRow("Word") << "WordDocument" << int(DocumentExtractor::Format::Doc)
                              << "not a readable Word document (no file information block): not scanned";
        QTest::newRow("Excel") << "Workbook" << int(DocumentExtractor::Format::Xls)
                               << "not a readable Excel workbook (no workbook globals): not scanned";
        QTest::newRow("Excel 5") << "Book" << int(DocumentExtractor::Format::Xls)
                                 << "an Excel workbook older than Excel 97 (BIFF5): not scanned";
        QTest::newRow("PowerPoint") << "PowerPoint Document" << int(DocumentExtractor::Format::Ppt)
                                    << "a record longer than what holds it: read in part";
        QTest::newRow("a password") << "EncryptedPackage" << int(DocumentExtractor::Format::EncryptedOffice)
                                    << "encrypted (an Office document with a password): not scanned";
        QTest::newRow("none of these") << "Contents" << int(DocumentExtractor::Format::Hwp)
                                       << "no HWP file header: not scanned";
    }

    // A compound file that does not open cannot say what it held: its name says what it was meant
    // to be, and nothing calls an Excel workbook an HWP file.
    void shouldNameADamagedCompoundFileByItsName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("HWP") << "신청서.hwp"
                             << "not a readable HWP file (a damaged compound file: ";
        QTest::newRow("Word") << "신청서.DOC"
                              << "not a readable Word document (a damaged compound file: ";
        QTest::newRow("Excel") << "명단.xls"
                               << "not a readable Excel workbook (a damaged compound file: ";
        QTest::newRow("PowerPoint") << "안내.ppt"
                                    << "not a readable PowerPoint presentation (a damaged compound file: ";
        QTest::newRow("no name") << "첨부"
                                 << "not a readable HWP or Office 97-2003 file (a damaged compound file: ";
    }

    void shouldNameADamagedCompoundFileByItsName()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        QByteArray file = xls(QByteArray(5000, 'x'));
        file.truncate(1024); // its FAT and directory sectors cut off
        QCOMPARE(DocumentExtractor::sniff(file, name), DocumentExtractor::Format::BrokenCompoundFile);
        const Read read = extract(file, name);
        QVERIFY(read.pieces.isEmpty());
        QVERIFY2(read.incomplete.contains(reason), qPrintable(read.incomplete));
    }

    void shouldNameTheCompoundFilesItDoesNotRead()
    {
        QFETCH(QString, stream);
        QFETCH(int, format);
        QFETCH(QString, reason);
        const QByteArray file = compoundFile(
            {{QStringLiteral("\x05SummaryInformation"), QByteArray(48, '\0')}, {stream, "900101-1234568"}});
        QCOMPARE(int(DocumentExtractor::sniff(file, QStringLiteral("명단"))), format);
        const Read read = extract(file, QStringLiteral("명단"));
        QVERIFY(read.pieces.isEmpty());
        QVERIFY2(read.incomplete.contains(reason), qPrintable(read.incomplete));
    }

    // Hangul's file information (title, author…) is read after the document's text, and does not
    // make a scanned form's document read as text.
    void shouldReadAnHwpDocumentsProperties()
    {
        const QByteArray title = QStringEncoder("CP949").encode(QStringLiteral("주거급여 신청서"));
        const Entries properties {{QStringLiteral("\x05HwpSummaryInformation"),
                                   summaryInformation(title, QStringLiteral("홍길동 900101-1234568"))}};
        const Read read =
            extract(hwp({hwpParagraph(QStringLiteral("본문"))}, 1, {}, properties), QStringLiteral("a.hwp"));
        QCOMPARE(read.textAt(QStringLiteral("HwpSummaryInformation")),
                 QStringLiteral("주거급여 신청서\n홍길동 900101-1234568"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        Entries picture = properties;
        picture.append({QStringLiteral("BinData/BIN0001.jpg"), QByteArray("\xFF\xD8\xFF", 3)});
        const Read scan = extract(hwp({hwpParagraph(QString())}, 1, {}, picture), QStringLiteral("scan.hwp"));
        QVERIFY2(scan.incomplete.contains(u"pictures with no text: not scanned"), qPrintable(scan.describe()));
    }

    void shouldStopAtARecordWhoseSizeLies()
    {
        // The second record claims more bytes than its stream holds: what came before is kept,
        // the rest is reported, nothing is read past the end.
        QByteArray section = hwpParagraph(QStringLiteral("앞 문단 850315-2345678"));
        QByteArray lying = hwpRecord(HwpParaText, 1, hwpText(QStringLiteral("뒤")));
        qToLittleEndian<quint32>(HwpParaText | (1u << 10) | (0xFFEu << 20), lying.data());
        section += hwpRecord(HwpParaHeader, 0, QByteArray(22, '\0')) + lying;
        const Read read = extract(hwp({section}), QStringLiteral("문서.hwp"));
        QCOMPARE(read.textAt(QStringLiteral("section 1 › paragraph 1")), QStringLiteral("앞 문단 850315-2345678"));
        QVERIFY2(read.incomplete.contains(QStringLiteral("larger than what remains")), qPrintable(read.incomplete));
    }

    // An object embedded in the document (an Excel table pasted as an object): its compound file's
    // Package stream is the workbook, read as one; an object that holds no office file is "not
    // scanned", never passed over.
    void shouldReadAnObjectEmbeddedInAnHwp()
    {
        const QByteArray workbook = xlsx({{QStringLiteral("명단"),
                                           QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                                                          "900101-1234568</t></is></c></row>")}},
                                         {});
        QByteArray object = QByteArray(4, '\0') + compoundFile({{QStringLiteral("Package"), workbook}});
        qToLittleEndian<quint32>(quint32(object.size() - 4), object.data());
        const Read read = extract(hwp({hwpParagraph(QStringLiteral("아래 표 참조"))}, 1, {},
                                      {{QStringLiteral("BinData/BIN0001.OLE"), rawDeflate(object)}}),
                                  QStringLiteral("보고.hwp"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("BinData/BIN0001.OLE › 명단!A1")), QStringLiteral("900101-1234568"));

        // A chart (한글 2018 and later): its DrawingML part beside a picture and Hancom's own copy,
        // read for its text; whole, so the document is not "read in part" for a chart.
        const QByteArray chartXml = xmlDocument(QStringLiteral(
            "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart><c:plotArea>"
            "<c:barChart><c:ser><c:cat><c:strRef><c:strCache><c:pt idx=\"0\"><c:v>홍길동 010-2345-6789</c:v></c:pt>"
            "</c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>"));
        QByteArray chart = QByteArray(4, '\0') +
            compoundFile({{QStringLiteral("Contents"), QByteArray(64, 'x')},
                          {QStringLiteral("OOXMLChartContents"), chartXml}});
        const Read charted = extract(hwp({hwpParagraph(QStringLiteral("차트"))}, 1, {},
                                         {{QStringLiteral("BinData/BIN0002.OLE"), rawDeflate(chart)}}),
                                     QStringLiteral("보고.hwp"));
        QVERIFY2(charted.incomplete.isEmpty(), qPrintable(charted.describe()));
        QVERIFY2(charted.textAt(QStringLiteral("BinData/BIN0002.OLE")).contains(QStringLiteral("홍길동 010-2345-6789")),
                 qPrintable(charted.describe()));
        // The same chart on its own, as an HWPX keeps it (BinData/ole1.ole).
        const Read alone =
            extract(compoundFile({{QStringLiteral("OOXMLChartContents"), chartXml}}), QStringLiteral("ole1.ole"));
        QVERIFY2(alone.all().contains(QStringLiteral("홍길동 010-2345-6789")), qPrintable(alone.describe()));

        QByteArray other = QByteArray(4, '\0') + compoundFile({{QStringLiteral("Contents"), QByteArray(64, 'x')}});
        const Read unknown = extract(hwp({hwpParagraph(QStringLiteral("개체"))}, 1, {},
                                         {{QStringLiteral("BinData/BIN0003.OLE"), rawDeflate(other)}}),
                                     QStringLiteral("보고.hwp"));
        QVERIFY2(unknown.incomplete.contains(QStringLiteral("BinData/BIN0003.OLE: an embedded object")),
                 qPrintable(unknown.describe()));
    }

    void shouldFallBackToThePreviewWhenTheBodyCannotBeRead()
    {
        const Read read = extract(hwp({QByteArray("not deflate data")}, 1, QStringLiteral("미리보기 850315-2345678")),
                                  QStringLiteral("문서.hwp"));
        QCOMPARE(read.textAt(QStringLiteral("preview text")), QStringLiteral("미리보기 850315-2345678"));
        QVERIFY(!read.incomplete.isEmpty()); // the body was not read, and that is said
    }

    // A scanned form pasted into a document is all of it: pictures are not read, so such a
    // document is never clean, as a PDF page of pictures is not (red-team: both read clean).
    void shouldNeverCallADocumentOfPicturesAloneClean()
    {
        const QByteArray png("\x89PNG\r\n\x1a\n", 8);
        const Entries picture {{QStringLiteral("word/media/image1.png"), png}};
        const Read pictures = extract(docx(QStringLiteral("<w:p><w:r><w:drawing/></w:r></w:p>"), {}, {}, {}, picture),
                                      QStringLiteral("신분증.docx"));
        QVERIFY2(pictures.incomplete.contains(QStringLiteral("pictures with no text: not scanned")),
                 qPrintable(pictures.incomplete));
        const QByteArray hwpxPictures = zipOf(
            {{QStringLiteral("mimetype"), "application/hwp+zip"},
             {QStringLiteral("Contents/section0.xml"), xmlDocument(QStringLiteral("<hs:sec xmlns:hs=\"urn:s\"/>"))},
             {QStringLiteral("BinData/image1.png"), png},
             {QStringLiteral("Preview/PrvImage.png"), png}});
        QVERIFY2(extract(hwpxPictures, QStringLiteral("신분증.hwpx"))
                     .incomplete.contains(QStringLiteral("pictures with no text: not scanned")),
                 "an HWPX of pictures alone");
        const QByteArray hwpPictures =
            hwp({hwpParagraph(QString())}, 1, {}, {{QStringLiteral("BinData/BIN0001.png"), rawDeflate(png)}});
        QVERIFY2(extract(hwpPictures, QStringLiteral("신분증.hwp"))
                     .incomplete.contains(QStringLiteral("pictures with no text: not scanned")),
                 "an HWP of pictures alone");
        QVERIFY(extract(hwp({hwpParagraph(QStringLiteral("사진 첨부"))}, 1, {},
                            {{QStringLiteral("BinData/BIN0001.png"), rawDeflate(png)}}),
                        QStringLiteral("c.hwp"))
                    .incomplete.isEmpty());
        // Text in a chart is the document's text too, though read after its body (from a review).
        const Entries chart {{QStringLiteral("word/charts/chart1.xml"),
                              xmlDocument(QStringLiteral("<c:chartSpace xmlns:c=\"urn:c\" xmlns:a=\"urn:a\"><a:t>"
                                                         "민원 건수</a:t></c:chartSpace>"))},
                             {QStringLiteral("word/media/image1.png"), png}};
        const Read charted = extract(docx(QString(), {}, {}, {}, chart), QStringLiteral("차트.docx"));
        QVERIFY2(charted.incomplete.isEmpty(), qPrintable(charted.describe()));
        QVERIFY2(charted.all().contains(QStringLiteral("민원 건수")), qPrintable(charted.describe()));
        // With text beside the picture, and with only a preview or thumbnail, the text is what is read.
        QVERIFY(
            extract(docx(wordParagraph({QStringLiteral("사진 첨부")}), {}, {}, {}, picture), QStringLiteral("a.docx"))
                .incomplete.isEmpty());
        QVERIFY(extract(docx(QString(), {}, {}, {}, {{QStringLiteral("docProps/thumbnail.jpeg"), png}}),
                        QStringLiteral("b.docx"))
                    .incomplete.isEmpty());
    }

    void shouldOpenArchivesInsideArchives()
    {
        const QByteArray inner = docx(wordParagraph({QStringLiteral("850315-2345678")}));
        const QByteArray outer = zipOf({{QStringLiteral("서류/신청서.docx"), inner},
                                        {QStringLiteral("명단.csv"), "성명,\"주민\n번호\"\n홍길순,900101-1234568\n"},
                                        {QStringLiteral("사진.png"), QByteArray("\x89PNG\r\n\x1a\n", 8)}});
        const Read read = extract(outer, QStringLiteral("서류.zip"));
        QCOMPARE(read.textAt(QStringLiteral("서류/신청서.docx › paragraph 1")), QStringLiteral("850315-2345678"));
        // A CSV's text as the scanner reads it: its quoted cells' line breaks as spaces.
        QCOMPARE(read.textAt(QStringLiteral("명단.csv")),
                 QStringLiteral("성명,\"주민 번호\"\n홍길순,900101-1234568\n"));
        QVERIFY2(read.incomplete.contains(QStringLiteral("사진.png: an image: not scanned")),
                 qPrintable(read.incomplete));
    }

    // An archive program shows the archive's comment when it is opened, and each entry's beside it
    // (red-team: both were passed over).
    void shouldReadAnArchivesComments()
    {
        const QByteArray file = zipWithComments({{QStringLiteral("명단.txt"), "성명 홍길순"}}, "담당자 900101-1234568",
                                                {{QStringLiteral("명단.txt"), "850315-2345678"}});
        const Read read = extract(file, QStringLiteral("서류.zip"));
        QCOMPARE(read.textAt(QStringLiteral("comment 1")), QStringLiteral("담당자 900101-1234568"));
        QCOMPARE(read.textAt(QStringLiteral("명단.txt › comment 1")), QStringLiteral("850315-2345678"));
        QCOMPARE(read.textAt(QStringLiteral("명단.txt")), QStringLiteral("성명 홍길순"));
    }

    // An archive made with macOS Finder carries each file's attributes (__MACOSX/._name) and the
    // folder's view settings (.DS_Store): no one's text, so the archive is read whole. Told by their
    // bytes: anything else under those names is read like any other file, or said not scanned.
    void shouldPassOverWhatFinderAddsToAnArchive()
    {
        const QByteArray appleDouble = QByteArray("\x00\x05\x16\x07\x00\x02\x00\x00", 8) + "Mac OS X        ";
        const QByteArray viewSettings = QByteArray("\x00\x00\x00\x01"
                                                   "Bud1",
                                                   8) +
            QByteArray(24, '\0');
        const Read made = extract(zipOf({{QStringLiteral("명단.txt"), "홍길순 010-2345-6789\n"},
                                         {QStringLiteral("__MACOSX/._명단.txt"), appleDouble},
                                         {QStringLiteral(".DS_Store"), viewSettings}}),
                                  QStringLiteral("명단.zip"));
        QVERIFY2(made.incomplete.isEmpty(), qPrintable(made.describe()));
        QCOMPARE(made.textAt(QStringLiteral("명단.txt")), QStringLiteral("홍길순 010-2345-6789\n"));
        // Such a file with a number in its bytes, UTF-16 too, is not passed over: it is not scanned.
        QByteArray utf16;
        for (const QChar c : QStringLiteral("850315-2345678")) {
            utf16 += char(c.unicode());
            utf16 += '\0';
        }
        const Read spelled = extract(zipOf({{QStringLiteral("__MACOSX/._명단.txt"),
                                             appleDouble + "\x01\x02" + u"홍길동,900101-1234568"_qs.toUtf8()},
                                            {QStringLiteral(".DS_Store"), viewSettings + utf16}}),
                                     QStringLiteral("명단.zip"));
        QVERIFY2(spelled.incomplete.contains(QStringLiteral("__MACOSX/._명단.txt")), qPrintable(spelled.describe()));
        QVERIFY2(spelled.incomplete.contains(QStringLiteral(".DS_Store")), qPrintable(spelled.describe()));
        const Read hidden = extract(zipOf({{QStringLiteral("__MACOSX/._명단.txt"), "900101-1234568\n"},
                                           {QStringLiteral("sub/.DS_Store"), "850315-2345678\n"}}),
                                    QStringLiteral("명단.zip"));
        QVERIFY2(hidden.all().contains(QStringLiteral("900101-1234568")), qPrintable(hidden.describe()));
        QVERIFY2(hidden.incomplete.contains(QStringLiteral("sub/.DS_Store")), qPrintable(hidden.describe()));
    }

    void shouldStopAtTheNestingLimit()
    {
        QByteArray nested = zipOf({{QStringLiteral("깊은곳.txt"), "850315-2345678"}});
        for (int level = 0; level < 10; ++level)
            nested = zipOf({{QStringLiteral("level%1.zip").arg(level), nested}});
        const Read read = extract(nested, QStringLiteral("겹겹.zip"));
        QVERIFY(!read.all().contains(QStringLiteral("850315")));
        QVERIFY2(read.incomplete.contains(QStringLiteral("nested more than 4 deep")), qPrintable(read.incomplete));
    }

    void shouldStopACompressionBombByWhatItProduces()
    {
        // 40 MB of zeros deflate to about 40 KB: past 1 MB, more than 100 times its size.
        const QByteArray bomb = zipOf({{QStringLiteral("zeros.txt"), QByteArray(40 << 20, '0')}});
        QVERIFY(bomb.size() < 200 * 1024);
        const Read read = extract(bomb, QStringLiteral("bomb.zip"));
        QCOMPARE(read.pieces.size(), 1); // its name alone
        QCOMPARE(read.textAt(QStringLiteral("zeros.txt › file name")), QStringLiteral("zeros.txt"));
        QVERIFY2(read.incomplete.contains(QStringLiteral("a compression bomb")), qPrintable(read.incomplete));
    }

    void shouldReadALargePartBlockByBlock()
    {
        // A part is inflated and parsed 1 MiB at a time: numbers lie across every block's end,
        // where expat splits a text node, and are read whole; many runs make many small events.
        QStringList numberList;
        for (qint64 i = 0; i < 250'000; ++i) // varied, or the part would deflate like a bomb
            numberList.append(
                QStringLiteral("%1-%2").arg(100'000 + i * 7'919 % 900'000).arg(1'000'000 + i * 104'729 % 9'000'000));
        const QString numbers = numberList.join(QLatin1Char(' '));
        QStringList runs;
        for (int i = 0; i < 5'000; ++i)
            runs.append(QStringLiteral("9001%1").arg(i % 10));
        const QByteArray file =
            docx(wordParagraph({numbers}) + wordParagraph(runs) + wordParagraph({QStringLiteral("끝")}));
        const Read read = extract(file, QStringLiteral("명단.docx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.incomplete));
        QCOMPARE(read.pieces.size(), 3);
        QCOMPARE(read.textAt(QStringLiteral("paragraph 1")), numbers);
        QCOMPARE(read.textAt(QStringLiteral("paragraph 2")), runs.join(QString()));
        QCOMPARE(read.textAt(QStringLiteral("paragraph 3")), QStringLiteral("끝"));
    }

    void shouldSayWhenAPartBreaksAfterItsFirstBlocks()
    {
        // Deflated data damaged half way: what came before the damage is read, and the document
        // is never complete (the entry's checksum, or inflate itself, fails at the end).
        QString body;
        for (int i = 0; i < 20'000; ++i)
            body += wordParagraph({QStringLiteral("%1번째 줄 %2").arg(i).arg(QString::number(i * 7919 % 100'000))});
        QByteArray file = docx(body);
        // The part's local header: its name first appears there (every entry's data is deflated).
        const qsizetype header = file.indexOf(QByteArray("word/document.xml")) - 30;
        QVERIFY(header > 0 && file.mid(header, 4) == "PK\x03\x04");
        const qsizetype data = header + 30 + qFromLittleEndian<quint16>(file.constData() + header + 26) +
            qFromLittleEndian<quint16>(file.constData() + header + 28);
        const qsizetype compressed = qFromLittleEndian<quint32>(file.constData() + header + 18);
        QVERIFY(compressed > 64 * 1024);
        for (qsizetype i = data + compressed * 3 / 4; i < data + compressed * 3 / 4 + 64; ++i)
            file[i] = char(~file[i]);
        const Read read = extract(file, QStringLiteral("깨진.docx"));
        QVERIFY2(!read.incomplete.isEmpty(), qPrintable(read.incomplete));
        QVERIFY(read.textAt(QStringLiteral("paragraph 1")).startsWith(QStringLiteral("0번째 줄")));
        QVERIFY(!read.all().contains(QStringLiteral("19999번째 줄")));
    }

    void shouldCountEntriesAcrossArchives()
    {
        Entries many;
        for (int i = 0; i < 30; ++i)
            many.append({QStringLiteral("%1.txt").arg(i), QByteArray("x")});
        Core::AttachmentLimits limits;
        limits.maxEntries = 10;
        const Read read = extract(zipOf(many), QStringLiteral("many.zip"), limits);
        QCOMPARE(read.pieces.size(), 20); // ten entries' names and texts
        QVERIFY2(read.incomplete.contains(QStringLiteral("more than 10 entries")), qPrintable(read.incomplete));
    }

    void shouldCutTextAtTheCharacterLimit()
    {
        Core::AttachmentLimits limits;
        limits.maxCharacters = 20;
        const Read read = extract(docx(wordParagraph({QStringLiteral("가나다라마바사아자차카타파하")}) +
                                       wordParagraph({QStringLiteral("850315-2345678")})),
                                  QStringLiteral("긴 문서.docx"), limits);
        qsizetype characters = 0;
        for (const auto &piece : read.pieces)
            characters += piece.second.size();
        // The places written count too: never more than the limit in all.
        QVERIFY(characters > 0 && characters <= 20);
        QVERIFY2(read.incomplete.contains(QStringLiteral("more than 20 characters")), qPrintable(read.incomplete));
    }

    void shouldCountCharactersNotBytes()
    {
        // ASCII, Hangul (three bytes) and a character beyond the BMP (four), past eight bytes.
        const QString text = QStringLiteral("ab가나😀cd다라마바😀사아zz");
        for (qsizetype limit = 1; limit <= text.toUcs4().size() + 1; ++limit) {
            Core::AttachmentLimits limits;
            limits.maxCharacters = limit;
            QString got;
            Extract::TextSink sink(
                limits, [&](const Core::TextPlace &, QByteArrayView utf8) { got += QString::fromUtf8(utf8); });
            sink.add({}, text);
            const QList<uint> characters = text.toUcs4();
            QCOMPARE(got,
                     QString::fromUcs4(reinterpret_cast<const char32_t *>(characters.constData()),
                                       qMin(limit, characters.size())));
            QCOMPARE(sink.full(), limit < characters.size());
        }
    }

    void shouldRefuseAnInconsistentArchive()
    {
        QByteArray broken = docx(wordParagraph({QStringLiteral("850315-2345678")}));
        // The central directory's first entry points at a local header that is not there.
        const qsizetype central = broken.indexOf("PK\x01\x02");
        QVERIFY(central > 0);
        qToLittleEndian<quint32>(7, broken.data() + central + 42);
        const Read read = extract(broken, QStringLiteral("broken.docx"));
        QVERIFY(!read.all().contains(QStringLiteral("850315")));
        QVERIFY(!read.incomplete.isEmpty());

        const Read truncated = extract(broken.left(broken.size() / 2), QStringLiteral("truncated.docx"));
        QVERIFY(truncated.pieces.isEmpty());
        QVERIFY(!truncated.incomplete.isEmpty());
    }

    // Entry names as their writer meant them: CP949 without the UTF-8 flag (Windows Explorer on a
    // Korean system), and UTF-8 with or without the flag.
    void shouldNameArchiveEntriesInTheirWritersEncoding()
    {
        QStringEncoder cp949("CP949");
        const QByteArray text = "850315-2345678";
        const Read windows =
            extract(zipWithNames({{cp949.encode(QStringLiteral("개인정보/명단.txt")), text}}, ZIP_FL_ENC_CP437, {}),
                    QStringLiteral("자료.zip"));
        QCOMPARE(windows.textAt(QStringLiteral("개인정보/명단.txt")), QString::fromUtf8(text));
        const Read unflagged = extract(zipWithNames({{QStringLiteral("명단.txt").toUtf8(), text}}, ZIP_FL_ENC_RAW, {}),
                                       QStringLiteral("자료.zip"));
        QCOMPARE(unflagged.textAt(QStringLiteral("명단.txt")), QString::fromUtf8(text));
    }

    void shouldReadAnEmailItsSubjectAndItsAttachments()
    {
        const QByteArray attached = docx(wordParagraph({QStringLiteral("첨부 850315-2345678")}));
        const QByteArray eml = "From: kim@example.go.kr\r\nTo: all@example.go.kr\r\n"
                               "Subject: =?UTF-8?B?" +
            QStringLiteral("신청서 900101-1234568").toUtf8().toBase64() +
            "?=\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            "=EB=B3=B8=EB=AC=B8 010-1234-=\r\n5678\r\n"
            "--b1\r\nContent-Type: application/octet-stream; name=\"a.docx\"\r\n"
            "Content-Disposition: attachment; filename=\"=?UTF-8?B?" +
            QStringLiteral("신청서.docx").toUtf8().toBase64() + "?=\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            attached.toBase64() + "\r\n--b1--\r\n";
        QCOMPARE(DocumentExtractor::sniff(eml, QStringLiteral("forwarded")), DocumentExtractor::Format::Eml);
        const Read read = extract(eml, QStringLiteral("전달.eml"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("subject")), QStringLiteral("신청서 900101-1234568"));
        QVERIFY2(read.all().contains(QStringLiteral("본문 010-1234-5678")), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("신청서.docx › paragraph 1")), QStringLiteral("첨부 850315-2345678"));
    }

    // A file's name travels with it, inside an archive or an e-mail as outside: a scan of a card
    // saved under its holder's number is named so though the picture cannot be read. A part of a
    // package (word/media/image1.png) is no file a person names.
    void shouldReadTheNamesOfTheFilesInside()
    {
        const QByteArray picture("\xFF\xD8\xFF\xE0", 4);
        const Read zipped = extract(zipOf({{QStringLiteral("서류/주민등록증_850315-2345678.jpg"), picture},
                                           {QStringLiteral("안내.txt"), "접수 안내"}}),
                                    QStringLiteral("서류.zip"));
        QCOMPARE(zipped.textAt(QStringLiteral("서류/주민등록증_850315-2345678.jpg › file name")),
                 QStringLiteral("서류/주민등록증_850315-2345678.jpg"));
        QCOMPARE(zipped.textAt(QStringLiteral("안내.txt › file name")), QStringLiteral("안내.txt"));
        QVERIFY2(zipped.incomplete.contains(QStringLiteral("an image")), qPrintable(zipped.describe()));

        const QByteArray mail =
            "From: kim@example.go.kr\r\nTo: all@example.go.kr\r\nSubject: fw\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n첨부합니다\r\n--b\r\n"
            "Content-Type: image/jpeg\r\nContent-Disposition: attachment; "
            "filename=\"card 850315-2345678.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            picture.toBase64() + "\r\n--b--\r\n";
        const Read mailed = extract(mail, QStringLiteral("전달.eml"));
        QCOMPARE(mailed.textAt(QStringLiteral("card 850315-2345678.jpg › file name")),
                 QStringLiteral("card 850315-2345678.jpg"));

        // A Korean name as Thunderbird and Apple Mail write it (RFC 2231): in sections, each
        // percent-encoded (cut between whole %XX triplets); and what a mail program shows before a
        // plain name given as well.
        const QByteArray encoded = QStringLiteral("신분증 850315-2345678.jpg").toUtf8().toPercentEncoding();
        const QByteArray sectioned = "Content-Disposition: attachment;\r\n filename*0*=UTF-8''" + encoded.left(18) +
            ";\r\n filename*1*=" + encoded.mid(18, 18) + ";\r\n filename*2*=" + encoded.mid(36) + "\r\n";
        const QByteArray both =
            "Content-Disposition: attachment; filename=\"scan.jpg\"; filename*=UTF-8''" + encoded + "\r\n";
        for (const QByteArray &disposition : {sectioned, both}) {
            const QByteArray named = "From: kim@example.go.kr\r\nSubject: fw\r\nMIME-Version: 1.0\r\n"
                                     "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                                     "Content-Type: image/jpeg\r\n" +
                disposition + "Content-Transfer-Encoding: base64\r\n\r\n" + picture.toBase64() + "\r\n--b--\r\n";
            const Read read = extract(named, QStringLiteral("전달.eml"));
            QCOMPARE(read.textAt(QStringLiteral("신분증 850315-2345678.jpg › file name")),
                     QStringLiteral("신분증 850315-2345678.jpg"));
        }

        const Read document = extract(docx(wordParagraph({QStringLiteral("본문")}), {}, {}, {},
                                           {{QStringLiteral("word/media/image1.png"), picture}}),
                                      QStringLiteral("a.docx"));
        QVERIFY2(!document.describe().contains(QStringLiteral("file name")), qPrintable(document.describe()));

        // LibreOffice keeps a picture of every table on a slide (a StarView metafile): a picture
        // like the others, not a file it could not read (red team: every ODP with a table was
        // "read in part").
        const QByteArray presentation =
            zipOf({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.presentation"},
                   {QStringLiteral("content.xml"),
                    xmlDocument(QStringLiteral("<office:document-content xmlns:office=\"urn:oasis:names:tc:"
                                               "opendocument:xmlns:office:1.0\"><office:body>표</office:body>"
                                               "</office:document-content>"))},
                   {QStringLiteral("Pictures/TablePreview1.svm"), QByteArray("VCLMTF\x01\x00", 8)}});
        const Read slides = extract(presentation, QStringLiteral("발표.odp"));
        QVERIFY2(slides.incomplete.isEmpty(), qPrintable(slides.describe()));
    }

    // As a mail reader shows them: an HTML body's inline tags join the text on either side (a number
    // split over two spans is one number), block tags break it; an attachment's name in its own
    // charset (RFC 2231, as Korean mail programs write EUC-KR) is read in that charset.
    // Older Korean mail programs send 8-bit CP949 with no charset, and a page may name its own only
    // in a <meta>: read as UTF-8, every Hangul label was lost (red-team: an account not found).
    void shouldReadAnEmailWithoutACharsetAsKoreanMailProgramsSendIt()
    {
        QStringEncoder cp949("CP949");
        const QByteArray body = cp949.encode(QStringLiteral("환급 계좌: 농협 301-1234-5678-91\r\n"));
        const QByteArray page = cp949.encode(
            QStringLiteral("<html><head><meta charset=\"euc-kr\"></head><body><p>연락처 안내</p></body></html>"));
        const QByteArray mail = "From: kim@example.go.kr\r\nTo: all@example.go.kr\r\nSubject: cp949\r\n"
                                "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                                "--b1\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
            body + "\r\n--b1\r\nContent-Type: text/html\r\n\r\n" + page + "\r\n--b1--\r\n";
        const Read read = extract(mail, QStringLiteral("환급.eml"));
        QVERIFY2(read.all().contains(QStringLiteral("환급 계좌: 농협 301-1234-5678-91")), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("연락처 안내")), qPrintable(read.describe()));
        // UTF-8 is UTF-8 whatever a single-byte <meta> says (from a review).
        const QByteArray utf8Page =
            QStringLiteral("<html><head><meta charset=\"iso-8859-1\"></head><body>입금 계좌번호</body></html>")
                .toUtf8();
        const Read utf8 = extract("From: kim@example.go.kr\r\nSubject: utf-8\r\nMIME-Version: 1.0\r\n"
                                  "Content-Type: text/html\r\n\r\n" +
                                      utf8Page,
                                  QStringLiteral("안내.eml"));
        QVERIFY2(utf8.all().contains(QStringLiteral("입금 계좌번호")), qPrintable(utf8.describe()));
        // A byte broken in transit does not turn the rest to noise: it stays one broken character.
        const QByteArray damaged =
            cp949.encode(QStringLiteral("환급 계좌: 농협 301-1234-5678-91\r\n").repeated(8)) + "\xFF\r\n";
        const Read broken = extract("From: kim@example.go.kr\r\nSubject: cp949\r\nMIME-Version: 1.0\r\n"
                                    "Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
                                        damaged,
                                    QStringLiteral("환급.eml"));
        QVERIFY2(broken.all().contains(QStringLiteral("환급 계좌: 농협 301-1234-5678-91")),
                 qPrintable(broken.describe()));
        QVERIFY2(broken.all().contains(QChar::ReplacementCharacter), qPrintable(broken.describe()));
        // ... and the part is read in part, never clean; the whole ones are.
        QVERIFY2(broken.incomplete.contains(u"not CP949 text"_qs), qPrintable(broken.describe()));
        QVERIFY2(read.incomplete.isEmpty() && utf8.incomplete.isEmpty(), qPrintable(read.describe()));
    }

    // A part whose bytes its charset does not read (one damaged in transit, a charset no one knows
    // over text that is no UTF-8, bytes that are no text at all) is shown around them as a mail
    // program shows it, and never called clean.
    void shouldNotCallAnEmailPartItsCharsetCannotReadClean_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("whole");
        QStringEncoder cp949("CP949");
        const QString text = u"환급 계좌: 농협 301-1234-5678-91\r\n"_qs;
        const QByteArray korean = cp949.encode(text);
        QTest::newRow("UTF-8, whole") << QByteArray("text/plain; charset=utf-8") << text.toUtf8() << true;
        QTest::newRow("UTF-8, a byte broken")
            << QByteArray("text/plain; charset=utf-8") << text.toUtf8() + "\xFF" << false;
        QTest::newRow("EUC-KR, whole") << QByteArray("text/plain; charset=euc-kr") << korean << true;
        QTest::newRow("EUC-KR, a byte broken") << QByteArray("text/plain; charset=euc-kr") << korean + "\xFF" << false;
        // Labelled EUC-KR, written in code page 949 (똠, a syllable EUC-KR lacks), as mail programs do.
        QTest::newRow("EUC-KR, a syllable of code page 949")
            << QByteArray("text/plain; charset=euc-kr") << QByteArray::fromHex("8c63b9e6b0a2c7cf20") + korean << true;
        // Bytes Windows maps to a control or a character of private use are no text anyone wrote.
        QTest::newRow("EUC-KR, a byte read as a control")
            << QByteArray("text/plain; charset=euc-kr") << "\x80" + korean << false;
        QTest::newRow("EUC-KR, a user-defined character")
            << QByteArray("text/plain; charset=euc-kr") << "\xC9\xA1" + korean << false;
        QTest::newRow("an unknown charset over UTF-8")
            << QByteArray("text/plain; charset=x-unknown") << text.toUtf8() << true;
        QTest::newRow("an unknown charset over CP949")
            << QByteArray("text/plain; charset=x-unknown") << korean << false;
        QByteArray noise = text.toUtf8();
        for (int i = 0; i < 64; ++i)
            noise += char(0x80 + (i * 37) % 128);
        QTest::newRow("no charset, mostly no text") << QByteArray("text/plain") << noise << false;
        QTest::newRow("UTF-16 cut inside a character")
            << QByteArray("text/plain; charset=utf-16le")
            << QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2) + "\x3D" << false;
        QTest::newRow("UTF-8 cut inside a character")
            << QByteArray("text/plain; charset=utf-8") << text.toUtf8() + QByteArray("\xEC\x95") << false;
        QTest::newRow("EUC-KR cut inside a character")
            << QByteArray("text/plain; charset=euc-kr") << korean + QByteArray("\xB0") << false;
        QTest::newRow("HTML, EUC-KR, a byte broken")
            << QByteArray("text/html; charset=euc-kr")
            << QByteArray(cp949.encode(u"<p>"_qs + text + u"</p>"_qs)) + "\xFF" << false;
    }
    void shouldNotCallAnEmailPartItsCharsetCannotReadClean()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(bool, whole);
        const Read read =
            extract("From: kim@example.go.kr\r\nSubject: a\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType +
                        "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body,
                    QStringLiteral("환급.eml"));
        QVERIFY2(read.all().contains(u"301-1234-5678-91"_qs), qPrintable(read.describe()));
        QVERIFY2(read.incomplete.isEmpty() == whole, qPrintable(read.describe()));
    }

    // The same holds for the subject and the names in the address lines: raw CP949 there (older
    // Korean mail programs) is read as Korean; bytes that neither it nor an encoded word's charset
    // reads make the mail read in part, where they turned to replacement characters unnoticed.
    void shouldNotCallAnEmailHeaderItsCharsetCannotReadClean_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("whole");
        QStringEncoder cp949("CP949");
        const QString subject = u"주민번호 확인 요청"_qs;
        const QByteArray korean = cp949.encode(subject);
        QTest::newRow("UTF-8 subject") << "Subject: " + subject.toUtf8() << subject << true;
        QTest::newRow("raw CP949 subject") << "Subject: " + korean << subject << true;
        // Too short to tell CP949 with a broken byte from noise: whatever it shows, never clean.
        QTest::newRow("raw CP949 subject, a byte broken") << "Subject: " + korean + "\xFF" << QString() << false;
        QTest::newRow("encoded word, EUC-KR") << "Subject: =?euc-kr?B?" + korean.toBase64() + "?=" << subject << true;
        QTest::newRow("encoded word, EUC-KR, a byte broken")
            << "Subject: =?euc-kr?B?" + (korean + "\xFF").toBase64() + "?=" << subject << false;
        QTest::newRow("encoded word, unknown charset over CP949")
            << "Subject: =?x-unknown?B?" + korean.toBase64() + "?=" << QString() << false;
        QTest::newRow("display name, a byte broken")
            << "Subject: a\r\nCc: =?utf-8?B?" + (subject.toUtf8() + "\xFF").toBase64() + "?= <lee@example.go.kr>"
            << subject << false;
    }
    void shouldNotCallAnEmailHeaderItsCharsetCannotReadClean()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QString, shown);
        QFETCH(bool, whole);
        const Read read = extract("From: kim@example.go.kr\r\n" + headers +
                                      "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                                      "body\r\n",
                                  QStringLiteral("요청.eml"));
        QVERIFY2(read.all().contains(u"body"_qs), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(shown), qPrintable(read.describe()));
        QVERIFY2(read.incomplete.isEmpty() == whole, qPrintable(read.describe()));
    }

    void shouldReadAnEmailAsItsReaderShowsIt()
    {
        const QByteArray attached = docx(wordParagraph({QStringLiteral("첨부")}));
        QStringEncoder euckr("EUC-KR");
        QVERIFY(euckr.isValid());
        const QByteArray name = QByteArray(euckr.encode(QStringLiteral("명단.docx"))).toPercentEncoding();
        const QByteArray mail = "From: kim@example.go.kr\r\nTo: all@example.go.kr\r\nSubject: html\r\n"
                                "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                                "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
            QStringLiteral("<html><body><p>주민번호 <span style=\"color:red\">851011-</span><b>2345673</b></p>"
                           "<div>전화</div><table><tr><td>홍길동</td><td>010-2345-6789</td></tr></table>"
                           "<!--[if mso]><p>1 <2 조건부 850101-1234568</p><![endif]--></body></html>")
                .toUtf8() +
            "\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
            "Content-Disposition: attachment; filename*=EUC-KR''" +
            name + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + attached.toBase64() + "\r\n--b1--\r\n";
        const Read read = extract(mail, QStringLiteral("전달.eml"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("주민번호 851011-2345673\n")), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("\n전화\n")), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(QStringLiteral("홍길동\t010-2345-6789")), qPrintable(read.describe()));
        // What Outlook shows of a conditional comment, and a '<' that starts no tag (from a review).
        QVERIFY2(read.all().contains(QStringLiteral("1 <2 조건부 850101-1234568")), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("명단.docx › paragraph 1")), QStringLiteral("첨부"));
    }

    // Named character references as a browser reads them (an unknown one stays as written), and
    // Thunderbird's format=flowed lines joined where the reader joins them.
    void shouldReadAnEmailsEntitiesAndFlowedLines()
    {
        const auto mail = [](const QByteArray &type, const QByteArray &body) {
            return "From: kim@example.go.kr\r\nTo: all@example.go.kr\r\nSubject: s\r\nContent-Type: " + type +
                "\r\n\r\n" + body;
        };
        const Read html =
            extract(mail("text/html; charset=utf-8",
                         u"<p>전화 010&ndash;5555&hyphen;6666 &amp;lt; &unknown; a&nbsp;b</p>"_qs.toUtf8()),
                    QStringLiteral("a.eml"));
        QVERIFY2(html.all().contains(u"전화 010\u20135555\u20106666 &lt; &unknown; a b"_qs),
                 qPrintable(html.describe()));
        const QByteArray wrapped = u"주민등록번호 900101 \r\n1234568 입니다.\r\n서명\r\n"_qs.toUtf8();
        const Read flowed = extract(mail("text/plain; charset=utf-8; format=flowed", wrapped), QStringLiteral("b.eml"));
        QVERIFY2(flowed.all().contains(u"주민등록번호 900101 1234568 입니다.\n서명"_qs), qPrintable(flowed.describe()));
        const Read deleted =
            extract(mail("text/plain; charset=utf-8; format=flowed; delsp=yes", wrapped), QStringLiteral("c.eml"));
        QVERIFY2(deleted.all().contains(u"주민등록번호 9001011234568 입니다."_qs), qPrintable(deleted.describe()));
        const Read fixed = extract(mail("text/plain; charset=utf-8", wrapped), QStringLiteral("d.eml"));
        QVERIFY2(fixed.all().contains(u"900101 \r\n1234568"_qs), qPrintable(fixed.describe()));
    }

    // An HTML file attached (an exported report, a saved page) read as a browser shows it: in
    // the charset its <meta> declares, without scripts and style sheets, numbers split by tags
    // joined, a table's cells apart by tabs, a form field's value and a picture's alternative text.
    // It was "an unknown format: not scanned".
    void shouldReadAnHtmlPageAsABrowserShowsIt()
    {
        QStringEncoder euckr("EUC-KR");
        const QByteArray page = euckr(QStringLiteral(
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">"
            "<script>var sample = \"900101-1234568\";</script><STYLE>td { }</STYLE></head><body><table>"
            "<tr><th>성명</th><th>주민등록번호</th></tr><tr><td>홍길동</td><td><span>850315-</span><b>2345678</b>"
            "</td></tr></table><p>계좌 <input type=\"text\" value=\"110-234-567890\"> <img alt=\"연락처 "
            "010-2345-6789\"></p></body></html>"));
        const Read read = extract(page, QStringLiteral("명단.html"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.incomplete));
        const QString text = read.all();
        QVERIFY2(text.contains(u"홍길동\t850315-2345678"_qs), qPrintable(read.describe()));
        QVERIFY2(text.contains(u"계좌 110-234-567890 연락처 010-2345-6789"_qs), qPrintable(read.describe()));
        QVERIFY2(text.contains(u"연락처 010-2345-6789"_qs), qPrintable(read.describe()));
        QVERIFY2(!text.contains(u"900101"_qs) && !text.contains(u"td {"_qs), qPrintable(read.describe()));
        // A script left open is read as text: nothing after it goes unread. A page of opening tags
        // is read in one pass (a pattern that looked for each one's end did not finish).
        const Read open = extract("<html><script>x</script><script>var a;<p>주민등록번호 850315-2345678</p>",
                                  QStringLiteral("a.htm"));
        QVERIFY2(open.all().contains(u"주민등록번호 850315-2345678"_qs), qPrintable(open.describe()));
        const Read many =
            extract("<html>" + QByteArray("<script>").repeated(200000) + "850315-2345678", QStringLiteral("a.htm"));
        QVERIFY(many.all().contains(u"850315-2345678"_qs));
        // Bytes that no charset reads are not called clean.
        const Read broken = extract("<html><meta charset=utf-8>\xFF\xFE\x00\x80\x81\xFF", QStringLiteral("b.html"));
        QVERIFY2(!broken.incomplete.isEmpty(), qPrintable(broken.describe()));
    }

    // From a red-team pass and a review of the HTML reader: what a browser shows was lost.
    void shouldReadAnHtmlPageAsABrowserLaysItOut()
    {
        const auto textOf = [](const QByteArray &page) { return extract(page, QStringLiteral("page.html")).all(); };
        // A table's rows one line each, with no blank line between (which ended the table for
        // its column headers), its source's indents and line breaks one space or none.
        QCOMPARE(textOf("<table>\n <tr>\n  <th>이름</th>\n  <th>계좌번호</th>\n </tr>\n <tr>\n  <td>홍길동</td>\n"
                        "  <td>110-234-567801</td>\n </tr>\n <tr><td></td><td>110-234-567802</td></tr>\n</table>"),
                 u"이름\t계좌번호\n홍길동\t110-234-567801\n\t110-234-567802\n"_qs);
        QCOMPARE(textOf("<p>연락처는 010 2345\n6789 입니다</p>"), u"연락처는 010 2345 6789 입니다\n"_qs);
        // A stray quote in an unquoted value, "<script" in an attribute, a comment holding a '>'.
        QVERIFY(textOf("<td align=center\">850315-2345678</td><td align=center\">홍길동</td>")
                    .contains(u"850315-2345678"_qs));
        QVERIFY(textOf("<a title=\"<script>\">x</a><p>850315-2345678</p><script>var a=1;</script>")
                    .contains(u"850315-2345678"_qs));
        QVERIFY(textOf("850315-<!-- <span>구번호</span> -->2345678").contains(u"850315-2345678"_qs));
        // References as browsers read them: no semicolon, leading zeros, a C1 code as Windows-1252.
        QVERIFY(textOf("&#56&#53&#48&#51&#49&#53-2345678").contains(u"850315-2345678"_qs));
        QVERIFY(textOf("&#00000056;50315-2345678").contains(u"850315-2345678"_qs));
        QVERIFY(textOf("850315&#150;2345678").contains(u"850315\u20132345678"_qs));
        QVERIFY(textOf("850315-&NegativeMediumSpace;2345678").contains(u"850315-\u200B2345678"_qs));
        // A placeholder an empty field shows; the options of a list apart.
        QVERIFY(textOf("<input placeholder=\"850315-2345678\">").contains(u"850315-2345678"_qs));
        QVERIFY(textOf("<select><option>a</option><option selected>850315-2345678</option></select>")
                    .contains(u"a\n850315-2345678"_qs));
        // A charset no browser reads a page in is not taken (it turned the page to noise).
        QVERIFY(textOf("<html><head><meta charset=\"cp037\"></head><body>850315-2345678</body></html>")
                    .contains(u"850315-2345678"_qs));
        QVERIFY(textOf("<!-- <meta charset=\"utf16\"> --><p>850315-2345678</p>").contains(u"850315-2345678"_qs));
        // From a second pass: empty comments and "--!>" close a comment; the block every reader but
        // Outlook shows is read; a line broken inside a cell and a cell's span keep the cells under
        // their titles; a quote inside an unquoted value, and a text area's text, are text.
        QVERIFY(textOf("<p>주민 <!-->850315-2345678</p><!-- x -->").contains(u"850315-2345678"_qs));
        QVERIFY(textOf("<!-- n --!>850315-2345678 <!-- x -->").contains(u"850315-2345678"_qs));
        QVERIFY(textOf("<!--[if !mso]><!--><p>850315-2345678</p><!--<![endif]-->").contains(u"850315-2345678"_qs));
        QCOMPARE(textOf("<table><tr><th>이름</th><th>비고</th><th>계좌번호</th></tr><tr><td>홍길동<br>(본사)</td>"
                        "<td>x</td><td>1</td></tr><tr><td colspan=2>김</td><td>2</td></tr></table>"),
                 u"이름\t비고\t계좌번호\n홍길동 (본사)\tx\t1\n김\t\t2\n"_qs);
        QVERIFY(textOf("<a href=/x?a=\">850315-2345678</a> <p class=\"c\">x</p>").contains(u"850315-2345678"_qs));
        QVERIFY(textOf("<textarea><script></textarea>850315-2345678<script>1</script>")
                    .contains(u"<script>\n850315-2345678"_qs));
        // From a review: '=' where an attribute's name starts is part of it; text inside a table but
        // in no cell is drawn above it, apart; a cell outside any table is ignored; legacy names
        // before a digit are references.
        QVERIFY(textOf("<p>RRN<span =\">\"851011-1234561</span> end</p>").contains(u"851011-1234561"_qs));
        QCOMPARE(textOf("<table><tr>851011<td>1234561</td></tr></table>"), u"851011\n1234561\n"_qs);
        QCOMPARE(textOf("<div><td>Hi</div><table><tr><td>851011</td><td>1234561</td></tr></table>"),
                 u"Hi\n851011\t1234561\n"_qs);
        QVERIFY(textOf("<p>851011&nbsp1234561</p>").contains(u"851011 1234561"_qs));
        // A ruby's reading stands above its text (from a red-team pass: "900101x-1234568"); it is
        // read on a line of its own, and so is <rp>'s fallback.
        QCOMPARE(textOf("<p>주민번호 <ruby>900101<rp>(</rp><rt>x</rt><rp>)</rp></ruby>-1234568</p>"),
                 u"주민번호 900101-1234568\n(\nx\n)\n"_qs);
        QVERIFY(textOf("<ruby>홍길동<rt>850315-2345678</ruby> 님").contains(u"\n850315-2345678"_qs));
        // Pages that made a search run again at each marker (each was past 15 s at a megabyte).
        QVERIFY(textOf("<body>" + QByteArray("<table>").repeated(300000) + "851011-1234561")
                    .contains(u"851011-1234561"_qs));
        QVERIFY(textOf("<body>" + QByteArray("<script>").repeated(100000) + "</script" + QByteArray(500000, 'a'))
                    .endsWith(u"aaaa"_qs));
        QVERIFY(textOf("<body>" + QByteArray("<!--[if mso]>x").repeated(80000) + "-->").contains(u"xxxxxxxx"_qs));
        QVERIFY(textOf("<body>" + QByteArray("<a x=\"'\" y='").repeated(80000) + "</html>'").contains(u"<a"_qs));
        // A web system's "Excel download": a page of one table, named .xls.
        QCOMPARE(
            DocumentExtractor::sniff("<table><tr><td>850315-2345678</td></tr></table>", QStringLiteral("명단.xls")),
            DocumentExtractor::Format::Html);
    }

    // A workbook's parts where its relationships name them, whatever their names (found by a
    // red-team pass: renamed, the shared strings were read as a part no extractor knows, the
    // sheets not at all).
    void shouldFindAWorkbooksPartsByTheirRelationships()
    {
        const QString ns = QStringLiteral("xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                                          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                          "relationships\"");
        const QString type = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");
        Entries entries = packageParts(QStringLiteral("xl/book.xml"), QStringLiteral("spreadsheetml.sheet.main+xml"));
        entries +=
            {{QStringLiteral("xl/book.xml"),
              xmlDocument(QStringLiteral("<workbook %1><sheets><sheet name=\"명단\" sheetId=\"1\" r:id=\"rId1\"/>"
                                         "</sheets></workbook>")
                              .arg(ns))},
             {QStringLiteral("xl/_rels/book.xml.rels"),
              xmlDocument(QStringLiteral(
                              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                              "<Relationship Id=\"rId1\" Type=\"%1worksheet\" Target=\"sheets/s1.xml\"/>"
                              "<Relationship Id=\"rId2\" Type=\"%1sharedStrings\" Target=\"strings.xml\"/>"
                              "<Relationship Id=\"rId3\" Type=\"%1styles\" Target=\"/xl/fmt.xml\"/></Relationships>")
                              .arg(type))},
             {QStringLiteral("xl/sheets/s1.xml"),
              xmlDocument(
                  QStringLiteral("<worksheet %1><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                                 "<c r=\"B1\" s=\"1\"><v>8503152345678</v></c>"
                                 "<c r=\"C1\" s=\"1\"><v>9001011234567.9999</v></c></row></sheetData></worksheet>")
                      .arg(ns))},
             {QStringLiteral("xl/strings.xml"),
              xmlDocument(QStringLiteral("<sst %1><si><t>주민등록번호</t></si></sst>").arg(ns))},
             {QStringLiteral("xl/fmt.xml"),
              xmlDocument(QStringLiteral("<styleSheet %1><numFmts><numFmt numFmtId=\"164\" "
                                         "formatCode=\"000000-0000000\"/></numFmts><cellXfs><xf numFmtId=\"0\"/>"
                                         "<xf numFmtId=\"164\"/></cellXfs></styleSheet>")
                              .arg(ns))}};
        const Read read = extract(zipOf(entries), QStringLiteral("명단.xlsx"));
        QVERIFY2(read.incomplete.isEmpty(), qPrintable(read.describe()));
        QCOMPARE(read.textAt(QStringLiteral("명단!A1")), QStringLiteral("주민등록번호"));
        QCOMPARE(read.textAt(QStringLiteral("명단!B1")), QStringLiteral("850315-2345678"));
        QCOMPARE(read.textAt(QStringLiteral("명단!C1")), QStringLiteral("900101-1234568")); // rounded, as shown
    }

    // What an office file keeps outside its body and still shows (found by a red-team pass): a
    // document variable a field shows, a defined name a cell shows, a slide section's name.
    void shouldReadWhatAnOfficeFileShowsFromOutsideItsBody()
    {
        const QString rrn = QStringLiteral("850315-2345678");
        const Read word = extract(
            docx(wordParagraph({QStringLiteral("(미갱신)")}), {}, {}, {},
                 {{QStringLiteral("word/settings.xml"),
                   xmlDocument(
                       QStringLiteral("<w:settings %1><w:docVars><w:docVar w:name=\"rrn\" x:val=\"1\" w:val=\"%2\"/>"
                                      "</w:docVars></w:settings>")
                           .arg(QLatin1String(wordNamespace), rrn))}}),
            QStringLiteral("a.docx"));
        // Every attribute of the name, whatever its prefix (from a review: the first hid the second).
        QCOMPARE(word.textAt(QStringLiteral("form field 1")), QStringLiteral("1"));
        QCOMPARE(word.textAt(QStringLiteral("form field 2")), rrn);
        const Read sheet = extract(xlsx({{QStringLiteral("명단"), QString()}}, {}, {}, {},
                                        QStringLiteral("<definedNames><definedName name=\"주민\">\"%1\"</definedName>"
                                                       "</definedNames>")
                                            .arg(rrn)),
                                   QStringLiteral("a.xlsx"));
        QCOMPARE(sheet.textAt(QStringLiteral("xl/workbook.xml")), QStringLiteral("\"%1\"").arg(rrn));
        QVERIFY2(sheet.incomplete.isEmpty(), qPrintable(sheet.describe()));
        const Read slides = extract(
            pptx({QStringLiteral("표지")}, {},
                 QStringLiteral("<p:extLst><p:ext><p14:sectionLst xmlns:p14=\"http://schemas.microsoft.com/office/"
                                "powerpoint/2010/main\"><p14:section name=\"기본\"/><p14:section name=\"%1\"/>"
                                "</p14:sectionLst></p:ext></p:extLst>")
                     .arg(rrn)),
            QStringLiteral("a.pptx"));
        QCOMPARE(slides.textAt(QStringLiteral("ppt/presentation.xml › section 2")), rrn);
    }

    // The address lines a mail program shows: display names, group names and comments, RFC 2047
    // words decoded; the addresses themselves are not text a person wrote.
    void shouldReadTheDisplayNamesOfAnEmailsAddressLines()
    {
        const QByteArray mail = "From: =?UTF-8?B?" + u"김철수 850315-2345678"_qs.toUtf8().toBase64() +
            "?= <kim@example.go.kr>\r\n"
            "To: \"홍길동 900101-1234568\" <hong@example.go.kr>, plain@example.go.kr\r\n"
            "Cc: all@example.go.kr (전 직원), \"a\\\"b\" <x@example.go.kr>\r\n"
            "Cc: 인사팀: lee@example.go.kr;\r\nReply-To: lee@example.go.kr(이영희 900101-1234568)\r\n"
            "Bcc: " +
            QByteArray(100000, '<') + "\r\nSubject: s\r\n\r\n본문\r\n";
        const Read read = extract(mail, QStringLiteral("a.eml"));
        QCOMPARE(read.textAt(QStringLiteral("From field")), u"김철수 850315-2345678"_qs);
        QCOMPARE(read.textAt(QStringLiteral("To field")), u"홍길동 900101-1234568 ,"_qs);
        QVERIFY2(read.all().contains(u"(전 직원), a\"b"_qs), qPrintable(read.describe()));
        QVERIFY2(read.all().contains(u"인사팀: ;"_qs), qPrintable(read.describe()));
        // A comment glued to an address is no part of it (from a review).
        QCOMPARE(read.textAt(QStringLiteral("Reply-To field")), u"(이영희 900101-1234568)"_qs);
        QCOMPARE(read.textAt(QStringLiteral("Bcc field")).size(), 100000);
        QVERIFY2(!read.all().contains(QLatin1Char('@')), qPrintable(read.describe()));
    }

    // Text a mail carries in other forms than a MIME part: UTF-16 under the labels mail programs
    // read as little-endian, a file uuencoded inside the text, a form field's value and a
    // picture's alternative text in HTML.
    void shouldReadWhatAnEmailCarriesInOtherForms()
    {
        const auto mail = [](const QByteArray &type, const QByteArray &body, const QByteArray &encoding = "8bit") {
            return "From: kim@example.go.kr\r\nSubject: s\r\nContent-Type: " + type +
                "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n" + body;
        };
        const QString text = u"주민등록번호 850315-2345678"_qs;
        const QByteArray little = QStringEncoder(QStringEncoder::Utf16LE).encode(text);
        const QByteArray big = QStringEncoder(QStringEncoder::Utf16BE).encode(text);
        for (const auto &[charset, bytes] :
             {std::pair {QByteArray("ucs-2"), little}, std::pair {QByteArray("UNICODE"), little},
              std::pair {QByteArray("utf-16"), little}, std::pair {QByteArray("utf-16"), "\xFE\xFF" + big},
              std::pair {QByteArray("ucs-2"), "\xFE\xFF" + big}, std::pair {QByteArray("unicodefffe"), big},
              // Without a mark, the zero bytes of its digits tell the order (from a review).
              std::pair {QByteArray("utf-16"), big}, std::pair {QByteArray("unicodefffe"), little}}) {
            const Read read =
                extract(mail("text/plain; charset=" + charset, bytes.toBase64(), "base64"), QStringLiteral("a.eml"));
            QVERIFY2(read.all().contains(text), qPrintable(charset + ": " + read.describe()));
        }

        const auto uuencoded = [](const QByteArray &bytes) {
            const auto character = [](int value) { return char(value == 0 ? '`' : 0x20 + value); };
            QByteArray lines;
            for (qsizetype at = 0; at < bytes.size(); at += 45) {
                const QByteArray chunk = bytes.mid(at, 45) + QByteArray(2, '\0');
                const qsizetype count = qMin<qsizetype>(45, bytes.size() - at);
                lines += character(int(count));
                for (qsizetype i = 0; i < count; i += 3) {
                    const uint bits =
                        uint(uchar(chunk[i])) << 16 | uint(uchar(chunk[i + 1])) << 8 | uchar(chunk[i + 2]);
                    for (int shift = 18; shift >= 0; shift -= 6)
                        lines += character(int(bits >> shift & 0x3F));
                }
                lines += "\r\n";
            }
            return lines + "`\r\nend\r\n";
        };
        const QByteArray file = u"명단\n홍길순 850315-2345678 (a line longer than one uuencoded line)\n"_qs.toUtf8();
        const Read inline_ = extract(mail("text/plain; charset=utf-8",
                                          u"첨부합니다.\r\n\r\nbegin 644 명단.txt\r\n"_qs.toUtf8() + uuencoded(file) +
                                              u"끝\r\nbegin 644 not.txt\r\n850315-2345678\r\nend\r\n"_qs.toUtf8()),
                                     QStringLiteral("a.eml"));
        QCOMPARE(inline_.textAt(QStringLiteral("명단.txt")), QString::fromUtf8(file));
        QCOMPARE(inline_.textAt(QStringLiteral("명단.txt › file name")), QStringLiteral("명단.txt"));
        // The text stays whole: a line of text after a "begin" line may read as data (from a review).
        QVERIFY2(inline_.textAt(QString()).startsWith(u"첨부합니다.\r\n\r\nbegin 644 명단.txt\r\n"_qs),
                 qPrintable(inline_.describe()));
        QVERIFY2(
            inline_.textAt(QString()).endsWith(u"`\r\nend\r\n끝\r\nbegin 644 not.txt\r\n850315-2345678\r\nend\r\n"_qs),
            qPrintable(inline_.describe()));
        const Read taken = extract(
            mail("text/plain; charset=utf-8", "begin 644 notes.eml\r\n850315-2345678 HONG GILDONG 010-1\r\nend\r\n"),
            QStringLiteral("c.eml"));
        QVERIFY2(taken.textAt(QString()).contains(QStringLiteral("850315-2345678 HONG")), qPrintable(taken.describe()));

        const Read html = extract(
            mail(
                "text/html; charset=utf-8",
                u"<p>주민등록번호: <input type=\"text\" data-value=\"x\" VALUE='850315-2345678'></p>"
                "<p><img src=\"cid:1\" alt=\"신청인 900101-1234568\"><input value=&#56;50101-1234568></p>"_qs.toUtf8()),
            QStringLiteral("b.eml"));
        QVERIFY2(html.all().contains(u"주민등록번호: 850315-2345678"_qs), qPrintable(html.describe()));
        QVERIFY2(html.all().contains(u"신청인 900101-1234568 850101-1234568"_qs), qPrintable(html.describe()));
        // Read as a browser reads a tag (from a review): a name inside another attribute's value is
        // none, and a '>' inside a quoted value does not end the tag.
        const Read tags = extract(mail("text/html; charset=utf-8",
                                       "<p><input title=\"a value=x\" value=\"850315-2345678\"></p>"
                                       "<p><img title='x alt=y' alt='900101-1234568 > more'></p>"),
                                  QStringLiteral("d.eml"));
        QVERIFY2(tags.all().contains(u"850315-2345678"_qs), qPrintable(tags.describe()));
        QVERIFY2(tags.all().contains(u"900101-1234568 > more"_qs), qPrintable(tags.describe()));
    }

    // A mail whose header block is not ended by an empty line, and one that says base64 over plain
    // text (from a review: their lines were lost): nothing is passed over.
    void shouldReadAMalformedEmailWhole()
    {
        const Read unended =
            extract(u"Subject: 보고\nFrom: 총무과\nDate: 2024-01-01\n주민등록번호 900101-1234568\n"_qs.toUtf8(),
                    QStringLiteral("보고.eml"));
        QVERIFY2(unended.all().contains(QStringLiteral("주민등록번호 900101-1234568")), qPrintable(unended.describe()));
        const Read mislabelled = extract(
            u"From: a@b.kr\nTo: c@d.kr\nContent-Transfer-Encoding: base64\n\n주민등록번호 900101-1234568\n"_qs.toUtf8(),
            QStringLiteral("보고.eml"));
        QVERIFY2(mislabelled.all().contains(QStringLiteral("주민등록번호 900101-1234568")),
                 qPrintable(mislabelled.describe()));
    }

    // Found by a red-team pass: each of these once read as "complete" without the number in it.
    void shouldNeverLeaveTextOutOfAWholeRead_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("name");
        const QString secret = QStringLiteral("850315-2345678");
        const QByteArray rels = xmlDocument(QStringLiteral(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
            "Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            "Target=\"word/main.xml\"/></Relationships>"));
        const QString wordBody = QStringLiteral("<w:document %1><w:body>%2</w:body></w:document>")
                                     .arg(QLatin1String(wordNamespace), wordParagraph({secret}));
        QTest::newRow("main part named in _rels/.rels")
            << zipOf({{QStringLiteral("_rels/.rels"), rels},
                      {QStringLiteral("word/document.xml"),
                       xmlDocument(QStringLiteral("<w:document %1><w:body>%2</w:body></w:document>")
                                       .arg(QLatin1String(wordNamespace), wordParagraph({QStringLiteral("decoy")})))},
                      {QStringLiteral("word/main.xml"), xmlDocument(wordBody)}})
            << "a.docx";
        QTest::newRow("a stray HWPX section in a DOCX")
            << zipOf({{QStringLiteral("word/document.xml"), xmlDocument(wordBody)},
                      {QStringLiteral("Contents/section0.xml"), xmlDocument(QStringLiteral("<s/>"))}})
            << "a.docx";
        QTest::newRow("a header part with another name")
            << zipOf({{QStringLiteral("word/document.xml"),
                       xmlDocument(QStringLiteral("<w:document %1/>").arg(QLatin1String(wordNamespace)))},
                      {QStringLiteral("word/hdr-first.xml"), xmlDocument(wordBody)}})
            << "a.docx";
        QTest::newRow("a symbol character")
            << docx(QStringLiteral("<w:p><w:r><w:t>850315-234567</w:t></w:r><w:r><w:sym w:font=\"Symbol\" "
                                   "w:char=\"F038\"/></w:r></w:p>"))
            << "a.docx";
        QTest::newRow("a text file with mail-like lines")
            << (QStringLiteral("From: 김예진\nTo: 전체\n\n신청인 ") + secret).toUtf8() << "memo.txt";
        QTest::newRow("a text file that mentions %PDF-")
            << (QStringLiteral("설명: %PDF-1.7 파일을 첨부\n신청인 ") + secret).toUtf8() << "memo.txt";
        QTest::newRow("a mail whose boundary lines end in spaces, last part unclosed")
            << QByteArray(
                   "From: a@example.go.kr\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                   "--b   \r\nContent-Type: text/plain\r\n\r\nfirst\r\n--b\t\r\nContent-Type: text/plain\r\n\r\n") +
                secret.toUtf8() + "\r\n"
            << "a.eml";
        QTest::newRow("a mail in HTML with numeric references")
            << QByteArray("From: a@example.go.kr\r\nSubject: x\r\nContent-Type: "
                          "text/html\r\n\r\n<p>&#56;50315-&#x32;345678</p>")
            << "a.eml";
        QTest::newRow("an ODT that mentions a spreadsheet")
            << openDocument(
                   QStringLiteral("application/vnd.oasis.opendocument.text"),
                   QStringLiteral("<office:text><text:p>&lt;office:spreadsheet> %1</text:p></office:text>").arg(secret))
            << "a.odt";
        QTest::newRow("a spreadsheet's printed header")
            << xlsx({{QStringLiteral("명단"),
                      QStringLiteral("</sheetData><headerFooter><oddHeader>&amp;L%1</oddHeader>"
                                     "</headerFooter><sheetData>")
                          .arg(secret)}},
                    {})
            << "a.xlsx";
    }

    void shouldNeverLeaveTextOutOfAWholeRead()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, name);
        const Read read = extract(file, name);
        QVERIFY2(read.all().contains(QStringLiteral("850315-2345678")), qPrintable(read.describe()));
    }

    void shouldKeepPlacesShortWhateverTheFileSays()
    {
        // A 100,000-character note id and notes nested 2,000 deep: the text is read, its place stays short.
        QString nested = wordParagraph({QStringLiteral("850315-2345678")});
        for (int i = 0; i < 2000; ++i)
            nested = QStringLiteral("<w:p><w:r><w:txbxContent>%1</w:txbxContent></w:r></w:p>").arg(nested);
        const Read deep = extract(docx(nested), QStringLiteral("deep.docx"));
        QVERIFY(deep.all().contains(QStringLiteral("850315-2345678")));
        const QString longId(100000, QLatin1Char('9'));
        const Read wide = extract(docx(wordParagraph({QStringLiteral("본문")}), QString(),
                                       QStringLiteral("<w:footnote w:id=\"%1\">%2</w:footnote>")
                                           .arg(longId, wordParagraph({QStringLiteral("850315-2345678")}))),
                                  QStringLiteral("wide.docx"));
        for (const Read *read : {&deep, &wide}) {
            for (const auto &[place, text] : read->pieces)
                QVERIFY2(place.size() < 2000, qPrintable(place.left(100)));
        }
        QVERIFY(wide.all().contains(QStringLiteral("850315-2345678")));
    }

    void shouldTellAFormatByItsContentNotItsName()
    {
        QCOMPARE(DocumentExtractor::sniff("%PDF-1.7\n...", QStringLiteral("신청서.docx")),
                 DocumentExtractor::Format::Pdf);
        QCOMPARE(DocumentExtractor::sniff(QByteArray("\x89PNG\r\n\x1a\n", 8), QStringLiteral("명단.xlsx")),
                 DocumentExtractor::Format::Image);
        QCOMPARE(DocumentExtractor::sniff(zipOf({{QStringLiteral("a.txt"), "x"}}), QStringLiteral("a.docx")),
                 DocumentExtractor::Format::Zip);
        QCOMPARE(DocumentExtractor::sniff(QByteArray("\x01\x02\x03", 3), QStringLiteral("data.bin")),
                 DocumentExtractor::Format::Unknown);
        // A web page by its name, or by its start whatever it is called; a .txt is the text it is.
        QCOMPARE(DocumentExtractor::sniff("<p>x</p>", QStringLiteral("명단.htm")), DocumentExtractor::Format::Html);
        QCOMPARE(DocumentExtractor::sniff("\xEF\xBB\xBF \n<!DOCTYPE HTML>", QStringLiteral("export")),
                 DocumentExtractor::Format::Html);
        QCOMPARE(DocumentExtractor::sniff("<html><body>", QStringLiteral("a.txt")), DocumentExtractor::Format::Text);
        QCOMPARE(DocumentExtractor::sniff("see <html> tags", QStringLiteral("export")),
                 DocumentExtractor::Format::Unknown);
        // CP949 text in a .csv inside an archive, as Korean spreadsheets export it.
        QStringEncoder cp949("CP949");
        const Read read = extract(zipOf({{QStringLiteral("명단.csv"), cp949(QStringLiteral("홍길순,850315-2345678"))}}),
                                  QStringLiteral("a.zip"));
        QCOMPARE(read.textAt(QStringLiteral("명단.csv")), QStringLiteral("홍길순,850315-2345678"));
        // With a byte damaged on the way, the rest is still read, and the archive is not clean.
        const Read damaged = extract(
            zipOf({{QStringLiteral("명단.csv"),
                    cp949(QStringLiteral("홍길순,850315-2345678\n") + QStringLiteral("김철수,-\n").repeated(10)) +
                        "\xFF"}}),
            QStringLiteral("a.zip"));
        QVERIFY2(damaged.textAt(QStringLiteral("명단.csv")).startsWith(QStringLiteral("홍길순,850315-2345678")),
                 qPrintable(damaged.describe()));
        QVERIFY2(damaged.incomplete.contains(QStringLiteral("1 byte is not CP949 text")),
                 qPrintable(damaged.describe()));
    }
};

QTEST_GUILESS_MAIN(ExtractorTest)
#include "extractortest.moc"
