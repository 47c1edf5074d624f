// SPDX-License-Identifier: GPL-2.0-or-later
// AuditFigures: what counts as a decision and an override, the period, stale hosts, merging two
// trails' figures, and the bound a forged trail cannot push past.
#include "audit/auditfigures.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

AuditFigures::Record decision(const QString &time, const QString &rule, const QString &choice,
                              const QString &host = QStringLiteral("pc-01"), qint64 version = 3)
{
    AuditFigures::Record r;
    r.event = QStringLiteral("decision");
    r.time = time;
    r.host = host;
    r.policyId = QStringLiteral("incheon");
    r.policyVersion = version;
    r.verdict = QStringLiteral("justify");
    r.choice = choice;
    r.rules = {rule};
    r.detectors = {QStringLiteral("kr-rrn")};
    return r;
}

} // namespace

class AuditFiguresTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCountDecisionsOverridesAndReports()
    {
        AuditFigures figures;
        figures.add(
            decision(QStringLiteral("2026-11-24T09:00:00.000Z"), QStringLiteral("r"), QStringLiteral("send-anyway")));
        figures.add(
            decision(QStringLiteral("2026-11-24T09:01:00.000Z"), QStringLiteral("r"), QStringLiteral("cancel")));
        AuditFigures::Record report = decision(QStringLiteral("2026-11-24T09:01:30.000Z"), QStringLiteral("r"),
                                               QStringLiteral("report-false-positive"));
        report.reported = {{QStringLiteral("kr-rrn"), QStringLiteral("900101-1******")}};
        figures.add(report);
        const AuditFigures::Counts rule = figures.by(AuditFigures::Dimension::Rule).value(QStringLiteral("r"));
        QCOMPARE(rule.decisions, 2); // a report is not a decision
        QCOMPARE(rule.sentAnyway, 1);
        QCOMPARE(rule.falsePositives, 1);
        QCOMPARE(rule.overrideRate(), 0.5);
        QCOMPARE(figures.verdicts().value(QStringLiteral("justify")), 2);
        QCOMPARE(figures.reportedForms().value(QStringLiteral("kr-rrn")).value(QStringLiteral("900101-1******")), 1);
        QCOMPARE(figures.by(AuditFigures::Dimension::Week).keys(), QStringList {QStringLiteral("2026-W48")});
    }

    void shouldCountOnlyThePeriod()
    {
        AuditFigures figures;
        figures.setPeriod(QDateTime(QDate(2026, 11, 24), QTime(0, 0), Qt::UTC),
                          QDateTime(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC));
        figures.add(
            decision(QStringLiteral("2026-11-23T23:59:59.999Z"), QStringLiteral("r"), QStringLiteral("cancel")));
        figures.add(
            decision(QStringLiteral("2026-11-24T00:00:00.000Z"), QStringLiteral("r"), QStringLiteral("cancel")));
        figures.add(
            decision(QStringLiteral("2026-11-24T18:00:00+09:00"), QStringLiteral("r"), QStringLiteral("cancel")));
        figures.add(
            decision(QStringLiteral("2026-11-25T00:00:00.000Z"), QStringLiteral("r"), QStringLiteral("cancel")));
        figures.add(decision(QStringLiteral("not a time"), QStringLiteral("r"), QStringLiteral("cancel")));
        QCOMPARE(figures.records(), 2);
        QCOMPARE(figures.outsidePeriod(), 3);
    }

    void shouldFindStaleHostsAcrossMergedTrails()
    {
        AuditFigures first;
        first.add(decision(QStringLiteral("2026-11-20T09:00:00.000Z"), QStringLiteral("r"), QStringLiteral("cancel"),
                           QStringLiteral("pc-01"), 2));
        first.add(decision(QStringLiteral("2026-11-21T09:00:00.000Z"), QStringLiteral("r"), QStringLiteral("cancel"),
                           QStringLiteral("pc-02"), 2));
        AuditFigures second;
        second.add(decision(QStringLiteral("2026-11-25T09:00:00.000Z"), QStringLiteral("r"), QStringLiteral("cancel"),
                            QStringLiteral("pc-01"), 3));
        first.merge(second);
        QCOMPARE(first.hosts().value(QStringLiteral("pc-01")).version, 3); // its last record's
        QCOMPARE(first.hosts().value(QStringLiteral("pc-01")).records, 2);
        QCOMPARE(first.staleHosts(), QStringList {QStringLiteral("pc-02")});
    }

    void shouldStayBoundedWhateverTheRecordsName()
    {
        // A forged trail with a new rule and host on every line.
        AuditFigures figures;
        for (int i = 0; i < AuditFigures::MaxGroups + 500; ++i)
            figures.add(decision(QStringLiteral("2026-11-24T09:00:00.000Z"), QStringLiteral("rule-%1").arg(i),
                                 QStringLiteral("cancel"), QStringLiteral("pc-%1").arg(i)));
        const auto &rules = figures.by(AuditFigures::Dimension::Rule);
        QCOMPARE(rules.size(), AuditFigures::MaxGroups + 1);
        QCOMPARE(rules.value(QStringLiteral("…")).decisions, 500);
        QCOMPARE(figures.hosts().size(), AuditFigures::MaxGroups + 1);
        QCOMPARE(figures.total().decisions, AuditFigures::MaxGroups + 500);
    }
};

QTEST_GUILESS_MAIN(AuditFiguresTest)
#include "auditfigurestest.moc"
