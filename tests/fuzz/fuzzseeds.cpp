// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard-fuzz-seeds SOURCE_DIR OUT_DIR: the seed inputs of every fuzz target, made from what the
// tests use (the documents the test builders write, the repository's policies and messages), one
// folder per target. The build makes them; scripts/fuzz starts each fuzzer from them, and ctest
// replays them through every target.
#include "annotatedpdf.h"
#include "docfiles.h"
#include "documentfiles.h"
#include "minimalpdf.h"
#include "mixedtextfortests.h"
#include "pptfiles.h"
#include "xlsfiles.h"

#include "audit/auditchain.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cstdio>

using namespace SendGuard;
using namespace SendGuard::Tests;

namespace {

bool write(const QDir &out, const QString &target, const QString &name, const QByteArray &bytes)
{
    if (!out.mkpath(target))
        return false;
    QFile file(out.filePath(target + QLatin1Char('/') + name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Every file under folder whose name ends with suffix, copied into each target's seeds.
bool copyAll(const QDir &out, const QStringList &targets, const QString &folder, const QString &suffix)
{
    bool ok = true;
    for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        if (!path.endsWith(suffix))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const QByteArray bytes = file.readAll();
        // Named after its path, so that two "valid.json" stay two.
        const QString name = QDir(folder).relativeFilePath(path).replace(QLatin1Char('/'), QLatin1Char('_'));
        for (const QString &target : targets)
            ok = write(out, target, name, bytes) && ok;
    }
    return ok;
}

QByteArray minisignLine(const QByteArray &algorithm, int bytes)
{
    QByteArray raw = algorithm + QByteArray("\x05\x9b\x3d\x05\xc9\x82\xd8\x49", 8);
    for (int i = 0; i < bytes; ++i)
        raw += char(i * 7 + 1);
    return raw.toBase64();
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fputs("usage: sendguard-fuzz-seeds SOURCE_DIR OUT_DIR\n", stderr);
        return 2;
    }
    const QString source = QString::fromLocal8Bit(argv[1]);
    QDir out(QString::fromLocal8Bit(argv[2]));
    if (!out.mkpath(QStringLiteral(".")))
        return 1;
    bool ok = true;

    // JSON: the repository's policies, messages and schema cases.
    const QString json = QStringLiteral(".json");
    ok =
        copyAll(out, {QStringLiteral("jsonparser"), QStringLiteral("policyreader")}, source + "/resources", json) && ok;
    ok = copyAll(out, {QStringLiteral("jsonparser"), QStringLiteral("policyreader")}, source + "/examples/policies",
                 json) &&
        ok;
    ok = copyAll(out, {QStringLiteral("jsonparser"), QStringLiteral("policyreader")},
                 source + "/tests/tools/policyschema", json) &&
        ok;
    ok = copyAll(out, {QStringLiteral("jsonparser"), QStringLiteral("messagereader")}, source + "/examples/messages",
                 json) &&
        ok;

    // minisign: a public key file and a signature, in the shapes minisign writes.
    ok = write(out, QStringLiteral("minisign"), QStringLiteral("key.pub"),
               "untrusted comment: minisign public key 49D882C9053D9B05\n" + minisignLine("Ed", 32) + '\n') &&
        ok;
    ok = write(out, QStringLiteral("minisign"), QStringLiteral("bundle.minisig"),
               "untrusted comment: signature from minisign secret key\n" + minisignLine("ED", 64) +
                   "\ntrusted comment: timestamp:1764000000\tfile:policy.json\thashed\n" +
                   QByteArray(64, '\x11').toBase64() + '\n') &&
        ok;

    // The audit trail: a chain of three records, then a rotated second file.
    QByteArray trail;
    QByteArray prev = Core::AuditChain::genesis();
    for (int i = 0; i < 3; ++i) {
        const QByteArray line = "{\"prev\":\"" + prev +
            "\",\"event\":\"check\",\"verdict\":\"confirm\",\"n\":" + QByteArray::number(i) + "}";
        trail += line + '\n';
        prev = Core::AuditChain::hash(line);
    }
    const QByteArray next = "{\"prev\":\"" + prev + "\",\"event\":\"check\"}\n";
    ok = write(out, QStringLiteral("auditchain"), QStringLiteral("trail"), QByteArray(1, '\0') + trail) && ok;
    ok = write(out, QStringLiteral("auditchain"), QStringLiteral("rotated"),
               QByteArray(1, '\0') + trail + '\0' + next) &&
        ok;

    // The bridge protocol: a hello, a check with every kind of field, a request of another version.
    ok = write(out, QStringLiteral("bridgerequest"), QStringLiteral("hello"),
               R"({"protocol":1,"id":1,"type":"hello"})") &&
        ok;
    ok =
        write(
            out, QStringLiteral("bridgerequest"), QStringLiteral("check"),
            R"({"protocol":1,"id":"m-1","type":"check","windowId":79691779,"language":"ko","message":)"
            R"({"action":"forward","senderId":"kim","senderName":"김예진","senderDepartment":"복지팀",)"
            R"("recipients":[{"id":"grp:all","name":"전체","type":"group","memberCount":4812,)"
            R"("department":"시청","address":"all@korea.kr"}],"originalRecipients":[{"id":"lee"}],)"
            R"("subject":"신청서","body":"주민등록번호 850315-2345678",)"
            R"("attachments":[{"name":"a.txt","data":"MDEwLTIzNDUtNjc4OQ=="},{"name":"b.hwp","path":"/tmp/b.hwp"}]}})") &&
        ok;
    ok = write(out, QStringLiteral("bridgerequest"), QStringLiteral("version2"),
               R"({"protocol":2,"id":"v","type":"hello"})") &&
        ok;

    // Text for the scanner: rosters, prose, tables, wrapped numbers.
    const std::string text = mixedScanText(16 * 1024);
    ok = write(out, QStringLiteral("scanner"), QStringLiteral("mixed.txt"), QByteArray::fromStdString(text)) && ok;
    ok = write(out, QStringLiteral("scanner"), QStringLiteral("roster.csv"),
               "번호,이름,주민번호,연락처\n1,홍길동,2103154827361,010-2345-6789\n2,김영희,900101-1234567,"
               "010-9876-5432\n") &&
        ok;

    // A JSON export and an XML file with their characters escaped.
    ok = write(out, QStringLiteral("characterescapes"), QStringLiteral("export.json"),
               "{\"\\uc8fc\\ubbfc\\ubc88\\ud638\": \"\\u0039\\\\u0030\\ud835\\udfd7\\u0022\"}") &&
        ok;
    ok = write(out, QStringLiteral("characterescapes"), QStringLiteral("form.xml"),
               "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"&#66;\">]><a b=\"&#xC131;\"><!-- &#57; -->"
               "<![CDATA[&#57;]]>&#51452;&#x39;&#60;&amp;</a>") &&
        ok;

    // Documents, as the extraction tests write them.
    const QString body = wordParagraph({QStringLiteral("신청인 8503"), QStringLiteral("15-2345678")}) +
        wordTable({QStringLiteral("홍길동"), QStringLiteral("010-2345-6789")});
    const QByteArray word = docx(body, wordParagraph({QStringLiteral("머리글 900101-1234567")}),
                                 QStringLiteral("<w:footnote w:id=\"1\">%1</w:footnote>")
                                     .arg(wordParagraph({QStringLiteral("각주 02-123-4567")})));
    // Excel 97-2003: shared strings (one continued over a CONTINUE record), a custom number format,
    // a number, an RK row, a formula's text, a header and a comment.
    const QString continued = QStringLiteral("주민번호 900101-1234567");
    const QByteArray workbook = xlsWorkbookStream(
        {{QStringLiteral("명단"),
          xlsLabelSst(0, 0, 0) + xlsLabelSst(0, 1, 1) + xlsNumber(1, 1, 501013123458.0, 1) +
              xlsMulRk(2, 0, {xlsRkInteger(7), xlsRkInteger(12345, true)}) +
              xlsFormulaText(3, 0, QStringLiteral("010-2345-6789")) +
              xlsRecord(XlsHeader, xlsString(QStringLiteral("&C담당"))) +
              xlsComment(1, QStringLiteral("메모 850315-2345678")) + xlsNote(0, 0, 1)}},
        xlsRecord(XlsSharedStrings,
                  xlsU32(2) + xlsU32(2) + xlsString(QStringLiteral("성명")) + xlsU16(quint16(continued.size())) +
                      char(1) + xlsCharacters(continued.left(5), true)) +
            xlsRecord(XlsContinue, char(0) + xlsCharacters(continued.mid(5), false)) +
            xlsRecord(XlsFormat, xlsU16(164) + xlsString(QStringLiteral("000000-0000000"))) +
            xlsRecord(XlsExtendedFormat, QByteArray(20, '\0')) +
            xlsRecord(XlsExtendedFormat, xlsU16(0) + xlsU16(164) + QByteArray(16, '\0')));
    // Word 97-2003: a body with a table, a footnote and a header; a piece a byte a character.
    const QString tableRows = QStringLiteral("성명\x07주민등록번호\x07\uE007홍길동\x07\x13 =1 \x14"
                                             "2103154827361\x15\x07\uE007");
    const QString notes = QStringLiteral("\x02 850315-2345678\r담당 010-2345-6789\r\r");
    const DocStreams application =
        docStreams({DocPiece::unicode(QStringLiteral("신청인 ")), DocPiece::compressedBytes("900101\x96"),
                    DocPiece::unicode(QStringLiteral("1234568\r") + tableRows + QStringLiteral("\r") + notes)},
                   {quint32(4 + 7 + 8 + tableRows.size() + 1), 17, 17, 0, 0, 0, 0, 0});
    // PowerPoint 97-2003: a slide's and its notes' text in the slide lists, a text box drawn on the
    // slide, a comment, the persist directory.
    const QByteArray presentation = pptStream(
        pptContainer(PptSlideList, pptSlidePersist(1) + pptText(QStringLiteral("신청인 900101-1234567")), 0) +
            pptContainer(PptSlideList, pptSlidePersist(2) + pptText(QStringLiteral("메모 010-2345-6789")), 2),
        {pptContainer(PptDrawing, pptContainer(PptClientTextbox, pptRecord(PptTextBytes, QByteArray("02-123-4567")))) +
         pptContainer(PptComment, pptChars(QStringLiteral("확인 850315-2345678"), PptCString, 1))});
    const QList<std::pair<QString, QByteArray>> documents {
        {QStringLiteral("application.docx"), word},
        {QStringLiteral("roster.xlsx"),
         xlsx({{QStringLiteral("Sheet1"),
                QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>9001011234567</v></c>"
                               "</row>")}},
              {QStringLiteral("주민번호")})},
        {QStringLiteral("slides.pptx"),
         pptx({QStringLiteral("<a:p><a:r><a:t>010-2345-6789</a:t></a:r></a:p>")},
              {{1, QStringLiteral("<a:p><a:r><a:t>노트 900101-1234567</a:t></a:r></a:p>")}})},
        {QStringLiteral("notice.odt"),
         openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                      QStringLiteral("<office:text><text:p>주민등록번호 900101-1234567</text:p></office:text>"))},
        {QStringLiteral("roster.ods"),
         openDocument(QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
                      QStringLiteral("<office:spreadsheet><table:table table:name=\"명단\"><table:table-row>"
                                     "<table:table-cell office:value-type=\"string\"><text:p>주민번호<text:s/>"
                                     "900101-1234567</text:p></table:table-cell><table:table-cell table:style-name="
                                     "\"ce1\" office:value-type=\"float\" office:value=\"8503152345678\">"
                                     "<text:p>850315-2345678</text:p></table:table-cell></table:table-row>"
                                     "</table:table></office:spreadsheet>"))},
        {QStringLiteral("application.hwpx"), hwpx({owpmlParagraph(QStringLiteral("주민등록번호 850315-2345678"))})},
        {QStringLiteral("application.hwp"),
         hwp({hwpParagraph(QStringLiteral("신청인 850315-2345678")) +
              hwpTable({QStringLiteral("홍길동"), QStringLiteral("010-2345-6789")})})},
        {QStringLiteral("uncompressed.hwp"), hwp({hwpParagraph(QStringLiteral("900101-1234567"))}, 0)},
        {QStringLiteral("roster.xls"), xls(workbook)},
        {QStringLiteral("application.doc"), doc(application)},
        {QStringLiteral("notice.ppt"), ppt(presentation)},
        {QStringLiteral("nested.zip"), zipOf({{QStringLiteral("서류/신청서.docx"), word}})},
        {QStringLiteral("message.eml"),
         "From: a@korea.kr\r\nTo: b@korea.kr\r\nSubject: =?UTF-8?B?7Iug7LKt7ISc?=\r\nMIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
         "주민등록번호 900101-1234567\r\n--b\r\nContent-Type: application/octet-stream\r\n"
         "Content-Disposition: attachment; filename=\"a.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
             QByteArray("010-2345-6789\n").toBase64() + "\r\n--b--\r\n"},
        // Display names, a file uuencoded in the text, UCS-2 and an HTML form field.
        {QStringLiteral("forms.eml"),
         "From: =?UTF-8?B?7Iug7LKt7ISc?= <a@korea.kr>\r\nTo: \"Kim 900101-1234567\" <b@korea.kr>, c@korea.kr\r\n"
         "Subject: s\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
         "text\r\nbegin 644 a.txt\r\n.,#$P+3(S-#4M-C<X.0H`\r\n`\r\nend\r\n--b\r\n"
         "Content-Type: text/plain; charset=ucs-2\r\nContent-Transfer-Encoding: base64\r\n\r\nMAAxAA==\r\n--b\r\n"
         "Content-Type: text/html\r\n\r\n<p><input value='900101-1234567'><img alt=\"x\"></p>\r\n--b--\r\n"},
    };
    for (const auto &[name, bytes] : documents) {
        ok = write(out, QStringLiteral("documentextractor"), name, bytes) && ok;
        ok = write(out, QStringLiteral("documentmasker"), name, bytes) && ok;
        if (name.endsWith(QLatin1String(".hwp")))
            ok = write(out, QStringLiteral("hwp"), name, bytes) && ok;
    }
    ok = write(out, QStringLiteral("xls"), QStringLiteral("roster.workbook"), workbook) && ok;
    ok = write(out, QStringLiteral("ppt"), QStringLiteral("notice.stream"), presentation) && ok;
    QByteArray docInput(4, '\0');
    qToLittleEndian(quint32(application.table.size()), docInput.data());
    ok = write(out, QStringLiteral("doc"), QStringLiteral("application.streams"),
               docInput + application.table + application.wordDocument) &&
        ok;
    // PDF: one page of text, written by hand (the tests print theirs with Qt's GUI module).
    for (const auto &[name, line] :
         {std::pair {"rrn.pdf", "RRN 900101-1234567"}, std::pair {"phone.pdf", "Tel. 010-2345-6789"}}) {
        ok = write(out, QStringLiteral("pdf"), QLatin1String(name), Fuzz::minimalPdf(line)) && ok;
        ok = write(out, QStringLiteral("documentextractor"), QLatin1String(name), Fuzz::minimalPdf(line)) && ok;
    }
    // PDF: a sticky note, a form field and a file attached to the page (read through poppler-glib).
    const QByteArray annotated =
        annotatedPdf({{"Application", {4, 5, 6}}},
                     {"<< /Type /Annot /Subtype /Text /Rect [72 600 92 620] /Contents (RRN 900101-1234567) >>",
                      "<< /Type /Annot /Subtype /Widget /FT /Tx /T (tel) /V (010-2345-6789) /Rect [72 560 300 580] >>",
                      "<< /Type /Annot /Subtype /FileAttachment /Rect [72 520 92 540] /FS 7 0 R >>",
                      "<< /Type /Filespec /F (list.csv) /EF << /F 8 0 R >> >>",
                      pdfStream("/Type /EmbeddedFile", "name,rrn\nHong,900101-1234567\n")},
                     "/AcroForm << /Fields [5 0 R] >>");
    ok = write(out, QStringLiteral("pdf"), QStringLiteral("annotated.pdf"), annotated) && ok;
    ok = write(out, QStringLiteral("documentextractor"), QStringLiteral("annotated.pdf"), annotated) && ok;
    ok = write(out, QStringLiteral("xmlparts"), QStringLiteral("document.xml"),
               xmlDocument(QStringLiteral("<w:document %1><w:body>%2</w:body></w:document>")
                               .arg(QLatin1String(wordNamespace), body))) &&
        ok;

    if (!ok)
        std::fputs("sendguard-fuzz-seeds: could not write every seed\n", stderr);
    return ok ? 0 : 1;
}
