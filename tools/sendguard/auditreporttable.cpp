// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditreporttable.h"

#include <algorithm>

namespace SendGuard::Tools {

namespace {

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

// A table, its columns lined up; numbers right-aligned, with their header. none: the row shown
// when it has no rows.
void table(QTextStream &out, AuditReport::Table table, const QStringList &none = {})
{
    if (table.rows.isEmpty() && !none.isEmpty())
        table.rows.append(none);
    Rows rows;
    for (const QStringList &row : QList<QStringList> {table.header} + table.rows) {
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
            numeric[i] = numeric[i] && AuditReport::isNumber(rows[r][i]);
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

} // namespace

void AuditReportTable::write(QTextStream &out, const AuditReport &report)
{
    using Dimension = Core::AuditFigures::Dimension;
    const AuditReportWords &w = report.words;
    const Core::AuditFigures &figures = report.figures;
    out << w.text("title") << " — " << w.text("period") << ": " << report.period() << '\n';
    out << w.text("noContent") << '\n';

    heading(out, w.text("trails"));
    table(out, report.trailTable());
    if (std::any_of(report.trails.begin(), report.trails.end(),
                    [](const AuditSources::Trail &trail) { return !trail.problem.isEmpty(); }))
        out << "  " << w.text("brokenNote") << '\n';
    out << "  " << w.text("counted") << ": " << AuditReport::number(figures.records());
    if (figures.outsidePeriod() > 0)
        out << " (" << AuditReport::number(figures.outsidePeriod()) << ' ' << w.text("outsidePeriod") << ')';
    out << '\n';

    heading(out, w.text("verdicts"));
    table(out, report.termTable(figures.verdicts()));
    heading(out, w.text("choices"));
    table(out, report.termTable(figures.choices()));

    const QByteArray byKey = "by" + Core::AuditFigures::dimensionName(report.by).toLatin1();
    heading(out, w.text(byKey.constData()));
    table(out, report.countsTable(figures.by(report.by)));
    if (report.by != Dimension::Detector) {
        heading(out, w.text("bydetector"));
        table(out, report.countsTable(figures.by(Dimension::Detector)));
    }

    heading(out, w.text("falsePositives"));
    table(out, report.reportedTable(), {w.text("none"), QString(), QStringLiteral("0")});
    heading(out, w.text("unchecked"));
    table(out, report.termTable(figures.uncheckedCauses()), {w.text("none"), QStringLiteral("0")});

    heading(out, w.text("hosts"));
    table(out, report.hostTable());
    if (!figures.staleHosts().isEmpty())
        out << "  " << w.text("staleNote") << '\n';

    if (report.by != Dimension::Week) {
        heading(out, w.text("byweek"));
        table(out, report.countsTable(figures.by(Dimension::Week)));
    }
}

} // namespace SendGuard::Tools
