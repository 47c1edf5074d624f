// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditreporttable.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace SendGuard::Tools {

namespace {

using Counts = Core::AuditFigures::Counts;
using Rows = QList<QStringList>;

// East Asian wide characters take two terminal cells.
int displayWidth(const QString &text)
{
    int width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        width += (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3) ||
                (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFF60)
            ? 2
            : 1;
    }
    return width;
}

QString number(qint64 value)
{
    return QLocale(QLocale::English).toString(value); // 1,234
}

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + QLatin1Char('%');
}

// Record-controlled text on an admin's terminal: control characters (escape sequences that
// could move the cursor and rewrite a "DID NOT VERIFY" line, line breaks that add rows) shown as ?.
QString printable(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029)
            c = QLatin1Char('?');
    }
    return text;
}

bool isNumber(const QString &cell)
{
    static const QRegularExpression number(QStringLiteral("^[0-9][0-9,.]*%?$"));
    return number.match(cell).hasMatch();
}

// A table: the first row is the header; numbers right-aligned, with their header.
void table(QTextStream &out, const Rows &cells)
{
    if (cells.isEmpty())
        return;
    Rows rows;
    for (const QStringList &row : cells) {
        QStringList shown;
        for (const QString &cell : row)
            shown.append(printable(cell));
        rows.append(shown);
    }
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    QList<bool> numeric(widths.size(), rows.size() > 1);
    for (qsizetype r = 1; r < rows.size(); ++r) {
        for (qsizetype i = 0; i < rows[r].size() && i < numeric.size(); ++i)
            numeric[i] = numeric[i] && isNumber(rows[r][i]);
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i) {
            const QString padding(widths[i] - displayWidth(row[i]), QLatin1Char(' '));
            line += numeric[i] ? padding + row[i] : row[i] + padding;
            line += QStringLiteral("  ");
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out << QStringLiteral("  ") << line << '\n';
    }
}

void heading(QTextStream &out, const QString &text)
{
    out << '\n' << text << '\n';
}

Rows countsTable(const AuditReport &report, const QMap<QString, Counts> &groups, const QString &first)
{
    const AuditReportWords &w = report.words;
    Rows rows {{first, w.text("decisions"), w.text("sentAnyway"), w.text("overrideRate"), w.text("changed"),
                w.text("cancelled"), w.text("uncheckedColumn"), w.text("falsePositivesColumn")}};
    for (auto it = groups.constBegin(); it != groups.constEnd(); ++it)
        rows.append({it.key(), number(it->decisions), number(it->sentAnyway), percent(it->overrideRate()),
                     number(it->changed), number(it->cancelled), number(it->unchecked), number(it->falsePositives)});
    return rows;
}

} // namespace

void AuditReportTable::write(QTextStream &out, const AuditReport &report)
{
    const AuditReportWords &w = report.words;
    const Core::AuditFigures &figures = report.figures;
    out << w.text("title") << " — " << w.text("period") << ": " << report.period() << '\n';
    out << w.text("noContent") << '\n';

    heading(out, w.text("trails"));
    Rows trails {{w.text("trail"), w.text("records"), w.text("leftOut"), w.text("kind"), w.text("status")}};
    bool broken = false;
    for (const AuditSources::Trail &trail : report.trails) {
        broken = broken || !trail.problem.isEmpty();
        trails.append({trail.files > 1 ? QStringLiteral("%1 (+%2)").arg(trail.name, QString::number(trail.files - 1))
                                       : trail.name,
                       number(trail.records), number(trail.leftOut), report.kindOf(trail), report.statusOf(trail)});
    }
    table(out, trails);
    if (broken)
        out << "  " << w.text("brokenNote") << '\n';
    out << "  " << w.text("counted") << ": " << number(figures.records());
    if (figures.outsidePeriod() > 0)
        out << " (" << number(figures.outsidePeriod()) << ' ' << w.text("outsidePeriod") << ')';
    out << '\n';

    heading(out, w.text("verdicts"));
    Rows verdicts {{w.text("name"), w.text("count")}};
    for (auto it = figures.verdicts().constBegin(); it != figures.verdicts().constEnd(); ++it)
        verdicts.append({w.term(it.key()), number(it.value())});
    table(out, verdicts);

    heading(out, w.text("choices"));
    Rows choices {{w.text("name"), w.text("count")}};
    for (auto it = figures.choices().constBegin(); it != figures.choices().constEnd(); ++it)
        choices.append({w.term(it.key()), number(it.value())});
    table(out, choices);

    using Dimension = Core::AuditFigures::Dimension;
    const QByteArray byKey = "by" + Core::AuditFigures::dimensionName(report.by).toLatin1();
    heading(out, w.text(byKey.constData()));
    table(out, countsTable(report, figures.by(report.by), w.text("name")));
    if (report.by != Dimension::Detector) {
        heading(out, w.text("bydetector"));
        table(out, countsTable(report, figures.by(Dimension::Detector), w.text("name")));
    }

    heading(out, w.text("falsePositives"));
    Rows reported {{w.text("detector"), w.text("maskedForm"), w.text("count")}};
    for (auto it = figures.reportedForms().constBegin(); it != figures.reportedForms().constEnd(); ++it) {
        for (auto form = it->constBegin(); form != it->constEnd(); ++form)
            reported.append({it.key(), form.key(), number(form.value())});
    }
    if (reported.size() == 1)
        reported.append({w.text("none"), QString(), QStringLiteral("0")});
    table(out, reported);

    heading(out, w.text("unchecked"));
    Rows causes {{w.text("name"), w.text("count")}};
    for (auto it = figures.uncheckedCauses().constBegin(); it != figures.uncheckedCauses().constEnd(); ++it)
        causes.append({w.term(it.key()), number(it.value())});
    if (causes.size() == 1)
        causes.append({w.text("none"), QStringLiteral("0")});
    table(out, causes);

    heading(out, w.text("hosts"));
    const QStringList staleList = figures.staleHosts();
    const QSet<QString> stale(staleList.begin(), staleList.end());
    Rows hosts {{w.text("host"), w.text("policy"), w.text("version"), w.text("records"), w.text("lastRecord"),
                 w.text("status")}};
    for (auto it = figures.hosts().constBegin(); it != figures.hosts().constEnd(); ++it)
        hosts.append({it.key(), it->policyId, number(it->version), number(it->records),
                      it->lastSeen.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      stale.contains(it.key()) ? w.text("stale") : w.text("current")});
    table(out, hosts);
    if (!stale.isEmpty())
        out << "  " << w.text("staleNote") << '\n';

    if (report.by != Dimension::Week) {
        heading(out, w.text("byweek"));
        table(out, countsTable(report, figures.by(Dimension::Week), w.text("name")));
    }
}

} // namespace SendGuard::Tools
