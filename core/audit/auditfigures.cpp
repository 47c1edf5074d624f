// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditfigures.h"

#include "uncheckedcause.h"

#include <QJsonArray>
#include <QStringView>

namespace SendGuard::Core {

namespace {

// The entry for key, or, once the map holds MaxGroups keys, the one that gathers all the others:
// records are input, and a forged trail with a new rule id on every line must not make the report
// hold one entry per record.
template<typename Map>
typename Map::mapped_type &entry(Map &map, const QString &key)
{
    const auto it = map.find(key);
    if (it != map.end())
        return *it;
    return map[map.size() < AuditFigures::MaxGroups ? key : QStringLiteral("…")];
}

template<typename Map>
void mergeInto(Map &into, const Map &from)
{
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
        if constexpr (std::is_same_v<typename Map::mapped_type, qint64>)
            entry(into, it.key()) += it.value();
        else
            entry(into, it.key()).add(it.value());
    }
}

// "2026-11-24T09:01:00.000Z", exactly: what AuditEvent writes, and what sorts as text.
bool hasRecordTimeShape(const QString &time)
{
    static constexpr char16_t Shape[] = u"dddd-dd-ddTdd:dd:dd.dddZ";
    if (time.size() != 24)
        return false;
    for (qsizetype i = 0; i < 24; ++i) {
        const char16_t c = time.at(i).unicode();
        if (Shape[i] == u'd' ? (c < u'0' || c > u'9') : c != Shape[i])
            return false;
    }
    return true;
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
    m_sinceText = since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QString();
    m_untilText = until.isValid() ? until.toUTC().toString(Qt::ISODateWithMs) : QString();
}

AuditFigures AuditFigures::emptyCopy() const
{
    AuditFigures empty;
    empty.setPeriod(m_since, m_until);
    empty.m_latestPlausible = m_latestPlausible;
    return empty;
}

AuditFigures::Record AuditFigures::Record::fromJson(const QJsonObject &record)
{
    Record r;
    r.event = record.value(QLatin1String("event")).toString();
    r.time = record.value(QLatin1String("time")).toString();
    r.host = record.value(QLatin1String("host")).toString();
    const QJsonObject policy = record.value(QLatin1String("policy")).toObject();
    if (policy.contains(QLatin1String("id"))) {
        r.policyId = policy.value(QLatin1String("id")).toString();
        r.policyVersion = policy.value(QLatin1String("version")).toInteger();
    }
    r.verdict = record.value(QLatin1String("verdict")).toString();
    r.choice = record.value(QLatin1String("choice")).toString();
    for (const QJsonValue &rule : record.value(QLatin1String("rules")).toArray())
        r.rules.append(rule.toString());
    r.detectors = record.value(QLatin1String("detectors")).toObject().keys();
    r.department = record.value(QLatin1String("department")).toString();
    r.cause = record.value(QLatin1String("cause")).toString();
    r.error = record.value(QLatin1String("error")).toString();
    for (const QJsonValue &item : record.value(QLatin1String("reported")).toArray()) {
        const QJsonObject finding = item.toObject();
        r.reported.append(
            {finding.value(QLatin1String("detector")).toString(), finding.value(QLatin1String("masked")).toString()});
    }
    return r;
}

QString AuditFigures::weekOfDay(QStringView day)
{
    // Records come in time order: most days are the one before.
    if (day == m_lastDay)
        return m_lastWeek;
    m_lastDay = day.toString();
    m_lastWeek = weekOfDayLookedUp(m_lastDay);
    return m_lastWeek;
}

QString AuditFigures::weekOfDayLookedUp(const QString &key)
{
    const auto it = m_weeks.constFind(key);
    if (it != m_weeks.constEnd())
        return *it;
    const QDate date = QDate::fromString(key, Qt::ISODate);
    const QString week = date.isValid() ? weekOf(date.startOfDay(Qt::UTC)) : QStringLiteral("-");
    if (m_weeks.size() > MaxGroups) // forged times, each a new "day": the cache stays small
        m_weeks.clear();
    m_weeks.insert(key, week);
    return week;
}

void AuditFigures::add(const Record &record)
{
    // Records' times are UTC ISO 8601 text of one length: compared as text, in order. Any other
    // form is read as a date and time first.
    QString time = record.time;
    if (!hasRecordTimeShape(time)) {
        const QDateTime parsed = QDateTime::fromString(time, Qt::ISODateWithMs);
        time = parsed.isValid() ? parsed.toUTC().toString(Qt::ISODateWithMs) : QString();
    }
    // A record from the future would hold its host's "last policy" for good.
    if (!time.isEmpty() && time > m_latestPlausible)
        time.clear();
    if ((!m_sinceText.isEmpty() && (time.isEmpty() || time < m_sinceText)) ||
        (!m_untilText.isEmpty() && (time.isEmpty() || time >= m_untilText))) {
        ++m_outsidePeriod;
        return;
    }
    ++m_records;
    if (!record.host.isEmpty() && record.policyVersion >= 0) {
        const QString host =
            m_hosts.contains(record.host) || m_hosts.size() < MaxGroups ? record.host : QStringLiteral("…");
        HostPolicy &seen = m_hosts[host];
        QString &lastSeen = m_lastSeenText[host];
        ++seen.records;
        if (lastSeen.isEmpty() || time >= lastSeen) {
            lastSeen = time;
            seen.lastSeen = QDateTime::fromString(time, Qt::ISODateWithMs);
            seen.policyId = record.policyId;
            seen.version = record.policyVersion;
        }
    }
    if (record.event != QLatin1String("decision") && record.event != QLatin1String("check-failed"))
        return; // policy records: their host's policy only

    const QString &choice = record.choice;
    Counts counts;
    if (choice == QLatin1String("report-false-positive")) {
        counts.falsePositives = 1;
        for (const auto &[detector, masked] : record.reported) {
            QMap<QString, qint64> &forms = entry(m_reportedForms, detector);
            const bool room = forms.contains(masked) || forms.size() < MaxFormsPerDetector;
            ++forms[room ? masked : QStringLiteral("…")];
        }
    } else {
        counts.decisions = 1;
        counts.sentAnyway = choice == QLatin1String("send-anyway");
        counts.changed = choice == QLatin1String("mask-and-send") ||
            choice == QLatin1String("remove-broadcast-recipients") || choice == QLatin1String("leave-out-attachments");
        counts.cancelled = choice == QLatin1String("cancel");
        counts.unchecked = record.event == QLatin1String("check-failed");
        ++entry(m_verdicts, record.verdict);
    }
    ++entry(m_choices, choice);
    m_total.add(counts);
    if (counts.unchecked) {
        // Records from before causes were written say why in their (masked) error only.
        ++entry(m_uncheckedCauses,
                record.cause.isEmpty() ? uncheckedCauseNames.name(uncheckedCauseOf(record.error)) : record.cause);
    }
    for (const QString &rule : record.rules)
        entry(m_byRule, rule).add(counts);
    for (const QString &detector : record.detectors)
        entry(m_byDetector, detector).add(counts);
    entry(m_byDepartment, record.department.isEmpty() ? QStringLiteral("-") : record.department).add(counts);
    entry(m_byHost, record.host.isEmpty() ? QStringLiteral("-") : record.host).add(counts);
    entry(m_byWeek, time.isEmpty() ? QStringLiteral("-") : weekOfDay(QStringView(time).left(10))).add(counts);
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
    for (auto it = other.m_reportedForms.constBegin(); it != other.m_reportedForms.constEnd(); ++it) {
        QMap<QString, qint64> &forms = entry(m_reportedForms, it.key());
        for (auto form = it->constBegin(); form != it->constEnd(); ++form) {
            const bool room = forms.contains(form.key()) || forms.size() < MaxFormsPerDetector;
            forms[room ? form.key() : QStringLiteral("…")] += form.value();
        }
    }
    for (auto it = other.m_hosts.constBegin(); it != other.m_hosts.constEnd(); ++it) {
        const QString host = m_hosts.contains(it.key()) || m_hosts.size() < MaxGroups ? it.key() : QStringLiteral("…");
        HostPolicy &seen = m_hosts[host];
        QString &lastSeen = m_lastSeenText[host];
        const QString otherLastSeen = other.m_lastSeenText.value(it.key());
        const qint64 records = seen.records + it->records;
        if (lastSeen.isEmpty() || otherLastSeen >= lastSeen) {
            seen = *it;
            lastSeen = otherLastSeen;
        }
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
