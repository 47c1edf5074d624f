// SPDX-License-Identifier: GPL-2.0-or-later
#include "collectedrecord.h"

#include "auditchain.h"

#include <QJsonDocument>

namespace SendGuard::Core {

namespace {

bool isHash(const QByteArray &text)
{
    if (text.size() != 64)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

std::optional<CollectedRecord> CollectedRecord::fromLine(const QByteArray &line, qint64 uid, const QString &user,
                                                         qint64 pid)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    if (!document.isObject())
        return std::nullopt;
    CollectedRecord collected;
    collected.uid = uid;
    collected.user = user;
    collected.pid = pid;
    collected.lineHash = AuditChain::hash(line);
    collected.record = document.object();
    return collected;
}

std::optional<CollectedRecord> CollectedRecord::fromJson(const QJsonObject &object)
{
    if (object.value(QLatin1String("event")).toString() != QLatin1String("collected"))
        return std::nullopt;
    const QJsonObject peer = object.value(QLatin1String("peer")).toObject();
    CollectedRecord collected;
    collected.time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    collected.uid = peer.value(QLatin1String("uid")).toInteger(-1);
    collected.user = peer.value(QLatin1String("user")).toString();
    collected.pid = peer.value(QLatin1String("pid")).toInteger();
    collected.lineHash = object.value(QLatin1String("line")).toString().toLatin1();
    collected.record = object.value(QLatin1String("record")).toObject();
    if (!isHash(collected.lineHash) || collected.uid < 0)
        return std::nullopt;
    return collected;
}

QJsonObject CollectedRecord::toJson() const
{
    QJsonObject peer {{QStringLiteral("uid"), uid}, {QStringLiteral("pid"), pid}};
    if (!user.isEmpty())
        peer.insert(QStringLiteral("user"), user);
    return {
        {QStringLiteral("event"), QStringLiteral("collected")},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("peer"), peer},
        {QStringLiteral("line"), QString::fromLatin1(lineHash)},
        {QStringLiteral("record"), record},
    };
}

QByteArray CollectedRecord::localPrev() const
{
    return record.value(QLatin1String("prev")).toString().toLatin1();
}

} // namespace SendGuard::Core
