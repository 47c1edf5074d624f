// SPDX-License-Identifier: GPL-2.0-or-later
// UserSettings: a user's own settings apply where they are stricter than the machine's policy,
// and are reported and left out where they are not.
#include "policy/usersettings.h"
#include "policy/builtinpolicy.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

Policy machine()
{
    Policy policy = *BuiltInPolicy::read().policy; // thresholds 50, minLength 10, confirm
    policy.detectorSettings[QStringLiteral("email")].enabled = false;
    return policy;
}

UserSettings::Result apply(const QByteArray &json)
{
    return UserSettings::apply(machine(), {json.constData(), std::size_t(json.size())});
}

} // namespace

class UserSettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldApplyStricterSettings()
    {
        const auto result = apply("{\"audience\": {\"memberThreshold\": 20, \"audienceThreshold\": 30, "
                                  "\"allStaffNamePatterns\": [\"전 부서\"], \"broadcastIds\": [\"grp:seogu-all\"], "
                                  "\"broadcastTypes\": [\"channel\"]},\n"
                                  " \"justification\": {\"minLength\": 25}, \"failureMode\": \"block\",\n"
                                  " \"detectors\": {\"email\": {\"enabled\": true}, \"kr-phone\": {\"severity\": "
                                  "\"high\"}}}");
        QVERIFY(result.diagnostics.empty());
        const Policy &p = result.policy;
        QCOMPARE(p.audience.memberThreshold, 20);
        QCOMPARE(p.audience.audienceThreshold, 30);
        QVERIFY(p.audience.allStaffNamePatterns.contains(QStringLiteral("전 부서")));
        QVERIFY(p.audience.allStaffNamePatterns.contains(QStringLiteral("전체"))); // the machine's stay
        QCOMPARE(p.audience.broadcastIds, QStringList({"grp:seogu-all"}));
        QCOMPARE(p.audience.broadcastTypes.size(), std::size_t(2));
        QCOMPARE(p.justificationMinLength, 25);
        QCOMPARE(p.failureMode, FailureMode::Block);
        QVERIFY(p.detectorSettings.value(QStringLiteral("email")).enabled);
        QCOMPARE(p.detectorSettings.value(QStringLiteral("kr-phone")).severity, std::optional(Severity::High));
    }

    void shouldLeaveOutWhatIsNotStricter_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("column");
        QTest::newRow("higher member threshold")
            << QByteArray("{\"audience\": {\"memberThreshold\": 500}}") << "audience.memberThreshold" << 34;
        QTest::newRow("shorter reason") << QByteArray("{\"justification\": {\"minLength\": 3}}")
                                        << "justification.minLength" << 33;
        QTest::newRow("looser failure mode") << QByteArray("{\"failureMode\": \"allow\"}") << "failureMode" << 17;
        QTest::newRow("detector disabled")
            << QByteArray("{\"detectors\": {\"kr-rrn\": {\"enabled\": false}}}") << "detectors.kr-rrn.enabled" << 27;
        QTest::newRow("severity lowered") << QByteArray("{\"detectors\": {\"kr-rrn\": {\"severity\": \"low\"}}}")
                                          << "detectors.kr-rrn.severity" << 39;
        QTest::newRow("rules") << QByteArray("{\"rules\": []}") << "rules" << 2;
        QTest::newRow("exemptions") << QByteArray("{\"exemptions\": [{\"id\": \"me\"}]}") << "exemptions" << 2;
        QTest::newRow("remote") << QByteArray("{\"remote\": {}}") << "remote" << 2;
        QTest::newRow("allow-list") << QByteArray("{\"allowList\": {\"phoneNumbers\": [\"010\"]}}") << "allowList" << 2;
        QTest::newRow("audit off") << QByteArray("{\"audit\": {\"enabled\": false}}") << "audit" << 2;
    }
    void shouldLeaveOutWhatIsNotStricter()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(int, column);
        const auto result = apply(json);
        QCOMPARE(result.policy, machine()); // nothing weaker got in
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        const JsonDiagnostic &d = result.diagnostics.front();
        QCOMPARE(d.kind, JsonDiagnostic::Kind::Warning);
        QCOMPARE(d.field, field);
        QCOMPARE(d.position.line, 1);
        QCOMPARE(d.position.column, column);
        QVERIFY(d.message.contains(QStringLiteral("left out")));
    }

    void shouldReportWhatIsNotASetting_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("invalid JSON") << QByteArray("{\"failureMode\": }");
        QTest::newRow("a list") << QByteArray("[]");
        QTest::newRow("unknown detector") << QByteArray("{\"detectors\": {\"kr-ssn\": {\"enabled\": true}}}");
        QTest::newRow("person as broadcast") << QByteArray("{\"audience\": {\"broadcastTypes\": [\"person\"]}}");
        QTest::newRow("unknown failure mode") << QByteArray("{\"failureMode\": \"strict\"}");
    }
    void shouldReportWhatIsNotASetting()
    {
        QFETCH(QByteArray, json);
        const auto result = apply(json);
        QCOMPARE(result.policy, machine());
        QVERIFY(!result.diagnostics.empty());
        QCOMPARE(result.diagnostics.front().kind, JsonDiagnostic::Kind::Error);
    }
};

QTEST_GUILESS_MAIN(UserSettingsTest)
#include "usersettingstest.moc"
