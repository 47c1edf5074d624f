// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditreport.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace SendGuard::Tools {

QString AuditReport::number(qint64 value)
{
    return QLocale(QLocale::English).toString(value);
}

QString AuditReport::percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + QLatin1Char('%');
}

bool AuditReport::isNumber(const QString &cell)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9][0-9,.]*%?$"));
    return shape.match(cell).hasMatch();
}

AuditReport::Table AuditReport::trailTable() const
{
    Table table {
        {words.text("trail"), words.text("records"), words.text("leftOut"), words.text("kind"), words.text("status")},
        {}};
    for (const AuditSources::Trail &trail : trails)
        table.rows.append({trail.files > 1
                               ? QStringLiteral("%1 (+%2)").arg(trail.name, QString::number(trail.files - 1))
                               : trail.name,
                           number(trail.records), number(trail.leftOut), kindOf(trail), statusOf(trail)});
    return table;
}

AuditReport::Table AuditReport::countsTable(const QMap<QString, Core::AuditFigures::Counts> &groups) const
{
    Table table {{words.text("name"), words.text("decisions"), words.text("sentAnyway"), words.text("overrideRate"),
                  words.text("changed"), words.text("cancelled"), words.text("uncheckedColumn"),
                  words.text("falsePositivesColumn")},
                 {}};
    for (auto it = groups.constBegin(); it != groups.constEnd(); ++it)
        table.rows.append({it.key(), number(it->decisions), number(it->sentAnyway), percent(it->overrideRate()),
                           number(it->changed), number(it->cancelled), number(it->unchecked),
                           number(it->falsePositives)});
    return table;
}

AuditReport::Table AuditReport::termTable(const QMap<QString, qint64> &counts) const
{
    Table table {{words.text("name"), words.text("count")}, {}};
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        table.rows.append({words.term(it.key()), number(it.value())});
    return table;
}

AuditReport::Table AuditReport::reportedTable() const
{
    Table table {{words.text("detector"), words.text("maskedForm"), words.text("count")}, {}};
    for (auto it = figures.reportedForms().constBegin(); it != figures.reportedForms().constEnd(); ++it) {
        for (auto form = it->constBegin(); form != it->constEnd(); ++form)
            table.rows.append({it.key(), form.key(), number(form.value())});
    }
    return table;
}

AuditReport::Table AuditReport::hostTable() const
{
    const QStringList staleList = figures.staleHosts();
    const QSet<QString> stale(staleList.begin(), staleList.end());
    Table table {{words.text("host"), words.text("policy"), words.text("version"), words.text("records"),
                  words.text("lastRecord"), words.text("status")},
                 {}};
    for (auto it = figures.hosts().constBegin(); it != figures.hosts().constEnd(); ++it)
        table.rows.append({it.key(), it->policyId, number(it->version), number(it->records),
                           it->lastSeen.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                           stale.contains(it.key()) ? words.text("stale") : words.text("current")});
    return table;
}

} // namespace SendGuard::Tools
