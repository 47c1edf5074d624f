// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditfigures.h"

#include "uncheckedcause.h"

#include <QJsonArray>

namespace SendGuard::Core {

namespace {

template<typename Map>
void mergeInto(Map &into, const Map &from)
{
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
        if constexpr (std::is_same_v<typename Map::mapped_type, qint64>)
            into[it.key()] += it.value();
        else
            into[it.key()].add(it.value());
    }
}

} // namespace

void AuditFigures::Counts::add(const Counts &other)
{
    decisions += other.decisions;
    sentAnyway += other.sentAnyway;
    changed += other.changed;
    cancelled += other.cancelled;
    unchecked += other.unchecked;
    falsePositives += other.falsePositives;
}

std::optional<AuditFigures::Dimension> AuditFigures::dimension(const QString &name)
{
    for (const Dimension d :
         {Dimension::Rule, Dimension::Detector, Dimension::Department, Dimension::Host, Dimension::Week}) {
        if (dimensionName(d) == name)
            return d;
    }
    return std::nullopt;
}

QString AuditFigures::dimensionName(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Rule:
        return QStringLiteral("rule");
    case Dimension::Detector:
        return QStringLiteral("detector");
    case Dimension::Department:
        return QStringLiteral("department");
    case Dimension::Host:
        return QStringLiteral("host");
    case Dimension::Week:
        return QStringLiteral("week");
    }
    return {};
}

const QMap<QString, AuditFigures::Counts> &AuditFigures::by(Dimension dimension) const
{
    switch (dimension) {
    case Dimension::Rule:
        return m_byRule;
    case Dimension::Detector:
        return m_byDetector;
    case Dimension::Department:
        return m_byDepartment;
    case Dimension::Host:
        return m_byHost;
    case Dimension::Week:
        break;
    }
    return m_byWeek;
}

QString AuditFigures::weekOf(const QDateTime &time)
{
    int year = 0;
    const int week = time.toUTC().date().weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

void AuditFigures::setPeriod(const QDateTime &since, const QDateTime &until)
{
    m_since = since;
    m_until = until;
}

AuditFigures AuditFigures::emptyCopy() const
{
    AuditFigures empty;
    empty.setPeriod(m_since, m_until);
    return empty;
}

void AuditFigures::add(const QJsonObject &record)
{
    const QDateTime time = QDateTime::fromString(record.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    if ((m_since.isValid() && (!time.isValid() || time < m_since)) ||
        (m_until.isValid() && (!time.isValid() || time >= m_until))) {
        ++m_outsidePeriod;
        return;
    }
    ++m_records;
    const QString event = record.value(QLatin1String("event")).toString();
    const QString host = record.value(QLatin1String("host")).toString();
    const QJsonObject policy = record.value(QLatin1String("policy")).toObject();
    if (!host.isEmpty() && policy.contains(QLatin1String("id"))) {
        HostPolicy &seen = m_hosts[host];
        ++seen.records;
        if (!seen.lastSeen.isValid() || time >= seen.lastSeen) {
            seen.lastSeen = time;
            seen.policyId = policy.value(QLatin1String("id")).toString();
            seen.version = policy.value(QLatin1String("version")).toInteger();
        }
    }
    if (event != QLatin1String("decision") && event != QLatin1String("check-failed"))
        return; // policy records: their host's policy only

    const QString choice = record.value(QLatin1String("choice")).toString();
    Counts counts;
    if (choice == QLatin1String("report-false-positive")) {
        counts.falsePositives = 1;
    } else {
        counts.decisions = 1;
        counts.sentAnyway = choice == QLatin1String("send-anyway");
        counts.changed = choice == QLatin1String("mask-and-send") ||
            choice == QLatin1String("remove-broadcast-recipients") || choice == QLatin1String("leave-out-attachments");
        counts.cancelled = choice == QLatin1String("cancel");
        counts.unchecked = event == QLatin1String("check-failed");
        ++m_verdicts[record.value(QLatin1String("verdict")).toString()];
    }
    ++m_choices[choice];
    m_total.add(counts);
    if (counts.unchecked) {
        // Records from before causes were written say why in their (masked) error only.
        QString cause = record.value(QLatin1String("cause")).toString();
        if (cause.isEmpty())
            cause = uncheckedCauseNames.name(uncheckedCauseOf(record.value(QLatin1String("error")).toString()));
        ++m_uncheckedCauses[cause];
    }
    for (const QJsonValue &rule : record.value(QLatin1String("rules")).toArray())
        m_byRule[rule.toString()].add(counts);
    const QJsonObject detectors = record.value(QLatin1String("detectors")).toObject();
    for (auto it = detectors.constBegin(); it != detectors.constEnd(); ++it)
        m_byDetector[it.key()].add(counts);
    const QString department = record.value(QLatin1String("department")).toString();
    m_byDepartment[department.isEmpty() ? QStringLiteral("-") : department].add(counts);
    m_byHost[host.isEmpty() ? QStringLiteral("-") : host].add(counts);
    m_byWeek[time.isValid() ? weekOf(time) : QStringLiteral("-")].add(counts);
}

void AuditFigures::merge(const AuditFigures &other)
{
    m_records += other.m_records;
    m_outsidePeriod += other.m_outsidePeriod;
    m_total.add(other.m_total);
    mergeInto(m_verdicts, other.m_verdicts);
    mergeInto(m_choices, other.m_choices);
    mergeInto(m_byRule, other.m_byRule);
    mergeInto(m_byDetector, other.m_byDetector);
    mergeInto(m_byDepartment, other.m_byDepartment);
    mergeInto(m_byHost, other.m_byHost);
    mergeInto(m_byWeek, other.m_byWeek);
    mergeInto(m_uncheckedCauses, other.m_uncheckedCauses);
    for (auto it = other.m_hosts.constBegin(); it != other.m_hosts.constEnd(); ++it) {
        HostPolicy &seen = m_hosts[it.key()];
        const qint64 records = seen.records + it->records;
        if (!seen.lastSeen.isValid() || it->lastSeen >= seen.lastSeen)
            seen = *it;
        seen.records = records;
    }
}

QMap<QString, qint64> AuditFigures::newestPolicies() const
{
    QMap<QString, qint64> newest;
    for (const HostPolicy &host : m_hosts)
        newest[host.policyId] = qMax(newest.value(host.policyId), host.version);
    return newest;
}

QStringList AuditFigures::staleHosts() const
{
    const QMap<QString, qint64> newest = newestPolicies();
    QStringList stale;
    for (auto it = m_hosts.constBegin(); it != m_hosts.constEnd(); ++it) {
        if (it->version < newest.value(it->policyId))
            stale.append(it.key());
    }
    return stale;
}

} // namespace SendGuard::Core
