// SPDX-License-Identifier: GPL-2.0-or-later
// PolicyStore: recommended and managed files over the built-in policy, broken files and their
// last known good versions, files others can write, and edits applied while the host runs.
#include "policystore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard;
using Delivery::PolicySource;
using Delivery::PolicyStore;

namespace {

constexpr QFile::Permissions AdminOnly =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther | QFile::ReadUser | QFile::WriteUser;

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::setPermissions(QFileInfo(path).absolutePath(),
                          AdminOnly | QFile::ExeOwner | QFile::ExeUser | QFile::ExeGroup | QFile::ExeOther);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    file.close();
    file.setPermissions(AdminOnly); // whatever the umask
}

const PolicySource *source(const PolicyStore &store, const QString &fileName)
{
    for (const PolicySource &s : store.sources()) {
        if (s.name.endsWith(QLatin1Char('/') + fileName))
            return &s;
    }
    return nullptr;
}

} // namespace

class PolicyStoreTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    Delivery::PolicyRoots m_roots;

    QString managed(const QString &name) const { return m_roots.managed + QLatin1Char('/') + name; }
    QString recommended(const QString &name) const { return m_roots.recommended + QLatin1Char('/') + name; }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_roots = Delivery::PolicyRoots::under(m_dir->path());
    }

    void shouldRunTheBuiltInPolicyWhenNothingIsManaged()
    {
        PolicyStore store(m_roots);
        QCOMPARE(store.policy().id, QStringLiteral("sendguard-default"));
        QCOMPARE(store.sources().size(), 1);
        QCOMPARE(store.sources().first().kind, PolicySource::Kind::BuiltIn);
    }

    void shouldLayerManagedOverRecommendedInFileNameOrder()
    {
        write(recommended(QStringLiteral("base.json")),
              "{\"audience\": {\"memberThreshold\": 30}, \"justification\": {\"minLength\": 12}}");
        write(managed(QStringLiteral("20-later.json")),
              "{\"id\": \"incheon\", \"version\": 4, \"justification\": {\"minLength\": 25}}");
        write(managed(QStringLiteral("10-first.json")),
              "{\"justification\": {\"minLength\": 15}, \"audience\": {\"audienceThreshold\": 40}}");
        PolicyStore store(m_roots);
        const Core::Policy &policy = store.policy();
        QCOMPARE(policy.id, QStringLiteral("incheon"));
        QCOMPARE(policy.version, 4);
        QCOMPARE(policy.audience.memberThreshold, 30); // recommended, not overridden
        QCOMPARE(policy.audience.audienceThreshold, 40); // managed 10
        QCOMPARE(policy.justificationMinLength, 25); // managed 20 wins over 10 and recommended
        QStringList order;
        for (const PolicySource &s : store.sources())
            order.append(PolicySource::kindName(s.kind) + QLatin1Char(' ') + QFileInfo(s.name).fileName());
        QCOMPARE(order,
                 QStringList(
                     {"built-in built-in", "recommended base.json", "managed 10-first.json", "managed 20-later.json"}));
    }

    void shouldKeepTheLastKnownGoodVersionOfABrokenFile()
    {
        write(managed(QStringLiteral("10-threshold.json")), "{\"justification\": {\"minLength\": 20}}");
        write(managed(QStringLiteral("20-other.json")), "{\"version\": 2}");
        PolicyStore store(m_roots);
        QCOMPARE(store.policy().justificationMinLength, 20);

        QStringList logged;
        connect(&store, &PolicyStore::problemFound, this, [&](const QString &line) { logged.append(line); });
        write(managed(QStringLiteral("10-threshold.json")), "{\n  \"justification\": {\"minLength\": 0}\n}\n");
        write(managed(QStringLiteral("20-other.json")), "{\"version\": 3}");
        store.reload();
        QCOMPARE(store.policy().justificationMinLength, 20); // the last good version stays in force
        QCOMPARE(store.policy().version, 3); // and the other file applies
        const PolicySource *broken = source(store, QStringLiteral("10-threshold.json"));
        QCOMPARE(broken->state, PolicySource::State::LastKnownGood);
        const QString expected = managed(QStringLiteral("10-threshold.json")) +
            QStringLiteral(":2:34: error: justification.minLength: must be between 1 and 1000");
        QCOMPARE(broken->problemLines(), QStringList({expected}));
        QCOMPARE(logged, QStringList({expected}));

        // Restarted with the file still broken: the last good version comes from the state folder.
        PolicyStore restarted(m_roots);
        QCOMPARE(restarted.policy().justificationMinLength, 20);
        QCOMPARE(source(restarted, QStringLiteral("10-threshold.json"))->state, PolicySource::State::LastKnownGood);
    }

    void shouldRejectABrokenFileThatWasNeverGood_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("syntax") << QByteArray("{\"version\": 2,}") << ":1:15: error:";
        QTest::newRow("schema") << QByteArray("{\"failureMode\": \"ignore\"}") << ":1:17: error: failureMode:";
        QTest::newRow("not an object") << QByteArray("[]") << ":1:1: error: expected a policy object";
    }
    void shouldRejectABrokenFileThatWasNeverGood()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, problem);
        write(managed(QStringLiteral("broken.json")), text);
        write(managed(QStringLiteral("good.json")), "{\"justification\": {\"minLength\": 30}}");
        PolicyStore store(m_roots);
        QCOMPARE(store.policy().justificationMinLength, 30);
        const PolicySource *broken = source(store, QStringLiteral("broken.json"));
        QCOMPARE(broken->state, PolicySource::State::Rejected);
        QVERIFY2(broken->problemLines().value(0).contains(problem), qPrintable(broken->problemLines().join('\n')));
    }

    void shouldIgnoreAFileOthersCanWrite_data()
    {
        QTest::addColumn<bool>("folder"); // make the folder writable, not the file
        QTest::newRow("world-writable file") << false;
        QTest::newRow("group-writable folder") << true;
    }
    void shouldIgnoreAFileOthersCanWrite()
    {
        QFETCH(bool, folder);
        const QString path = managed(QStringLiteral("weak.json"));
        write(path, "{\"justification\": {\"minLength\": 1}, \"failureMode\": \"allow\"}");
        if (folder)
            QFile::setPermissions(m_roots.managed, QFile::permissions(m_roots.managed) | QFile::WriteGroup);
        else
            QFile::setPermissions(path, AdminOnly | QFile::WriteOther);
        PolicyStore store(m_roots);
        QCOMPARE(store.policy().justificationMinLength, 10);
        QCOMPARE(store.policy().failureMode, Core::FailureMode::Confirm);
        const PolicySource *weak = source(store, QStringLiteral("weak.json"));
        QCOMPARE(weak->state, PolicySource::State::Ignored);
        QVERIFY2(weak->problem.contains(QStringLiteral("can be written by users other than its owner")),
                 qPrintable(weak->problem));
    }

    void shouldLetOnlyManagedFilesNameABundle()
    {
        write(recommended(QStringLiteral("remote.json")),
              "{\"remote\": {\"url\": \"https://evil.example/b.json\", \"publicKeys\": "
              "[\"RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq\"]}}");
        PolicyStore store(m_roots);
        QVERIFY(store.policy().remote.url.isEmpty());
        write(managed(QStringLiteral("remote.json")),
              "{\"remote\": {\"url\": \"https://policy.incheon.go.kr/b.json\", \"publicKeys\": "
              "[\"RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq\"]}}");
        store.reload();
        QCOMPARE(store.policy().remote.url, QStringLiteral("https://policy.incheon.go.kr/b.json"));
    }

    void shouldLetTheUserMakeItStricterButNotWeaker()
    {
        write(managed(QStringLiteral("it.json")), "{\"justification\": {\"minLength\": 20}}");
        write(m_roots.user, "{\"justification\": {\"minLength\": 5},\n \"audience\": {\"memberThreshold\": 10}}");
        PolicyStore store(m_roots);
        QCOMPARE(store.policy().justificationMinLength, 20); // weaker: left out
        QCOMPARE(store.policy().audience.memberThreshold, 10); // stricter: applied
        const PolicySource &user = store.sources().last();
        QCOMPARE(user.kind, PolicySource::Kind::User);
        QCOMPARE(user.problemLines(),
                 QStringList({m_roots.user +
                              QStringLiteral(":1:33: warning: justification.minLength: not stricter "
                                             "than the machine's 20; left out")}));
    }

    void shouldApplyAnEditWithinTwoSeconds()
    {
        write(managed(QStringLiteral("10-audience.json")), "{\"audience\": {\"memberThreshold\": 40}}");
        PolicyStore store(m_roots);
        store.watch();
        QSignalSpy changed(&store, &PolicyStore::policyChanged);
        write(managed(QStringLiteral("10-audience.json")), "{\"audience\": {\"memberThreshold\": 20}}");
        QVERIFY(changed.wait(2000)); // the bound for a change to apply, not a benchmark
        QCOMPARE(store.policy().audience.memberThreshold, 20);

        // A new file, as a configuration tool drops it in.
        write(managed(QStringLiteral("20-minlength.json")), "{\"justification\": {\"minLength\": 33}}");
        QTRY_COMPARE_WITH_TIMEOUT(store.policy().justificationMinLength, 33, 2000);
        // Removed again: back to what the others say.
        QFile::remove(managed(QStringLiteral("20-minlength.json")));
        QTRY_COMPARE_WITH_TIMEOUT(store.policy().justificationMinLength, 10, 2000);
    }
};

QTEST_GUILESS_MAIN(PolicyStoreTest)
#include "policystoretest.moc"
