// SPDX-License-Identifier: GPL-2.0-or-later
// `sendguard check` and `sendguard policy`, the real binary on the shipped examples and on broken input.
#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using SendGuard::Tests::CliRun;
using SendGuard::Tests::runSendGuard;

namespace {

QString example(const QString &name)
{
    return QStringLiteral(SENDGUARD_EXAMPLES "/messages/") + name;
}

QJsonObject json(const CliRun &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", run.out.constData());
    return document.object();
}

} // namespace

class SendGuardCheckTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        return SendGuard::Tests::writeTestFile(m_dir.path(), name, content);
    }

private Q_SLOTS:
    // Issue 3's examples: each message, its verdict and the exit code docs/architecture.md gives it.
    void shouldDecideEachExampleMessage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("the incident: forward to 인천광역시 전체") << "incident.json"
                                                                  << "justify" << 11;
        QTest::newRow("the same to the intended office") << "incident-intended-office.json"
                                                         << "allow" << 0;
        QTest::newRow("an all-staff notice, no personal data") << "all-staff-notice.json"
                                                               << "allow" << 0;
        QTest::newRow("a masked RRN to all staff") << "masked-rrn-to-all-staff.json"
                                                   << "allow" << 0;
        QTest::newRow("a roster of 12 RRNs to all staff") << "roster-to-all-staff.json"
                                                          << "block" << 12;
        QTest::newRow("a hand-picked list of 60") << "hand-picked-60.json"
                                                  << "justify" << 11;
        QTest::newRow("\"전 직원\" of unknown size") << "unknown-size-all-staff.json"
                                                     << "justify" << 11;
    }

    void shouldDecideEachExampleMessage()
    {
        QFETCH(QString, file);
        QFETCH(QString, verdict);
        QFETCH(int, exitCode);
        const CliRun jsonRun = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), example(file)});
        QCOMPARE(jsonRun.exitCode, exitCode);
        QCOMPARE(json(jsonRun).value(QStringLiteral("verdict")).toString(), verdict);
        const CliRun readable =
            runSendGuard({QStringLiteral("check"), QStringLiteral("--lang"), QStringLiteral("en"), example(file)});
        QCOMPARE(readable.exitCode, exitCode);
        QVERIFY2(readable.out.contains(": " + verdict.toUpper().toUtf8()), readable.out.constData());
    }

    void shouldExplainTheIncidentInJson()
    {
        const CliRun run =
            runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), example(QStringLiteral("incident.json"))});
        const QJsonObject o = json(run);
        // The contract's keys, in the contract's order.
        const QStringList keys {"\"verdict\"",    "\"rules\"",    "\"reasons\"", "\"findings\"",
                                "\"recipients\"", "\"audience\"", "\"policy\""};
        qsizetype last = -1;
        for (const QString &key : keys) {
            const qsizetype at = run.out.indexOf(key.toUtf8());
            QVERIFY2(at > last, qPrintable(key));
            last = at;
        }
        QCOMPARE(o.value(QStringLiteral("rules")).toArray(), QJsonArray({"identifier-to-broadcast"}));
        const QJsonObject reason = o.value(QStringLiteral("reasons")).toArray().at(0).toObject();
        QVERIFY(reason.value(QStringLiteral("ko")).toString().contains(QStringLiteral("주민등록번호")));
        QVERIFY(reason.value(QStringLiteral("en")).toString().contains(QStringLiteral("registration")));
        const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
        const QJsonObject rrn = findings.at(0).toObject();
        QCOMPARE(rrn.value(QStringLiteral("detector")).toString(), QStringLiteral("kr-rrn"));
        QCOMPARE(rrn.value(QStringLiteral("masked")).toString(), QStringLiteral("850315-2******"));
        QCOMPARE(rrn.value(QStringLiteral("field")).toString(), QStringLiteral("body"));
        const QJsonObject group = o.value(QStringLiteral("recipients")).toArray().at(0).toObject();
        QCOMPARE(group.value(QStringLiteral("id")).toString(), QStringLiteral("grp:incheon-all"));
        QCOMPARE(group.value(QStringLiteral("broadcast")).toBool(), true);
        QCOMPARE(group.value(QStringLiteral("external")).toBool(), false);
        QCOMPARE(group.value(QStringLiteral("audience")).toInt(), 4812);
        QVERIFY(group.value(QStringLiteral("why")).toArray().contains(QStringLiteral("member-threshold")));
        const QJsonObject audience = o.value(QStringLiteral("audience")).toObject();
        QCOMPARE(audience.value(QStringLiteral("total")).toInt(), 4812);
        QCOMPARE(audience.value(QStringLiteral("original")).toInt(), 1);
        const QJsonObject policy = o.value(QStringLiteral("policy")).toObject();
        QCOMPARE(policy.value(QStringLiteral("id")).toString(), QStringLiteral("sendguard-default"));
        QCOMPARE(policy.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(!run.out.contains("2345678")); // the RRN's hidden part
    }

    void shouldReportUnknownSizesAsUnknown()
    {
        const CliRun run = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"),
                                         example(QStringLiteral("unknown-size-all-staff.json"))});
        const QJsonObject o = json(run);
        QVERIFY(o.value(QStringLiteral("audience")).toObject().value(QStringLiteral("total")).isNull());
        QVERIFY(o.value(QStringLiteral("recipients"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("audience"))
                    .isNull());
        const CliRun readable =
            runSendGuard({QStringLiteral("check"), example(QStringLiteral("unknown-size-all-staff.json"))});
        QVERIFY(readable.out.contains("unknown"));
    }

    void shouldScanPlainTextAttachmentsAndListTheOthers()
    {
        writeFile(QStringLiteral("list.csv"), "이름,주민등록번호\n가,850315-2345678\n");
        writeFile(QStringLiteral("form.docx"), QByteArray("PK\x03\x04", 4));
        const QString message =
            writeFile(QStringLiteral("with-attachments.json"),
                      R"({"action":"send","sender":{"id":"a"},"recipients":[{"id":"b","type":"person"}],"body":"첨부",
                "attachments":[{"name":"명단.csv","path":"list.csv"},{"name":"신청서.docx","path":"form.docx"}]})");
        const CliRun run = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), message});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = json(run);
        QCOMPARE(
            o.value(QStringLiteral("findings")).toArray().at(0).toObject().value(QStringLiteral("field")).toString(),
            QStringLiteral("attachment:명단.csv"));
        const QJsonObject skipped = o.value(QStringLiteral("notScanned")).toArray().at(0).toObject();
        QCOMPARE(skipped.value(QStringLiteral("attachment")).toString(), QStringLiteral("신청서.docx"));
        const CliRun readable = runSendGuard({QStringLiteral("check"), message});
        QVERIFY(readable.out.contains(u"Not scanned: 신청서.docx"_qs.toUtf8()));
    }

    void shouldNeverAllowWhatItCouldNotReadToABroadcastAudience()
    {
        // The plugin's contract: unread attachments to a broadcast audience ask; the CLI exits 3.
        writeFile(QStringLiteral("form.docx"), QByteArray("PK\x03\x04", 4));
        const QByteArray head = "{\"action\":\"send\",\"sender\":{\"id\":\"a\"},\"recipients\":[";
        const QByteArray tail =
            "],\"body\":\"첨부 참고\",\"attachments\":[{\"name\":\"신청서.docx\",\"path\":\"form.docx\"}]}";
        const QString toAll = writeFile(QStringLiteral("unread-to-all.json"),
                                        head + "{\"id\":\"grp:all\",\"type\":\"group\",\"memberCount\":4812}" + tail);
        const CliRun all = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), toAll});
        QCOMPARE(all.exitCode, 3);
        QVERIFY2(all.err.contains("could not check attachments going to a broadcast audience: 신청서.docx"),
                 all.err.constData());
        // The JSON says what the exit status says, never "allow".
        QCOMPARE(json(all).value(QStringLiteral("verdict")).toString(), QStringLiteral("unchecked"));
        const CliRun readableAll = runSendGuard({QStringLiteral("check"), toAll});
        QCOMPARE(readableAll.exitCode, 3);
        QVERIFY2(readableAll.output().contains(QStringLiteral(": UNCHECKED (")), readableAll.out.constData());
        QVERIFY(!readableAll.output().contains(QStringLiteral("sent without a dialog")));
        const QString toOne =
            writeFile(QStringLiteral("unread-to-one.json"), head + "{\"id\":\"b\",\"type\":\"person\"}" + tail);
        const CliRun one = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), toOne});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(json(one).value(QStringLiteral("verdict")).toString(), QStringLiteral("allow"));

        // A UTF-16 roster without a byte-order mark is read, not waved through as empty UTF-8.
        QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::Stateless);
        writeFile(QStringLiteral("roster.csv"),
                  utf16(QStringLiteral("성명,주민등록번호\r\n홍길순,850315-2345678\r\n")));
        const QString roster =
            writeFile(QStringLiteral("utf16-roster.json"),
                      head + "{\"id\":\"grp:all\",\"type\":\"group\",\"memberCount\":4812}" +
                          "],\"body\":\"명단\",\"attachments\":[{\"name\":\"명단.csv\",\"path\":\"roster.csv\"}]}");
        const CliRun read = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), roster});
        QCOMPARE(read.exitCode, 11);
        QVERIFY(read.out.contains("\"field\":\"attachment:명단.csv\""));
    }

    void shouldEchoPercentSignsAsTheyAre()
    {
        // Ids and file names are echoed once, never run through QString::arg() again: "%1" stays "%1".
        const QString message = writeFile(
            QStringLiteral("percent%1.json"),
            "{\"action\":\"send\",\"sender\":{\"id\":\"a\"},\"recipients\":["
            "{\"id\":\"grp:all%1\",\"type\":\"group\",\"memberCount\":60},{\"id\":\"%2team\",\"type\":\"person\"}],"
            "\"body\":\"주민등록번호 850315-2345678\"}");
        const CliRun run = runSendGuard({QStringLiteral("check"), QStringLiteral("--json"), message});
        QCOMPARE(run.exitCode, 11);
        const QJsonArray recipients = json(run).value(QStringLiteral("recipients")).toArray();
        QCOMPARE(recipients.size(), 2);
        QCOMPARE(recipients.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("grp:all%1"));
        QCOMPARE(recipients.at(1).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("%2team"));
        QVERIFY(json(run).value(QStringLiteral("exemptions")).isArray());

        const CliRun readable = runSendGuard({QStringLiteral("check"), message});
        QVERIFY2(readable.out.contains("grp:all%1 "), readable.out.constData());

        const QString bad = writeFile(QStringLiteral("bad%1.json"), "{\"action\":\"send\",\n}");
        const CliRun rejected = runSendGuard({QStringLiteral("check"), bad});
        QCOMPARE(rejected.exitCode, 2);
        QVERIFY2(rejected.err.contains("bad%1.json:2:1: error: "), rejected.err.constData());
        QVERIFY2(rejected.err.contains("bad%1.json: not a valid message (1 error)"), rejected.err.constData());
    }

    void shouldRejectBadInputNamingTheFieldLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("recipient without id")
            << QByteArray("{\"action\":\"send\",\"sender\":{\"id\":\"a\"},\n\"recipients\":[{\"type\":\"person\"}]}")
            << QByteArray(":2:15: error: recipients[0].id: missing required field");
        QTest::newRow("invalid JSON") << QByteArray("{\"action\":\"send\",\n}") << QByteArray(":2:1: error: ");
        QTest::newRow("missing attachment")
            << QByteArray(
                   R"({"action":"send","sender":{"id":"a"},"recipients":[],"attachments":[{"name":"a.txt","path":"gone.txt"}]})")
            << QByteArray("attachment a.txt: cannot read");
    }

    void shouldRejectBadInputNamingTheFieldLineAndColumn()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, expected);
        const QString path = writeFile(QStringLiteral("bad.json"), content);
        const CliRun run = runSendGuard({QStringLiteral("check"), path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void shouldRefuseBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no message") << QStringList {"check"};
        QTest::newRow("two messages") << QStringList {"check", "a.json", "b.json"};
        QTest::newRow("bad date") << QStringList {"check", "--date", "26.11.2026", "a.json"};
        QTest::newRow("policy without subcommand") << QStringList {"policy"};
        QTest::newRow("unknown policy subcommand") << QStringList {"policy", "lnt"};
        QTest::newRow("lint without files") << QStringList {"policy", "lint"};
        QTest::newRow("show with an argument") << QStringList {"policy", "show", "x.json"};
    }

    void shouldRefuseBadUsage()
    {
        QFETCH(QStringList, arguments);
        const CliRun run = runSendGuard(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void shouldUseThePolicyGiven()
    {
        // A stricter organisation: any RRN to anyone outside the organisation is blocked.
        const QString policy = writeFile(QStringLiteral("strict.json"), R"({"id":"strict","version":7,
            "audience":{"memberThreshold":50,"audienceThreshold":50,"organisationDomains":["incheon.go.kr"]},
            "rules":[{"id":"rrn-outside","detectors":["kr-rrn"],"audience":"external","verdict":"block",
                      "reason":{"ko":"외부 전송 금지","en":"Not outside"}}]})");
        const QString message = writeFile(
            QStringLiteral("outside.json"),
            u"{\"action\":\"send\",\"sender\":{\"id\":\"a\"},\"recipients\":[{\"id\":\"kim@gmail.com\",\"type\":\"person\"}],\"body\":\"주민등록번호 850315-2345678\"}"_qs
                .toUtf8());
        const CliRun run = runSendGuard(
            {QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--policy"), policy, message});
        QCOMPARE(run.exitCode, 12);
        const QJsonObject o = json(run);
        QCOMPARE(o.value(QStringLiteral("policy")).toObject().value(QStringLiteral("version")).toInt(), 7);
        QCOMPARE(
            o.value(QStringLiteral("recipients")).toArray().at(0).toObject().value(QStringLiteral("external")).toBool(),
            true);
        // The built-in policy has no rule for outside addresses.
        QCOMPARE(runSendGuard({QStringLiteral("check"), message}).exitCode, 0);
    }

    void shouldRefuseToCheckWithABrokenPolicy()
    {
        const QString policy = writeFile(QStringLiteral("broken.json"), "{\"id\": \"x\",\n \"version\": 0}");
        const CliRun run = runSendGuard(
            {QStringLiteral("check"), QStringLiteral("--policy"), policy, example(QStringLiteral("incident.json"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("broken.json:2:13: error: version: must be between 1 and"), run.err.constData());
    }

    void shouldLintPolicyFiles()
    {
        const CliRun clean = runSendGuard({QStringLiteral("policy"), QStringLiteral("lint"),
                                           QStringLiteral(SENDGUARD_RESOURCES "/default-policy.json")});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(clean.out.endsWith("default-policy.json: ok\n"));

        const QString broken =
            writeFile(QStringLiteral("lint-broken.json"),
                      "{\"id\": \"x\", \"version\": 1,\n"
                      " \"audience\": {\"memberThreshold\": 50, \"audienceThreshold\": 50},\n"
                      " \"rules\": [{\"id\": \"r\", \"severity\": \"high\", \"audience\": \"broadcast\",\n"
                      "   \"verdict\": \"deny\", \"reason\": {\"ko\": \"가\", \"en\": \"a\"}}],\n"
                      " \"exemptions\": [{\"id\": \"e\", \"sender\": \"kim\", \"detectors\": [\"kr-rrn\"],\n"
                      "   \"recipients\": [\"grp:hr\"], \"reason\": \"x\"}]}\n");
        const QString warned =
            writeFile(QStringLiteral("lint-warned.json"),
                      "{\"id\": \"x\", \"version\": 1, \"colour\": \"red\",\n"
                      " \"audience\": {\"memberThreshold\": 50, \"audienceThreshold\": 50}, \"rules\": []}\n");
        const CliRun run = runSendGuard({QStringLiteral("policy"), QStringLiteral("lint"), broken, warned});
        QCOMPARE(run.exitCode, 1);
        const QByteArrayList lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY2(
            lines[0].endsWith("lint-broken.json:4:15: error: rules[0].verdict: \"deny\" is not one of: allow, warn, "
                              "justify, block"),
            lines[0].constData());
        QVERIFY2(lines[1].endsWith("lint-broken.json:5:17: error: exemptions[0].expires: an exemption must carry an "
                                   "expiry date (YYYY-MM-DD)"),
                 lines[1].constData());
        QVERIFY2(lines[2].endsWith("lint-warned.json:1:27: warning: colour: unknown field (misspelt?), ignored"),
                 lines[2].constData());
        QVERIFY2(lines[3].contains("lint-warned.json:2:") && lines[3].contains("warning: rules: no rules"),
                 lines[3].constData());
        QCOMPARE(runSendGuard(
                     {QStringLiteral("policy"), QStringLiteral("lint"), m_dir.filePath(QStringLiteral("none.json"))})
                     .exitCode,
                 1);
    }

    void shouldLintManagedFilesAsFragments()
    {
        const QString example = QStringLiteral(SENDGUARD_RESOURCES "/managed-policy.example.json");
        // Not a whole policy: plain lint misses what the built-in policy supplies.
        QCOMPARE(runSendGuard({QStringLiteral("policy"), QStringLiteral("lint"), example}).exitCode, 1);
        const CliRun fragment =
            runSendGuard({QStringLiteral("policy"), QStringLiteral("lint"), QStringLiteral("--fragment"), example});
        QCOMPARE(fragment.exitCode, 0);
        QVERIFY(fragment.out.endsWith("managed-policy.example.json: ok\n"));

        const QString broken =
            writeFile(QStringLiteral("10-broken.json"), "{\n  \"audience\": {\"memberThreshold\": 1}\n}\n");
        const CliRun run =
            runSendGuard({QStringLiteral("policy"), QStringLiteral("lint"), QStringLiteral("--fragment"), broken});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("10-broken.json:2:35: error: audience.memberThreshold: must be between 2 and"),
                 run.out.constData());
    }

    // What `policy show` prints is a policy again: lint accepts it and check decides the same with it.
    void shouldShowTheEffectivePolicy()
    {
        const CliRun show = runSendGuard({QStringLiteral("policy"), QStringLiteral("show")});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(show.out).object();
        QCOMPARE(o.value(QStringLiteral("failureMode")).toString(), QStringLiteral("confirm")); // defaults spelt out
        QCOMPARE(o.value(QStringLiteral("justification")).toObject().value(QStringLiteral("minLength")).toInt(), 10);
        const QString shown = writeFile(QStringLiteral("shown.json"), show.out);
        QCOMPARE(runSendGuard({QStringLiteral("policy"), QStringLiteral("lint"), shown}).exitCode, 0);
        QCOMPARE(runSendGuard({QStringLiteral("check"), QStringLiteral("--policy"), shown,
                               example(QStringLiteral("roster-to-all-staff.json"))})
                     .exitCode,
                 12);
        const CliRun schema = runSendGuard({QStringLiteral("policy"), QStringLiteral("schema")});
        QCOMPARE(schema.exitCode, 0);
        QVERIFY(schema.out.contains("https://json-schema.org/draft/2020-12/schema"));
    }

    // Canary identifiers in every part of a message, through every path of `check`: none may
    // appear unmasked in anything printed, errors included.
    void shouldNeverPrintAnUnmaskedIdentifier()
    {
        const QList<QByteArray> secrets {"2468013",        "1357924",  "3141-5926",
                                         "4929-7031-5862", "72945183", "canary.person"};
        const QByteArray canaries = "850315-2468013 9104251357924 010-3141-5926 4929-7031-5862-4188 여권 M72945183 "
                                    "canary.person@korea.kr";
        writeFile(QStringLiteral("canary.csv"), "번호\n" + canaries + "\n");
        const QByteArray message = "{\"action\":\"forward\",\"sender\":{\"id\":\"a\"},\"recipients\":[{\"id\":\"g\","
                                   "\"name\":\"전체\",\"type\":\"group\",\"memberCount\":900}],\"subject\":\"" +
            canaries + "\",\"body\":\"" + canaries +
            "\",\"attachments\":[{\"name\":\"c.csv\",\"path\":\"canary.csv\"}]}";
        const QString good = writeFile(QStringLiteral("canary.json"), message);
        const QString broken = writeFile(QStringLiteral("canary-broken.json"), message.chopped(1));
        QByteArray wrongType = message;
        wrongType.replace("\"action\":\"forward\"", "\"action\":\"" + canaries + "\"");
        const QString badAction = writeFile(QStringLiteral("canary-action.json"), wrongType);
        const QList<QStringList> commands {
            {"check", good},
            {"check", "--json", good},
            {"check", "--lang", "ko", good},
            {"check", broken},
            {"check", "--json", broken},
            {"check", badAction},
            {"check", "--json", badAction},
        };
        for (const QStringList &arguments : commands) {
            const CliRun run = runSendGuard(arguments);
            QVERIFY(run.exitCode >= 0);
            QVERIFY(!run.out.isEmpty() || !run.err.isEmpty());
            for (const QByteArray &secret : secrets) {
                QVERIFY2(!run.out.contains(secret), (arguments.join(' ') + ": " + secret).toUtf8());
                QVERIFY2(!run.err.contains(secret), (arguments.join(' ') + ": " + secret).toUtf8());
            }
        }
    }
};

QTEST_GUILESS_MAIN(SendGuardCheckTest)
#include "sendguardchecktest.moc"
