// SPDX-License-Identifier: GPL-2.0-or-later
// PolicyEvent: the audit records about the policy itself, field for field as the audit trail,
// the system log and `sendguard audit verify` read them.
#include "audit/policyevent.h"

#include <QJsonDocument>
#include <QTest>

using namespace SendGuard::Core;

Q_DECLARE_METATYPE(PolicyEvent)

namespace {

const QDateTime when(QDate(2026, 11, 26), QTime(9, 30, 0, 125), Qt::UTC);

QByteArray compact(PolicyEvent event)
{
    event.id = QStringLiteral("id-1");
    event.time = when;
    return QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class PolicyEventTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldWriteEachKindWithItsFields_data()
    {
        QTest::addColumn<PolicyEvent>("event");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("problem") << PolicyEvent::problem(
                                        QStringLiteral("ws-0417"),
                                        QStringLiteral("/etc/sendguard/policies/managed/a.json:3:5: error: rules: x"))
                                 << QByteArray(
                                        "{\"event\":\"policy-problem\",\"host\":\"ws-0417\",\"id\":\"id-1\","
                                        "\"reason\":\"/etc/sendguard/policies/managed/a.json:3:5: error: rules: x\","
                                        "\"time\":\"2026-11-26T09:30:00.125Z\"}");
        QTest::newRow("bundle accepted")
            << PolicyEvent::bundleAccepted(QStringLiteral("https://it.example/b.json"), QStringLiteral("incheon"), 7,
                                           QStringLiteral("A1B2"))
            << QByteArray("{\"event\":\"policy-bundle-accepted\",\"id\":\"id-1\",\"key\":\"A1B2\","
                          "\"policy\":{\"id\":\"incheon\",\"version\":7},\"source\":\"https://it.example/b.json\","
                          "\"time\":\"2026-11-26T09:30:00.125Z\"}");
        QTest::newRow("bundle rejected with key and version")
            << PolicyEvent::bundleRejected(QStringLiteral("https://it.example/b.json"), QStringLiteral("rollback"),
                                           QStringLiteral("A1B2"), 4)
            << QByteArray("{\"bundleVersion\":4,\"event\":\"policy-bundle-rejected\",\"id\":\"id-1\",\"key\":\"A1B2\","
                          "\"reason\":\"rollback\",\"source\":\"https://it.example/b.json\","
                          "\"time\":\"2026-11-26T09:30:00.125Z\"}");
        QTest::newRow("bundle rejected before its key or version is known")
            << PolicyEvent::bundleRejected(QStringLiteral("https://it.example/b.json"), QStringLiteral("bad signature"),
                                           QString(), 0)
            << QByteArray("{\"event\":\"policy-bundle-rejected\",\"id\":\"id-1\",\"reason\":\"bad signature\","
                          "\"source\":\"https://it.example/b.json\",\"time\":\"2026-11-26T09:30:00.125Z\"}");
    }

    void shouldWriteEachKindWithItsFields()
    {
        QFETCH(PolicyEvent, event);
        QFETCH(QByteArray, json);
        QCOMPARE(compact(event), json);
    }

    void shouldGiveEveryRecordItsOwnIdAndTime()
    {
        const PolicyEvent first = PolicyEvent::problem(QStringLiteral("h"), QStringLiteral("x"));
        const PolicyEvent second = PolicyEvent::problem(QStringLiteral("h"), QStringLiteral("x"));
        QCOMPARE(first.id.size(), 36);
        QVERIFY(first.id != second.id);
        QVERIFY(first.time.isValid());
        QCOMPARE(first.time.timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(PolicyEventTest)
#include "policyeventtest.moc"
