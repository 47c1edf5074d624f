// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace SendGuard::Delivery {

// What the machine remembers about signed bundles, in a state file that survives restarts: the
// highest version accepted and the content of each version (so neither an older bundle nor a
// changed one under a used version gets in), keys added by rotation, and the last fetch.
class BundleState
{
public:
    // Why a correctly signed bundle is still refused, or Accept.
    enum class Decision {
        Accept,
        AlreadyActive, // the bundle in force, fetched again
        Rollback, // a version lower than the highest accepted
        Replay, // a version already accepted, with different content
        Expired, // its "expires" date has passed
    };
    static QString decisionText(Decision decision);

    // The rules, in the order they apply.
    Decision decide(qint64 version, const QByteArray &sha256, const QDate &expires, const QDate &today) const;
    // Records an accepted bundle (and any keys it adds).
    void accept(qint64 version, const QByteArray &sha256, const QStringList &addedKeys);

    [[nodiscard]] bool load(const QString &path);
    [[nodiscard]] bool save(const QString &path) const;

    qint64 highestVersion() const { return m_highest; }
    QStringList rotatedKeys() const { return m_rotatedKeys; }

    // The last fetch, for `sendguard policy status`.
    QString etag;
    QDateTime lastFetch;
    QString lastResult; // "accepted", "not modified", "offline: ...", "rejected: ..."
    QDateTime lastAccepted;

private:
    qint64 m_highest = 0;
    QMap<qint64, QByteArray> m_accepted; // version -> SHA-256 (hex) of the bundle
    QStringList m_rotatedKeys;
};

} // namespace SendGuard::Delivery
