// SPDX-License-Identifier: GPL-2.0-or-later
// MachineTrailComparison: a local audit trail its owner rewrote, compared with the copies the
// machine's collector kept. Every way of rewriting a hash chain that still passes AuditChain::verify
// (deleting, changing, cutting the head, starting again) must show against the machine trail.
#include "audit/machinetrailcomparison.h"
#include "audit/auditchain.h"
#include "audit/collectedrecord.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace SendGuard::Core;
using Files = QList<std::pair<QString, QByteArray>>;

namespace {

QByteArray record(const QString &id, const QString &choice, const QByteArray &prev)
{
    const QJsonObject object {{QStringLiteral("event"), QStringLiteral("decision")},
                              {QStringLiteral("id"), id},
                              {QStringLiteral("choice"), choice},
                              {QStringLiteral("prev"), QString::fromLatin1(prev)}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A chained trail: one record per choice, ids r<first>, r<first+1>, ...
QList<QByteArray> chain(const QStringList &choices, QByteArray prev = AuditChain::genesis(), int first = 1)
{
    QList<QByteArray> lines;
    for (const QString &choice : choices) {
        lines.append(record(QStringLiteral("r%1").arg(first++), choice, prev));
        prev = AuditChain::hash(lines.last());
    }
    return lines;
}

Files file(const QList<QByteArray> &lines, const QString &name = QStringLiteral("audit.jsonl"))
{
    QByteArray content;
    for (const QByteArray &line : lines)
        content += line + '\n';
    return {{name, content}};
}

QList<MachineTrailComparison::Collected> collected(const QList<QByteArray> &lines, qint64 uid = 1000,
                                                   const QString &user = QStringLiteral("kim"))
{
    QList<MachineTrailComparison::Collected> result;
    int number = 0;
    for (const QByteArray &line : lines) {
        auto copy = CollectedRecord::fromLine(line, uid, user, 4242);
        Q_ASSERT(copy);
        result.append({{QStringLiteral("machine.jsonl"), ++number}, *copy});
    }
    return result;
}

// lines re-chained from their first one on, as a user who edited them would.
QList<QByteArray> rechained(QList<QByteArray> lines)
{
    QByteArray prev =
        QJsonDocument::fromJson(lines.first()).object().value(QLatin1String("prev")).toString().toLatin1();
    for (QByteArray &line : lines) {
        QJsonObject object = QJsonDocument::fromJson(line).object();
        object.insert(QStringLiteral("prev"), QString::fromLatin1(prev));
        line = QJsonDocument(object).toJson(QJsonDocument::Compact);
        prev = AuditChain::hash(line);
    }
    return lines;
}

} // namespace

class MachineTrailComparisonTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMatchWhenEveryRecordWasReceived()
    {
        const auto lines = chain({QStringLiteral("cancel"), QStringLiteral("send-anyway"), QStringLiteral("cancel")});
        const auto result = MachineTrailComparison::compare(file(lines), collected(lines));
        QVERIFY(result.matches());
        QCOMPARE(result.local, 3);
        QCOMPARE(result.received, 3);
        QCOMPARE(result.missing, 0);
        QCOMPARE(result.accounts, QStringList {QStringLiteral("kim (uid 1000)")});
    }

    void shouldNameTheFirstRecordTheMachineNeverReceived()
    {
        const auto lines = chain({QStringLiteral("cancel"), QStringLiteral("send-anyway"), QStringLiteral("cancel")});
        const auto result = MachineTrailComparison::compare(file(lines), collected(lines.mid(0, 1)));
        QVERIFY(!result.matches());
        QCOMPARE(result.received, 1);
        QVERIFY(result.firstNotReceived);
        QCOMPARE(result.firstNotReceived->line, 2);
    }

    void shouldFindARecordDeletedAndTheRestRechained()
    {
        const auto original = chain({QStringLiteral("cancel"), QStringLiteral("send-anyway"), QStringLiteral("cancel"),
                                     QStringLiteral("cancel")});
        QList<QByteArray> edited = original;
        edited.removeAt(1); // the "send anyway" its owner would rather not show
        edited = rechained(edited);
        QVERIFY(!AuditChain::verify(file(edited)).firstBreak); // the chain alone cannot tell

        const auto result = MachineTrailComparison::compare(file(edited), collected(original));
        QVERIFY(!result.matches());
        QCOMPARE(result.missing, 3); // r2 deleted; r3 and r4 as received are no longer there either
        QCOMPARE(result.firstMissingId, QStringLiteral("r2"));
        QCOMPARE(result.firstMissing->line, 2);
        QCOMPARE(result.received, 1);
    }

    void shouldFindAChangedRecordEvenWhenTheForgeryWasSentToo()
    {
        const auto original =
            chain({QStringLiteral("cancel"), QStringLiteral("send-anyway"), QStringLiteral("cancel")});
        QList<QByteArray> forged = original;
        forged[1] = record(QStringLiteral("r2"), QStringLiteral("cancel"), AuditChain::hash(original.at(0)));
        forged = rechained(forged);
        // The user sends the forged records to the collector as well: they are received, but the
        // originals still hang from the same place in the chain.
        auto machine = collected(original);
        machine += collected(forged.mid(1));
        const auto result = MachineTrailComparison::compare(file(forged), machine);
        QCOMPARE(result.received, 3);
        QCOMPARE(result.missing, 2);
        QCOMPARE(result.firstMissingId, QStringLiteral("r2"));
        QVERIFY(!result.matches());
    }

    void shouldCountRecordsBeforeTheFirstLocalOneAsEarlier()
    {
        const auto original =
            chain({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")});
        Files rotated = file(original.mid(2, 1), QStringLiteral("audit.jsonl.1")) + file(original.mid(3));
        const auto result = MachineTrailComparison::compare(rotated, collected(original));
        QCOMPARE(result.earlier, 2);
        QCOMPARE(result.missing, 0);
        QVERIFY(result.matches());
    }

    void shouldCountAnotherChainOfTheSameAccount()
    {
        const auto old = chain({QStringLiteral("send-anyway"), QStringLiteral("send-anyway")});
        const auto fresh = chain({QStringLiteral("cancel")}, AuditChain::genesis(), 10);
        auto machine = collected(old);
        machine += collected(fresh);
        machine += collected(chain({QStringLiteral("x")}, AuditChain::genesis(), 20), 1001, QStringLiteral("lee"));
        const auto result = MachineTrailComparison::compare(file(fresh), machine);
        QCOMPARE(result.otherChains, 2); // lee's record is not kim's business
        // A trail started again from its first record: the old one is not in it, so no match.
        QVERIFY(!result.matches());
        QVERIFY(MachineTrailComparison::compare(file(fresh), collected(fresh)).matches());
    }

    void shouldReportEveryAccountThatSentTheRecords()
    {
        const auto lines = chain({QStringLiteral("a"), QStringLiteral("b")});
        auto machine = collected(lines.mid(0, 1));
        machine += collected(lines.mid(1), 0, QStringLiteral("root"));
        const auto result = MachineTrailComparison::compare(file(lines), machine);
        QCOMPARE(result.accounts, (QStringList {QStringLiteral("kim (uid 1000)"), QStringLiteral("root (uid 0)")}));
    }

    void shouldReadCollectedRecordsBackAndSkipOtherLines()
    {
        const auto lines = chain({QStringLiteral("a")});
        const auto copy = CollectedRecord::fromLine(lines.first(), 1000, QStringLiteral("kim"), 7);
        QVERIFY(copy);
        QVERIFY(!CollectedRecord::fromLine("not json", 1000, QString(), 7));
        QByteArray machine = QJsonDocument(copy->toJson()).toJson(QJsonDocument::Compact) + '\n';
        machine += "{\"event\":\"decision\"}\n";
        machine += "{\"event\":\"collected\",\"line\":\"short\",\"peer\":{\"uid\":1}}\n";
        const auto read = MachineTrailComparison::collected({{QStringLiteral("m"), machine}});
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().record.lineHash, AuditChain::hash(lines.first()));
        QCOMPARE(read.first().record.uid, 1000);
        QCOMPARE(read.first().record.user, QStringLiteral("kim"));
        QCOMPARE(read.first().record.localPrev(), AuditChain::genesis());
        QCOMPARE(read.first().place.line, 1);
    }
};

QTEST_GUILESS_MAIN(MachineTrailComparisonTest)
#include "machinetrailcomparisontest.moc"
