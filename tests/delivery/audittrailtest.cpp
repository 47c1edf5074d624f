// SPDX-License-Identifier: GPL-2.0-or-later
// The audit trail: the hash chain survives rotation and shows deletion, insertion and change;
// `sendguard audit verify` says so; records reach a real syslog socket as RFC 5424.
#include "audittrail.h"
#include "audit/auditchain.h"
#include "auditlog.h"
#include "forwardingstatus.h"
#include "systemlog.h"

#include "clirunner.h"
#include "sysloglistener.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard;
using SendGuard::Tests::CliRun;
using SendGuard::Tests::runSendGuard;

namespace {

QJsonObject decision(int n)
{
    return {{QStringLiteral("event"), QStringLiteral("decision")},
            {QStringLiteral("id"), QStringLiteral("id-%1").arg(n)},
            {QStringLiteral("user"), QStringLiteral("kim.yejin")},
            {QStringLiteral("verdict"), QStringLiteral("justify")},
            {QStringLiteral("choice"), QStringLiteral("send-anyway")},
            {QStringLiteral("justification"), QStringLiteral("전 직원 공지가 필요한 건 \"긴급\"]")},
            {QStringLiteral("detectors"), QJsonObject {{QStringLiteral("kr-rrn"), 1}}},
            {QStringLiteral("recipients"), QJsonArray {QStringLiteral("grp:incheon-all")}},
            {QStringLiteral("audience"), QJsonObject {{QStringLiteral("atLeast"), 4812}}}};
}

QList<std::pair<QString, QByteArray>> read(const QStringList &files)
{
    QList<std::pair<QString, QByteArray>> contents;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        contents.append({path, file.readAll()});
    }
    return contents;
}

void rewrite(const QString &path, const std::function<void(QList<QByteArray> &)> &edit)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    lines.removeLast(); // after the final newline
    edit(lines);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n') + '\n');
}

} // namespace

class AuditTrailTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldKeepTheChainAcrossRotations()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        Delivery::AuditLog log(path, 16 * 1024);
        // A record is about 350 bytes: 1,200 of them fill more than the five kept rotations.
        for (int i = 0; i < 150; ++i)
            QVERIFY(log.append(decision(i)));
        QStringList files = Delivery::AuditLog::files(path);
        QVERIFY2(files.size() >= 3, qPrintable(files.join(QLatin1Char(' '))));
        auto result = Core::AuditChain::verify(read(files));
        QVERIFY(!result.firstBreak);
        QCOMPARE(result.records, 150);

        for (int i = 150; i < 1200; ++i)
            QVERIFY(log.append(decision(i)));
        files = Delivery::AuditLog::files(path);
        QCOMPARE(files.size(), Delivery::AuditLog::Keep + 1);
        // The oldest records went with the oldest file; what is left still chains.
        QVERIFY(Core::AuditChain::verify(read(files)).firstBreak); // its first "prev" is not the genesis
        result = Core::AuditChain::verify(read(files), true);
        QVERIFY(!result.firstBreak);
        QVERIFY(result.records < 1200);

        const CliRun verify = runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), path});
        const int status = verify.exitCode;
        const QString output = verify.outputAndErrors();
        QCOMPARE(status, 0);
        QVERIFY2(output.contains(QStringLiteral("chain intact (it continues files that rotation has deleted)")),
                 qPrintable(output));
    }

    void shouldChainRecordsLongerThanTheOldTail()
    {
        // The previous line is hashed whole: a 100 KiB record used to be hashed by its last 64 KiB.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        Delivery::AuditLog log(path, 10 << 20);
        QJsonObject longRecord = decision(1);
        longRecord.insert(QStringLiteral("recipients"),
                          QJsonArray::fromStringList(QStringList(5000, QStringLiteral("grp:dept-00000"))));
        QVERIFY(log.append(decision(0)));
        QVERIFY(log.append(longRecord));
        QVERIFY(log.append(decision(2)));
        QVERIFY(QFileInfo(path).size() > 64 * 1024);
        const auto result = Core::AuditChain::verify(read({path}));
        QVERIFY2(!result.firstBreak, qPrintable(result.firstBreak ? result.firstBreak->problem : QString()));
        QCOMPARE(result.records, 3);
        QCOMPARE(runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), path}).exitCode, 0);

        // A record past the bound is refused with the reason, and nothing is written.
        QJsonObject tooLong = decision(3);
        tooLong.insert(QStringLiteral("justification"), QString(Delivery::AuditLog::MaxRecordBytes, u'가'));
        const qint64 before = QFileInfo(path).size();
        QVERIFY(!log.append(tooLong));
        QVERIFY(log.errorString().contains(QStringLiteral("longer than")));
        QCOMPARE(QFileInfo(path).size(), before);
    }

    void shouldRotateAFileWhosePathHasAPercentSign()
    {
        // The rotated name is the path plus ".1": a "%1" in a folder's name is not a placeholder.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("kim%1")));
        const QString path = dir.filePath(QStringLiteral("kim%1/audit.jsonl"));
        Delivery::AuditLog log(path, 16 * 1024);
        for (int i = 0; i < 100; ++i)
            QVERIFY(log.append(decision(i)));
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".1")));
        const QStringList files = Delivery::AuditLog::files(path);
        QVERIFY(files.size() >= 2);
        for (const QString &file : files)
            QVERIFY2(file.startsWith(dir.filePath(QStringLiteral("kim%1/audit.jsonl"))), qPrintable(file));
        QCOMPARE(Core::AuditChain::verify(read(files)).records, 100);
    }

    void shouldShowWhereTheTrailWasTamperedWith_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<int>("brokenLine");
        QTest::newRow("record deleted") << 0 << 5;
        QTest::newRow("record inserted") << 1 << 7;
        QTest::newRow("choice changed") << 2 << 6;
        QTest::newRow("reordered") << 3 << 5;
    }
    void shouldShowWhereTheTrailWasTamperedWith()
    {
        QFETCH(int, edit);
        QFETCH(int, brokenLine);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        Delivery::AuditLog log(path);
        for (int i = 0; i < 10; ++i)
            QVERIFY(log.append(decision(i)));
        QCOMPARE(runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), path}).exitCode, 0);

        rewrite(path, [&](QList<QByteArray> &lines) {
            switch (edit) {
            case 0:
                lines.removeAt(4); // the 5th record: the next one no longer fits
                break;
            case 1: // a forged record, chained to the one before it: the one after it no longer fits
                lines.insert(5,
                             QJsonDocument(QJsonObject {{QStringLiteral("prev"),
                                                         QString::fromLatin1(Core::AuditChain::hash(lines.at(4)))},
                                                        {QStringLiteral("choice"), QStringLiteral("cancel")}})
                                 .toJson(QJsonDocument::Compact));
                break;
            case 2:
                lines[4].replace("send-anyway", "cancel"); // changed: the record after it breaks
                break;
            case 3:
                lines.swapItemsAt(4, 5);
                break;
            }
        });
        const CliRun verify = runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), path});
        const int status = verify.exitCode;
        const QString output = verify.outputAndErrors();
        QCOMPARE(status, 1);
        QVERIFY2(output.startsWith(QStringLiteral("%1:%2: chain broken").arg(path).arg(brokenLine)),
                 qPrintable(output));
    }

    void shouldSendRfc5424RecordsToTheSystemLog()
    {
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("log"));
        Delivery::SystemLog systemLog(socket);
        // Nobody listening yet: queued, never blocking.
        QVERIFY(!systemLog.send(decision(1)));
        QVERIFY(!systemLog.send(decision(2)));
        QCOMPARE(systemLog.queued(), std::size_t(2));

        Tests::SyslogListener listener(socket);
        QVERIFY(systemLog.send(decision(3)));
        QCOMPARE(systemLog.queued(), std::size_t(0));
        const QList<QByteArray> messages = listener.receive();
        QCOMPARE(messages.size(), 3); // the queued two first, in order
        // <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG
        static const QRegularExpression rfc5424(QStringLiteral(
            "^<109>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\S+ sendguard \\d+ audit \\[sendguard@32473 "
            "(\\w+=\"([^\"\\\\\\]]|\\\\.)*\" ?)+\\] SendGuard decision: justify send-anyway$"));
        for (int i = 0; i < 3; ++i) {
            const QString message = QString::fromUtf8(messages.at(i));
            QVERIFY2(rfc5424.match(message).hasMatch(), qPrintable(message));
            QVERIFY(message.contains(QStringLiteral("id=\"id-%1\"").arg(i + 1)));
        }
        QVERIFY(messages.first().contains("detectors=\"kr-rrn:1\" recipients=\"grp:incheon-all\" audience=\"4812\""));
        QVERIFY(messages.first().contains("justification=\"전 직원 공지가 필요한 건 \\\"긴급\\\"\\]\""));
    }

    void shouldCutAnOversizedRecordAndGoOn()
    {
        // A decision for 12,000 flagged recipients: one datagram under 8 KiB that says it was cut,
        // and the records after it still go.
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("log"));
        Tests::SyslogListener listener(socket);
        Delivery::SystemLog systemLog(socket);
        QJsonObject huge = decision(1);
        QStringList ids;
        for (int i = 0; i < 12000; ++i)
            ids.append(QStringLiteral("grp:dept-%1").arg(i, 5, 10, QLatin1Char('0')));
        huge.insert(QStringLiteral("recipients"), QJsonArray::fromStringList(ids));
        huge.insert(QStringLiteral("justification"), QString(3000, u'"'));
        QVERIFY(systemLog.send(huge));
        QVERIFY(systemLog.send(decision(2)));
        const QList<QByteArray> messages = listener.receive();
        QCOMPARE(messages.size(), 2);
        QVERIFY2(messages.at(0).size() < 8192, QByteArray::number(messages.at(0).size()).constData());
        QVERIFY(messages.at(0).contains("recipients=\"grp:dept-00000,grp:dept-00001,"));
        QVERIFY(messages.at(0).contains(",…\""));
        QVERIFY(messages.at(0).contains("truncated=\"true\""));
        QVERIFY(messages.at(1).contains("id=\"id-2\""));
        QVERIFY(!messages.at(1).contains("truncated"));
    }

    void shouldSayHowManyRecordsWereDropped()
    {
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("log"));
        Delivery::SystemLog systemLog(socket);
        const int over = 5;
        for (int i = 0; i < int(Delivery::SystemLog::MaxQueued) + over; ++i)
            QVERIFY(!systemLog.send(decision(i))); // nobody listening: queued, the oldest dropped
        QCOMPARE(systemLog.queued(), Delivery::SystemLog::MaxQueued);
        QCOMPARE(systemLog.dropped(), quint64(over));
        Tests::SyslogListener listener(socket);
        // The listener's queue holds a few datagrams (net.unix.max_dgram_qlen): the rest go as it drains.
        QList<QByteArray> messages;
        for (int round = 0; round < 1000 && (round == 0 || systemLog.queued() > 0); ++round) {
            (void)systemLog.send(decision(10000 + round));
            messages += listener.receive();
        }
        QCOMPARE(systemLog.queued(), std::size_t(0));
        QVERIFY(!messages.isEmpty());
        // The first record sent into the full queue pushed out one more.
        QCOMPARE(systemLog.dropped(), quint64(over + 1));
        QVERIFY2(messages.first().contains("[sendguard@32473 dropped=\"6\" "), messages.first().constData());
        QVERIFY(!messages.last().contains("dropped="));
    }

    void shouldCountWhatItCouldNeverForwardForPolicyStatus()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("audit.jsonl"));
        {
            Delivery::AuditTrail trail(
                {file, dir.filePath(QStringLiteral("none")), dir.filePath(QStringLiteral("no-collector"))});
            for (int i = 0; i < int(Delivery::SystemLog::MaxQueued) + 3; ++i)
                trail.record(decision(i));
        }
        const auto kept = Delivery::ForwardingStatus::read(Delivery::ForwardingStatus::pathFor(file));
        QVERIFY(kept);
        QCOMPARE(kept->systemLogDropped, quint64(3));
        QCOMPARE(kept->collectorDropped, quint64(3));
        QVERIFY(kept->lastDrop.isValid());

        // A second process of the same user adds to the counts (it has no collector to send to).
        Delivery::AuditTrail again({file, dir.filePath(QStringLiteral("none")), QString()});
        for (int i = 0; i < int(Delivery::SystemLog::MaxQueued) + 1; ++i)
            again.record(decision(i));
        QCOMPARE(Delivery::ForwardingStatus::read(Delivery::ForwardingStatus::pathFor(file))->systemLogDropped,
                 quint64(4));
        QCOMPARE(Delivery::ForwardingStatus::read(Delivery::ForwardingStatus::pathFor(file))->collectorDropped,
                 quint64(3));

        qputenv("SENDGUARD_AUDIT_FILE", QFile::encodeName(file));
        const CliRun status = runSendGuard({QStringLiteral("policy"), QStringLiteral("status"),
                                            QStringLiteral("--root"), dir.filePath(QStringLiteral("root"))});
        const CliRun json = runSendGuard({QStringLiteral("policy"), QStringLiteral("status"), QStringLiteral("--json"),
                                          QStringLiteral("--root"), dir.filePath(QStringLiteral("root"))});
        qunsetenv("SENDGUARD_AUDIT_FILE");
        QVERIFY2(status.output().contains(
                     QStringLiteral("your audit records never forwarded: 4 to the system log, 3 to the machine's")),
                 qPrintable(status.outputAndErrors()));
        const QJsonObject forwarding =
            QJsonDocument::fromJson(json.out).object().value(QLatin1String("auditForwarding")).toObject();
        QCOMPARE(forwarding.value(QLatin1String("systemLogDropped")).toInteger(), 4);
    }

    void shouldWriteTheFileEvenWhenTheSystemLogIsDown()
    {
        QTemporaryDir dir;
        Delivery::AuditTrail trail({dir.filePath(QStringLiteral("audit.jsonl")), dir.filePath(QStringLiteral("none")),
                                    dir.filePath(QStringLiteral("no-collector"))});
        trail.record(decision(1));
        Core::AuditSettings settings;
        settings.recordJustification = false;
        trail.configure(settings);
        trail.record(decision(2));
        settings.enabled = false;
        trail.configure(settings);
        trail.record(decision(3));
        const auto contents = read({trail.filePath()});
        const QList<QByteArray> lines = contents.first().second.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).contains("justification"));
        QVERIFY(!lines.at(1).contains("justification"));
    }
};

QTEST_GUILESS_MAIN(AuditTrailTest)
#include "audittrailtest.moc"
