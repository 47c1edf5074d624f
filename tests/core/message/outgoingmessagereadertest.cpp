// SPDX-License-Identifier: GPL-2.0-or-later
#include "message/outgoingmessagereader.h"

#include <QFile>
#include <QTest>

using namespace SendGuard::Core;

namespace {

OutgoingMessageReader::Result read(const QByteArray &json)
{
    return OutgoingMessageReader::read({json.constData(), std::size_t(json.size())});
}

// A valid message, one field per line so a test can break one line and know where the error is.
const QByteArray validMessage =
    "{\n"
    "  \"action\": \"forward\",\n" // line 2
    "  \"sender\": {\"id\": \"kim.yejin\", \"department\": \"청라3동\"},\n" // 3
    "  \"recipients\": [\n" // 4
    "    {\"id\": \"grp:all\", \"name\": \"전체\", \"type\": \"group\", \"memberCount\": 4812},\n" // 5
    "    {\"id\": \"lee\", \"type\": \"person\"}\n" // 6
    "  ],\n"
    "  \"originalRecipients\": [{\"id\": \"park\", \"type\": \"person\"}],\n" // 8
    "  \"subject\": \"제목\",\n" // 9
    "  \"body\": \"본문\",\n" // 10
    "  \"attachments\": [{\"name\": \"a.csv\", \"path\": \"attachments/a.csv\"}],\n" // 11
    "  \"futureField\": {\"ignored\": true}\n"
    "}\n";

} // namespace

class OutgoingMessageReaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadEveryField()
    {
        const auto result = read(validMessage);
        QVERIFY(result.errors.empty());
        QVERIFY(result.message);
        const OutgoingMessage &m = *result.message;
        QCOMPARE(m.action, MessageAction::Forward);
        QCOMPARE(m.sender.id, QStringLiteral("kim.yejin"));
        QCOMPARE(m.sender.department, QStringLiteral("청라3동"));
        QCOMPARE(m.recipients.size(), std::size_t(2));
        QCOMPARE(m.recipients[0].type, RecipientType::Group);
        QCOMPARE(m.recipients[0].memberCount, std::optional<qint64>(4812));
        QCOMPARE(m.recipients[0].name, QStringLiteral("전체"));
        QCOMPARE(m.recipients[1].memberCount, std::nullopt); // unknown, not zero
        QCOMPARE(m.originalRecipients.size(), std::size_t(1));
        QCOMPARE(m.subject, QStringLiteral("제목"));
        QCOMPARE(m.body, QStringLiteral("본문"));
        QCOMPARE(m.attachments.size(), std::size_t(1));
        QCOMPARE(m.attachments[0].path, QStringLiteral("attachments/a.csv"));
    }

    void shouldReadEveryActionAndType_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("type");
        QTest::newRow("send/person") << "send"
                                     << "person";
        QTest::newRow("reply/group") << "reply"
                                     << "group";
        QTest::newRow("reply-all/broadcast") << "reply-all"
                                             << "broadcast";
        QTest::newRow("forward/channel") << "forward"
                                         << "channel";
        QTest::newRow("send/external") << "send"
                                       << "external";
    }

    void shouldReadEveryActionAndType()
    {
        QFETCH(QString, action);
        QFETCH(QString, type);
        const QByteArray json =
            QStringLiteral(R"({"action":"%1","sender":{"id":"a"},"recipients":[{"id":"b","type":"%2"}]})")
                .arg(action, type)
                .toUtf8();
        const auto result = read(json);
        QVERIFY(result.message);
        QCOMPARE(messageActionName(result.message->action), action);
        QCOMPARE(recipientTypeName(result.message->recipients[0].type), type);
        QVERIFY(result.message->subject.isEmpty());
        QVERIFY(result.message->originalRecipients.empty());
    }

    // Each row breaks one thing in validMessage: the error names the field, its line and column,
    // and no message comes back.
    void shouldNameTheBadFieldAndWhereItIs_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown action") << QByteArray("\"forward\"") << QByteArray("\"fwd\"") << "action" << 2 << 13
                                        << "not one of";
        QTest::newRow("action of wrong type")
            << QByteArray("\"forward\"") << QByteArray("3") << "action" << 2 << 13 << "expected string, found number";
        QTest::newRow("missing action") << QByteArray("\"action\": \"forward\",") << QByteArray() << "action" << 1 << 1
                                        << "missing required field";
        QTest::newRow("sender not an object") << QByteArray("{\"id\": \"kim.yejin\", \"department\": \"청라3동\"}")
                                              << QByteArray("\"kim\"") << "sender" << 3 << 13 << "expected object";
        QTest::newRow("recipient without id") << QByteArray("{\"id\": \"lee\", ") << QByteArray("{")
                                              << "recipients[1].id" << 6 << 5 << "missing required field";
        QTest::newRow("empty recipient id") << QByteArray("\"id\": \"lee\"") << QByteArray("\"id\": \" \"")
                                            << "recipients[1].id" << 6 << 12 << "must not be empty";
        QTest::newRow("member count as text") << QByteArray("4812") << QByteArray("\"4812\"")
                                              << "recipients[0].memberCount" << 5 << 69 << "expected number";
        QTest::newRow("negative member count")
            << QByteArray("4812") << QByteArray("-1") << "recipients[0].memberCount" << 5 << 69 << "between";
        QTest::newRow("fractional member count")
            << QByteArray("4812") << QByteArray("48.5") << "recipients[0].memberCount" << 5 << 69 << "whole number";
        QTest::newRow("unknown recipient type") << QByteArray("\"person\"}\n  ]") << QByteArray("\"robot\"}\n  ]")
                                                << "recipients[1].type" << 6 << 27 << "not one of";
        QTest::newRow("recipients not a list")
            << QByteArray("\"recipients\": [") << QByteArray("\"recipients\": \"all\", \"unused\": [") << "recipients"
            << 4 << 17 << "expected array, found string";
        QTest::newRow("original recipient not an object")
            << QByteArray("[{\"id\": \"park\", \"type\": \"person\"}]") << QByteArray("[\"park\"]")
            << "originalRecipients[0]" << 8 << 26 << "expected object";
        QTest::newRow("subject of wrong type")
            << QByteArray("\"제목\"") << QByteArray("[]") << "subject" << 9 << 14 << "expected string, found array";
        QTest::newRow("attachment without path") << QByteArray(", \"path\": \"attachments/a.csv\"") << QByteArray()
                                                 << "attachments[0].path" << 11 << 19 << "missing required field";
    }

    void shouldNameTheBadFieldAndWhereItIs()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, field);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        QByteArray json = validMessage;
        QVERIFY2(json.contains(from), from.constData());
        json.replace(json.indexOf(from), from.size(), to);
        const auto result = read(json);
        QVERIFY(!result.message);
        QVERIFY(!result.errors.empty());
        const JsonDiagnostic &error = result.errors.front();
        QCOMPARE(error.field, field);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QCOMPARE(error.position.line, line);
        QCOMPARE(error.position.column, column);
    }

    void shouldReportEveryErrorAtOnce()
    {
        const auto result = read(R"({"action": 1, "sender": {}, "recipients": [{"type": "person"}]})");
        QVERIFY(!result.message);
        QStringList fields;
        for (const JsonDiagnostic &e : result.errors)
            fields << e.field;
        QCOMPARE(fields, QStringList({"action", "sender.id", "recipients[0].id"}));
    }

    void shouldRejectWhatIsNotAMessage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid JSON") << QByteArray("{\"action\": ") << "unexpected end";
        QTest::newRow("array") << QByteArray("[]") << "expected a message object, found array";
        QTest::newRow("invalid UTF-8") << QByteArray("{\"body\": \"\xFF\"}") << "invalid UTF-8";
    }

    void shouldRejectWhatIsNotAMessage()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto result = read(json);
        QVERIFY(!result.message);
        QVERIFY2(result.errors.front().message.contains(message), qPrintable(result.errors.front().message));
    }

    void shouldReadEveryShippedExample_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"incident", "incident-intended-office", "all-staff-notice", "masked-rrn-to-all-staff",
                                 "roster-to-all-staff", "hand-picked-60", "unknown-size-all-staff"})
            QTest::newRow(name) << QStringLiteral(SENDGUARD_EXAMPLES "/messages/%1.json").arg(QLatin1String(name));
    }

    void shouldReadEveryShippedExample()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto result = read(f.readAll());
        QVERIFY2(result.message, result.errors.empty() ? "" : qPrintable(result.errors.front().toString(file)));
    }
};

QTEST_GUILESS_MAIN(OutgoingMessageReaderTest)
#include "outgoingmessagereadertest.moc"
