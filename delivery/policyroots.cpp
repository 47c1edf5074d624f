// SPDX-License-Identifier: GPL-2.0-or-later
#include "policyroots.h"

#include "common/installedpath.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace SendGuard::Delivery {

PolicyRoots PolicyRoots::standard()
{
    // The user's own settings can only make the policy stricter (Core::UserSettings), so their
    // environment may say where they are.
    QString user = qEnvironmentVariable("SENDGUARD_USER_POLICY");
    if (user.isEmpty())
        user = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
            QLatin1String("/sendguard/user.json");
#ifdef Q_OS_WIN
    const QString base =
        qEnvironmentVariable("ProgramData", QStringLiteral("C:/ProgramData")) + QLatin1String("/SendGuard");
    return {base + QLatin1String("/policies/recommended"), base + QLatin1String("/policies/managed"),
            base + QLatin1String("/state"), user};
#else
    return {QStringLiteral("/etc/sendguard/policies/recommended"), QStringLiteral("/etc/sendguard/policies/managed"),
            QStringLiteral("/var/lib/sendguard"), user};
#endif
}

PolicyRoots PolicyRoots::under(const QString &root)
{
    const QString base = QDir(root).absolutePath();
    return {base + QLatin1String("/recommended"), base + QLatin1String("/managed"), base + QLatin1String("/state"),
            base + QLatin1String("/user.json"), true};
}

PolicyRoots PolicyRoots::fromEnvironment(const QString &binaryPath)
{
    PolicyRoots roots = standard();
    const QString root = qEnvironmentVariable("SENDGUARD_POLICY_ROOT");
    if (root.isEmpty())
        return roots;
    if (isInstalledPath(binaryPath)) {
        roots.note =
            QStringLiteral("SENDGUARD_POLICY_ROOT ignored: an installed SendGuard follows the machine's policy");
        return roots;
    }
    if (!QDir(roots.managed).isEmpty(QDir::Files)) {
        roots.note = QStringLiteral("SENDGUARD_POLICY_ROOT ignored: this machine has a managed policy");
        return roots;
    }
    return under(root);
}

bool PolicyRoots::isInstalledPath(const QString &path)
{
    return Core::isInstalledPath(path);
}

bool PolicyRoots::isAdminOnly(const QString &filePath, QString *why) const
{
    const QFileInfo file(filePath);
    const auto fail = [&](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!file.isFile())
        return fail(QStringLiteral("not a regular file"));
#ifdef Q_OS_UNIX
    // The administrator: root, or whoever owns an overridden root (tests run as themselves).
    const uint admin = overridden ? QFileInfo(QFileInfo(managed).absolutePath()).ownerId() : 0;
    for (const QFileInfo &item : {file, QFileInfo(file.absolutePath())}) {
        if (item.ownerId() != 0 && item.ownerId() != admin)
            return fail(QStringLiteral("%1 is not owned by an administrator").arg(item.filePath()));
        if (item.permissions() & (QFile::WriteGroup | QFile::WriteOther))
            return fail(QStringLiteral("%1 can be written by users other than its owner").arg(item.filePath()));
    }
#endif
    return true;
}

} // namespace SendGuard::Delivery
