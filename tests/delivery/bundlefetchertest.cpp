// SPDX-License-Identifier: GPL-2.0-or-later
// BundleFetcher against a real nginx on 127.0.0.1 serving bundles signed with the real minisign:
// an accepted update, 304 Not Modified, a tampered byte, a wrong key, rollback, replay, expiry,
// an oversized body, a slow server, a server that is down, and key rotation with and without a
// cross-signed bundle. A rejected bundle leaves the policy as it was and says why in the audit
// trail; being offline says nothing.
#include "bundlefetcher.h"
#include "audittrail.h"
#include "policystore.h"

#include "clirunner.h"
#include "minisignfortests.h"
#include "nginxserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard;
using Delivery::BundleFetcher;
using Delivery::PolicyStore;
using SendGuard::Tests::CliRun;
using SendGuard::Tests::runSendGuard;

namespace {

QStringList &warnings()
{
    static QStringList list;
    return list;
}

void captureWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type >= QtWarningMsg)
        warnings().append(message);
}

void writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions permissions = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    file.close();
    if (permissions)
        file.setPermissions(permissions);
}

// A bundle: a policy fragment with a version, and what the test wants in it.
QByteArray bundle(qint64 version, int minLength, const QString &extra = {})
{
    return QStringLiteral("{\"id\": \"incheon-metro\", \"version\": %1, \"justification\": {\"minLength\": %2}%3}\n")
        .arg(version)
        .arg(minLength)
        .arg(extra)
        .toUtf8();
}

// What a bundle of a later sequence says (the managed policy's remote.epoch), signed with it.
const QString inEpoch1 = QStringLiteral(", \"remote\": {\"epoch\": 1}");

} // namespace

class BundleFetcherTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_keys;
    std::unique_ptr<Tests::MinisignKey> m_key; // pinned in the managed policy
    std::unique_ptr<Tests::MinisignKey> m_newKey; // rotated to
    std::unique_ptr<Tests::MinisignKey> m_strangerKey; // never trusted
    std::unique_ptr<Tests::MinisignKey> m_recoveryKey; // what IT pins after revoking m_key

    std::unique_ptr<QTemporaryDir> m_machine; // recommended/, managed/, state/, audit.jsonl
    std::unique_ptr<QTemporaryDir> m_site; // what nginx serves
    std::unique_ptr<Tests::NginxServer> m_nginx;
    std::unique_ptr<Delivery::AuditTrail> m_audit;
    std::unique_ptr<PolicyStore> m_store;
    std::unique_ptr<BundleFetcher> m_fetcher;
    int m_published = 0;

    // The managed policy: the bundle's URL and the pinned key (m_key unless another is given).
    void manage(const QString &path, int timeoutSeconds = 2, const Tests::MinisignKey *key = nullptr, int epoch = 0,
                bool restart = true)
    {
        const QByteArray managed =
            QStringLiteral("{\"remote\": {\"url\": \"%1\", \"publicKeys\": [\"%2\"], \"timeoutSeconds\": %3, "
                           "\"epoch\": %4}}")
                .arg(m_nginx->url(path), (key ? key : m_key.get())->publicKey(), QString::number(timeoutSeconds),
                     QString::number(epoch))
                .toUtf8();
        writeFile(m_machine->filePath(QStringLiteral("managed/sendguard.json")), managed,
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        if (restart)
            restartMachine();
    }

    // The workstation starting again: the same folders, new objects.
    void restartMachine()
    {
        m_fetcher.reset();
        m_store.reset();
        m_audit = std::make_unique<Delivery::AuditTrail>(Delivery::AuditDestinations {
            m_machine->filePath(QStringLiteral("audit.jsonl")), m_machine->filePath(QStringLiteral("no-syslog")),
            m_machine->filePath(QStringLiteral("no-collector"))});
        m_store = std::make_unique<PolicyStore>(Delivery::PolicyRoots::under(m_machine->path()));
        m_fetcher = std::make_unique<BundleFetcher>(*m_store, m_audit.get());
        m_fetcher->start();
    }

    // Serves bytes as name, signed by key (name.minisig), and returns the signature.
    QByteArray publish(const QString &name, const QByteArray &bytes, const Tests::MinisignKey &key)
    {
        const QString path = m_site->filePath(name);
        writeFile(path, bytes);
        // nginx's ETag is the modification time and size: two bundles of one size written in the
        // same second would look alike. A real publisher is not that quick; the test moves time on.
        QFile file(path);
        file.open(QIODevice::ReadWrite);
        file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(++m_published * 10),
                         QFileDevice::FileModificationTime);
        return key.sign(path);
    }

    QString fetch()
    {
        QSignalSpy finished(m_fetcher.get(), &BundleFetcher::fetchFinished);
        m_fetcher->fetchNow();
        if (!finished.wait(20000))
            return QStringLiteral("<no answer>");
        return finished.first().first().toString();
    }

    QList<QJsonObject> audit() const
    {
        QList<QJsonObject> records;
        QFile file(m_machine->filePath(QStringLiteral("audit.jsonl")));
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (!line.isEmpty())
                    records.append(QJsonDocument::fromJson(line).object());
            }
        }
        return records;
    }

    // Version 5 (minLength 40) accepted: where most cases start.
    void acceptVersion5()
    {
        manage(QStringLiteral("bundle.json"));
        publish(QStringLiteral("bundle.json"), bundle(5, 40), *m_key);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        QCOMPARE(m_store->policy().justificationMinLength, 40);
    }

    void expectRejected(const QString &reason)
    {
        const int before = int(audit().size());
        const QString result = fetch();
        QVERIFY2(result.startsWith(QStringLiteral("rejected: ") + reason), qPrintable(result));
        QCOMPARE(m_store->policy().justificationMinLength, 40); // the previous policy stays
        QCOMPARE(m_store->policy().version, 5);
        QCOMPARE(audit().size(), before + 1);
        QCOMPARE(audit().last().value("event").toString(), QStringLiteral("policy-bundle-rejected"));
        QVERIFY(audit().last().value("reason").toString().startsWith(reason));
        // It survives a restart too.
        restartMachine();
        QCOMPARE(m_store->policy().justificationMinLength, 40);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInstallMessageHandler(captureWarnings);
        m_key = std::make_unique<Tests::MinisignKey>(QDir(m_keys.path()), QStringLiteral("it"));
        m_newKey = std::make_unique<Tests::MinisignKey>(QDir(m_keys.path()), QStringLiteral("it-2027"));
        m_strangerKey = std::make_unique<Tests::MinisignKey>(QDir(m_keys.path()), QStringLiteral("stranger"));
        m_recoveryKey = std::make_unique<Tests::MinisignKey>(QDir(m_keys.path()), QStringLiteral("it-2028"));
    }

    void init()
    {
        m_machine = std::make_unique<QTemporaryDir>();
        m_site = std::make_unique<QTemporaryDir>();
        QFile::setPermissions(m_site->path(), QFile::permissions(m_site->path()) | QFile::ReadOther | QFile::ExeOther);
        m_nginx = std::make_unique<Tests::NginxServer>(m_site->path());
        warnings().clear();
    }

    void cleanup()
    {
        m_fetcher.reset();
        m_store.reset();
        m_audit.reset();
        m_nginx.reset();
    }

    void shouldApplyASignedUpdateAndKeepItAcrossRestarts()
    {
        acceptVersion5();
        QCOMPARE(m_store->policy().id, QStringLiteral("incheon-metro"));
        QCOMPARE(audit().last().value("event").toString(), QStringLiteral("policy-bundle-accepted"));
        QCOMPARE(audit().last().value("key").toString(), m_key->keyId());
        // Restarted with the server gone: the accepted bundle is still in force.
        m_nginx->stop();
        restartMachine();
        QCOMPARE(m_store->policy().justificationMinLength, 40);
        QCOMPARE(m_fetcher->activeVersion(), 5);
        // A newer one applies.
        m_nginx = std::make_unique<Tests::NginxServer>(m_site->path());
        manage(QStringLiteral("bundle.json"));
        publish(QStringLiteral("bundle.json"), bundle(6, 45), *m_key);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        QCOMPARE(m_store->policy().justificationMinLength, 45);
    }

    void shouldAskWithTheETagAndGetNotModified()
    {
        acceptVersion5();
        QCOMPARE(fetch(), QStringLiteral("not modified"));
        QCOMPARE(m_store->policy().justificationMinLength, 40);
    }

    void shouldRejectATamperedByte()
    {
        acceptVersion5();
        const QByteArray signature = publish(QStringLiteral("bundle.json"), bundle(6, 45), *m_key);
        writeFile(m_site->filePath(QStringLiteral("bundle.json")), bundle(6, 1)); // after signing
        expectRejected(QStringLiteral("bad signature"));
    }

    void shouldRejectAnUnknownKey()
    {
        acceptVersion5();
        publish(QStringLiteral("bundle.json"), bundle(6, 45), *m_strangerKey);
        expectRejected(QStringLiteral("unknown key"));
        QCOMPARE(audit().last().value("key").toString(), m_strangerKey->keyId());
    }

    void shouldRejectARollback()
    {
        acceptVersion5();
        publish(QStringLiteral("bundle.json"), bundle(4, 1), *m_key);
        expectRejected(QStringLiteral("version lower than the highest accepted"));
    }

    void shouldRejectAReplayOfAVersionWithOtherContent()
    {
        acceptVersion5();
        publish(QStringLiteral("bundle.json"), bundle(5, 1), *m_key);
        expectRejected(QStringLiteral("same version as an accepted bundle, different content"));
    }

    void shouldRejectAnExpiredBundle()
    {
        acceptVersion5();
        publish(QStringLiteral("bundle.json"), bundle(6, 1, QStringLiteral(", \"expires\": \"2020-01-01\"")), *m_key);
        expectRejected(QStringLiteral("expired bundle"));
    }

    void shouldRejectAnOversizedBody()
    {
        acceptVersion5();
        const QString padding = QString(1100 * 1024, QLatin1Char('x'));
        publish(QStringLiteral("bundle.json"), bundle(6, 1, QStringLiteral(", \"description\": \"%1\"").arg(padding)),
                *m_key);
        expectRejected(QStringLiteral("bundle larger than 1048576 bytes"));
    }

    void shouldRejectABundleThatIsNotAPolicy()
    {
        acceptVersion5();
        publish(QStringLiteral("bundle.json"), "{\"version\": 6, \"justification\": {\"minLength\": 0}}", *m_key);
        expectRejected(QStringLiteral("not a valid policy: bundle:1:47: error: justification.minLength"));
    }

    void shouldGiveUpOnASlowServerSilently()
    {
        acceptVersion5();
        manage(QStringLiteral("slow/bundle.json"), 1);
        const int records = int(audit().size());
        QVERIFY2(fetch().startsWith(QStringLiteral("offline: timed out")), qPrintable(fetch()));
        QCOMPARE(m_store->policy().justificationMinLength, 40);
        QCOMPARE(audit().size(), records);
    }

    void shouldTreatAServerThatIsDownAsOfflineAndSilent()
    {
        acceptVersion5();
        m_nginx->stop();
        const int records = int(audit().size());
        warnings().clear();
        const QString result = fetch();
        QVERIFY2(result.startsWith(QStringLiteral("offline: ")), qPrintable(result));
        QCOMPARE(m_store->policy().justificationMinLength, 40);
        QCOMPARE(audit().size(), records);
        QVERIFY2(warnings().isEmpty(), qPrintable(warnings().join('\n')));
    }

    void shouldTrustANewKeyOnlyFromABundleSignedByATrustedOne()
    {
        acceptVersion5();
        // Signed by the new key before anything introduced it: unknown.
        publish(QStringLiteral("bundle.json"), bundle(6, 45), *m_newKey);
        expectRejected(QStringLiteral("unknown key"));

        // Cross-signed: version 6, signed by the trusted key, carries the new key.
        publish(QStringLiteral("bundle.json"),
                bundle(6, 45,
                       QStringLiteral(", \"remote\": {\"url\": \"https://ignored.example/b.json\", \"publicKeys\": "
                                      "[\"%1\"]}")
                           .arg(m_newKey->publicKey())),
                *m_key);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        QCOMPARE(m_store->policy().remote.url,
                 m_nginx->url(QStringLiteral("bundle.json"))); // the bundle cannot move itself
        // From now on the new key signs, also after a restart.
        restartMachine();
        publish(QStringLiteral("bundle.json"), bundle(7, 50), *m_newKey);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        QCOMPARE(m_store->policy().justificationMinLength, 50);
    }

    void shouldLetITRecoverFromARotatedKeyGoneBadByTheManagedFileAlone()
    {
        // m_key brings in m_newKey; m_newKey is stolen and signs the highest version there is.
        acceptVersion5();
        publish(QStringLiteral("bundle.json"),
                bundle(6, 45,
                       QStringLiteral(", \"remote\": {\"url\": \"https://x.example/b.json\", \"publicKeys\": [\"%1\"]}")
                           .arg(m_newKey->publicKey())),
                *m_key);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        publish(QStringLiteral("bundle.json"), bundle(9007199254740991, 11), *m_newKey);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        QCOMPARE(m_store->policy().justificationMinLength, 11);
        // IT's own next bundle is a rollback now: locked out.
        publish(QStringLiteral("bundle.json"), bundle(7, 50), *m_key);
        QVERIFY(fetch().startsWith(QStringLiteral("rejected: version lower")));

        // The recovery, in the managed file only: a new pinned key (m_key, and all it brought, go)
        // and a new epoch (a new sequence of versions). No state file is touched.
        manage(QStringLiteral("bundle.json"), 2, m_recoveryKey.get(), 1);
        QCOMPARE(m_fetcher->trustedKeys().size(), 1); // m_newKey went with the key that brought it
        QCOMPARE(m_store->policy().justificationMinLength, 10); // built-in: the stolen key's bundle no longer applies
        publish(QStringLiteral("bundle.json"), bundle(1, 50, inEpoch1), *m_recoveryKey);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        QCOMPARE(m_store->policy().justificationMinLength, 50);
        // A bundle of the old sequence, even signed by the key trusted now, cannot be replayed.
        publish(QStringLiteral("bundle.json"), bundle(2, 10), *m_recoveryKey);
        QVERIFY(fetch().startsWith(
            QStringLiteral("rejected: the bundle is for epoch 0, the managed policy is in epoch 1")));
        const CliRun verify = runSendGuard(
            {"policy", "verify", m_site->filePath(QStringLiteral("bundle.json")), "--root", m_machine->path()});
        QCOMPARE(verify.exitCode, 1);
        QVERIFY2(verify.output().contains(QStringLiteral("this machine: refused: the bundle is for epoch 0")),
                 qPrintable(verify.output()));
        publish(QStringLiteral("bundle.json"), bundle(2, 10, inEpoch1), *m_newKey);
        QVERIFY(fetch().startsWith(QStringLiteral("rejected: unknown key")));
        publish(QStringLiteral("bundle.json"), bundle(3, 10, inEpoch1), *m_key);
        QVERIFY(fetch().startsWith(QStringLiteral("rejected: unknown key")));
        // The new sequence holds against rollback like the old one did.
        publish(QStringLiteral("bundle.json"), bundle(1, 55, inEpoch1), *m_recoveryKey);
        QVERIFY(fetch().startsWith(QStringLiteral("rejected: same version")));
        restartMachine();
        QCOMPARE(m_store->policy().justificationMinLength, 50);
    }

    void shouldWithdrawARevokedKeysBundleFromARunningWorkstation()
    {
        acceptVersion5();
        m_store->watch();
        const qsizetype before = audit().size();
        // IT pins only the recovery key while the client runs: m_key's bundle leaves at once,
        // not at the next fetch or restart.
        manage(QStringLiteral("bundle.json"), 2, m_recoveryKey.get(), 0, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->policy().justificationMinLength, 10, 10000);
        QCOMPARE(m_fetcher->activeVersion(), 0);
        const QList<QJsonObject> records = audit();
        QCOMPARE(records.size(), before + 1);
        QCOMPARE(records.last().value(QLatin1String("event")).toString(), QStringLiteral("policy-bundle-rejected"));
        QVERIFY(records.last().value(QLatin1String("reason")).toString().contains(QStringLiteral("withdrawn")));

        // Raising the epoch alone withdraws the bundle of the old sequence too.
        manage(QStringLiteral("bundle.json"));
        publish(QStringLiteral("bundle.json"), bundle(6, 45), *m_key);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        m_store->watch();
        manage(QStringLiteral("bundle.json"), 2, nullptr, 1, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->policy().justificationMinLength, 10, 10000);
        // A managed change that keeps the keys and the epoch keeps the bundle.
        publish(QStringLiteral("bundle.json"), bundle(1, 45, inEpoch1), *m_key);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        manage(QStringLiteral("bundle.json"), 3, nullptr, 1, false);
        QTest::qWait(1000);
        QCOMPARE(m_store->policy().remote.timeoutSeconds, 3);
        QCOMPARE(m_store->policy().justificationMinLength, 45);
    }

    void shouldShowSourcesAndBundlesInTheCommandLineTool()
    {
        acceptVersion5();
        const QString root = m_machine->path();
        CliRun run = runSendGuard({"policy", "status", "--root", root});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output().contains(QStringLiteral("policy in force: incheon-metro version 5")),
                 qPrintable(run.output()));
        QVERIFY(run.output().contains(
            QStringLiteral("managed  %1  applied").arg(m_machine->filePath("managed/sendguard.json"))));
        QVERIFY(run.output().contains(QStringLiteral("in force: version 5")));
        QVERIFY(run.output().contains(QStringLiteral("last fetch: ")) &&
                run.output().contains(QStringLiteral(" accepted")));

        const QString bundlePath = m_site->filePath(QStringLiteral("bundle.json"));
        run = runSendGuard({"policy", "verify", bundlePath, "--pubkey", m_keys.filePath("it.pub"), "--root", root});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output().contains(QStringLiteral("signature valid, key %1").arg(m_key->keyId())),
                 qPrintable(run.output()));
        QVERIFY(run.output().contains(QStringLiteral("this machine: already in force")));

        publish(QStringLiteral("bundle.json"), bundle(6, 45), *m_strangerKey);
        run = runSendGuard({"policy", "verify", bundlePath, "--root", root}); // the machine's keys
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output().contains(
                     QStringLiteral("invalid: unknown key (signed with key %1)").arg(m_strangerKey->keyId())),
                 qPrintable(run.output()));

        writeFile(m_machine->filePath(QStringLiteral("managed/zz-broken.json")), "{\"failureMode\": 1}",
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        run = runSendGuard({"policy", "status", "--root", root});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output().contains(m_machine->filePath(QStringLiteral("managed/zz-broken.json")) +
                                       QStringLiteral(":1:17: error: failureMode")),
                 qPrintable(run.output()));
    }

    void shouldFollowWhatTheRootServiceAccepts()
    {
        // The plugin as a user: it follows the state folder that `sendguard policy fetch` (root) keeps.
        manage(QStringLiteral("bundle.json"));
        m_fetcher->followState();
        publish(QStringLiteral("bundle.json"), bundle(5, 40), *m_key);
        const QString root = m_machine->path();
        CliRun run = runSendGuard({"policy", "fetch", "--root", root});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output().endsWith(QStringLiteral(": accepted\n")), qPrintable(run.output()));
        QTRY_COMPARE_WITH_TIMEOUT(m_store->policy().justificationMinLength, 40, 2000);
        QCOMPARE(m_fetcher->activeVersion(), 5);

        publish(QStringLiteral("bundle.json"), bundle(4, 1), *m_key);
        run = runSendGuard({"policy", "fetch", "--root", root});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output().contains(QStringLiteral("rejected: version lower than the highest accepted")),
                 qPrintable(run.output()));
        QFile serviceAudit(m_machine->filePath(QStringLiteral("state/audit.jsonl")));
        QVERIFY(serviceAudit.open(QIODevice::ReadOnly));
        QVERIFY(serviceAudit.readAll().contains("\"event\":\"policy-bundle-rejected\""));

        m_nginx->stop();
        run = runSendGuard({"policy", "fetch", "--root", root});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(m_store->policy().justificationMinLength, 40);
    }

    void shouldSayWhenTheBundleInForceIsStale()
    {
        manage(QStringLiteral("bundle.json"));
        const QDate expires = QDate::currentDate().addDays(3);
        publish(QStringLiteral("bundle.json"),
                bundle(5, 40, QStringLiteral(", \"expires\": \"%1\"").arg(expires.toString(Qt::ISODate))), *m_key);
        QCOMPARE(fetch(), QStringLiteral("accepted"));
        QCOMPARE(m_fetcher->activeExpires(), expires);
        const int grace = m_store->policy().remote.staleAfterDays;
        QVERIFY(!m_fetcher->isStale(QDate::currentDate()));
        QVERIFY(!m_fetcher->isStale(expires.addDays(grace)));
        QVERIFY(m_fetcher->isStale(expires.addDays(grace + 1)));
        // Stale or not, it stays in force: never "no policy".
        QCOMPARE(m_store->policy().justificationMinLength, 40);
    }
};

QTEST_GUILESS_MAIN(BundleFetcherTest)
#include "bundlefetchertest.moc"
