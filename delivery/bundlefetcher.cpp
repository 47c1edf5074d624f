// SPDX-License-Identifier: GPL-2.0-or-later
#include "bundlefetcher.h"

#include "audittrail.h"
#include "policystore.h"
#include "safefile.h"
#include "signatureverifier.h"

#include "audit/policyevent.h"
#include "common/boundedfile.h"
#include "policy/policycomposer.h"
#include "json/jsonparser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace SendGuard::Delivery {

namespace {

constexpr qint64 MaxSignatureBytes = 4096;

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool isOffline(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

bool writeAtomically(const QString &path, const QByteArray &bytes)
{
    return SafeFile::writeAtomically(path, bytes);
}

} // namespace

BundleFetcher::BundleFetcher(PolicyStore &store, AuditTrail *audit, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_audit(audit)
{
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &BundleFetcher::fetchNow);
    connect(&m_store, &PolicyStore::policyChanged, this, &BundleFetcher::scheduleNext);
    connect(&m_store, &PolicyStore::policyChanged, this, &BundleFetcher::checkTrust);
    (void)m_state.load(statePath());
    m_trust = {m_store.policy().remote.publicKeys, m_store.policy().remote.epoch};
}

QString BundleFetcher::statePath() const
{
    return m_store.roots().state + QLatin1String("/bundle-state.json");
}

QString BundleFetcher::bundlePath() const
{
    return m_store.roots().state + QLatin1String("/bundle.json");
}

QList<Core::MinisignPublicKey> BundleFetcher::trustedKeys() const
{
    // The managed keys, then every key a bundle added while signed by a key trusted so far, until
    // nothing more joins: removing a key from the managed file removes all it brought in.
    QList<Core::MinisignPublicKey> keys;
    const auto trusts = [&](const QString &keyId) {
        return std::any_of(keys.cbegin(), keys.cend(),
                           [&](const Core::MinisignPublicKey &k) { return k.keyIdText() == keyId; });
    };
    const auto add = [&](const QString &text) {
        const auto key = Core::MinisignPublicKey::parse(text.toLatin1());
        if (!key || trusts(key->keyIdText()))
            return false;
        keys.append(*key);
        return true;
    };
    for (const QString &text : m_store.policy().remote.publicKeys)
        add(text);
    for (bool grew = true; grew;) {
        grew = false;
        for (const BundleState::RotatedKey &rotated : m_state.rotatedKeys()) {
            if (!rotated.addedBy.isEmpty() && trusts(rotated.addedBy) && add(rotated.key))
                grew = true;
        }
    }
    return keys;
}

bool BundleFetcher::isStale(const QDate &today) const
{
    return m_activeExpires.isValid() && m_activeExpires.addDays(m_store.policy().remote.staleAfterDays) < today;
}

bool BundleFetcher::restore()
{
    // Read as anything a fetch would take: regular files, no larger than a bundle may be.
    const Core::BoundedFile bundleFile = Core::BoundedFile::read(bundlePath(), Core::RemoteSettings::MaxBundleBytes);
    const Core::BoundedFile signatureFile =
        Core::BoundedFile::read(bundlePath() + QLatin1String(".minisig"), 64 * 1024);
    if (bundleFile.status != Core::BoundedFile::Status::Read || signatureFile.status != Core::BoundedFile::Status::Read)
        return false;
    const QByteArray &bundle = bundleFile.bytes;
    if (!SignatureVerifier::verify(bundle, signatureFile.bytes, trustedKeys()).isValid())
        return false;
    const auto parsed = Core::JsonParser::parse({bundle.constData(), std::size_t(bundle.size())});
    if (!parsed.root)
        return false;
    const qint64 version = Core::PolicyComposer::versionOf(*parsed.root);
    if (Core::PolicyComposer::epochOf(*parsed.root) != m_store.policy().remote.epoch)
        return false;
    // Only the bundle the state file names as the highest: swapping in an older one is a rollback too.
    // A raised epoch starts a new sequence: the kept bundle belongs to the old one.
    if (version != m_state.highestVersion() ||
        m_state.decide(version, sha256(bundle), {}, {}, m_store.policy().remote.epoch) !=
            BundleState::Decision::AlreadyActive)
        return false;
    m_activeVersion = version;
    m_activeExpires = Core::PolicyComposer::expiresOf(*parsed.root);
    m_store.setBundle(bundle, m_store.policy().remote.url);
    return true;
}

void BundleFetcher::checkTrust()
{
    const std::pair<QStringList, qint64> trust {m_store.policy().remote.publicKeys, m_store.policy().remote.epoch};
    if (trust == m_trust)
        return;
    m_trust = trust;
    // The managed file changed its keys or its epoch: the bundle in force stays only if it would
    // still be restored now (signed by a key the chain from the new managed keys trusts, in the
    // current epoch). Otherwise it leaves at once, not at the next fetch or restart.
    if (m_activeVersion == 0 || restore())
        return;
    m_activeVersion = 0;
    m_activeExpires = {};
    m_store.setBundle({}, {});
    const QString reason = QStringLiteral(
        "the bundle in force is no longer trusted by the managed policy (its key was removed, or the epoch raised): "
        "withdrawn");
    qWarning("SendGuard: %s", qPrintable(reason));
    if (m_audit)
        m_audit->record(Core::PolicyEvent::bundleRejected(m_store.policy().remote.url, reason, {}, 0).toJson());
    // The bundle of the new keys or epoch, soon, but not from every workstation at once.
    if (!m_store.policy().remote.url.isEmpty())
        m_poll.start(std::chrono::milliseconds(1000 + QRandomGenerator::global()->bounded(59000)));
}

void BundleFetcher::start()
{
    restore();
    if (m_store.policy().remote.url.isEmpty())
        return;
    // The first fetch soon after start, but not from every workstation in the same second.
    m_poll.start(std::chrono::milliseconds(5000 + QRandomGenerator::global()->bounded(55000)));
}

void BundleFetcher::followState()
{
    if (QDir(m_store.roots().state).exists())
        m_stateWatcher.addPath(m_store.roots().state);
    if (QFile::exists(statePath()))
        m_stateWatcher.addPath(statePath());
    connect(&m_stateWatcher, &QFileSystemWatcher::directoryChanged, this, &BundleFetcher::stateChanged);
    connect(&m_stateWatcher, &QFileSystemWatcher::fileChanged, this, &BundleFetcher::stateChanged);
}

void BundleFetcher::stateChanged()
{
    // The state file is replaced, not written in place (QSaveFile): watch the new one.
    if (QFile::exists(statePath()) && !m_stateWatcher.files().contains(statePath()))
        m_stateWatcher.addPath(statePath());
    BundleState latest;
    if (m_busy || !latest.load(statePath()) || latest.highestVersion() <= m_activeVersion)
        return;
    m_state = latest;
    restore();
}

void BundleFetcher::scheduleNext()
{
    const Core::RemoteSettings &remote = m_store.policy().remote;
    if (remote.url.isEmpty()) {
        m_poll.stop();
        return;
    }
    // Thousands of workstations must not all ask at the same minute: up to 10% jitter.
    const qint64 interval = qint64(remote.pollMinutes) * 60 * 1000;
    const qint64 jitter = QRandomGenerator::global()->bounded(interval / 10 + 1);
    m_poll.start(std::chrono::milliseconds(interval + jitter));
}

QNetworkReply *BundleFetcher::get(const QUrl &url, qint64 maxBytes, const QString &etag)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_store.policy().remote.timeoutSeconds * 1000);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!etag.isEmpty())
        request.setRawHeader("If-None-Match", etag.toLatin1());
    QNetworkReply *reply = m_network.get(request);
    // The transfer timeout fires when nothing arrives; this one also ends a server that trickles.
    QTimer::singleShot(std::chrono::seconds(3 * m_store.policy().remote.timeoutSeconds), reply, [reply] {
        reply->setProperty("timedOut", true);
        reply->abort();
    });
    // The cap holds whatever the server says its length is.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64 received, qint64 total) {
        if (received > maxBytes || total > maxBytes) {
            reply->setProperty("oversized", true);
            reply->abort();
        }
    });
    return reply;
}

void BundleFetcher::fetchNow()
{
    const Core::RemoteSettings &remote = m_store.policy().remote;
    if (m_busy || remote.url.isEmpty())
        return;
    const QUrl url(remote.url);
    const bool loopback = url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("localhost") ||
        url.host() == QLatin1String("::1");
    if (url.scheme() != QLatin1String("https") && !(url.scheme() == QLatin1String("http") && loopback)) {
        finish(QStringLiteral("rejected: the bundle URL is not https"));
        return;
    }
    m_busy = true;
    // Only send the ETag while the bundle it stands for is still in force.
    const QString etag = m_activeVersion > 0 ? m_state.etag : QString();
    QNetworkReply *reply = get(url, Core::RemoteSettings::MaxBundleBytes, etag);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { bundleReceived(reply); });
}

void BundleFetcher::bundleReceived(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->property("oversized").toBool()) {
        reject(QStringLiteral("bundle larger than %1 bytes").arg(Core::RemoteSettings::MaxBundleBytes));
        return;
    }
    if (status == 304) {
        finish(QStringLiteral("not modified"));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        if (reply->property("timedOut").toBool() || reply->error() == QNetworkReply::OperationCanceledError)
            finish(QStringLiteral("offline: timed out after %1 s").arg(m_store.policy().remote.timeoutSeconds));
        else if (isOffline(reply->error()))
            finish(QStringLiteral("offline: %1").arg(reply->errorString()));
        else
            reject(QStringLiteral("download failed: %1").arg(reply->errorString()));
        return;
    }
    const QByteArray bundle = reply->readAll();
    const QString etag = QString::fromLatin1(reply->rawHeader("ETag"));
    QNetworkReply *signature = get(QUrl(m_store.policy().remote.url + QLatin1String(".minisig")), MaxSignatureBytes);
    connect(signature, &QNetworkReply::finished, this,
            [this, signature, bundle, etag] { signatureReceived(signature, bundle, etag); });
}

void BundleFetcher::signatureReceived(QNetworkReply *reply, const QByteArray &bundle, const QString &etag)
{
    reply->deleteLater();
    if (reply->property("oversized").toBool() || reply->error() != QNetworkReply::NoError) {
        if (!reply->property("oversized").toBool() && isOffline(reply->error()))
            finish(QStringLiteral("offline: %1").arg(reply->errorString()));
        else
            reject(QStringLiteral("no usable signature (.minisig): %1").arg(reply->errorString()));
        return;
    }
    const QByteArray signature = reply->readAll();
    // Verify before parsing: nothing reads a byte an attacker could have chosen.
    const SignatureVerifier::Result verified = SignatureVerifier::verify(bundle, signature, trustedKeys());
    if (!verified.isValid()) {
        reject(SignatureVerifier::outcomeText(verified.outcome), verified.keyId);
        return;
    }
    const auto check = Core::PolicyComposer::check(m_store.machineTree(), bundle, QDate::currentDate());
    if (!check.accepted) {
        QStringList problems;
        for (const Core::JsonDiagnostic &diagnostic : check.diagnostics)
            problems.append(diagnostic.toString(QStringLiteral("bundle")));
        reject(QStringLiteral("not a valid policy: %1").arg(problems.join(QLatin1String("; "))), verified.keyId);
        return;
    }
    const Core::JsonNode &root = *check.root;
    const qint64 version = Core::PolicyComposer::versionOf(root);
    const QDate expires = Core::PolicyComposer::expiresOf(root);
    const QByteArray hash = sha256(bundle);
    const qint64 epoch = m_store.policy().remote.epoch;
    // The epoch is signed with the bundle: one from another sequence cannot be replayed into this one.
    if (const qint64 bundleEpoch = Core::PolicyComposer::epochOf(root); bundleEpoch != epoch) {
        reject(QStringLiteral("the bundle is for epoch %1, the managed policy is in epoch %2")
                   .arg(QString::number(bundleEpoch), QString::number(epoch)),
               verified.keyId, version);
        return;
    }
    const BundleState::Decision decision = m_state.decide(version, hash, expires, QDate::currentDate(), epoch);
    if (decision == BundleState::Decision::AlreadyActive) {
        m_state.etag = etag;
        finish(BundleState::decisionText(decision));
        return;
    }
    if (decision != BundleState::Decision::Accept) {
        reject(BundleState::decisionText(decision), verified.keyId, version);
        return;
    }
    // Keys the bundle carries become trusted: it is signed by a key trusted now (rotation).
    QStringList addedKeys;
    const Core::JsonNode *remote = root.member(u"remote");
    if (const Core::JsonNode *keys = remote ? remote->member(u"publicKeys") : nullptr) {
        for (const Core::JsonNode &key : keys->elements) {
            if (key.type == Core::JsonNode::Type::String && Core::MinisignPublicKey::parse(key.string.toLatin1()))
                addedKeys.append(key.string);
        }
    }
    if (!writeAtomically(bundlePath(), bundle) || !writeAtomically(bundlePath() + QLatin1String(".minisig"), signature))
        qWarning("SendGuard: cannot keep the accepted bundle in %s; it applies until the host restarts",
                 qPrintable(m_store.roots().state));
    m_state.accept(version, hash, addedKeys, verified.keyId, epoch);
    m_state.etag = etag;
    m_activeVersion = version;
    m_activeExpires = expires;
    m_store.setBundle(bundle, m_store.policy().remote.url);
    if (m_audit) {
        m_audit->record(
            Core::PolicyEvent::bundleAccepted(m_store.policy().remote.url, m_store.policy().id, version, verified.keyId)
                .toJson());
    }
    finish(QStringLiteral("accepted"));
}

void BundleFetcher::reject(const QString &reason, const QString &keyId, qint64 version)
{
    qWarning("SendGuard: policy bundle from %s rejected: %s; the previous policy stays in force",
             qPrintable(m_store.policy().remote.url), qPrintable(reason));
    if (m_audit) {
        m_audit->record(
            Core::PolicyEvent::bundleRejected(m_store.policy().remote.url, reason, keyId, version).toJson());
    }
    finish(QStringLiteral("rejected: %1").arg(reason));
}

void BundleFetcher::finish(const QString &result)
{
    m_busy = false;
    m_state.lastFetch = QDateTime::currentDateTimeUtc();
    m_state.lastResult = result;
    (void)m_state.save(statePath()); // a read-only state folder: the state lives in memory only
    scheduleNext();
    Q_EMIT fetchFinished(result);
}

} // namespace SendGuard::Delivery
