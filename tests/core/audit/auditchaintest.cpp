// SPDX-License-Identifier: GPL-2.0-or-later
// The audit hash chain: SHA-256 as published (FIPS 180-4's test vector), and AuditChainFollower
// finding a changed record line by line, as AuditChain::verify() does for whole files.
#include "audit/auditchain.h"
#include "audit/auditchainfollower.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

// Three chained records, as AuditLog writes them.
QList<QByteArray> chain()
{
    QList<QByteArray> lines;
    QByteArray prev = AuditChain::genesis();
    for (const char *choice : {"cancel", "send-anyway", "mask-and-send"}) {
        lines.append(QByteArray("{\"choice\":\"") + choice + "\",\"prev\":\"" + prev + "\"}");
        prev = AuditChain::hash(lines.last());
    }
    return lines;
}

QByteArray prevOf(const QByteArray &line)
{
    const qsizetype at = line.indexOf("\"prev\":\"") + 8;
    return line.mid(at, 64);
}

} // namespace

class AuditChainTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHashAsSha256()
    {
        QCOMPARE(AuditChain::hash("abc"),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(AuditChain::hash(""), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void shouldFollowAnIntactChainAndStopAtAChangedRecord()
    {
        AuditChainFollower intact;
        for (const QByteArray &line : chain())
            QVERIFY(!intact.follow(line, prevOf(line)));

        QList<QByteArray> lines = chain();
        lines[1].replace("send-anyway", "cancel");
        AuditChainFollower changed;
        QVERIFY(!changed.follow(lines[0], prevOf(lines[0])));
        QVERIFY(!changed.follow(lines[1], prevOf(lines[1]))); // its own link is intact
        const auto problem = changed.follow(lines[2], prevOf(lines[2]));
        QVERIFY(problem);
        QVERIFY(problem->contains(QStringLiteral("deleted, inserted or changed")));
        QVERIFY(changed.broken());
        QVERIFY(changed.follow(lines[0], prevOf(lines[0]))); // nothing after a break is sound

        QCOMPARE(AuditChain::verify({{QStringLiteral("audit.jsonl"), lines.join('\n') + '\n'}}).firstBreak->line, 3);
    }

    void shouldStartMidChainAfterRotation()
    {
        const QList<QByteArray> lines = chain();
        AuditChainFollower fromStart;
        QVERIFY(fromStart.follow(lines[1], prevOf(lines[1]))); // not the genesis
        AuditChainFollower continuing(true);
        QVERIFY(!continuing.follow(lines[1], prevOf(lines[1])));
        QVERIFY(!continuing.follow(lines[2], prevOf(lines[2])));
    }
};

QTEST_GUILESS_MAIN(AuditChainTest)
#include "auditchaintest.moc"
