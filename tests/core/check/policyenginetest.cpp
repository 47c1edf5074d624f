// SPDX-License-Identifier: GPL-2.0-or-later
#include "check/policyengine.h"
#include "policy/builtinpolicy.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

Severity severityOf(const QString &detector)
{
    static const QStringList high {"kr-rrn", "kr-frn", "kr-passport", "kr-driver-license", "credit-card"};
    static const QStringList medium {"kr-phone", "kr-bank-account"};
    return high.contains(detector) ? Severity::High : medium.contains(detector) ? Severity::Medium : Severity::Low;
}

// "kr-rrn*9,kr-phone*2" -> nine RRN findings and two phone findings.
std::vector<MessageFinding> findings(const QString &spec)
{
    std::vector<MessageFinding> list;
    qsizetype offset = 0;
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(QLatin1Char('*'));
        const int count = parts.size() > 1 ? parts[1].toInt() : 1;
        for (int i = 0; i < count; ++i, offset += 20)
            list.push_back({Finding {parts[0], severityOf(parts[0]), 0.9, offset, offset + 14, QStringLiteral("***")},
                            QStringLiteral("body")});
    }
    return list;
}

// "broadcast", "external", "broadcast+external" or "" (a person or small team).
Audience audience(const QString &kind)
{
    Audience a;
    a.broadcast = kind.contains(QLatin1String("broadcast"));
    a.external = kind.contains(QLatin1String("external"));
    a.total = {a.broadcast ? 4812 : 1, true};
    return a;
}

OutgoingMessage messageFrom(const QString &sender, const QString &department, const QStringList &recipients)
{
    OutgoingMessage m;
    m.sender = {sender, QString(), department};
    for (const QString &id : recipients)
        m.recipients.push_back({id, QString(), RecipientType::Group, 120, QString(), QString()});
    return m;
}

PolicyRule rule(const QString &id, const QStringList &detectors, std::optional<Severity> severity, qint64 minCount,
                AudienceKind audience, VerdictLevel verdict)
{
    return {id,
            detectors,
            severity,
            minCount,
            audience,
            verdict,
            LocalizedText({{QStringLiteral("ko"), id + QStringLiteral(" 이유")},
                           {QStringLiteral("en"), id + QStringLiteral(" reason")}})};
}

const QDate today(2026, 11, 26);

} // namespace

class PolicyEngineTest : public QObject
{
    Q_OBJECT

    PolicyEngine m_default {*BuiltInPolicy::read().policy};

private Q_SLOTS:
    // The default policy of issue 3, row by row.
    void shouldApplyTheDefaultPolicy_data()
    {
        QTest::addColumn<QString>("findings");
        QTest::addColumn<QString>("audience");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("rules");
        auto row = [](const char *name, const char *f, const char *a, const char *v, const char *r) {
            QTest::newRow(name) << QString::fromLatin1(f) << QString::fromLatin1(a) << QString::fromLatin1(v)
                                << QString::fromLatin1(r);
        };
        row("nothing found, to everyone", "", "broadcast", "allow", "");
        row("one RRN to a person", "kr-rrn", "", "allow", "");
        row("a roster of RRNs to a small team", "kr-rrn*40", "", "allow", "");
        row("one RRN to all staff", "kr-rrn", "broadcast", "justify", "identifier-to-broadcast");
        row("one FRN to all staff", "kr-frn", "broadcast", "justify", "identifier-to-broadcast");
        row("one passport to all staff", "kr-passport", "broadcast", "justify", "identifier-to-broadcast");
        row("one licence to all staff", "kr-driver-license", "broadcast", "justify", "identifier-to-broadcast");
        row("one card to all staff", "credit-card", "broadcast", "justify", "identifier-to-broadcast");
        row("nine RRNs to all staff", "kr-rrn*9", "broadcast", "justify", "identifier-to-broadcast");
        row("ten RRNs to all staff", "kr-rrn*10", "broadcast", "block", "identifiers-in-bulk-to-broadcast");
        row("ten identifiers of mixed kinds", "kr-rrn*4,kr-passport*3,credit-card*3", "broadcast", "block",
            "identifiers-in-bulk-to-broadcast");
        row("two phones to all staff", "kr-phone*2", "broadcast", "allow", "");
        row("three phones to all staff", "kr-phone*3", "broadcast", "warn", "contact-details-to-broadcast");
        row("two phones and an account", "kr-phone*2,kr-bank-account", "broadcast", "warn",
            "contact-details-to-broadcast");
        row("phones and a card: the strictest wins", "kr-phone*5,credit-card", "broadcast", "justify",
            "identifier-to-broadcast");
        row("masked RRNs are informational", "kr-rrn-masked*12", "broadcast", "allow", "");
        row("e-mail addresses in bulk", "email*30,kr-business-reg*5", "broadcast", "allow", "");
        row("an RRN to an outside address", "kr-rrn", "external", "allow", "");
    }

    void shouldApplyTheDefaultPolicy()
    {
        QFETCH(QString, findings);
        QFETCH(QString, audience);
        QFETCH(QString, verdict);
        QFETCH(QString, rules);
        const auto list = ::findings(findings);
        const Verdict v = m_default.decide(OutgoingMessage(), list, ::audience(audience), today);
        QCOMPARE(verdictLevelName(v.level), verdict);
        QCOMPARE(v.ruleIds.join(QLatin1Char(',')), rules);
        QCOMPARE(v.reasons.size(), std::size_t(v.ruleIds.size()));
        QCOMPARE(v.findings, list); // every finding is shown, whatever decided
        if (v.level != VerdictLevel::Allow)
            QVERIFY(!v.reasons.front().text.text(u"ko").isEmpty());
    }

    void shouldMatchAudienceKindsAndSeverityThresholds_data()
    {
        QTest::addColumn<QString>("findings");
        QTest::addColumn<QString>("audience");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("external rule, external audience") << "kr-phone"
                                                          << "external"
                                                          << "warn";
        QTest::newRow("external rule, internal audience") << "kr-phone"
                                                          << ""
                                                          << "allow";
        QTest::newRow("medium-or-above counts a high item") << "kr-rrn"
                                                            << "external"
                                                            << "warn";
        QTest::newRow("low items do not count") << "email*9"
                                                << "external"
                                                << "allow";
        QTest::newRow("any audience") << "kr-rrn*2"
                                      << ""
                                      << "justify";
        QTest::newRow("any audience, one short") << "kr-rrn"
                                                 << ""
                                                 << "allow";
        QTest::newRow("two rules at the top level") << "kr-rrn*2"
                                                    << "broadcast+external"
                                                    << "block";
    }

    void shouldMatchAudienceKindsAndSeverityThresholds()
    {
        QFETCH(QString, findings);
        QFETCH(QString, audience);
        QFETCH(QString, verdict);
        Policy policy;
        policy.rules = {
            rule(QStringLiteral("medium-outside"), {}, Severity::Medium, 1, AudienceKind::External, VerdictLevel::Warn),
            rule(QStringLiteral("two-ids-anywhere"), {QStringLiteral("kr-rrn")}, std::nullopt, 2, AudienceKind::Any,
                 VerdictLevel::Justify),
            rule(QStringLiteral("ids-out-a"), {QStringLiteral("kr-rrn")}, std::nullopt, 2, AudienceKind::External,
                 VerdictLevel::Block),
            rule(QStringLiteral("ids-out-b"), {}, Severity::High, 1, AudienceKind::Broadcast, VerdictLevel::Block),
        };
        const Verdict v =
            PolicyEngine(policy).decide(OutgoingMessage(), ::findings(findings), ::audience(audience), today);
        QCOMPARE(verdictLevelName(v.level), verdict);
        if (QTest::currentDataTag() == QLatin1String("two rules at the top level"))
            QCOMPARE(v.ruleIds, QStringList({"ids-out-a", "ids-out-b"})); // both, in policy order
    }

    // An exemption takes its detectors out of the count only while it runs, only for its sender
    // or department, and only when every recipient is one it names.
    void shouldApplyExemptionsOnlyWhereTheyHold_data()
    {
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("department");
        QTest::addColumn<QStringList>("recipients");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("verdict");
        const QStringList hr {QStringLiteral("grp:hr-managers")};
        QTest::newRow("department, named group, in force") << "kim"
                                                           << "인사과" << hr << today << "allow";
        QTest::newRow("sender, named group, in force") << "park.hr"
                                                       << "" << hr << today << "allow";
        QTest::newRow("sender id in another case") << "PARK.HR"
                                                   << "" << hr << today << "allow";
        QTest::newRow("on its last day") << "kim"
                                         << "인사과" << hr << QDate(2027, 3, 31) << "allow";
        QTest::newRow("the day after it expired") << "kim"
                                                  << "인사과" << hr << QDate(2027, 4, 1) << "block";
        QTest::newRow("another department") << "kim"
                                            << "총무과" << hr << today << "block";
        QTest::newRow("one more recipient")
            << "kim"
            << "인사과" << QStringList {"grp:hr-managers", "grp:all"} << today << "block";
    }

    void shouldApplyExemptionsOnlyWhereTheyHold()
    {
        QFETCH(QString, sender);
        QFETCH(QString, department);
        QFETCH(QStringList, recipients);
        QFETCH(QDate, day);
        QFETCH(QString, verdict);
        Policy policy = *BuiltInPolicy::read().policy;
        policy.exemptions = {
            {QStringLiteral("hr-year-end"),
             QString(),
             QStringLiteral("인사과"),
             {QStringLiteral("kr-rrn")},
             {QStringLiteral("grp:hr-managers")},
             QDate(2027, 3, 31),
             QStringLiteral("연말정산")},
            {QStringLiteral("hr-officer"),
             QStringLiteral("park.hr"),
             QString(),
             {QStringLiteral("kr-rrn")},
             {QStringLiteral("grp:hr-managers")},
             QDate(2027, 3, 31),
             QStringLiteral("연말정산")},
        };
        const PolicyEngine engine(policy);
        const Verdict v =
            engine.decide(messageFrom(sender, department, recipients), findings(QStringLiteral("kr-rrn*12")),
                          audience(QStringLiteral("broadcast")), day);
        QCOMPARE(verdictLevelName(v.level), verdict);
        QCOMPARE(v.exemptionIds.isEmpty(), verdict != QLatin1String("allow"));
        QCOMPARE(v.findings.size(), std::size_t(12)); // exempted items are still shown
    }

    void shouldNotExemptOtherDetectors()
    {
        Policy policy = *BuiltInPolicy::read().policy;
        policy.exemptions = {{QStringLiteral("hr"),
                              QString(),
                              QStringLiteral("인사과"),
                              {QStringLiteral("kr-rrn")},
                              {QStringLiteral("grp:hr")},
                              QDate(2027, 3, 31),
                              QStringLiteral("x")}};
        const Verdict v = PolicyEngine(policy).decide(
            messageFrom(QStringLiteral("kim"), QStringLiteral("인사과"), {"grp:hr"}),
            findings(QStringLiteral("kr-rrn*12,credit-card")), audience(QStringLiteral("broadcast")), today);
        QCOMPARE(v.level, VerdictLevel::Justify);
        QCOMPARE(v.exemptionIds, QStringList {QStringLiteral("hr")});
    }

    void shouldBeDeterministic()
    {
        const auto list = findings(QStringLiteral("kr-rrn*3,kr-phone*4"));
        const Verdict a = m_default.decide(OutgoingMessage(), list, audience(QStringLiteral("broadcast")), today);
        const Verdict b = m_default.decide(OutgoingMessage(), list, audience(QStringLiteral("broadcast")), today);
        QCOMPARE(a.level, b.level);
        QCOMPARE(a.ruleIds, b.ruleIds);
        QCOMPARE(a.findings, b.findings);
    }
};

QTEST_GUILESS_MAIN(PolicyEngineTest)
#include "policyenginetest.moc"
