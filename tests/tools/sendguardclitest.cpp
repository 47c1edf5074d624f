// SPDX-License-Identifier: GPL-2.0-or-later
// The real `sendguard` binary, run as a user or a script would run it.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = SendGuard::Tests::CliRun;

Run sendguard(const QStringList &arguments, const QByteArray &input = {})
{
    return SendGuard::Tests::runSendGuard(arguments, input);
}

} // namespace

class SendGuardCliTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        return SendGuard::Tests::writeTestFile(m_dir.path(), name, content);
    }

private Q_SLOTS:
    void shouldPrintJsonLinesInTheContractsExactForm()
    {
        const QString path = writeFile(QStringLiteral("one.txt"), u"번호 900101-1234567\n"_qs.toUtf8());
        const Run run = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), path});
        QCOMPARE(run.exitCode, 1);
        const QByteArray expected = "{\"file\":\"" + path.toUtf8() +
            "\",\"findings\":[{\"detector\":\"kr-rrn\",\"severity\":\"high\",\"confidence\":0.85,\"start\":7,"
            "\"end\":21,\"masked\":\"900101-1******\"}]}\n";
        QCOMPARE(run.out, expected);
    }

    void shouldExitWithTheContractsCodes_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("clean") << u"회의는 3시입니다."_qs.toUtf8() << 0;
        QTest::newRow("found") << QByteArray("010-1234-5678") << 1;
        QTest::newRow("invalid utf-8") << QByteArray("abc\xFFzz") << 2;
    }
    void shouldExitWithTheContractsCodes()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        const QString path = writeFile(QStringLiteral("codes.txt"), content);
        QCOMPARE(sendguard({QStringLiteral("scan"), path}).exitCode, exitCode);
        QCOMPARE(sendguard({QStringLiteral("scan"), QStringLiteral("--json"), path}).exitCode, exitCode);
    }

    void shouldReportBadInputAndStillScanTheOtherFiles()
    {
        const QString bad = writeFile(QStringLiteral("bad.txt"), QByteArray("ok \xC3\x28 900101-1234567"));
        const QString good = writeFile(QStringLiteral("good.txt"), QByteArray("010-1234-5678"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
        const Run run = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), bad, missing, good});
        QCOMPARE(run.exitCode, 2);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].contains("\"error\":\"not valid UTF-8 at byte offset 3\""));
        QVERIFY(!lines[0].contains("findings"));
        QVERIFY(lines[1].contains("\"error\":\"cannot read"));
        QVERIFY(lines[2].contains("\"detector\":\"kr-phone\""));
        QVERIFY(run.err.contains("bad.txt: not valid UTF-8 at byte offset 3"));
        QVERIFY(run.err.contains("missing.txt: cannot read"));
    }

    void shouldReadStandardInput()
    {
        const Run run = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), QStringLiteral("-")},
                                  QByteArray("mail kim@korea.kr"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.startsWith("{\"file\":\"-\",\"findings\":[{\"detector\":\"email\""));
    }

    // Text from Korean Windows editors (CP949) and Excel's "Unicode text" (UTF-16 with a byte-order
    // mark) is read as an attachment of that kind is; a file that is none of these is an error.
    void shouldScanTextInTheEncodingsKoreanOfficesUse()
    {
        const QString text = u"성명,주민등록번호\n홍길동,900101-1234568\n"_qs;
        QStringEncoder cp949("CP949");
        const QString korean = writeFile(QStringLiteral("cp949.csv"), cp949.encode(text));
        QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
        const QString unicode = writeFile(QStringLiteral("utf16.txt"), utf16.encode(text));
        for (const QString &path : {korean, unicode}) {
            const Run run = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), path});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.out.contains("\"detector\":\"kr-rrn\""), run.out.constData());
        }
    }

    // A JSON export that escapes every Hangul character (Python's json.dumps) is read as a person
    // reading it sees it: its label names a bare number whose check digit fails (issued since
    // 2020), and offsets are into that text, as `extract` prints it. The same bytes in a .txt are
    // what they say: no label, nothing found.
    void shouldReadTheCharactersAJsonFileEscapes()
    {
        const QByteArray json = "{\"\\uc131\\uba85\": \"x\", \"\\uc8fc\\ubbfc\\ubc88\\ud638\": \"2103154827360\"}\n";
        const Run run = sendguard(
            {QStringLiteral("scan"), QStringLiteral("--json"), writeFile(QStringLiteral("export.json"), json)});
        QCOMPARE(run.exitCode, 1);
        const QByteArray shown = "{\"성명\": \"x\", \"주민번호\": \"2103154827360\"}\n";
        const qsizetype start = shown.indexOf("2103");
        QVERIFY2(run.out.contains("\"detector\":\"kr-rrn\"") &&
                     run.out.contains(QByteArray("\"start\":") + QByteArray::number(start) +
                                      ",\"end\":" + QByteArray::number(start + 13)),
                 run.out.constData());
        const Run extracted = sendguard({QStringLiteral("extract"), writeFile(QStringLiteral("export.json"), json)});
        QVERIFY2(extracted.out.contains(shown), extracted.out.constData());
        const Run text = sendguard({QStringLiteral("scan"), writeFile(QStringLiteral("export.txt"), json)});
        QCOMPARE(text.exitCode, 0);
        // Redacted as it is scanned: never printed unmasked.
        const Run redacted = sendguard({QStringLiteral("redact"), writeFile(QStringLiteral("export.json"), json)});
        QCOMPARE(redacted.exitCode, 0);
        QCOMPARE(redacted.out, QByteArray(shown).replace("2103154827360", "2103154******"));
        // A label and its number a "\n" escape apart (json.dumps with ensure_ascii=False) are found,
        // and printed masked with the escape as it was.
        const QByteArray memo = "{\"memo\": \"주민번호:\\n2103154827360\"}\n";
        const QString memoFile = writeFile(QStringLiteral("memo.json"), memo);
        QCOMPARE(sendguard({QStringLiteral("scan"), memoFile}).exitCode, 1);
        QCOMPARE(sendguard({QStringLiteral("redact"), memoFile}).out,
                 QByteArray(memo).replace("2103154827360", "2103154******"));
        // Larger than an attachment may be, it is scanned in blocks as written: the escapes it holds
        // are said, never passed over in silence (a sparse file: 65 MiB of NUL bytes cost no disk).
        QFile large(m_dir.filePath(QStringLiteral("large.json")));
        QVERIFY(large.open(QIODevice::WriteOnly) && large.resize(65 << 20) && large.seek(65 << 20) &&
                large.write(json) == json.size());
        large.close();
        const Run big = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), large.fileName()});
        QCOMPARE(big.exitCode, 3);
        QVERIFY2(big.out.contains("read in part: larger than 64 MiB, read as written"), big.out.constData());
        QCOMPARE(sendguard({QStringLiteral("scan"), writeFile(QStringLiteral("plain.json"), "{\"a\": 1}\n")}).exitCode,
                 0);
    }

    // A file with a byte damaged on the way (one cut inside a character) is read as a person reads
    // it, around the damage: what is found is printed, and the answer is "incomplete", never clean.
    void shouldScanTextAroundAFewBrokenBytes()
    {
        const QString text = u"성명,주민등록번호\n홍길동,900101-1234568\n"_qs + u"김철수,-\n"_qs.repeated(16);
        QStringEncoder cp949("CP949");
        const QByteArray damagedCp949 = cp949.encode(text) + "\xFF\n" + cp949.encode(u"비고\n"_qs);
        const QByteArray cutUtf8 = text.toUtf8() + u"비고"_qs.toUtf8().chopped(1);
        for (const QByteArray &bytes : {damagedCp949, cutUtf8}) {
            const Run file = sendguard(
                {QStringLiteral("scan"), QStringLiteral("--json"), writeFile(QStringLiteral("damaged.csv"), bytes)});
            QCOMPARE(file.exitCode, 3);
            QVERIFY2(file.out.contains("\"detector\":\"kr-rrn\""), file.out.constData());
            QVERIFY2(file.out.contains("read in part: ") && file.out.contains(" text"), file.out.constData());
            QVERIFY2(!file.out.contains("1234568") && !file.err.contains("1234568"), file.out.constData());
            const Run piped = sendguard({QStringLiteral("scan"), QStringLiteral("-")}, bytes);
            QCOMPARE(piped.exitCode, 3);
            QVERIFY2(piped.out.contains("kr-rrn"), piped.out.constData());
        }
        // Mostly broken: no text at all, as before.
        QByteArray binary;
        for (int i = 0; i < 200; ++i)
            binary += char(0x80 + (i * 37) % 128);
        const Run noise = sendguard({QStringLiteral("scan"), writeFile(QStringLiteral("noise.txt"), binary)});
        QCOMPARE(noise.exitCode, 2);
    }

    // A pipe given by its path ("/dev/stdin", "<(…)") is read once: a look at its first bytes, to
    // tell a document, would take them from the scan, which then called the text clean.
    void shouldReadAPipeGivenByItsPath()
    {
        const Run run = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), QStringLiteral("/dev/stdin")},
                                  u"주민번호 900101-1234568\n"_qs.toUtf8());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("\"detector\":\"kr-rrn\""), run.out.constData());
        // Told by its bytes, as a file is (from a review): an e-mail whose body is base64 goes to
        // the helper, UTF-16 without a byte-order mark is decoded.
        const QByteArray mail = "From: kim@example.go.kr\r\nTo: all@example.go.kr\r\nSubject: x\r\n"
                                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            u"주민번호 900101-1234568"_qs.toUtf8().toBase64() + "\r\n";
        QStringEncoder utf16(QStringConverter::Utf16LE);
        const QByteArray unmarked = utf16.encode(QStringLiteral("RRN: 900101-1234568\r\n"));
        for (const QByteArray &input : {mail, unmarked}) {
            const Run piped = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), QStringLiteral("-")}, input);
            QCOMPARE(piped.exitCode, 1);
            QVERIFY2(piped.out.contains("\"detector\":\"kr-rrn\""), piped.out.constData());
        }
        const Run file = sendguard({QStringLiteral("scan"), QStringLiteral("--json"),
                                    writeFile(QStringLiteral("unmarked-utf16.txt"), unmarked)});
        QCOMPARE(file.exitCode, 1);
        // A log with a stray NUL, valid UTF-8 and no UTF-16: scanned as it is (from the second review).
        const Run log =
            sendguard({QStringLiteral("scan"), QStringLiteral("--json"),
                       writeFile(QStringLiteral("nul.log"), u"주민등록번호 900101-1234568\n"_qs.toUtf8() + '\0')});
        QCOMPARE(log.exitCode, 1);
        // Text that only begins like a mail (no empty line after its "headers") is text.
        const Run memo =
            sendguard({QStringLiteral("scan"), QStringLiteral("--json"), QStringLiteral("-")},
                      u"Subject: 보고\nFrom: 총무과\nDate: 2024-01-01\n홍길동 900101-1234568\n"_qs.toUtf8());
        QCOMPARE(memo.exitCode, 1);
        QVERIFY2(memo.out.contains("\"detector\":\"kr-rrn\""), memo.out.constData());
    }

    void shouldPrintAReadableTable()
    {
        const QString path = writeFile(QStringLiteral("table.txt"), u"첫 줄\n연락처: 010-1234-5678\n"_qs.toUtf8());
        const Run run = sendguard({QStringLiteral("scan"), path});
        QCOMPARE(run.exitCode, 1);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QLatin1String("1 finding")), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(
                     QStringLiteral("2:6\\s+kr-phone\\s+medium\\s+0\\.95\\s+010-\\*\\*\\*\\*-5678"))),
                 qPrintable(out));
    }

    // A CSV file whose title and addresses wrap inside their quoted cells, as a spreadsheet saves
    // them: the title heads its column, in the JSON and in the table, and the table's lines are
    // the file's own, wrapped lines counted.
    void shouldReadTheQuotedCellsOfACsvFile()
    {
        QByteArray csv = "성명,주소,\"계좌\n번호\"\n";
        for (int row = 1; row <= 3; ++row)
            csv += "김민" + QByteArray::number(row) + ",\"서울 중구\n(태평로)\"," + QByteArray::number(300 + row) +
                "-123-45678" + QByteArray::number(row) + "\n";
        const QString path = writeFile(QStringLiteral("roster.csv"), csv);
        const Run json = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), path});
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(json.out.count("kr-bank-account"), 3);
        const qsizetype at = csv.indexOf("301-123");
        QVERIFY2(json.out.contains("\"start\":" + QByteArray::number(at) + ","), json.out.constData());
        const Run table = sendguard({QStringLiteral("scan"), path});
        QVERIFY2(table.out.contains(" 4:8 ") && table.out.contains(" 6:8 ") && table.out.contains(" 8:8 "),
                 table.out.constData());
        // The same text under another name is no CSV: its lines stay lines, and no title reaches.
        const Run text =
            sendguard({QStringLiteral("scan"), QStringLiteral("--json"), writeFile(QStringLiteral("roster.txt"), csv)});
        QVERIFY2(text.out.count("kr-bank-account") < 3, text.out.constData());
    }

    // A file several blocks long is scanned in blocks (bounded memory): every person on every line
    // is found, with offsets into the whole file and line numbers counted across blocks.
    void shouldScanALargeFileInBlocks()
    {
        QByteArray text;
        int people = 0;
        while (text.size() < 8 * 1024 * 1024 + 12345) { // eight blocks and more: several rounds
            ++people;
            text += QStringLiteral("%1. 홍길동 %2-1234567 비고 없음\n")
                        .arg(people)
                        .arg(QStringLiteral("9001%1").arg(1 + people % 28, 2, 10, QLatin1Char('0')))
                        .toUtf8();
            // Then stretches of prose, in short lines and long ones by turns every 700 KB: a line
            // count that went astray at a block's end, far from any finding, would show.
            const int words = (text.size() / 700'000) % 2 == 0 ? 1 : 300;
            for (int i = 0; i < (people * 37) % 200; ++i)
                text += QStringLiteral("회의 자료는 붙임과 같습니다%1\n")
                            .arg(QStringLiteral(" 참고").repeated(words))
                            .toUtf8();
        }
        const QString path = writeFile(QStringLiteral("large.txt"), text);
        const Run json = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), path});
        QCOMPARE(json.exitCode, 1);
        QVERIFY(json.out.endsWith("]}\n"));
        const QRegularExpression finding(QStringLiteral(R"re("detector":"kr-rrn".*?"start":(\d+),"end":(\d+))re"));
        int found = 0;
        for (auto it = finding.globalMatch(QString::fromUtf8(json.out)); it.hasNext(); ++found) {
            const QRegularExpressionMatch m = it.next();
            const QByteArray value =
                text.mid(m.captured(1).toLongLong(), m.captured(2).toLongLong() - m.captured(1).toLongLong());
            QVERIFY2(
                QRegularExpression(QStringLiteral("^9001\\d\\d-1234567$")).match(QString::fromUtf8(value)).hasMatch(),
                value.constData());
        }
        QCOMPARE(found, people);

        const Run table = sendguard({QStringLiteral("scan"), path});
        const QString out = QString::fromUtf8(table.out);
        QVERIFY2(out.contains(QStringLiteral("%1 findings").arg(people)), qPrintable(out.right(200)));
        // Every person on the line of their own number: "  LINE:COL  kr-rrn", LINE counted here.
        const QRegularExpression row(QStringLiteral("\n  (\\d+):\\d+ +kr-rrn"));
        int person = 0;
        qsizetype lineStart = 0;
        int line = 1;
        for (auto it = row.globalMatch(out); it.hasNext();) {
            const QByteArray lead = QByteArray::number(++person) + ". ";
            for (; !text.mid(lineStart, lead.size()).startsWith(lead); ++line)
                lineStart = text.indexOf('\n', lineStart) + 1;
            QCOMPARE(it.next().captured(1).toInt(), line);
        }
        QCOMPARE(person, people);
    }

    // Checked whole before anything is printed: a bad byte near the end is known before the first
    // finding is written, and the one line says both what was found and that it is not all.
    void shouldCheckAFileWholeBeforePrintingItsFindings()
    {
        QByteArray text;
        while (text.size() < 2 * 1024 * 1024)
            text += "주민등록번호 900101-1234567\n";
        const qsizetype bad = text.size() - 5;
        text[bad] = '\xFF';
        const QString path = writeFile(QStringLiteral("invalid.txt"), text);
        const Run run = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), path});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.out.count('\n'), 1);
        QVERIFY(run.out.startsWith("{\"file\":\"" + path.toUtf8() + "\",\"findings\":[{\"detector\":\"kr-rrn\""));
        QVERIFY2(run.out.endsWith(QStringLiteral("],\"error\":\"read in part: 1 byte is not UTF-8 text (the first at "
                                                 "byte offset %1): read without it\"}\n")
                                      .arg(bad)
                                      .toUtf8()),
                 run.out.right(200).constData());
        // Broken all through, it is no text: the error alone.
        const QString noise = writeFile(QStringLiteral("noise.txt"), QByteArray(4096, '\xFF'));
        const Run rejected = sendguard({QStringLiteral("scan"), QStringLiteral("--json"), noise});
        QCOMPARE(rejected.exitCode, 2);
        QCOMPARE(QString::fromUtf8(rejected.out),
                 QStringLiteral("{\"file\":\"%1\",\"error\":\"not valid UTF-8 at byte offset 0\"}\n").arg(noise));
    }

    void shouldRedactToStandardOutput()
    {
        const QString path = writeFile(QStringLiteral("redact.txt"), u"신청인 900101-1234567\r\n끝"_qs.toUtf8());
        const Run run = sendguard({QStringLiteral("redact"), path});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"신청인 900101-1******\r\n끝"_qs.toUtf8());
        QCOMPARE(sendguard({QStringLiteral("redact")}, QByteArray("010-1234-5678")).out, QByteArray("010-****-5678"));
    }

    void shouldRefuseBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList {QStringLiteral("scna")};
        QTest::newRow("unknown option") << QStringList {QStringLiteral("scan"), QStringLiteral("--jsn")};
        QTest::newRow("redact two files")
            << QStringList {QStringLiteral("redact"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("detectors with argument") << QStringList {QStringLiteral("detectors"), QStringLiteral("x")};
    }
    void shouldRefuseBadUsage()
    {
        QFETCH(QStringList, arguments);
        const Run run = sendguard(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void shouldHelpAndTellItsVersion_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("help") << QStringList {QStringLiteral("--help")} << QByteArray("Commands:");
        QTest::newRow("version") << QStringList {QStringLiteral("--version")} << QByteArray("sendguard 0.");
        QTest::newRow("scan help") << QStringList {QStringLiteral("scan"), QStringLiteral("--help")}
                                   << QByteArray("--json");
        QTest::newRow("redact help") << QStringList {QStringLiteral("redact"), QStringLiteral("--help")}
                                     << QByteArray("redact [--output OUT] [FILE|-]");
        QTest::newRow("detectors help") << QStringList {QStringLiteral("detectors"), QStringLiteral("-h")}
                                        << QByteArray("detectors [--json]");
        QTest::newRow("scan help-all") << QStringList {QStringLiteral("scan"), QStringLiteral("--help-all")}
                                       << QByteArray("--json");
        QTest::newRow("policy lint help-all")
            << QStringList {QStringLiteral("policy"), QStringLiteral("lint"), QStringLiteral("--help-all")}
            << QByteArray("--fragment");
    }
    void shouldHelpAndTellItsVersion()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        const Run run = sendguard(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(expected), run.out.constData());
    }

    void shouldListEveryStableDetectorId()
    {
        const Run run = sendguard({QStringLiteral("detectors")});
        QCOMPARE(run.exitCode, 0);
        for (const char *id : {"kr-rrn ", "kr-frn ", "kr-passport ", "kr-driver-license ", "kr-phone ", "credit-card ",
                               "kr-bank-account ", "email ", "kr-business-reg ", "kr-rrn-masked "})
            QVERIFY2(run.out.contains(id), id);
    }

    // Canary identifiers through every command: none may appear unmasked in anything printed.
    void shouldNeverPrintAnUnmaskedIdentifier()
    {
        const QList<std::pair<QByteArray, QByteArray>> canaries {
            {"850315-2468013", "2468013"},
            {"9104251357924", "1357924"},
            {"010-3141-5926", "3141"},
            {"4929-7031-5862-4188", "4929-7031-5862"},
            {"M72945183", "72945183"},
            {"23-19-582913-47", "582913"},
            {"국민은행 918273-64-519283", "918273-64-51"},
            {"canary.person@korea.kr", "canary.person"},
        };
        QByteArray content = u"주민등록번호 목록\n"_qs.toUtf8();
        for (const auto &canary : canaries)
            content += canary.first + "\n";
        const QString path = writeFile(QStringLiteral("canary.txt"), content);
        const QString broken = writeFile(QStringLiteral("canary-broken.txt"), content + "\xFF");
        const QList<QStringList> commands {{QStringLiteral("scan"), path},
                                           {QStringLiteral("scan"), QStringLiteral("--json"), path},
                                           {QStringLiteral("redact"), path},
                                           {QStringLiteral("scan"), QStringLiteral("--json"), broken},
                                           {QStringLiteral("redact"), broken}};
        for (const QStringList &arguments : commands) {
            const Run run = sendguard(arguments);
            QVERIFY(run.exitCode >= 0 && run.exitCode <= 3); // 3: the broken one, scanned in part
            QVERIFY(!run.out.isEmpty() || !run.err.isEmpty());
            for (const auto &canary : canaries) {
                QVERIFY2(!run.out.contains(canary.second), (arguments.join(' ') + ": " + canary.second).toUtf8());
                QVERIFY2(!run.err.contains(canary.second), (arguments.join(' ') + ": " + canary.second).toUtf8());
            }
        }
    }

    void shouldFindTheIncidentInTheBundledSample()
    {
        const Run run = sendguard({QStringLiteral("scan"), QStringLiteral("--json"),
                                   QStringLiteral(SENDGUARD_EXAMPLES "/messages/incident.txt")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("\"detector\":\"kr-rrn\""));
        QVERIFY(run.out.contains("\"masked\":\"850315-2******\""));
        QVERIFY(!run.out.contains("2345678"));
    }
};

QTEST_GUILESS_MAIN(SendGuardCliTest)
#include "sendguardclitest.moc"
