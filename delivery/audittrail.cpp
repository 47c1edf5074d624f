// SPDX-License-Identifier: GPL-2.0-or-later
#include "audittrail.h"

#include "forwardingstatus.h"

#include <QDebug>

namespace SendGuard::Delivery {

AuditTrail::AuditTrail(const AuditDestinations &destinations)
    : m_destinations(destinations)
    , m_file(destinations.file)
    , m_collector(destinations.collectorSocket)
    , m_systemLog(destinations.systemLogSocket)
{
    configure(m_settings);
}

void AuditTrail::configure(const Core::AuditSettings &settings)
{
    m_settings = settings;
    m_file.setMaxFileBytes(settings.maxFileBytes);
}

void AuditTrail::record(QJsonObject record)
{
    if (!m_settings.enabled)
        return;
    if (!m_settings.recordJustification)
        record.remove(QStringLiteral("justification"));
    QByteArray line;
    if (!m_file.append(record, &line))
        qWarning("SendGuard: audit record %s not written: %s", qPrintable(record.value(QLatin1String("id")).toString()),
                 qPrintable(m_file.errorString()));
    // The collector gets the line even when the local file refused it (a user may make their own
    // file unwritable): the machine trail then holds a record no local file does.
    if (!m_destinations.collectorSocket.isEmpty())
        m_collector.send(line);
    if (m_settings.systemLog && !m_destinations.systemLogSocket.isEmpty())
        m_systemLog.send(record);
    keepDropCounts();
}

void AuditTrail::keepDropCounts()
{
    const quint64 systemLog = m_systemLog.dropped() - m_systemLogDroppedKept;
    const quint64 collector = m_collector.dropped() - m_collectorDroppedKept;
    if (systemLog == 0 && collector == 0)
        return;
    if (!ForwardingStatus::addDrops(ForwardingStatus::pathFor(m_file.filePath()), systemLog, collector))
        return; // tried again with the next record
    m_systemLogDroppedKept = m_systemLog.dropped();
    m_collectorDroppedKept = m_collector.dropped();
}

} // namespace SendGuard::Delivery
