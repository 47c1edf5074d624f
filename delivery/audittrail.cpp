// SPDX-License-Identifier: GPL-2.0-or-later
#include "audittrail.h"

#include <QDebug>

namespace SendGuard::Delivery {

AuditTrail::AuditTrail(QString filePath, QString socketPath)
    : m_file(std::move(filePath))
    , m_systemLog(std::move(socketPath))
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
    if (!m_file.append(record))
        qWarning("SendGuard: audit record %s not written: %s", qPrintable(record.value(QLatin1String("id")).toString()),
                 qPrintable(m_file.errorString()));
    if (m_settings.systemLog)
        m_systemLog.send(record);
}

} // namespace SendGuard::Delivery
