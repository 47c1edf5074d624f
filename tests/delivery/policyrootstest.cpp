// SPDX-License-Identifier: GPL-2.0-or-later
// PolicyRoots: the user's environment cannot swap the machine's policy under an installed plugin.
#include "policyroots.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using SendGuard::Delivery::PolicyRoots;

class PolicyRootsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString userFile() const
    {
        // A folder others may write, wherever TMPDIR points: what no package manager installs into.
        QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::WriteGroup);
        const QString path = m_dir.filePath(QStringLiteral("libsendguardplugin.so"));
        QFile file(path);
        if (!file.exists() && (!file.open(QIODevice::WriteOnly) || file.write("x") != 1))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QString installedFile()
    {
        // The shell is where a package manager puts binaries: root's, all the way up.
        return QStandardPaths::findExecutable(QStringLiteral("sh"),
                                              {QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
    }

private Q_SLOTS:
    void cleanup() { qunsetenv("SENDGUARD_POLICY_ROOT"); }

    void shouldTellAnInstalledFileFromOneAUserCouldHavePut()
    {
        QVERIFY(!installedFile().isEmpty());
        QVERIFY(PolicyRoots::isInstalledPath(installedFile()));
        QVERIFY(!PolicyRoots::isInstalledPath(userFile())); // under a temporary folder anyone can write
        QVERIFY(!PolicyRoots::isInstalledPath(QString()));
        QVERIFY(!PolicyRoots::isInstalledPath(m_dir.filePath(QStringLiteral("missing.so"))));
    }

    void shouldFollowTheEnvironmentOnlyOutsideAnInstallation()
    {
        const QString root = m_dir.filePath(QStringLiteral("weak-root"));
        qputenv("SENDGUARD_POLICY_ROOT", QFile::encodeName(root));

        // A build tree or an evaluation copy: tests and trials point it at their own folders.
        const PolicyRoots trial = PolicyRoots::fromEnvironment(userFile());
        QVERIFY(trial.overridden);
        QCOMPARE(trial.managed, root + QStringLiteral("/managed"));

        // The installed plugin: a user's root with "rules": [] and "failureMode": "allow" is not read.
        const PolicyRoots installed = PolicyRoots::fromEnvironment(installedFile());
        QVERIFY(!installed.overridden);
        QCOMPARE(installed.managed, PolicyRoots::standard().managed);
        QVERIFY2(installed.note.contains(QStringLiteral("ignored")), qPrintable(installed.note));
    }

    void shouldReadTheUsersOwnSettings()
    {
        // Stricter only (Core::UserSettings), so the user's environment may say where they are.
        QVERIFY(PolicyRoots::standard().user.endsWith(QStringLiteral("/sendguard/user.json")));
        qputenv("SENDGUARD_USER_POLICY", "/home/kim/strict.json");
        QCOMPARE(PolicyRoots::standard().user, QStringLiteral("/home/kim/strict.json"));
        qunsetenv("SENDGUARD_USER_POLICY");
    }

    void shouldUseTheStandardFoldersWithoutTheVariable()
    {
        const PolicyRoots roots = PolicyRoots::fromEnvironment(userFile());
        QVERIFY(!roots.overridden);
        QVERIFY(roots.note.isEmpty());
        QCOMPARE(roots.managed, PolicyRoots::standard().managed);
    }
};

QTEST_GUILESS_MAIN(PolicyRootsTest)
#include "policyrootstest.moc"
