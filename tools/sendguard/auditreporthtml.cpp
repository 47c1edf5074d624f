// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditreporthtml.h"

#include <algorithm>

namespace SendGuard::Tools {

namespace {

using Counts = Core::AuditFigures::Counts;
using Dimension = Core::AuditFigures::Dimension;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

struct Bar
{
    QString label;
    double value = 0;
    QString shown; // the value as written beside the bar
};

// Horizontal bars, one per item, scaled to the largest (or to 1 for rates).
QString horizontalBars(const QString &id, const QList<Bar> &bars, double scaleTo = 0)
{
    if (bars.isEmpty())
        return {};
    constexpr int LabelWidth = 260, BarWidth = 420, Row = 26;
    const double largest =
        scaleTo > 0 ? scaleTo : std::max_element(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) {
                                    return a.value < b.value;
                                })->value;
    QString svg = QStringLiteral("<svg id=\"%1\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%2\" "
                                 "height=\"%3\" role=\"img\">")
                      .arg(id)
                      .arg(LabelWidth + BarWidth + 90)
                      .arg(bars.size() * Row + 8);
    for (qsizetype i = 0; i < bars.size(); ++i) {
        const int y = int(i) * Row + 4;
        const int width = largest > 0 ? int(BarWidth * bars[i].value / largest) : 0;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" class=\"label\">%3</text>")
                   .arg(LabelWidth - 8)
                   .arg(y + 16)
                   .arg(escaped(bars[i].label));
        svg += QStringLiteral(
                   "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"18\" class=\"bar\"><title>%4: %5</title></rect>")
                   .arg(LabelWidth)
                   .arg(y + 2)
                   .arg(std::max(width, 1))
                   .arg(escaped(bars[i].label), escaped(bars[i].shown));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"value\">%3</text>")
                   .arg(LabelWidth + std::max(width, 1) + 6)
                   .arg(y + 16)
                   .arg(escaped(bars[i].shown));
    }
    return svg + QStringLiteral("</svg>");
}

// Weeks as pairs of columns: decisions, and how many of them were sent anyway; a legend below.
QString weekColumns(const QMap<QString, Counts> &weeks, const AuditReportWords &w)
{
    if (weeks.isEmpty())
        return {};
    constexpr int Top = 20, Height = 180, Column = 52, Left = 40, Labels = 70;
    qint64 largest = 1;
    for (const Counts &week : weeks)
        largest = std::max(largest, week.decisions);
    const int base = Top + Height;
    const int legend = base + Labels;
    QString svg = QStringLiteral("<svg id=\"weeks\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" "
                                 "height=\"%2\" role=\"img\">")
                      .arg(std::max(420, Left + int(weeks.size()) * Column + 20))
                      .arg(legend + 24);
    const auto column = [&](int x, qint64 value, const char *css, const QString &week, const QString &what) {
        const int height = int(Height * double(value) / double(largest));
        return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"18\" height=\"%3\" class=\"%4\"><title>%5 %6: %7"
                              "</title></rect><text x=\"%8\" y=\"%9\" class=\"value\" text-anchor=\"middle\">%7</text>")
            .arg(x)
            .arg(base - height)
            .arg(height)
            .arg(QLatin1String(css), escaped(week), escaped(what), AuditReport::number(value))
            .arg(x + 9)
            .arg(base - height - 4);
    };
    int x = Left;
    for (auto it = weeks.constBegin(); it != weeks.constEnd(); ++it, x += Column) {
        svg += column(x, it->decisions, "bar", it.key(), w.text("decisions"));
        svg += column(x + 20, it->sentAnyway, "bar override", it.key(), w.text("sentAnyway"));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"label\" text-anchor=\"end\" transform=\"rotate(-40 %1 "
                              "%2)\">%3</text>")
                   .arg(x + 19)
                   .arg(base + 16)
                   .arg(escaped(it.key()));
    }
    const auto key = [&](int at, const char *css, const QString &text) {
        return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"12\" height=\"12\" class=\"%3\"/><text x=\"%4\" "
                              "y=\"%5\" class=\"label\">%6</text>")
            .arg(at)
            .arg(legend)
            .arg(QLatin1String(css))
            .arg(at + 16)
            .arg(legend + 11)
            .arg(escaped(text));
    };
    svg += key(Left, "bar", w.text("decisions"));
    svg += key(Left + 160, "bar override", w.text("sentAnyway"));
    return svg + QStringLiteral("</svg>");
}

// A table; numbers right-aligned, and a trail that did not verify (its status starting with
// problem) in red.
QString tableOf(const QString &id, const AuditReport::Table &table, const QString &problem = {})
{
    QString html = QStringLiteral("<table id=\"%1\"><thead><tr>").arg(id);
    for (const QString &cell : table.header)
        html += QStringLiteral("<th>%1</th>").arg(escaped(cell));
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList &row : table.rows) {
        html += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < row.size(); ++i) {
            const QString cell = i > 0 && AuditReport::isNumber(row[i]) ? QStringLiteral("<td class=\"number\">%1</td>")
                : !problem.isEmpty() && row[i].startsWith(problem) ? QStringLiteral("<td class=\"problem\">%1</td>")
                                                                   : QStringLiteral("<td>%1</td>");
            html += cell.arg(escaped(row[i]));
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

// A table, or a line saying there is nothing in it.
QString tableOrNone(const QString &id, const AuditReport::Table &table, const AuditReportWords &w)
{
    return table.rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(escaped(w.text("none"))) : tableOf(id, table);
}

QString section(const QString &title, const QString &body)
{
    return QStringLiteral("<section><h2>%1</h2>%2</section>\n").arg(escaped(title), body);
}

} // namespace

QByteArray AuditReportHtml::write(const AuditReport &report)
{
    const AuditReportWords &w = report.words;
    const Core::AuditFigures &figures = report.figures;
    QString html =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>"
                       "<style>body{font-family:'Noto Sans CJK KR','Noto Sans KR',sans-serif;margin:2em;color:#222;"
                       "word-break:keep-all}"
                       "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}"
                       "table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .7em;border:1px solid #ddd;"
                       "text-align:left}td.number{text-align:right}th{background:#f3f3f3;white-space:nowrap}"
                       ".bar{fill:#3b6ea8}.bar.override{fill:#d9822b}.label{font-size:13px;fill:#333}"
                       ".value{font-size:12px;fill:#555}.problem{color:#b00020;font-weight:bold}"
                       ".note{color:#555}</style></head><body>\n")
            .arg(w.language(), escaped(w.text("title")));
    html += QStringLiteral("<h1>%1</h1><p id=\"period\">%2: %3 · %4: <span id=\"counted\">%5</span></p><p "
                           "class=\"note\">%6</p>\n")
                .arg(escaped(w.text("title")), escaped(w.text("period")), escaped(report.period()),
                     escaped(w.text("counted")), AuditReport::number(figures.records()), escaped(w.text("noContent")));

    QString trailsBody = tableOf(QStringLiteral("trails"), report.trailTable(), w.text("notVerified"));
    if (std::any_of(report.trails.begin(), report.trails.end(),
                    [](const AuditSources::Trail &trail) { return !trail.problem.isEmpty(); }))
        trailsBody += QStringLiteral("<p class=\"problem\">%1</p>").arg(escaped(w.text("brokenNote")));
    html += section(w.text("trails"), trailsBody);

    QList<Bar> choiceBars;
    for (auto it = figures.choices().constBegin(); it != figures.choices().constEnd(); ++it)
        choiceBars.append({w.term(it.key()), double(it.value()), AuditReport::number(it.value())});
    html += section(w.text("verdicts"), tableOf(QStringLiteral("verdicts"), report.termTable(figures.verdicts())));
    html += section(w.text("choices"),
                    horizontalBars(QStringLiteral("choicesChart"), choiceBars) +
                        tableOf(QStringLiteral("choices"), report.termTable(figures.choices())));

    QList<Bar> overrideBars;
    for (auto it = figures.by(Dimension::Rule).constBegin(); it != figures.by(Dimension::Rule).constEnd(); ++it) {
        if (it->decisions > 0)
            overrideBars.append({it.key(), it->overrideRate(), AuditReport::percent(it->overrideRate())});
    }
    html += section(w.text("overrideChart"), horizontalBars(QStringLiteral("overrideChart"), overrideBars, 1.0));
    const QByteArray byKey = "by" + Core::AuditFigures::dimensionName(report.by).toLatin1();
    html += section(w.text(byKey.constData()),
                    tableOf(QStringLiteral("byMain"), report.countsTable(figures.by(report.by))));
    if (report.by != Dimension::Detector)
        html += section(w.text("bydetector"),
                        tableOf(QStringLiteral("byDetector"), report.countsTable(figures.by(Dimension::Detector))));

    QList<Bar> falsePositiveBars;
    for (auto it = figures.by(Dimension::Detector).constBegin(); it != figures.by(Dimension::Detector).constEnd();
         ++it) {
        if (it->falsePositives > 0)
            falsePositiveBars.append({it.key(), double(it->falsePositives), AuditReport::number(it->falsePositives)});
    }
    html +=
        section(w.text("falsePositiveChart"),
                falsePositiveBars.isEmpty() ? QStringLiteral("<p>%1</p>").arg(escaped(w.text("none")))
                                            : horizontalBars(QStringLiteral("falsePositiveChart"), falsePositiveBars) +
                        tableOf(QStringLiteral("reportedForms"), report.reportedTable()));
    html += section(w.text("unchecked"),
                    tableOrNone(QStringLiteral("unchecked"), report.termTable(figures.uncheckedCauses()), w));

    QString hostsBody = tableOf(QStringLiteral("hosts"), report.hostTable());
    if (!figures.staleHosts().isEmpty())
        hostsBody += QStringLiteral("<p class=\"note\">%1</p>").arg(escaped(w.text("staleNote")));
    html += section(w.text("hosts"), hostsBody);

    html += section(w.text("weekChart"),
                    weekColumns(figures.by(Dimension::Week), w) +
                        tableOf(QStringLiteral("byWeek"), report.countsTable(figures.by(Dimension::Week))));
    html += QStringLiteral("</body></html>\n");
    return html.toUtf8();
}

} // namespace SendGuard::Tools
