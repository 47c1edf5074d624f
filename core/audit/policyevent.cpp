// SPDX-License-Identifier: GPL-2.0-or-later
#include "policyevent.h"

namespace SendGuard::Core {

PolicyEvent PolicyEvent::problem(const QString &host, const QString &line)
{
    PolicyEvent event;
    event.kind = Kind::Problem;
    event.host = host;
    event.reason = line;
    return event;
}

PolicyEvent PolicyEvent::bundleAccepted(const QString &source, const QString &policyId, qint64 version,
                                        const QString &keyId)
{
    PolicyEvent event;
    event.kind = Kind::BundleAccepted;
    event.source = source;
    event.policyId = policyId;
    event.version = version;
    event.keyId = keyId;
    return event;
}

PolicyEvent PolicyEvent::bundleRejected(const QString &source, const QString &reason, const QString &keyId,
                                        qint64 version)
{
    PolicyEvent event;
    event.kind = Kind::BundleRejected;
    event.source = source;
    event.reason = reason;
    event.keyId = keyId;
    event.version = version;
    return event;
}

QJsonObject PolicyEvent::toJson() const
{
    const QString timeText = time.toUTC().toString(Qt::ISODateWithMs);
    switch (kind) {
    case Kind::Problem:
        return {{QStringLiteral("event"), QStringLiteral("policy-problem")},
                {QStringLiteral("id"), id},
                {QStringLiteral("time"), timeText},
                {QStringLiteral("host"), host},
                {QStringLiteral("reason"), reason}};
    case Kind::BundleAccepted:
        return {{QStringLiteral("event"), QStringLiteral("policy-bundle-accepted")},
                {QStringLiteral("id"), id},
                {QStringLiteral("time"), timeText},
                {QStringLiteral("source"), source},
                {QStringLiteral("policy"),
                 QJsonObject {{QStringLiteral("id"), policyId}, {QStringLiteral("version"), version}}},
                {QStringLiteral("key"), keyId}};
    case Kind::BundleRejected: {
        QJsonObject record {{QStringLiteral("event"), QStringLiteral("policy-bundle-rejected")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("time"), timeText},
                            {QStringLiteral("source"), source},
                            {QStringLiteral("reason"), reason}};
        if (!keyId.isEmpty())
            record.insert(QStringLiteral("key"), keyId);
        if (version > 0)
            record.insert(QStringLiteral("bundleVersion"), version);
        return record;
    }
    }
    return {};
}

} // namespace SendGuard::Core
