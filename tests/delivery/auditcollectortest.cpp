// SPDX-License-Identifier: GPL-2.0-or-later
// The machine's audit trail: the real `sendguard audit collect` keeps a copy of every record the
// AuditTrail writes locally, and `sendguard audit verify --against` finds a local trail its owner
// rewrote and chained again, which the chain alone cannot. As root, a second user's records are
// filed under the account the system reports, and that user cannot write the machine trail.
#include "auditdestinations.h"
#include "audittrail.h"

#include "clirunner.h"

#include "audit/auditchain.h"
#include "audit/auditevent.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace SendGuard;
using Tests::runSendGuard;

namespace {

QJsonObject decision(int n, const QString &choice)
{
    return {{QStringLiteral("event"), QStringLiteral("decision")},
            {QStringLiteral("id"), QStringLiteral("send-%1").arg(n)},
            {QStringLiteral("user"), QStringLiteral("kim.yejin")},
            {QStringLiteral("verdict"), QStringLiteral("justify")},
            {QStringLiteral("choice"), choice}};
}

QList<QByteArray> lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> result = file.readAll().split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

// What the file's owner can do to their own trail: drop a record and chain the rest again.
void deleteAndRechain(const QString &path, int index)
{
    QList<QByteArray> kept = lines(path);
    kept.removeAt(index);
    QByteArray prev = Core::AuditChain::genesis();
    QByteArray content;
    for (const QByteArray &line : kept) {
        QJsonObject object = QJsonDocument::fromJson(line).object();
        object.insert(QStringLiteral("prev"), QString::fromLatin1(prev));
        const QByteArray rewritten = QJsonDocument(object).toJson(QJsonDocument::Compact);
        prev = Core::AuditChain::hash(rewritten);
        content += rewritten + '\n';
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

} // namespace

class AuditCollectorTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_collector;

    QString socketPath() const { return m_dir->filePath(QStringLiteral("run/audit.sock")); }
    QString machineTrail() const { return m_dir->filePath(QStringLiteral("log/audit.jsonl")); }
    QString localTrail() const { return m_dir->filePath(QStringLiteral("home/audit.jsonl")); }
    Delivery::AuditDestinations destinations() const
    {
        return {localTrail(), m_dir->filePath(QStringLiteral("no-syslog")), socketPath()};
    }

    bool startCollector()
    {
        m_collector = std::make_unique<QProcess>();
        m_collector->setReadChannel(QProcess::StandardError);
        m_collector->start(QStringLiteral(SENDGUARD_CLI),
                           {QStringLiteral("audit"), QStringLiteral("collect"), QStringLiteral("--socket"),
                            socketPath(), QStringLiteral("--trail"), machineTrail()});
        if (!m_collector->waitForStarted())
            return false;
        // It says so on standard error once the socket is there.
        for (QByteArray said; !(said += m_collector->readAllStandardError()).contains("listening");) {
            if (!m_collector->waitForReadyRead(10000))
                return false;
        }
        return true;
    }

    void stopCollector()
    {
        if (!m_collector)
            return;
        m_collector->terminate();
        m_collector->waitForFinished();
        m_collector.reset();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("run"))));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("home"))));
    }

    void cleanup() { stopCollector(); }

    void shouldFindALocalTrailRewrittenByItsOwner()
    {
        QVERIFY(startCollector());
        Delivery::AuditTrail trail(destinations());
        const QStringList choices {QStringLiteral("cancel"), QStringLiteral("send-anyway"), QStringLiteral("cancel"),
                                   QStringLiteral("mask-and-send")};
        for (int i = 0; i < choices.size(); ++i)
            trail.record(decision(i, choices.at(i)));
        QTRY_COMPARE(lines(machineTrail()).size(), 4);

        // Each machine record is the local line as received, filed under the sender's account.
        const QList<QByteArray> local = lines(localTrail());
        const QList<QByteArray> machine = lines(machineTrail());
        for (int i = 0; i < 4; ++i) {
            const QJsonObject collected = QJsonDocument::fromJson(machine.at(i)).object();
            QCOMPARE(collected.value(QLatin1String("event")).toString(), QStringLiteral("collected"));
            QCOMPARE(collected.value(QLatin1String("line")).toString().toLatin1(), Core::AuditChain::hash(local.at(i)));
            QCOMPARE(collected.value(QLatin1String("peer")).toObject().value(QLatin1String("uid")).toInteger(),
                     qint64(::geteuid()));
            QCOMPARE(collected.value(QLatin1String("record")).toObject(),
                     QJsonDocument::fromJson(local.at(i)).object());
        }
        QCOMPARE(runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), machineTrail()}).exitCode, 0);

        const Tests::CliRun matching = runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), localTrail(),
                                                     QStringLiteral("--against"), machineTrail()});
        QVERIFY2(matching.exitCode == 0, qPrintable(matching.outputAndErrors()));
        QVERIFY2(matching.output().contains(QStringLiteral("4 of 4 records are in the machine trail")),
                 qPrintable(matching.output()));

        // The owner removes the "send anyway" and chains the rest again: the chain alone passes.
        deleteAndRechain(localTrail(), 1);
        QCOMPARE(runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), localTrail()}).exitCode, 0);
        const Tests::CliRun rewritten = runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), localTrail(),
                                                      QStringLiteral("--against"), machineTrail()});
        QVERIFY2(rewritten.exitCode == 1, qPrintable(rewritten.outputAndErrors()));
        QVERIFY2(rewritten.output().contains(QStringLiteral("no longer holds")), qPrintable(rewritten.output()));
        QVERIFY2(rewritten.output().contains(QStringLiteral("record id send-1")), qPrintable(rewritten.output()));
        QVERIFY(rewritten.output().contains(QStringLiteral("does NOT match")));
    }

    void shouldSendWhatWaitedWhileTheCollectorWasDown()
    {
        Delivery::AuditTrail trail(destinations());
        trail.record(decision(1, QStringLiteral("cancel")));
        trail.record(decision(2, QStringLiteral("send-anyway")));
        QVERIFY(!QFile::exists(machineTrail()));
        QVERIFY(startCollector());
        trail.record(decision(3, QStringLiteral("cancel")));
        QTRY_COMPARE(lines(machineTrail()).size(), 3);

        // A restarted collector gets the next records on a new connection.
        stopCollector();
        QVERIFY(startCollector());
        trail.record(decision(4, QStringLiteral("cancel")));
        QTRY_COMPARE(lines(machineTrail()).size(), 4);
        const Tests::CliRun run = runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), localTrail(),
                                                QStringLiteral("--against"), machineTrail()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.outputAndErrors()));
    }

    void shouldSayWhichRecordsTheMachineNeverReceived()
    {
        {
            Delivery::AuditTrail trail({localTrail(), m_dir->filePath(QStringLiteral("no-syslog")), QString()});
            trail.record(decision(1, QStringLiteral("send-anyway"))); // no collector configured
        }
        QVERIFY(startCollector());
        Delivery::AuditTrail trail(destinations());
        trail.record(decision(2, QStringLiteral("cancel")));
        QTRY_COMPARE(lines(machineTrail()).size(), 1);
        const Tests::CliRun run = runSendGuard({QStringLiteral("audit"), QStringLiteral("verify"), localTrail(),
                                                QStringLiteral("--against"), machineTrail()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output().contains(localTrail() + QStringLiteral(":1: first of 1 records the machine trail never")),
                 qPrintable(run.output()));
    }

    void shouldFileRecordsUnderTheSendersRealAccount()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runs the collector as root and a client as the user nobody (setpriv)");
        QVERIFY(QFile::setPermissions(m_dir->path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                          QFile::ExeOther));
        QVERIFY(startCollector());
        // nobody sends what is not a record, a line too long to be one, then a record claiming to
        // be root's: the first two are refused without stopping the third.
        const QString client = QStringLiteral("import socket, sys\n"
                                              "s = socket.socket(socket.AF_UNIX)\n"
                                              "s.connect(sys.argv[1])\n"
                                              "s.sendall(b'not json\\n' + b'{' * 300000 + b'\\n')\n"
                                              "s.sendall(b'{\"event\":\"decision\",\"user\":\"root\"}\\n')\n"
                                              "s.close()\n");
        QProcess nobody;
        nobody.start(QStringLiteral("setpriv"),
                     {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                      QStringLiteral("--clear-groups"), QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"),
                      client, socketPath()});
        QVERIFY(nobody.waitForFinished());
        QVERIFY2(nobody.exitCode() == 0, nobody.readAllStandardError().constData());
        QTRY_COMPARE(lines(machineTrail()).size(), 1);
        const QJsonObject collected = QJsonDocument::fromJson(lines(machineTrail()).first()).object();
        QCOMPARE(collected.value(QLatin1String("peer")).toObject().value(QLatin1String("uid")).toInteger(), 65534);
        QCOMPARE(collected.value(QLatin1String("record")).toObject().value(QLatin1String("user")).toString(),
                 QStringLiteral("root"));

        // The machine trail is root's: nobody can neither append to it nor replace it.
        const int append =
            QProcess::execute(QStringLiteral("setpriv"),
                              {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                               QStringLiteral("--clear-groups"), QStringLiteral("sh"), QStringLiteral("-c"),
                               QStringLiteral("echo forged >> \"$0\" || mv /dev/null \"$0\""), machineTrail()});
        QVERIFY(append != 0);
        QCOMPARE(lines(machineTrail()).size(), 1);
    }

    void shouldSendToTheMachinesCollectorFromAnInstalledBinary()
    {
        qputenv("SENDGUARD_AUDIT_COLLECTOR", "/tmp/elsewhere.sock");
        qputenv("SENDGUARD_AUDIT_FILE", "/tmp/elsewhere.jsonl");
        // A copy a user could have put anywhere (a build tree, an evaluation): tests point it away.
        const QString userCopy = m_dir->filePath(QStringLiteral("home/libsendguardplugin.so"));
        QVERIFY(QFile::copy(QStringLiteral(SENDGUARD_CLI), userCopy));
        QVERIFY(QFile::setPermissions(userCopy, QFile::permissions(userCopy) | QFile::WriteOther));
        const auto trial = Delivery::AuditDestinations::fromEnvironment(userCopy);
        QCOMPARE(trial.collectorSocket, QStringLiteral("/tmp/elsewhere.sock"));
        QCOMPARE(trial.file, QStringLiteral("/tmp/elsewhere.jsonl"));
        // An installed binary (root's, in folders only root can write): the machine's collector,
        // whatever the user's environment says. Their own local copy may live where they like.
        const auto installed = Delivery::AuditDestinations::fromEnvironment(QStringLiteral("/usr/bin/env"));
        QCOMPARE(installed.collectorSocket, Delivery::AuditDestinations::standardCollectorSocket());
        QCOMPARE(installed.file, QStringLiteral("/tmp/elsewhere.jsonl"));
        qunsetenv("SENDGUARD_AUDIT_COLLECTOR");
        qunsetenv("SENDGUARD_AUDIT_FILE");
    }
};

QTEST_GUILESS_MAIN(AuditCollectorTest)
#include "auditcollectortest.moc"
