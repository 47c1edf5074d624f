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
    // standard(), or under($SENDGUARD_POLICY_ROOT) for tests and evaluation, but only on a machine
    // that has no managed policy at the standard place: a user cannot step around a managed one.
    static PolicyRoots fromEnvironment();

    // True when the file may carry machine policy: a regular file, owned by an administrator
    // (root, or the owner of an overridden root), that no one else can write. why says otherwise.
    bool isAdminOnly(const QString &filePath, QString *why) const;
};

} // namespace SendGuard::Delivery
