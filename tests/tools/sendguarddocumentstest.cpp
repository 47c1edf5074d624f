// SPDX-License-Identifier: GPL-2.0-or-later
// The incident as it really travels: the citizen's application forwarded to all staff as an HWP
// and a DOCX. The real `sendguard` reads both through the helper, finds the number inside, says
// where, and never prints it unmasked; `extract` and `scan` read documents the same way.
#include "annotatedpdf.h"
#include "clirunner.h"
#include "docfiles.h"
#include "documentfiles.h"
#include "xlsfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard::Tests;

class SendGuardDocumentsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes) { return writeTestFile(m_dir.path(), name, bytes); }

    QString incident(const QString &attachmentsJson)
    {
        return write(QStringLiteral("incident.json"),
                     QStringLiteral("{\"action\":\"forward\",\"sender\":{\"id\":\"kim.yejin\"},"
                                    "\"recipients\":[{\"id\":\"grp:incheon-all\",\"name\":\"인천광역시 전체\","
                                    "\"type\":\"group\",\"memberCount\":4812}],"
                                    "\"subject\":\"주거급여 신청서 이관\",\"body\":\"첨부 참고 바랍니다.\","
                                    "\"attachments\":[%1]}")
                         .arg(attachmentsJson)
                         .toUtf8());
    }

private Q_SLOTS:
    void initTestCase()
    {
        write(QStringLiteral("신청서.hwp"),
              hwp({hwpParagraph(QStringLiteral("주거급여 신청서")) +
                   hwpTable({QStringLiteral("성명 홍길순"), QStringLiteral("주민등록번호 850315-2345678")})}));
        write(QStringLiteral("신청서.docx"),
              docx(wordParagraph({QStringLiteral("신청인 주민등록번호 9001"), QStringLiteral("01-1234568")})));
    }

    // A file's name travels with it and is checked, read or not: a scan of a card saved under its
    // holder's number, alone in an archive, and a note named after the person it is about. The
    // number is never printed as it is, though the names are written out in places and reasons.
    void shouldFindANumberInAFilesNameAndNeverPrintIt()
    {
        // A number in full-width digits is shown as its masked form too, not left as written.
        write(QStringLiteral("서류.zip"),
              zipOf({{QStringLiteral("주민등록증_850315-2345678.jpg"), QByteArray("\xFF\xD8\xFF\xE0", 4)},
                     {QStringLiteral("신분증 ８５０３１５－２３４５６７８.txt"), "접수"}}));
        write(QStringLiteral("홍길동_900101-1234568.txt"), "접수 안내");
        for (const bool json : {false, true}) {
            QStringList arguments {QStringLiteral("scan"), m_dir.filePath(QStringLiteral("서류.zip"))};
            if (json)
                arguments.insert(1, QStringLiteral("--json"));
            const CliRun scan = runSendGuard(arguments);
            QCOMPARE(scan.exitCode, 3); // found, and the picture not read
            QVERIFY2(scan.output().contains(QStringLiteral("주민등록증_850315-2******.jpg › file name")),
                     scan.out.constData());
            QVERIFY2(!scan.outputAndErrors().contains(QStringLiteral("2345678")) &&
                         !scan.outputAndErrors().contains(QStringLiteral("２３４５６７８")),
                     qPrintable(scan.outputAndErrors()));
        }
        const QString message = incident(QStringLiteral("{\"name\":\"서류.zip\",\"path\":\"서류.zip\"},"
                                                        "{\"name\":\"홍길동_900101-1234568.txt\","
                                                        "\"path\":\"홍길동_900101-1234568.txt\"}"));
        const CliRun check = runSendGuard({QStringLiteral("check"), message});
        QCOMPARE(check.exitCode, 11); // justify: two numbers to 4,812 people
        QVERIFY2(check.output().contains(QStringLiteral("attachment 홍길동_900101-1******.txt")),
                 check.out.constData());
        QVERIFY2(!check.outputAndErrors().contains(QStringLiteral("2345678")) &&
                     !check.outputAndErrors().contains(QStringLiteral("1234568")),
                 qPrintable(check.outputAndErrors()));

        // A phone number alone decides nothing here, so the file that cannot be read leaves the
        // message unchecked: the lines that name that file hide the number as well.
        write(QStringLiteral("홍길동 010-2345-6789.bin"), QByteArray("\x01\x02\x03\xFE\xFF binary"));
        const QString unreadable =
            incident(QStringLiteral("{\"name\":\"홍길동 010-2345-6789.bin\",\"path\":\"홍길동 010-2345-6789.bin\"}"));
        for (const bool json : {false, true}) {
            QStringList arguments {QStringLiteral("check"), unreadable};
            if (json)
                arguments.insert(1, QStringLiteral("--json"));
            const CliRun unchecked = runSendGuard(arguments);
            QCOMPARE(unchecked.exitCode, 3);
            const QString printed = json ? QString::fromUtf8(unchecked.err) +
                    QJsonDocument::fromJson(unchecked.out)
                        .object()
                        .value(QLatin1String("notScanned"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QLatin1String("attachment"))
                        .toString()
                                         : unchecked.outputAndErrors();
            QVERIFY2(printed.contains(QStringLiteral("010-****-6789")) &&
                         !printed.contains(QStringLiteral("2345-6789")),
                     qPrintable(printed));
        }
    }

    void shouldStopTheIncidentAndSayWhereTheNumberIs()
    {
        const QString message = incident(QStringLiteral(
            "{\"name\":\"신청서.hwp\",\"path\":\"신청서.hwp\"},{\"name\":\"신청서.docx\",\"path\":\"신청서.docx\"}"));
        const CliRun run = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), message});
        QCOMPARE(run.exitCode, 11); // justify: an RRN to 4,812 people
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QLatin1String("verdict")).toString(), QStringLiteral("justify"));
        QVERIFY(result.value(QLatin1String("notScanned")).toArray().isEmpty());
        const QJsonArray findings = result.value(QLatin1String("findings")).toArray();
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings[0].toObject().value(QLatin1String("field")).toString(),
                 QStringLiteral("attachment:신청서.hwp"));
        QCOMPARE(findings[0].toObject().value(QLatin1String("place")).toString(),
                 QStringLiteral("section 1 › table 1, row 1, cell 2"));
        QCOMPARE(findings[0].toObject().value(QLatin1String("masked")).toString(), QStringLiteral("850315-2******"));
        QCOMPARE(findings[1].toObject().value(QLatin1String("place")).toString(), QStringLiteral("paragraph 1"));
        QCOMPARE(findings[1].toObject().value(QLatin1String("masked")).toString(), QStringLiteral("900101-1******"));

        const CliRun readable =
            runSendGuard({QStringLiteral("check"), QStringLiteral("--lang"), QStringLiteral("ko"), message});
        QVERIFY2(readable.output().contains(QStringLiteral("850315-2******  (구역 1 › 표 1 1행 2칸)")),
                 qPrintable(readable.output()));
        for (const CliRun &output : {run, readable}) {
            QVERIFY(!output.outputAndErrors().contains(QStringLiteral("2345678")));
            QVERIFY(!output.outputAndErrors().contains(QStringLiteral("1234568")));
        }
    }

    // A roster kept in Excel 97-2003, as offices still keep them: the number typed as a number is
    // found in its cell, through the locked-down helper, and never printed whole; a masked copy
    // cannot be written, so nothing is.
    void shouldStopAnExcel97Roster()
    {
        const QByteArray strings =
            xlsRecord(XlsSharedStrings,
                      xlsU32(3) + xlsU32(3) + xlsString(QStringLiteral("성명")) +
                          xlsString(QStringLiteral("주민등록번호")) + xlsString(QStringLiteral("홍길동")));
        const QByteArray cells =
            xlsLabelSst(0, 0, 0) + xlsLabelSst(0, 1, 1) + xlsLabelSst(1, 0, 2) + xlsNumber(1, 1, 9001011234568.0);
        write(QStringLiteral("명단.xls"), xls(xlsWorkbookStream({{QStringLiteral("명단"), cells}}, strings)));
        const QString message = incident(QStringLiteral("{\"name\":\"명단.xls\",\"path\":\"명단.xls\"}"));
        const CliRun run = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), message});
        QCOMPARE(run.exitCode, 11);
        const QJsonObject finding =
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("findings")).toArray().at(0).toObject();
        QCOMPARE(finding.value(QLatin1String("detector")).toString(), QStringLiteral("kr-rrn"));
        QCOMPARE(finding.value(QLatin1String("place")).toString(), QStringLiteral("명단!B2"));
        QCOMPARE(finding.value(QLatin1String("masked")).toString(), QStringLiteral("9001011******"));
        QVERIFY(!run.outputAndErrors().contains(QStringLiteral("1234568")));
        const QString masked = m_dir.filePath(QStringLiteral("명단-masked.xls"));
        const CliRun redact = runSendGuard(
            {QStringLiteral("redact"), QStringLiteral("--output"), masked, m_dir.filePath(QStringLiteral("명단.xls"))});
        QCOMPARE(redact.exitCode, 3);
        QVERIFY2(redact.err.contains("cannot be masked in place"), redact.err.constData());
        QVERIFY(!QFileInfo::exists(masked));
    }

    // A Word 97-2003 application forwarded to all staff: its table's number under its column's
    // title is found through the helper, named by its place; the file cannot be masked in place.
    void shouldStopAWord97Application()
    {
        const QString body = QStringLiteral("주거급여 신청서\r성명\x07주민등록번호\x07\uE007홍길동\x07"
                                            "9001011234568\x07\uE007\r");
        write(QStringLiteral("신청서.doc"), doc(docStreams({body, QStringLiteral("\x02 연락처 010-2345-6789\r")})));
        const QString message = incident(QStringLiteral("{\"name\":\"신청서.doc\",\"path\":\"신청서.doc\"}"));
        const CliRun run = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), message});
        QCOMPARE(run.exitCode, 11);
        const QJsonArray findings =
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("findings")).toArray();
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.at(0).toObject().value(QLatin1String("detector")).toString(), QStringLiteral("kr-rrn"));
        QCOMPARE(findings.at(0).toObject().value(QLatin1String("masked")).toString(), QStringLiteral("9001011******"));
        QCOMPARE(findings.at(1).toObject().value(QLatin1String("detector")).toString(), QStringLiteral("kr-phone"));
        QCOMPARE(findings.at(1).toObject().value(QLatin1String("place")).toString(), QStringLiteral("footnote"));
        QVERIFY(!run.outputAndErrors().contains(QStringLiteral("1234568")));
        const QString masked = m_dir.filePath(QStringLiteral("신청서-masked.doc"));
        const CliRun redact = runSendGuard({QStringLiteral("redact"), QStringLiteral("--output"), masked,
                                            m_dir.filePath(QStringLiteral("신청서.doc"))});
        QCOMPARE(redact.exitCode, 3);
        QVERIFY2(redact.err.contains("cannot be masked in place"), redact.err.constData());
        QVERIFY(!QFileInfo::exists(masked));
    }

    void shouldNeverCallAnUnreadableDocumentClean()
    {
        write(QStringLiteral("암호.hwp"), hwp({hwpParagraph(QStringLiteral("850315-2345678"))}, 1 | 2));
        const QString message = incident(QStringLiteral("{\"name\":\"암호.hwp\",\"path\":\"암호.hwp\"}"));
        const CliRun run = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), message});
        QCOMPARE(run.exitCode, 3);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(QLatin1String("verdict")).toString(), QStringLiteral("unchecked"));
        QVERIFY2(result.value(QLatin1String("notScanned"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("reason"))
                     .toString()
                     .contains(QStringLiteral("encrypted")),
                 run.out.constData());
    }

    // An archive it does not read (ALZip, EGG, RAR, 7-Zip, gzip) or a picture, read as text, was noise
    // or clean: the helper names it, not scanned, as it does in a message (red-team).
    void shouldNotReadAnArchiveOrAPictureAsText_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("ALZip") << QStringLiteral("명단.alz") << QByteArray("ALZ\x01\0\0\0\0850315-2345678", 22);
        QTest::newRow("EGG") << QStringLiteral("명단.egg") << QByteArray("EGGA\0\x01 850315-2345678", 20);
        QTest::newRow("RAR, misnamed") << QStringLiteral("명단.txt")
                                       << QByteArray("Rar!\x1A\x07\x01\0 850315-2345678", 24);
        QTest::newRow("PNG") << QStringLiteral("사진.png") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    }
    void shouldNotReadAnArchiveOrAPictureAsText()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        write(name, bytes);
        const CliRun run = runSendGuard({QStringLiteral("scan"), QStringLiteral("--json"), m_dir.filePath(name)});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.contains("not scanned"), run.out.constData());
        QVERIFY2(!run.out.contains("findings"), run.out.constData());
    }

    // Text that only starts like a signature is text (from a review).
    void shouldReadTextThatStartsLikeASignatureAsText()
    {
        write(QStringLiteral("메모"), "EGGAR report: 900101-1234568\n");
        const CliRun run =
            runSendGuard({QStringLiteral("scan"), QStringLiteral("--json"), m_dir.filePath(QStringLiteral("메모"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("900101-1******"), run.out.constData());
    }

    void shouldPrintTheTextItReadWithPlaces()
    {
        const CliRun run = runSendGuard(
            {QStringLiteral("extract"), QStringLiteral("--json"), m_dir.filePath(QStringLiteral("신청서.hwp"))});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject cell = QJsonDocument::fromJson(lines[2]).object();
        QCOMPARE(cell.value(QLatin1String("place")).toString(), QStringLiteral("section 1 › table 1, row 1, cell 2"));
        QCOMPARE(cell.value(QLatin1String("text")).toString(), QStringLiteral("주민등록번호 850315-2345678"));

        const CliRun encrypted = runSendGuard({QStringLiteral("extract"), m_dir.filePath(QStringLiteral("암호.hwp"))});
        QCOMPARE(encrypted.exitCode, 3);
        QVERIFY(encrypted.err.contains("encrypted"));
    }

    void shouldScanDocumentsWithPlaces()
    {
        const CliRun run = runSendGuard(
            {QStringLiteral("scan"), QStringLiteral("--json"), m_dir.filePath(QStringLiteral("신청서.docx"))});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject finding =
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("findings")).toArray().at(0).toObject();
        QCOMPARE(finding.value(QLatin1String("detector")).toString(), QStringLiteral("kr-rrn"));
        QCOMPARE(finding.value(QLatin1String("place")).toString(), QStringLiteral("paragraph 1"));
        QVERIFY(!run.out.contains("1234568"));
    }

    // A web system's "Excel download" is a page of one table named .xls: the CLI reads it as the
    // helper and the plugin do, as HTML (it read it as text, and found no number split by tags).
    void shouldScanAPageNamedAsAWorkbookAsHtml()
    {
        const QString page = write(QStringLiteral("명단.xls"),
                                   u"<table><tr><td>홍길동</td><td><span>900101-</span><span>1234568</span></td>"
                                   "</tr></table>"_qs.toUtf8());
        const CliRun run = runSendGuard({QStringLiteral("scan"), QStringLiteral("--json"), page});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray findings =
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("findings")).toArray();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.at(0).toObject().value(QLatin1String("detector")).toString(), QStringLiteral("kr-rrn"));
        QVERIFY(!run.out.contains("1234568"));
    }

    // A roster as a spreadsheet and as a document's table: the header 계좌번호 over a column labels
    // every bare account number below it, as in a CSV file; without the header they have nothing to
    // go on and are not reported.
    void shouldLetAColumnsHeaderLabelEveryCellBelowIt_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("xlsx") << QStringLiteral("xlsx");
        QTest::newRow("docx") << QStringLiteral("docx");
    }

    void shouldLetAColumnsHeaderLabelEveryCellBelowIt()
    {
        QFETCH(QString, format);
        constexpr int rows = 60;
        const auto roster = [&](bool withHeader) {
            QStringList sheetRows;
            QString tableRows;
            const auto add = [&](int row, const QStringList &cells) {
                QString sheetRow = QStringLiteral("<row r=\"%1\">").arg(row);
                QString tableRow;
                for (qsizetype column = 0; column < cells.size(); ++column) {
                    sheetRow += QStringLiteral("<c r=\"%1%2\" t=\"inlineStr\"><is><t>%3</t></is></c>")
                                    .arg(QChar(char16_t(u'A' + column)))
                                    .arg(row)
                                    .arg(cells[column]);
                    tableRow += QStringLiteral("<w:tc>%1</w:tc>").arg(wordParagraph({cells[column]}));
                }
                sheetRows.append(sheetRow + QStringLiteral("</row>"));
                tableRows += QStringLiteral("<w:tr>%1</w:tr>").arg(tableRow);
            };
            if (withHeader)
                add(1, {QStringLiteral("성명"), QStringLiteral("주소"), QStringLiteral("계좌번호")});
            for (int i = 0; i < rows; ++i)
                add(i + 2,
                    {QStringLiteral("주민%1").arg(i), QStringLiteral("인천광역시 서구"),
                     QStringLiteral("3021%1").arg(10000000 + (i * 104729) % 90000000)});
            return format == QLatin1String("xlsx") ? xlsx({{QStringLiteral("명단"), sheetRows.join(QString())}}, {})
                                                   : docx(QStringLiteral("<w:tbl>%1</w:tbl>").arg(tableRows));
        };
        const auto accountsIn = [&](const QString &path) {
            const CliRun run = runSendGuard({QStringLiteral("scan"), QStringLiteral("--json"), path});
            int accounts = 0;
            for (const QJsonValue &finding :
                 QJsonDocument::fromJson(run.out).object().value(QLatin1String("findings")).toArray())
                accounts += finding.toObject().value(QLatin1String("detector")).toString() == u"kr-bank-account";
            return accounts;
        };
        QCOMPARE(accountsIn(write(QStringLiteral("roster.") + format, roster(true))), rows);
        QCOMPARE(accountsIn(write(QStringLiteral("bare.") + format, roster(false))), 0);
    }

    // Documents keep some text twice: an HWPX's preview of its first page, a Word text box again
    // for programs that cannot draw it, an e-mail's plain-text and HTML forms. The number is one
    // item, counted once; what only a copy holds is still found, and masking covers every copy.
    void shouldCountACopyOfTheTextOnce()
    {
        const QString rrn = QStringLiteral("주민등록번호 900101-1234568");
        const QString textBox = QStringLiteral("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
                                               "<wps:txbx><w:txbxContent>%1</w:txbxContent></wps:txbx></w:drawing>"
                                               "</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>%1%2"
                                               "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
                                               "</mc:AlternateContent></w:r>")
                                    .arg(wordParagraph({rrn}), wordParagraph({QStringLiteral("연락처 010-2345-6789")}));
        const QString word = write(QStringLiteral("글상자.docx"), docx(QStringLiteral("<w:p>%1</w:p>").arg(textBox)));
        const QString hancom = write(QStringLiteral("신청서.hwpx"),
                                     hwpx({owpmlParagraph(QStringLiteral("성명 홍길순")) + owpmlParagraph(rrn)},
                                          QStringLiteral("성명 홍길순\r\n주민등록번호 900101 - 1234568\r\n")));
        const QString mail =
            write(QStringLiteral("전달.eml"),
                  "From: kim@example.go.kr\r\nTo: all@example.go.kr\r\nSubject: fw\r\nMIME-Version: 1.0\r\n"
                  "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\n"
                  "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
                      rrn.toUtf8() + "\r\n--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + rrn.toUtf8() +
                      "</p>\r\n--a--\r\n");
        const auto findingsOf = [](const QString &file) {
            const CliRun run = runSendGuard({QStringLiteral("scan"), QStringLiteral("--json"), file});
            QStringList found;
            for (const QJsonValue &finding :
                 QJsonDocument::fromJson(run.out).object().value(QLatin1String("findings")).toArray())
                found << finding.toObject().value(QLatin1String("detector")).toString() + QLatin1Char('@') +
                        finding.toObject().value(QLatin1String("place")).toString();
            return found;
        };
        QCOMPARE(findingsOf(word),
                 (QStringList {QStringLiteral("kr-rrn@paragraph 1 › text box › paragraph 1"),
                               QStringLiteral("kr-phone@paragraph 1 › alternative copy › text box › paragraph 2")}));
        QCOMPARE(findingsOf(hancom), QStringList {QStringLiteral("kr-rrn@section 1 › paragraph 2")});
        // HWP 5.0 keeps a preview (PrvText) beside the body too; read only when the body gives no
        // text, it never counts the body's number twice.
        const QString hwp5 = write(QStringLiteral("신청서.hwp"),
                                   hwp({hwpParagraph(QStringLiteral("성명 홍길순")) + hwpParagraph(rrn)}, 1,
                                       QStringLiteral("성명 홍길순\r\n주민등록번호 900101-1234568\r\n")));
        QCOMPARE(findingsOf(hwp5), QStringList {QStringLiteral("kr-rrn@section 1 › paragraph 2")});
        QCOMPARE(findingsOf(mail), QStringList {QStringLiteral("kr-rrn@")});

        // A tracked move keeps the text where it was; SmartArt keeps a drawing of its data; a
        // content control's value is stored again for the data it is bound to; Excel writes a
        // legacy copy of each threaded comment. What only the stored copy holds is still found.
        const QString phone = QStringLiteral("연락처 010-2345-6789");
        const QString moved =
            write(QStringLiteral("이동.docx"),
                  docx(QStringLiteral("<w:p><w:moveFrom w:id=\"1\"><w:r><w:t>%1</w:t></w:r></w:moveFrom></w:p>"
                                      "<w:p><w:moveTo w:id=\"2\"><w:r><w:t>%1</w:t></w:r></w:moveTo></w:p>")
                           .arg(rrn)));
        QCOMPARE(findingsOf(moved), QStringList {QStringLiteral("kr-rrn@paragraph 2")});
        const QString drawn = QStringLiteral("<a:p><a:r><a:t>%1</a:t></a:r></a:p>").arg(phone);
        const QString smartArt = write(
            QStringLiteral("조직도.docx"),
            docx(wordParagraph({QStringLiteral("조직도")}), {}, {}, {},
                 {{QStringLiteral("word/diagrams/data1.xml"),
                   xmlDocument(QStringLiteral("<dgm:dataModel><dgm:ptLst><dgm:pt><dgm:t>%1</dgm:t></dgm:pt>"
                                              "</dgm:ptLst></dgm:dataModel>")
                                   .arg(drawn))},
                  {QStringLiteral("word/diagrams/drawing1.xml"),
                   xmlDocument(QStringLiteral("<dsp:drawing><dsp:spTree><dsp:sp><dsp:txBody>%1</dsp:txBody></dsp:sp>"
                                              "</dsp:spTree></dsp:drawing>")
                                   .arg(drawn))}}));
        QCOMPARE(findingsOf(smartArt), QStringList {QStringLiteral("kr-phone@word/diagrams/data1.xml")});
        const QString bound =
            write(QStringLiteral("바인딩.docx"),
                  docx(QStringLiteral("<w:sdt><w:sdtPr><w:dataBinding w:xpath=\"/data/rrn\"/></w:sdtPr><w:sdtContent>%1"
                                      "</w:sdtContent></w:sdt>")
                           .arg(wordParagraph({rrn})),
                       {}, {}, {},
                       {{QStringLiteral("customXml/item1.xml"),
                         xmlDocument(QStringLiteral("<data><rrn>%1</rrn><tel>%2</tel></data>").arg(rrn, phone))}}));
        QCOMPARE(findingsOf(bound),
                 (QStringList {QStringLiteral("kr-rrn@paragraph 1"),
                               QStringLiteral("kr-phone@customXml/item1.xml › alternative copy")}));
        const QString threaded = write(
            QStringLiteral("댓글.xlsx"),
            xlsx({{QStringLiteral("Sheet1"), QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")}},
                 {QStringLiteral("명단")}, {},
                 {{QStringLiteral("xl/threadedComments/threadedComment1.xml"),
                   xmlDocument(QStringLiteral("<ThreadedComments><threadedComment ref=\"A1\" id=\"{1}\"><text>%1"
                                              "</text></threadedComment></ThreadedComments>")
                                   .arg(phone))},
                  {QStringLiteral("xl/comments1.xml"),
                   xmlDocument(QStringLiteral("<comments><authors><author>tc={1}</author></authors><commentList>"
                                              "<comment ref=\"A1\" authorId=\"0\"><text><t>[Threaded comment]\n"
                                              "Comment:\n    %1</t></text></comment></commentList></comments>")
                                   .arg(phone))}}));
        QCOMPARE(findingsOf(threaded),
                 QStringList {QStringLiteral("kr-phone@xl/threadedComments/threadedComment1.xml")});

        // A PDF form field's value is drawn on its page as well, unless the field is hidden.
        const QByteArray widget =
            "<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [72 600 300 620] /DA (/F1 12 Tf 0 g) ";
        const QString form = write(
            QStringLiteral("신청서.pdf"),
            annotatedPdf({{"Application", {4, 5}}},
                         {widget + "/T (rrn) /V (900101-1234568) >>", widget + "/F 2 /T (tel) /V (010-2345-6789) >>"},
                         "/AcroForm << /Fields [4 0 R 5 0 R] /NeedAppearances true /DA (/F1 12 Tf 0 g) "
                         "/DR << /Font << /F1 3 0 R >> >> >>"));
        QCOMPARE(findingsOf(form),
                 (QStringList {QStringLiteral("kr-rrn@page 1"), QStringLiteral("kr-phone@page 1 › form field 2")}));
        // One field shown twice (two hidden widgets), a note whose appearance draws its text, a file
        // attached to a page and to the document: each one item.
        const QByteArray kid = "<< /Type /Annot /Subtype /Widget /F 2 /Parent 4 0 R /Rect [72 600 300 620] >>";
        const QString twice = write(
            QStringLiteral("두번.pdf"),
            annotatedPdf({{"Application", {5, 6, 7}}},
                         {"<< /FT /Tx /T (rrn) /V (900101-1234568) /Kids [5 0 R 6 0 R] >>", kid, kid,
                          "<< /Type /Annot /Subtype /Square /Rect [72 500 300 520] /Contents (010-2345-6789) "
                          "/AP << /N 8 0 R >> >>",
                          pdfStream("/Type /XObject /Subtype /Form /BBox [0 0 228 20] /Resources << /Font << /F1 3 0 R "
                                    ">> >>",
                                    "BT /F1 12 Tf 2 5 Td (010-2345-6789) Tj ET")},
                         "/AcroForm << /Fields [4 0 R] /DA (/F1 12 Tf 0 g) >>"));
        QCOMPARE(findingsOf(twice),
                 (QStringList {QStringLiteral("kr-phone@page 1"), QStringLiteral("kr-rrn@page 1 › form field 1")}));
        const QString attachedTwice =
            write(QStringLiteral("첨부.pdf"),
                  annotatedPdf({{"Report", {4}}},
                               {"<< /Type /Annot /Subtype /FileAttachment /Rect [72 600 92 620] /FS 5 0 R >>",
                                "<< /Type /Filespec /F (list.csv) /EF << /F 6 0 R >> >>",
                                pdfStream("/Type /EmbeddedFile", "성명,주민등록번호\n홍길동,900101-1234568\n")},
                               "/Names << /EmbeddedFiles << /Names [(list.csv) 5 0 R] >> >>"));
        QCOMPARE(findingsOf(attachedTwice), QStringList {QStringLiteral("kr-rrn@page 1 › list.csv")});

        // The check counts as the scan does: one number and one phone number to 4,812 people.
        const CliRun check =
            runSendGuard({QStringLiteral("check"), QStringLiteral("--json"),
                          incident(QStringLiteral("{\"name\":\"글상자.docx\",\"path\":\"글상자.docx\"},"
                                                  "{\"name\":\"신청서.hwpx\",\"path\":\"신청서.hwpx\"}"))});
        QCOMPARE(QJsonDocument::fromJson(check.out).object().value(QLatin1String("findings")).toArray().size(), 3);

        // Masking covers both forms of the text box and the preview.
        for (const QString &file : {word, hancom}) {
            const QString masked = m_dir.filePath(QStringLiteral("masked-") + QFileInfo(file).fileName());
            const CliRun run = runSendGuard({QStringLiteral("redact"), QStringLiteral("--output"), masked, file});
            QVERIFY2(run.exitCode == 0, qPrintable(run.outputAndErrors()));
            const CliRun read = runSendGuard({QStringLiteral("extract"), masked});
            QVERIFY2(read.output().count(QStringLiteral("900101")) == 2, qPrintable(read.output()));
            QVERIFY2(!read.output().contains(QLatin1String("1234568")), qPrintable(read.output()));
        }
    }

    // A form printed to PDF with a box for each digit: its text has the digits spaced out.
    void shouldFindARegistrationNumberInAFormsBoxes()
    {
        QByteArray boxes;
        int x = 120;
        for (const char digit : QByteArray("900101-1234567")) {
            // On the label's line (Helvetica 12 at 72, 760), as a form's boxes stand beside it.
            boxes += QByteArray("0 G ") + QByteArray::number(x - 4) + " 755 18 18 re S BT /F1 12 Tf " +
                QByteArray::number(x) + " 760 Td (" + digit + ") Tj ET ";
            x += 20;
        }
        const QString form = write(QStringLiteral("boxes.pdf"), annotatedPdf({{"RRN", {}, boxes}}, {}));
        const CliRun run = runSendGuard({QStringLiteral("scan"), QStringLiteral("--json"), form});
        const QJsonArray findings =
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("findings")).toArray();
        QVERIFY2(findings.size() == 1, qPrintable(run.outputAndErrors()));
        QCOMPARE(findings[0].toObject().value(QLatin1String("detector")).toString(), QStringLiteral("kr-rrn"));
        QCOMPARE(findings[0].toObject().value(QLatin1String("place")).toString(), QStringLiteral("page 1"));
        QVERIFY2(!run.output().contains(QLatin1String("2   3")), qPrintable(run.output()));
    }

    void shouldWriteADocumentMaskedInPlaceOrNothing()
    {
        const QString masked = m_dir.filePath(QStringLiteral("masked.docx"));
        const CliRun run = runSendGuard({QStringLiteral("redact"), QStringLiteral("--output"), masked,
                                         m_dir.filePath(QStringLiteral("신청서.docx"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.outputAndErrors()));
        QVERIFY(!run.outputAndErrors().contains(QLatin1String("1234568"))); // says how many, never what
        const CliRun read = runSendGuard({QStringLiteral("extract"), masked});
        QVERIFY2(read.output().contains(QStringLiteral("900101-1******")), qPrintable(read.output()));
        QVERIFY(!read.output().contains(QLatin1String("1234568")));

        // HWP cannot be masked where the number lies: refused, and nothing is written.
        const QString hwpOut = m_dir.filePath(QStringLiteral("masked.hwp"));
        const CliRun hwpRun = runSendGuard({QStringLiteral("redact"), QStringLiteral("--output"), hwpOut,
                                            m_dir.filePath(QStringLiteral("신청서.hwp"))});
        QCOMPARE(hwpRun.exitCode, 3);
        QVERIFY2(hwpRun.outputAndErrors().contains(QStringLiteral("cannot be masked in place")),
                 qPrintable(hwpRun.outputAndErrors()));
        QVERIFY(!QFile::exists(hwpOut));
        QCOMPARE(runSendGuard({QStringLiteral("redact"), QStringLiteral("--output"), hwpOut}).exitCode, 2);

        // Nothing to mask, not even text (from a review: this once wrote an empty file): the file
        // as it is.
        const QByteArray empty = xlsx({{QStringLiteral("Sheet1"), QString()}}, {});
        const QString emptyOut = m_dir.filePath(QStringLiteral("masked-empty.xlsx"));
        const CliRun emptyRun = runSendGuard(
            {QStringLiteral("redact"), QStringLiteral("--output"), emptyOut, write(QStringLiteral("빈.xlsx"), empty)});
        QVERIFY2(emptyRun.exitCode == 0, qPrintable(emptyRun.outputAndErrors()));
        QFile written(emptyOut);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), empty);
    }
};

QTEST_GUILESS_MAIN(SendGuardDocumentsTest)
#include "sendguarddocumentstest.moc"
