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
// changed one under a used version gets in) within the current epoch, keys added by rotation with
// the key that brought each, and the last fetch.
class BundleState
{
public:
    // A key a bundle added, and the id of the key that signed that bundle: it is trusted only
    // while that key is (BundleFetcher::trustedKeys derives the chain from the managed keys).
    struct RotatedKey
    {
        QString key; // the base64 line of a minisign public key
        QString addedBy; // the signer's key id, as minisign prints it; empty: unknown (never trusted)
    };

    // Why a correctly signed bundle is still refused, or Accept.
    enum class Decision {
        Accept,
        AlreadyActive, // the bundle in force, fetched again
        Rollback, // a version lower than the highest accepted
        Replay, // a version already accepted, with different content
        Expired, // its "expires" date has passed
    };
    static QString decisionText(Decision decision);

    // The rules, in the order they apply. epoch: the managed policy's remote.epoch; a higher one
    // than the state's starts a new sequence, in which no version has been accepted yet.
    Decision decide(qint64 version, const QByteArray &sha256, const QDate &expires, const QDate &today,
                    qint64 epoch = 0) const;
    // Records an accepted bundle, signed by signerKeyId, and the keys it adds; a higher epoch first
    // forgets the versions of the one before.
    void accept(qint64 version, const QByteArray &sha256, const QStringList &addedKeys, const QString &signerKeyId,
                qint64 epoch = 0);

    [[nodiscard]] bool load(const QString &path);
    [[nodiscard]] bool save(const QString &path) const;

    qint64 highestVersion() const { return m_highest; }
    qint64 epoch() const { return m_epoch; }
    QList<RotatedKey> rotatedKeys() const { return m_rotatedKeys; }

    // The last fetch, for `sendguard policy status`.
    QString etag;
    QDateTime lastFetch;
    QString lastResult; // "accepted", "not modified", "offline: ...", "rejected: ..."
    QDateTime lastAccepted;

private:
    qint64 m_epoch = 0;
    qint64 m_highest = 0; // within m_epoch
    QMap<qint64, QByteArray> m_accepted; // version -> SHA-256 (hex) of the bundle, within m_epoch
    QList<RotatedKey> m_rotatedKeys;
};

} // namespace SendGuard::Delivery
