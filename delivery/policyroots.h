// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace SendGuard::Delivery {

// Where the machine's policy comes from, as enterprise browsers arrange it: admin-only folders of
// recommended and managed files, and a machine-wide state folder (the accepted bundle, the
// highest version seen, rotated keys, last known good copies).
struct PolicyRoots
{
    QString recommended;
    QString managed;
    QString state;
    QString user; // the user's own settings: stricter only (Core::UserSettings)
    bool overridden = false; // set from SENDGUARD_POLICY_ROOT or a command-line flag
    QString note; // why an override was refused, for the status

    // Linux: /etc/sendguard/policies/{recommended,managed} and /var/lib/sendguard;
    // Windows: %ProgramData%\SendGuard\policies\{recommended,managed} and %ProgramData%\SendGuard\state.
    // The user's settings: sendguard/user.json in their configuration folder, or $SENDGUARD_USER_POLICY.
    static PolicyRoots standard();
    // <root>/recommended, <root>/managed, <root>/state and <root>/user.json.
    static PolicyRoots under(const QString &root);
    // standard(), or under($SENDGUARD_POLICY_ROOT) for tests and evaluation. The environment is the
    // user's: it is followed only by a binary that is not installed (binaryPath, the running
    // plugin's or tool's own file, lies somewhere its user could have put it, as a build tree
    // does) and only on a machine without a managed policy. An installed plugin follows the
    // machine's policy whatever the environment says; note then says why the variable was ignored.
    static PolicyRoots fromEnvironment(const QString &binaryPath);

    // True when path and every folder above it belong to root and no one else can write them:
    // where a package manager installs, and no ordinary user can place a file.
    static bool isInstalledPath(const QString &path);

    // True when the file may carry machine policy: a regular file, owned by an administrator
    // (root, or the owner of an overridden root), that no one else can write. why says otherwise.
    bool isAdminOnly(const QString &filePath, QString *why) const;
};

} // namespace SendGuard::Delivery
