// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "bundlestate.h"

#include "policy/minisign.h"

#include <QFileSystemWatcher>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QNetworkReply;
QT_END_NAMESPACE

namespace SendGuard::Delivery {

class AuditTrail;
class PolicyStore;

// Fetches the signed policy bundle the managed policy names (remote.url, and remote.url +
// ".minisig"), verifies the signature with the pinned keys before reading a byte of it, applies
// the version rules of BundleState, and hands an accepted bundle to the PolicyStore. Polls with
// jitter, sends If-None-Match, caps the size at 1 MiB and gives up after the policy's timeout.
// Being offline is normal and silent; a rejected bundle keeps the previous policy, is written to
// the audit trail with the reason, and logged.
class BundleFetcher : public QObject
{
    Q_OBJECT

public:
    // audit may be null (the command-line tool).
    BundleFetcher(PolicyStore &store, AuditTrail *audit, QObject *parent = nullptr);

    // Puts the accepted bundle kept in the state folder back in force (its signature and version
    // checked again), fetches within a minute, then polls as the policy says.
    void start();
    // Fetches now; fetchFinished() says how it went.
    void fetchNow();
    // Follows the state folder: when another process (`sendguard policy fetch`, run as root,
    // which can write the machine-wide state) accepts a newer bundle, it comes into force here.
    void followState();

    const BundleState &state() const { return m_state; }
    // The managed policy's keys and the keys accepted bundles added.
    QList<Core::MinisignPublicKey> trustedKeys() const;
    qint64 activeVersion() const { return m_activeVersion; }
    QDate activeExpires() const { return m_activeExpires; }
    // The bundle in force expired more than the policy's grace period ago. It stays in force.
    bool isStale(const QDate &today) const;

    QString statePath() const;
    QString bundlePath() const;

Q_SIGNALS:
    // "accepted", "not modified", "already in force", "offline: ...", "rejected: ...".
    void fetchFinished(const QString &result);

private:
    void scheduleNext();
    void bundleReceived(QNetworkReply *reply);
    void signatureReceived(QNetworkReply *reply, const QByteArray &bundle, const QString &etag);
    QNetworkReply *get(const QUrl &url, qint64 maxBytes, const QString &etag = {});
    void finish(const QString &result);
    void reject(const QString &reason, const QString &keyId = {}, qint64 version = 0);
    bool restore();
    void stateChanged();
    void checkTrust();

    PolicyStore &m_store;
    AuditTrail *m_audit;
    QNetworkAccessManager m_network;
    QTimer m_poll;
    QFileSystemWatcher m_stateWatcher;
    BundleState m_state;
    bool m_busy = false;
    qint64 m_activeVersion = 0;
    QDate m_activeExpires;
    std::pair<QStringList, qint64> m_trust; // the managed keys and epoch the bundle in force was checked with
};

} // namespace SendGuard::Delivery
