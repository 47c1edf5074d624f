// SPDX-License-Identifier: GPL-2.0-or-later
#include "forwardingstatus.h"

#include "safefile.h"

#include "common/boundedfile.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace SendGuard::Delivery {

QString ForwardingStatus::pathFor(const QString &auditFilePath)
{
    return QFileInfo(auditFilePath).absolutePath() + QLatin1String("/forwarding.json");
}

std::optional<ForwardingStatus> ForwardingStatus::read(const QString &path)
{
    const Core::BoundedFile file = Core::BoundedFile::read(path, 4096);
    if (file.status != Core::BoundedFile::Status::Read)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.bytes).object();
    if (object.isEmpty())
        return std::nullopt;
    ForwardingStatus status;
    status.systemLogDropped = quint64(qMax<qint64>(0, object.value(QLatin1String("systemLogDropped")).toInteger()));
    status.collectorDropped = quint64(qMax<qint64>(0, object.value(QLatin1String("collectorDropped")).toInteger()));
    status.lastDrop = QDateTime::fromString(object.value(QLatin1String("lastDrop")).toString(), Qt::ISODateWithMs);
    return status;
}

bool ForwardingStatus::addDrops(const QString &path, quint64 systemLog, quint64 collector)
{
    ForwardingStatus status = read(path).value_or(ForwardingStatus {});
    status.systemLogDropped += systemLog;
    status.collectorDropped += collector;
    status.lastDrop = QDateTime::currentDateTimeUtc();
    const QJsonObject object {
        {QStringLiteral("systemLogDropped"), qint64(status.systemLogDropped)},
        {QStringLiteral("collectorDropped"), qint64(status.collectorDropped)},
        {QStringLiteral("lastDrop"), status.lastDrop.toString(Qt::ISODateWithMs)},
    };
    return SafeFile::writeAtomically(path, QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace SendGuard::Delivery
