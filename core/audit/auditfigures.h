// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace SendGuard::Core {

// The figures IT decides the next policy by, counted over audit records one at a time (memory
// grows with the number of rules, detectors, hosts and weeks, never with the records): decisions
// by verdict and by choice, how often each rule and detector is overridden ("send anyway"),
// false-positive reports, messages that went out or stopped unchecked and why, the policy each
// host last ran, and all of it per week. Records hold ids and counts only; so do the figures.
class AuditFigures
{
public:
    // What one group (a rule, a detector, a department, a host, a week) counts.
    struct Counts
    {
        qint64 decisions = 0; // messages the dialog or the failure mode decided (reports aside)
        qint64 sentAnyway = 0; // "send anyway": the warning overridden
        qint64 changed = 0; // masked, recipients removed or documents left out, then sent
        qint64 cancelled = 0;
        qint64 unchecked = 0; // check-failed records: sent unchecked, blocked or cancelled
        qint64 falsePositives = 0; // "report false positive"

        double overrideRate() const { return decisions > 0 ? double(sentAnyway) / double(decisions) : 0.0; }
        void add(const Counts &other);
    };

    struct HostPolicy
    {
        QString policyId;
        qint64 version = 0;
        QDateTime lastSeen;
        qint64 records = 0;
    };

    // The fields of a record the figures read: what a reader fills from the record's JSON however
    // it parses it (fromJson() for a QJsonObject). time is the record's text, UTC ISO 8601 with
    // milliseconds, as AuditEvent writes it ("2026-11-24T09:01:00.000Z").
    struct Record
    {
        QString event;
        QString time;
        QString host;
        QString policyId;
        qint64 policyVersion = -1; // -1: the record names no policy
        QString verdict;
        QString choice;
        QStringList rules;
        QStringList detectors;
        QString department;
        QString cause;
        QString error;
        QList<std::pair<QString, QString>> reported; // a false-positive report: (detector, masked form)

        static Record fromJson(const QJsonObject &record);
    };

    enum class Dimension { Rule, Detector, Department, Host, Week };
    static std::optional<Dimension> dimension(const QString &name);
    static QString dimensionName(Dimension dimension);

    // A decision or check-failed record (a local one, or the one a collected record holds);
    // policy records count for their host only. Records outside [since, until) are not counted.
    void add(const Record &record);
    void add(const QJsonObject &record) { add(Record::fromJson(record)); }
    void setPeriod(const QDateTime &since, const QDateTime &until);
    // Empty figures over the same period: one trail's, merged when it has been read.
    AuditFigures emptyCopy() const;
    void merge(const AuditFigures &other);

    qint64 records() const { return m_records; }
    qint64 outsidePeriod() const { return m_outsidePeriod; }
    const Counts &total() const { return m_total; }
    const QMap<QString, qint64> &verdicts() const { return m_verdicts; }
    const QMap<QString, qint64> &choices() const { return m_choices; }
    const QMap<QString, Counts> &by(Dimension dimension) const;
    const QMap<QString, qint64> &uncheckedCauses() const { return m_uncheckedCauses; }
    // False-positive reports by detector and the masked form reported ("010-****-5678"); past
    // MaxFormsPerDetector forms a detector's further ones count under "…".
    const QMap<QString, QMap<QString, qint64>> &reportedForms() const { return m_reportedForms; }
    static constexpr qsizetype MaxFormsPerDetector = 50;
    // Distinct rules, detectors, departments, hosts, weeks... each kept at most; the rest are
    // counted together under "…".
    static constexpr qsizetype MaxGroups = 10000;
    const QMap<QString, HostPolicy> &hosts() const { return m_hosts; }
    // Hosts whose last record ran an older version of a policy than another host's last record.
    QStringList staleHosts() const;
    // The newest version of each policy id any host last ran.
    QMap<QString, qint64> newestPolicies() const;

    // "2026-W48": the ISO week of a record's time.
    static QString weekOf(const QDateTime &time);

private:
    // A week for a day ("2026-11-24"), worked out once per day seen.
    QString weekOfDay(QStringView day);
    QString weekOfDayLookedUp(const QString &day);

    QDateTime m_since;
    QDateTime m_until;
    // Later than this no record can have been written (a day's margin for clocks).
    QString m_latestPlausible = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs);
    QString m_sinceText; // the period in the records' own form, compared as text
    QString m_untilText;
    QHash<QString, QString> m_weeks;
    QString m_lastDay;
    QString m_lastWeek;
    QHash<QString, QString> m_lastSeenText; // host -> the time text of its last record
    qint64 m_records = 0;
    qint64 m_outsidePeriod = 0;
    Counts m_total;
    QMap<QString, qint64> m_verdicts;
    QMap<QString, qint64> m_choices;
    QMap<QString, Counts> m_byRule;
    QMap<QString, Counts> m_byDetector;
    QMap<QString, Counts> m_byDepartment;
    QMap<QString, Counts> m_byHost;
    QMap<QString, Counts> m_byWeek;
    QMap<QString, qint64> m_uncheckedCauses;
    QMap<QString, QMap<QString, qint64>> m_reportedForms;
    QMap<QString, HostPolicy> m_hosts;
};

} // namespace SendGuard::Core
