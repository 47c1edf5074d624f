// SPDX-License-Identifier: GPL-2.0-or-later
// AuditEvent: an audit record keeps ids, counts and the audience, never the message.
#include "audit/auditevent.h"
#include "check/messagechecker.h"
#include "policy/builtinpolicy.h"

#include "scannerfortests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testToday;

class AuditEventTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldKeepIdsCountsAndAudienceButNothingOfTheMessage()
    {
        OutgoingMessage m;
        m.action = MessageAction::Forward;
        m.sender = {QStringLiteral("kim.yejin"), QStringLiteral("김예진"), QString()};
        m.recipients = {{QStringLiteral("grp:incheon-all"), QStringLiteral("인천광역시 전체"), RecipientType::Group,
                         4812, QString(), QString()},
                        {QStringLiteral("lee.jiyoung"), QStringLiteral("이지영"), RecipientType::Person, std::nullopt,
                         QString(), QString()}};
        m.originalRecipients = {{QStringLiteral("park.sh"), QString(), RecipientType::Person, std::nullopt, {}, {}}};
        m.subject = QStringLiteral("주거급여 신청서 홍길동");
        m.body = QStringLiteral("주민등록번호 850315-2345678\n연락처 010-9876-5432\n보조 900101-1234568");
        const MessageChecker checker(*BuiltInPolicy::read().policy, Scanner::Options {testToday()});
        const auto result = checker.check(m, {}, testToday());
        QVERIFY(result.complete);

        AuditEvent event;
        event.id = QStringLiteral("id-1");
        event.time = QDateTime(QDate(2026, 11, 26), QTime(9, 30), Qt::UTC);
        event.user = QStringLiteral("kim.yejin");
        event.host = QStringLiteral("ws-0142");
        event.policyId = checker.policy().id;
        event.policyVersion = checker.policy().version;
        event.action = m.action;
        event.setVerdict(result.verdict);
        event.choice = AuditChoice::SendAnyway;
        event.justification = checker.maskText(QStringLiteral("민원인 850315-2345678 요청으로 전달"));

        const QJsonObject json = event.toJson();
        QCOMPARE(json.keys(),
                 QStringList({"action", "audience", "choice", "detectors", "event", "host", "id", "justification",
                              "policy", "recipients", "rules", "time", "user", "verdict"}));
        QCOMPARE(json.value("verdict").toString(), QStringLiteral("justify"));
        QCOMPARE(json.value("choice").toString(), QStringLiteral("send-anyway"));
        QCOMPARE(json.value("action").toString(), QStringLiteral("forward"));
        QCOMPARE(json.value("time").toString(), QStringLiteral("2026-11-26T09:30:00.000Z"));
        QCOMPARE(json.value("detectors").toObject(), QJsonObject({{"kr-rrn", 2}, {"kr-phone", 1}}));
        QCOMPARE(json.value("recipients").toArray(), QJsonArray({"grp:incheon-all"}));
        QCOMPARE(json.value("audience").toObject(), QJsonObject({{"atLeast", 4813}, {"exact", true}}));
        QCOMPARE(json.value("policy").toObject().value("id").toString(), checker.policy().id);
        QVERIFY(!json.value("rules").toArray().isEmpty());

        const QByteArray text = QJsonDocument(json).toJson();
        for (const char *secret : {"2345678", "1234568", "9876", "홍길동", "주거급여", "이지영", "850315-2345678"})
            QVERIFY2(!text.contains(secret), secret);
        QVERIFY(text.contains("850315-2******")); // the reason, masked
    }

    void shouldKeepOnlyTheDomainOfAnExternalAddress()
    {
        OutgoingMessage m;
        m.sender = {QStringLiteral("kim.yejin"), QString(), QString()};
        m.recipients = {
            {QStringLiteral("hong.gildong@gmail.com"), QString(), RecipientType::External, std::nullopt, {}, {}},
            {QStringLiteral("+82-10-2345-6789"), QString(), RecipientType::External, std::nullopt, {}, {}},
            {QStringLiteral("grp:incheon-all"), QString(), RecipientType::Group, 4812, {}, {}}};
        m.body = QStringLiteral("주민등록번호 850315-2345678");
        const MessageChecker checker(*BuiltInPolicy::read().policy, Scanner::Options {testToday()});
        const auto result = checker.check(m, {}, testToday());
        QVERIFY(result.complete);
        AuditEvent event;
        event.setVerdict(result.verdict);
        QVERIFY(event.flaggedRecipientIds.contains(QStringLiteral("*@gmail.com")));
        QVERIFY(event.flaggedRecipientIds.contains(QStringLiteral("grp:incheon-all")));
        QVERIFY(event.flaggedRecipientIds.contains(QStringLiteral("(external)"))); // a handle: nothing kept
        QVERIFY(!QJsonDocument(event.toJson()).toJson().contains("hong.gildong"));
        QVERIFY(!QJsonDocument(event.toJson()).toJson().contains("2345-6789"));
    }

    void shouldBoundWhatARecordHolds()
    {
        AuditEvent event;
        for (int i = 0; i < 12000; ++i)
            event.flaggedRecipientIds.append(QStringLiteral("grp:dept-%1").arg(i));
        event.justification = QString(5000, u'가');
        event.error = QString(3000, u'x');
        const QJsonObject json = event.toJson();
        QCOMPARE(json.value(QStringLiteral("recipients")).toArray().size(), AuditEvent::MaxRecipientIds);
        QCOMPARE(json.value(QStringLiteral("recipientsOmitted")).toInteger(), 12000 - AuditEvent::MaxRecipientIds);
        QCOMPARE(json.value(QStringLiteral("justification")).toString().size(), AuditEvent::MaxTextLength);
        QVERIFY(json.value(QStringLiteral("justification")).toString().endsWith(u'…'));
        QCOMPARE(json.value(QStringLiteral("error")).toString().size(), AuditEvent::MaxTextLength);
        QVERIFY(QJsonDocument(json).toJson(QJsonDocument::Compact).size() < 64 * 1024);

        event.flaggedRecipientIds = {QStringLiteral("grp:all")};
        QVERIFY(!event.toJson().contains(QStringLiteral("recipientsOmitted")));
    }

    void shouldSayWhenAMessageWasNotChecked()
    {
        AuditEvent event;
        event.checked = false;
        event.choice = AuditChoice::SendUnchecked;
        event.error = QStringLiteral("1 attachment(s) not scanned");
        const QJsonObject json = event.toJson();
        QCOMPARE(json.value("verdict").toString(), QStringLiteral("unchecked"));
        QCOMPARE(json.value("event").toString(), QStringLiteral("check-failed"));
        QCOMPARE(json.value("choice").toString(), QStringLiteral("send-unchecked"));
        QCOMPARE(json.value("error").toString(), event.error);
        QVERIFY(!json.contains("justification"));
        QCOMPARE(json.value("cause").toString(), QStringLiteral("unknown"));
        event.cause = UncheckedCause::AttachmentLimit;
        QCOMPARE(event.toJson().value("cause").toString(), QStringLiteral("attachment-limit"));
        event.checked = true;
        QVERIFY(!event.toJson().contains("cause")); // decisions have a verdict, not a cause
        QVERIFY(!event.toJson().contains("department"));
        event.department = QStringLiteral("주택과");
        QCOMPARE(event.toJson().value("department").toString(), QStringLiteral("주택과"));
    }

    void shouldTellTheCauseOfWhatWasNotChecked_data()
    {
        // SendGuard's own reasons, as AttachmentReader, the helper and the scanner word them.
        QTest::addColumn<QString>("reason");
        QTest::addColumn<UncheckedCause>("cause");
        QTest::newRow("size") << QStringLiteral("larger than 50 MiB: not scanned") << UncheckedCause::AttachmentLimit;
        QTest::newRow("entries") << QStringLiteral("DOCX: more than 1000 entries in archives")
                                 << UncheckedCause::AttachmentLimit;
        QTest::newRow("bomb") << QStringLiteral("decompresses to more than 100 times its size (a compression bomb?)")
                              << UncheckedCause::AttachmentLimit;
        QTest::newRow("helper time") << QStringLiteral("reading it took longer than 15 s: not scanned")
                                     << UncheckedCause::Timeout;
        QTest::newRow("scan time") << QStringLiteral("the scan took longer than its budget") << UncheckedCause::Timeout;
        QTest::newRow("missing") << QStringLiteral("cannot read /home/kim/a.docx: No such file")
                                 << UncheckedCause::AttachmentUnreadable;
        QTest::newRow("crash") << QStringLiteral(
                                      "the attachment reader stopped before the end (a broken or hostile file?)")
                               << UncheckedCause::AttachmentUnreadable;
        QTest::newRow("encrypted") << QStringLiteral("HWP: encrypted (password, DRM or distribution document)")
                                   << UncheckedCause::AttachmentNotSupported;
        QTest::newRow("scan") << QStringLiteral("PDF: no text layer (images only): not scanned")
                              << UncheckedCause::AttachmentNotSupported;
        QTest::newRow("other") << QStringLiteral("something else") << UncheckedCause::Unknown;
    }
    void shouldTellTheCauseOfWhatWasNotChecked()
    {
        QFETCH(QString, reason);
        QFETCH(UncheckedCause, cause);
        QCOMPARE(uncheckedCauseOf(reason), cause);
    }

    void shouldNameEveryChoice_data()
    {
        QTest::addColumn<AuditChoice>("choice");
        QTest::addColumn<QString>("name");
        QTest::newRow("cancel") << AuditChoice::Cancel << "cancel";
        QTest::newRow("send-anyway") << AuditChoice::SendAnyway << "send-anyway";
        QTest::newRow("mask") << AuditChoice::MaskAndSend << "mask-and-send";
        QTest::newRow("remove") << AuditChoice::RemoveBroadcastRecipients << "remove-broadcast-recipients";
        QTest::newRow("unchecked") << AuditChoice::SendUnchecked << "send-unchecked";
        QTest::newRow("blocked") << AuditChoice::Blocked << "blocked";
        QTest::newRow("false-positive") << AuditChoice::ReportFalsePositive << "report-false-positive";
    }
    void shouldNameEveryChoice()
    {
        QFETCH(AuditChoice, choice);
        QFETCH(QString, name);
        QCOMPARE(auditChoiceNames.name(choice), name);
        QCOMPARE(auditChoiceNames.value(name), std::optional(choice));
    }
};

QTEST_GUILESS_MAIN(AuditEventTest)
#include "auditeventtest.moc"
