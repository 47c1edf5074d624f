// SPDX-License-Identifier: GPL-2.0-or-later
// SafeFile: SendGuard's writes never follow a symbolic link, and root never writes into a folder
// an ordinary user owns — the way a user could make root overwrite any file.
#include "safefile.h"
#include "auditlog.h"
#include "policyroots.h"
#include "policystore.h"

#include "clirunner.h"

#include "common/boundedfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using SendGuard::Delivery::AuditLog;
using SendGuard::Delivery::SafeFile;
using SendGuard::Tests::runSendGuard;
using SendGuard::Tests::writeTestFile;

namespace {

constexpr uid_t Nobody = 65534;

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class SafeFileTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_victim;

private Q_SLOTS:
    void init()
    {
        // A file the writer must never touch (as root: /etc/shadow in the review's demonstration).
        m_victim = writeTestFile(m_dir.path(), QStringLiteral("victim"), "precious\n");
    }

    void shouldReplaceALinkInsteadOfWritingThroughIt()
    {
        const QString state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(QDir().mkpath(state));
        const QString path = state + QStringLiteral("/bundle-state.json");
        QVERIFY(QFile::link(m_victim, path));
        QString error;
        QVERIFY2(SafeFile::writeAtomically(path, "{\"highest\": 7}\n", &error), qPrintable(error));
        QCOMPARE(contents(m_victim), QByteArray("precious\n"));
        QVERIFY(!QFileInfo(path).isSymLink());
        QCOMPARE(contents(path), QByteArray("{\"highest\": 7}\n"));
        QCOMPARE(QDir(state).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary file left
    }

    void shouldNotAppendThroughALink()
    {
        const QString folder = m_dir.filePath(QStringLiteral("audit"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/audit.jsonl");
        QVERIFY(QFile::link(m_victim, path));
        AuditLog log(path);
        QVERIFY(!log.append({{QStringLiteral("event"), QStringLiteral("decision")}}));
        QVERIFY2(log.errorString().contains(QStringLiteral("symbolic link")), qPrintable(log.errorString()));
        QCOMPARE(contents(m_victim), QByteArray("precious\n"));
    }

    void shouldNotRotateThroughALinkedFolder()
    {
        // The review's follow-up: rotation ran by path before the folder was checked, so a state
        // folder linked to the machine's real one (and a tiny maxFileBytes) let root delete and
        // rename the real audit files.
        const QString real = m_dir.filePath(QStringLiteral("real-state"));
        QVERIFY(QDir().mkpath(real));
        writeTestFile(real, QStringLiteral("audit.jsonl"), "{\"prev\":\"0\"}\n");
        writeTestFile(real, QStringLiteral("audit.jsonl.5"), "oldest\n");
        const QString linked = m_dir.filePath(QStringLiteral("users-state"));
        QVERIFY(QFile::link(real, linked));
        AuditLog log(linked + QStringLiteral("/audit.jsonl"), 1); // every append would rotate
        QVERIFY(!log.append({{QStringLiteral("event"), QStringLiteral("decision")}}));
        QCOMPARE(contents(real + QStringLiteral("/audit.jsonl.5")), QByteArray("oldest\n"));
        QCOMPARE(contents(real + QStringLiteral("/audit.jsonl")), QByteArray("{\"prev\":\"0\"}\n"));
        QVERIFY(!QFileInfo::exists(real + QStringLiteral("/audit.jsonl.1")));
    }

    void shouldRotateTheLinkNotItsTarget()
    {
        // A rotated name that is a link is renamed or removed as a link; its target is untouched.
        const QString folder = m_dir.filePath(QStringLiteral("rotating"));
        QVERIFY(QDir().mkpath(folder));
        writeTestFile(folder, QStringLiteral("audit.jsonl"), "{\"prev\":\"0\"}\n");
        QVERIFY(QFile::link(m_victim, folder + QStringLiteral("/audit.jsonl.5")));
        QVERIFY(QFile::link(m_victim, folder + QStringLiteral("/audit.jsonl.1")));
        AuditLog log(folder + QStringLiteral("/audit.jsonl"), 1);
        QVERIFY2(log.append({{QStringLiteral("event"), QStringLiteral("decision")}}), qPrintable(log.errorString()));
        QCOMPARE(contents(m_victim), QByteArray("precious\n"));
        QVERIFY(QFileInfo(folder + QStringLiteral("/audit.jsonl.2")).isSymLink()); // the link moved on
        QVERIFY(!QFileInfo(folder + QStringLiteral("/audit.jsonl.1")).isSymLink());
    }

    void shouldNotHangOnUserSettingsThatAreAFifo()
    {
        // The user's settings path is theirs to choose: a FIFO there must not hang the host's start.
        const QString fifo = m_dir.filePath(QStringLiteral("user.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        SendGuard::Delivery::PolicyRoots roots =
            SendGuard::Delivery::PolicyRoots::under(m_dir.filePath(QStringLiteral("root")));
        roots.user = fifo;
        const SendGuard::Delivery::PolicyStore store(roots);
        QCOMPARE(store.sources().last().kind, SendGuard::Delivery::PolicySource::Kind::BuiltIn);
        QCOMPARE(SendGuard::Core::BoundedFile::read(fifo, 1024).status,
                 SendGuard::Core::BoundedFile::Status::NotRegular);
        QCOMPARE(SendGuard::Core::BoundedFile::read(QStringLiteral("/dev/zero"), 1024).status,
                 SendGuard::Core::BoundedFile::Status::NotRegular);
    }

    void shouldRefuseAFolderThatIsALink()
    {
        const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(elsewhere));
        const QString state = m_dir.filePath(QStringLiteral("linked-state"));
        QVERIFY(QFile::link(elsewhere, state));
        QString error;
        QVERIFY(!SafeFile::writeAtomically(state + QStringLiteral("/bundle.json"), "{}", &error));
        QVERIFY2(error.contains(QStringLiteral("symbolic link")), qPrintable(error));
        QVERIFY(QDir(elsewhere).isEmpty());
    }

    void shouldNotLetRootWriteIntoAUsersFolder()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: checks that root refuses a folder an ordinary user owns");
        const QString root = m_dir.filePath(QStringLiteral("users-root"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/state")));
        QCOMPARE(::chown(QFile::encodeName(root).constData(), Nobody, Nobody), 0);
        QCOMPARE(::chown(QFile::encodeName(root + QStringLiteral("/state")).constData(), Nobody, Nobody), 0);
        QString error;
        QVERIFY(!SafeFile::writeAtomically(root + QStringLiteral("/state/bundle-state.json"), "{}", &error));
        QVERIFY2(error.contains(QStringLiteral("belongs to another user")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(root + QStringLiteral("/state/bundle-state.json")));
    }

    void shouldKeepTheReviewsAttackFromOverwritingAFile()
    {
        // The admin guide's old example, as the review ran it: a user makes the folder first, with
        // a link where root will keep a last known good copy; root asks for the status.
        if (::geteuid() != 0)
            QSKIP("needs root: runs `sendguard policy status --root` as root in a folder a user prepared");
        const QString root = m_dir.filePath(QStringLiteral("try"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/managed")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/state/last-known-good")));
        writeTestFile(root + QStringLiteral("/managed"), QStringLiteral("10-incheon.json"), "{\"version\": 2}\n");
        // Every name root could write there is a link to the victim.
        const QByteArray key =
            QCryptographicHash::hash(QString(root + QStringLiteral("/managed/10-incheon.json")).toUtf8(),
                                     QCryptographicHash::Sha256)
                .toHex()
                .left(32);
        QVERIFY(QFile::link(m_victim,
                            root + QStringLiteral("/state/last-known-good/") + QString::fromLatin1(key) +
                                QStringLiteral(".json")));
        for (const QString &path :
             {root, root + QStringLiteral("/managed"), root + QStringLiteral("/managed/10-incheon.json"),
              root + QStringLiteral("/state"), root + QStringLiteral("/state/last-known-good")})
            QCOMPARE(::chown(QFile::encodeName(path).constData(), Nobody, Nobody), 0);
        const SendGuard::Tests::CliRun run =
            runSendGuard({QStringLiteral("policy"), QStringLiteral("status"), QStringLiteral("--root"), root});
        QVERIFY2(run.exitCode >= 0, run.err.constData());
        QCOMPARE(contents(m_victim), QByteArray("precious\n"));
    }
};

QTEST_GUILESS_MAIN(SafeFileTest)
#include "safefiletest.moc"
