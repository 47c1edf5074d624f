// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard-bridge as a host runs it: a real process with the real plugin, spoken to through its
// standard input and output (docs/bridge-protocol.md). Its log must never hold what a message said.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString IncidentBody = QStringLiteral("신청인: 홍길동\n주민등록번호: 850315-2345678\n연락처: 010-9876-5432\n");

QJsonObject person()
{
    return {{QStringLiteral("id"), QStringLiteral("lee.jiyoung")}, {QStringLiteral("name"), QStringLiteral("이지영")}};
}

QJsonObject allStaff()
{
    return {{QStringLiteral("id"), QStringLiteral("grp:incheon-all")},
            {QStringLiteral("name"), QStringLiteral("인천광역시 전체")},
            {QStringLiteral("type"), QStringLiteral("group")},
            {QStringLiteral("memberCount"), 4812}};
}

QJsonObject message(const QJsonObject &recipient, const QString &body)
{
    return {{QStringLiteral("action"), QStringLiteral("forward")},
            {QStringLiteral("senderId"), QStringLiteral("kim.yejin")},
            {QStringLiteral("recipients"), QJsonArray {recipient}},
            {QStringLiteral("subject"), QStringLiteral("주거급여 신청서")},
            {QStringLiteral("body"), body}};
}

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray request(const QJsonValue &id, const QString &type, QJsonObject fields = {})
{
    fields.insert(QStringLiteral("protocol"), 1);
    fields.insert(QStringLiteral("id"), id);
    fields.insert(QStringLiteral("type"), type);
    return line(fields);
}

QByteArray check(const QJsonValue &id, const QJsonObject &message)
{
    return request(id, QStringLiteral("check"), {{QStringLiteral("message"), message}});
}

// Everything a test heard from one bridge: its answers, parsed, and its log.
struct Conversation
{
    QList<QJsonObject> answers;
    QByteArray log;
    int exitCode = -1;
};

// One bridge fed lines, its input then closed; it answers everything and ends.
Conversation converse(const QByteArray &lines, const QTemporaryDir &home)
{
    QProcess bridge;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    bridge.setProcessEnvironment(environment);
    bridge.start(QStringLiteral(SENDGUARD_BRIDGE), {});
    Conversation heard;
    if (!bridge.waitForStarted())
        return heard;
    bridge.write(lines);
    bridge.closeWriteChannel();
    if (!bridge.waitForFinished(120000))
        bridge.kill();
    for (const QByteArray &answer : bridge.readAllStandardOutput().split('\n')) {
        if (!answer.isEmpty())
            heard.answers.append(QJsonDocument::fromJson(answer).object());
    }
    heard.log = bridge.readAllStandardError();
    heard.exitCode = bridge.exitStatus() == QProcess::NormalExit ? bridge.exitCode() : -1;
    return heard;
}

// Nothing a message said may reach the bridge's log.
void verifyLogHoldsNoContent(const QByteArray &log)
{
    for (const char *secret : {"850315", "2345678", "9876-5432", "홍길동", "이지영", "주거급여"})
        QVERIFY2(!log.contains(secret), qPrintable(QStringLiteral("the log holds %1").arg(QString::fromUtf8(secret))));
}

} // namespace

class BridgeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("SENDGUARD_AUDIT_FILE", m_home.filePath(QStringLiteral("audit.jsonl")).toLocal8Bit());
    }

    void helloSaysWhatTheBridgeIs()
    {
        const Conversation heard = converse(request(7, QStringLiteral("hello")), m_home);
        QCOMPARE(heard.exitCode, 0);
        QCOMPARE(heard.answers.size(), 1);
        const QJsonObject hello = heard.answers.first();
        QCOMPARE(hello.value(QLatin1String("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(hello.value(QLatin1String("id")).toInt(), 7);
        QCOMPARE(hello.value(QLatin1String("protocol")).toInt(), 1);
        QCOMPARE(hello.value(QLatin1String("protocols")).toArray(), QJsonArray {1});
        QCOMPARE(hello.value(QLatin1String("plugin")).toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("sendguard"));
        QVERIFY(hello.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("check")));
        QVERIFY(hello.value(QLatin1String("maxLineBytes")).toDouble() >= 64 << 20);
    }

    void refusesWhatItCannotServe_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error"); // how the error begins
        QTest::addColumn<QJsonValue>("id");
        const QJsonObject good = message(person(), QStringLiteral("안녕하세요"));
        auto without = [&](const QString &field) {
            QJsonObject changed = good;
            changed.remove(field);
            return changed;
        };
        auto with = [&](const QString &field, const QJsonValue &value) {
            QJsonObject changed = good;
            changed.insert(field, value);
            return changed;
        };
        QTest::newRow("not JSON") << QByteArray("{\"protocol\": 1, \"id\": 1,\n") << "bad-json"
                                  << "not JSON at byte" << QJsonValue();
        QTest::newRow("not an object") << QByteArray("[1, 2]\n") << "bad-json"
                                       << "a request is a JSON object" << QJsonValue();
        QTest::newRow("no id") << line({{QStringLiteral("protocol"), 1}, {QStringLiteral("type"), "hello"}})
                               << "bad-request"
                               << "id:" << QJsonValue();
        QTest::newRow("version 2")
            << request(QStringLiteral("v"), QStringLiteral("hello")).replace("\"protocol\":1", "\"protocol\":2")
            << "unsupported-protocol"
            << "protocol: this bridge speaks version 1" << QJsonValue(QStringLiteral("v"));
        QTest::newRow("no version") << line({{QStringLiteral("id"), "v"}, {QStringLiteral("type"), "hello"}})
                                    << "unsupported-protocol"
                                    << "protocol:" << QJsonValue(QStringLiteral("v"));
        QTest::newRow("unknown type") << request(3, QStringLiteral("send")) << "unknown-type"
                                      << "type:" << QJsonValue(3);
        QTest::newRow("no message") << request(4, QStringLiteral("check")) << "bad-request"
                                    << "message:" << QJsonValue(4);
        QTest::newRow("no sender") << check(5, without(QStringLiteral("senderId"))) << "bad-request"
                                   << "message.senderId: missing" << QJsonValue(5);
        QTest::newRow("no recipient") << check(6, with(QStringLiteral("recipients"), QJsonArray {})) << "bad-request"
                                      << "message.recipients: at least one" << QJsonValue(6);
        QTest::newRow("recipient type") << check(7,
                                                 with(QStringLiteral("recipients"),
                                                      QJsonArray {QJsonObject {{QStringLiteral("id"), "a"},
                                                                               {QStringLiteral("type"), "robot"}}}))
                                        << "bad-request"
                                        << "message.recipients[0].type: expected one of" << QJsonValue(7);
        QTest::newRow("member count") << check(8,
                                               with(QStringLiteral("recipients"),
                                                    QJsonArray {QJsonObject {{QStringLiteral("id"), "a"},
                                                                             {QStringLiteral("memberCount"), 1.5}}}))
                                      << "bad-request"
                                      << "message.recipients[0].memberCount" << QJsonValue(8);
        QTest::newRow("action") << check(9, with(QStringLiteral("action"), QStringLiteral("reply-all")))
                                << "bad-request"
                                << "message.action: expected one of" << QJsonValue(9);
        QTest::newRow("body type") << check(10, with(QStringLiteral("body"), 42)) << "bad-request"
                                   << "message.body: expected a string" << QJsonValue(10);
        QTest::newRow("attachment base64")
            << check(11,
                     with(QStringLiteral("attachments"),
                          QJsonArray {QJsonObject {{QStringLiteral("name"), "a.txt"}, {QStringLiteral("data"), "%%"}}}))
            << "bad-request"
            << "message.attachments[0].data: not valid base64" << QJsonValue(11);
        QTest::newRow("attachment path and data")
            << check(12,
                     with(QStringLiteral("attachments"),
                          QJsonArray {QJsonObject {{QStringLiteral("name"), "a"},
                                                   {QStringLiteral("path"), "/a"},
                                                   {QStringLiteral("data"), ""}}}))
            << "bad-request"
            << "message.attachments[0].path: give either path or data" << QJsonValue(12);
        QTest::newRow("window id") << request(13, QStringLiteral("check"),
                                              {{QStringLiteral("message"), good}, {QStringLiteral("windowId"), -4}})
                                   << "bad-request"
                                   << "windowId:" << QJsonValue(13);
    }

    // Each refused with the code and the place, and the bridge serves the next request as before.
    void refusesWhatItCannotServe()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, code);
        QFETCH(QString, error);
        QFETCH(QJsonValue, id);
        const Conversation heard = converse(line + request(QStringLiteral("after"), QStringLiteral("hello")), m_home);
        QCOMPARE(heard.exitCode, 0);
        QCOMPARE(heard.answers.size(), 2);
        const QJsonObject refused = heard.answers.first();
        QCOMPARE(refused.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(refused.value(QLatin1String("code")).toString(), code);
        QVERIFY2(refused.value(QLatin1String("error")).toString().startsWith(error),
                 qPrintable(refused.value(QLatin1String("error")).toString()));
        QCOMPARE(refused.value(QLatin1String("id")), id.isUndefined() ? QJsonValue(QJsonValue::Null) : id);
        if (code == QLatin1String("unsupported-protocol"))
            QCOMPARE(refused.value(QLatin1String("protocols")).toArray(), QJsonArray {1});
        QCOMPARE(heard.answers.last().value(QLatin1String("type")).toString(), QStringLiteral("hello"));
        verifyLogHoldsNoContent(heard.log);
    }

    // One answer per request, in order, each with its id; the policy allows a number to one person.
    void answersEveryRequestInOrder()
    {
        QByteArray lines;
        for (int i = 0; i < 5; ++i)
            lines += check(QStringLiteral("m-%1").arg(i), message(person(), IncidentBody));
        const Conversation heard = converse(lines, m_home);
        QCOMPARE(heard.exitCode, 0);
        QCOMPARE(heard.answers.size(), 5);
        for (int i = 0; i < 5; ++i) {
            const QJsonObject decision = heard.answers[i];
            QCOMPARE(decision.value(QLatin1String("id")).toString(), QStringLiteral("m-%1").arg(i));
            QCOMPARE(decision.value(QLatin1String("type")).toString(), QStringLiteral("decision"));
            QCOMPARE(decision.value(QLatin1String("action")).toString(), QStringLiteral("send"));
            QCOMPARE(decision.value(QLatin1String("verdict")).toString(), QStringLiteral("allow"));
            QVERIFY(!decision.contains(QLatin1String("message"))); // send it as written
        }
        verifyLogHoldsNoContent(heard.log);
    }

    // An attachment of 24 MB in the line itself, and a line past the limit: refused as too large,
    // and the bridge goes on.
    void largeAttachments()
    {
        QByteArray roster = "번호,이름,연락처\n";
        for (int row = 0; roster.size() < 24 << 20; ++row)
            roster += QByteArray::number(row) + ",이름" + QByteArray::number(row % 97) + ",02-123-" +
                QByteArray::number(1000 + row % 9000) + '\n';
        QJsonObject withRoster = message(person(), QStringLiteral("명단 첨부"));
        withRoster.insert(QStringLiteral("attachments"),
                          QJsonArray {QJsonObject {{QStringLiteral("name"), "roster.csv"},
                                                   {QStringLiteral("data"), QString::fromLatin1(roster.toBase64())}}});
        QByteArray tooLong = check(QStringLiteral("huge"), message(person(), QString()));
        tooLong.insert(tooLong.indexOf("\"body\":\"") + 8, QByteArray((128 << 20) + 1, 'a'));
        const Conversation heard = converse(
            check(QStringLiteral("roster"), withRoster) + tooLong + request(9, QStringLiteral("hello")), m_home);
        QCOMPARE(heard.exitCode, 0);
        QCOMPARE(heard.answers.size(), 3);
        QCOMPARE(heard.answers[0].value(QLatin1String("id")).toString(), QStringLiteral("roster"));
        QCOMPARE(heard.answers[0].value(QLatin1String("action")).toString(), QStringLiteral("send"));
        QCOMPARE(heard.answers[1].value(QLatin1String("code")).toString(), QStringLiteral("too-large"));
        QCOMPARE(heard.answers[1].value(QLatin1String("id")), QJsonValue(QJsonValue::Null));
        QCOMPARE(heard.answers[2].value(QLatin1String("type")).toString(), QStringLiteral("hello"));
    }

    // A host that writes request after request while the dialog is open: the bridge takes no more
    // than a couple of lines ahead, and the rest waits in the host's pipe, not in the bridge.
    void holdsBackAHostThatWritesAhead()
    {
        QProcess bridge;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        bridge.setProcessEnvironment(environment);
        bridge.start(QStringLiteral(SENDGUARD_BRIDGE), {});
        QVERIFY(bridge.waitForStarted());
        bridge.write(check(QStringLiteral("incident"), message(allStaff(), IncidentBody))); // the dialog opens
        const QString padding(1 << 20, QLatin1Char('a'));
        constexpr qint64 Lines = 12;
        for (int i = 0; i < Lines; ++i)
            bridge.write(request(i, QStringLiteral("hello"), {{QStringLiteral("padding"), padding}}));
        QTest::qWait(3000);
        // Taken by the bridge at most: the check, two lines waiting, one being read, a pipe's worth.
        QVERIFY2(bridge.bytesToWrite() > (Lines - 5) << 20,
                 qPrintable(QStringLiteral("the bridge took all but %1 bytes").arg(bridge.bytesToWrite())));
        QCOMPARE(bridge.state(), QProcess::Running);
        bridge.kill();
        bridge.waitForFinished();
    }

    // The host dies while the dialog for the incident is open: the bridge closes it and ends, at
    // once and cleanly, and writes nothing of the message anywhere.
    void survivesTheHostDyingMidRequest()
    {
        // The host is a real process that starts the bridge, asks, and is killed. The bridge's log
        // goes to a file: its host's pipes die with the host.
        const QByteArray host = "import os, signal, subprocess, sys, time\n"
                                "bridge = subprocess.Popen([sys.argv[1]], stdin=subprocess.PIPE,\n"
                                "    stdout=subprocess.PIPE, stderr=open(sys.argv[2], 'wb'))\n"
                                "print(bridge.pid, flush=True)\n"
                                "bridge.stdin.write(sys.stdin.buffer.read())\n"
                                "bridge.stdin.flush()\n"
                                "time.sleep(2)\n"
                                "os.kill(os.getpid(), signal.SIGKILL)\n";
        const QString logPath = m_home.filePath(QStringLiteral("bridge-of-a-dead-host.log"));
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"), QString::fromLatin1(host), QStringLiteral(SENDGUARD_BRIDGE), logPath});
        QVERIFY(python.waitForStarted());
        python.write(check(QStringLiteral("incident"), message(allStaff(), IncidentBody)));
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitStatus(), QProcess::CrashExit); // killed, as a host that dies
        const qint64 pid = python.readAllStandardOutput().trimmed().toLongLong();
        QVERIFY(pid > 0);
        // The orphaned bridge ends by itself (nobody here waits for it: a zombie has ended too).
        const auto ended = [pid] {
            QFile status(QStringLiteral("/proc/%1/stat").arg(pid));
            return !status.open(QIODevice::ReadOnly) || status.readAll().contains(") Z ");
        };
        QTRY_VERIFY_WITH_TIMEOUT(ended(), 10000);
        QFile logFile(logPath);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QByteArray log = logFile.readAll();
        // It saw the host go, and closed the dialog: the check ended as cancelled.
        QVERIFY2(log.contains("sendguard-bridge: the host is gone"), log.constData());
        QVERIFY2(log.contains("check \"incident\": cancel, justify"), log.constData());
        verifyLogHoldsNoContent(log);
    }

    // docs/examples/bridgeclient.py, as written there, against the real bridge.
    void theDocumentedClientWorks()
    {
        const QString file = m_home.filePath(QStringLiteral("message.json"));
        QFile json(file);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(message(person(), QStringLiteral("회의는 10시입니다"))).toJson());
        json.close();
        QProcess client;
        client.start(QStringLiteral("python3"),
                     {QStringLiteral(SENDGUARD_BRIDGE_CLIENT), QStringLiteral(SENDGUARD_BRIDGE), file});
        QVERIFY(client.waitForFinished(60000));
        QCOMPARE(client.exitCode(), 0);
        QCOMPARE(client.readAllStandardOutput().trimmed(), QByteArray("send allow (as written)"));
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(BridgeTest)
#include "bridgetest.moc"
