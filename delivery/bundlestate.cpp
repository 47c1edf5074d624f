// SPDX-License-Identifier: GPL-2.0-or-later
#include "bundlestate.h"

#include "safefile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace SendGuard::Delivery {

QString BundleState::decisionText(Decision decision)
{
    switch (decision) {
    case Decision::Accept:
        return QStringLiteral("accepted");
    case Decision::AlreadyActive:
        return QStringLiteral("already in force");
    case Decision::Rollback:
        return QStringLiteral("version lower than the highest accepted (rollback)");
    case Decision::Replay:
        return QStringLiteral("same version as an accepted bundle, different content (replay)");
    case Decision::Expired:
        return QStringLiteral("expired bundle");
    }
    return {};
}

BundleState::Decision BundleState::decide(qint64 version, const QByteArray &sha256, const QDate &expires,
                                          const QDate &today, qint64 epoch) const
{
    const bool newEpoch = epoch > m_epoch; // nothing accepted in it yet
    if (!newEpoch && m_accepted.contains(version)) {
        if (m_accepted.value(version) != sha256)
            return Decision::Replay;
        if (version == m_highest)
            return Decision::AlreadyActive;
    }
    if (!newEpoch && version < m_highest)
        return Decision::Rollback;
    if (expires.isValid() && expires < today)
        return Decision::Expired;
    return Decision::Accept;
}

void BundleState::accept(qint64 version, const QByteArray &sha256, const QStringList &addedKeys,
                         const QString &signerKeyId, qint64 epoch)
{
    if (epoch > m_epoch) {
        m_epoch = epoch;
        m_highest = 0;
        m_accepted.clear();
    }
    m_highest = qMax(m_highest, version);
    m_accepted.insert(version, sha256);
    for (const QString &key : addedKeys) {
        const bool known = std::any_of(m_rotatedKeys.cbegin(), m_rotatedKeys.cend(), [&](const RotatedKey &rotated) {
            return rotated.key == key && rotated.addedBy == signerKeyId;
        });
        if (!known)
            m_rotatedKeys.append({key, signerKeyId});
    }
    lastAccepted = QDateTime::currentDateTimeUtc();
}

bool BundleState::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    m_epoch = root.value(QLatin1String("epoch")).toInteger();
    m_highest = root.value(QLatin1String("highestVersion")).toInteger();
    m_accepted.clear();
    const QJsonObject accepted = root.value(QLatin1String("accepted")).toObject();
    for (auto it = accepted.begin(); it != accepted.end(); ++it)
        m_accepted.insert(it.key().toLongLong(), it.value().toString().toLatin1());
    m_rotatedKeys.clear();
    // A key stored without the key that brought it (an older state file) is kept, never trusted.
    for (const QJsonValue &key : root.value(QLatin1String("rotatedKeys")).toArray()) {
        if (key.isObject())
            m_rotatedKeys.append({key.toObject().value(QLatin1String("key")).toString(),
                                  key.toObject().value(QLatin1String("addedBy")).toString()});
        else
            m_rotatedKeys.append({key.toString(), QString()});
    }
    etag = root.value(QLatin1String("etag")).toString();
    lastFetch = QDateTime::fromString(root.value(QLatin1String("lastFetch")).toString(), Qt::ISODate);
    lastResult = root.value(QLatin1String("lastResult")).toString();
    lastAccepted = QDateTime::fromString(root.value(QLatin1String("lastAccepted")).toString(), Qt::ISODate);
    return true;
}

bool BundleState::save(const QString &path) const
{
    QJsonObject accepted;
    for (auto it = m_accepted.begin(); it != m_accepted.end(); ++it)
        accepted.insert(QString::number(it.key()), QString::fromLatin1(it.value()));
    QJsonArray rotatedKeys;
    for (const RotatedKey &rotated : m_rotatedKeys)
        rotatedKeys.append(
            QJsonObject {{QStringLiteral("key"), rotated.key}, {QStringLiteral("addedBy"), rotated.addedBy}});
    const QJsonObject root {
        {QStringLiteral("epoch"), m_epoch},
        {QStringLiteral("highestVersion"), m_highest},
        {QStringLiteral("accepted"), accepted},
        {QStringLiteral("rotatedKeys"), rotatedKeys},
        {QStringLiteral("etag"), etag},
        {QStringLiteral("lastFetch"), lastFetch.toString(Qt::ISODate)},
        {QStringLiteral("lastResult"), lastResult},
        {QStringLiteral("lastAccepted"), lastAccepted.toString(Qt::ISODate)},
    };
    // All or nothing (a crash never leaves half a state file), and never through a link.
    return SafeFile::writeAtomically(path, QJsonDocument(root).toJson());
}

} // namespace SendGuard::Delivery
