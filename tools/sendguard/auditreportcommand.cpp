// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard audit report: the fleet's audit records as figures IT can act on, in a terminal table or
// one self-contained HTML file.
#include "commands.h"

#include "auditreporthtml.h"
#include "auditreporttable.h"
#include "auditsources.h"
#include "commandline.h"
#include "safefile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace SendGuard::Tools {

int runAuditReport(const QStringList &arguments)
{
    const QString command = QStringLiteral("audit report");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads audit trails (a user's audit.jsonl with its rotated files, the machine trail the collector keeps, a "
        "folder of either from many machines, or `journalctl -o json` of SendGuard's records on standard input) "
        "and reports decisions by verdict and choice, override and false-positive rates per rule and detector, "
        "unchecked messages by cause, and the policy each host last ran. Each trail's chain is checked as it is "
        "read; records after a break are left out and named. Give a user's trails or the machine trails that "
        "collected them, not both: the same record would count twice.\n"
        "Exit status: 0 every trail verified, 1 a trail did not verify (the report says which), 3 records from the "
        "journal were counted but cannot be verified, 2 usage or input error."));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("From this day on (UTC)."),
                                   QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption until(QStringLiteral("until"), QStringLiteral("Up to and including this day (UTC)."),
                                   QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("The main breakdown (rule)."),
                                QStringLiteral("rule|detector|department|host|week"), QStringLiteral("rule"));
    const QCommandLineOption html(QStringLiteral("html"), QStringLiteral("Also write the report as one HTML file."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("Korean or English (en)."),
                                      QStringLiteral("ko|en"), QStringLiteral("en"));
    parser.addOptions({since, until, by, html, language});
    parser.addPositionalArgument(QStringLiteral("input"),
                                 QStringLiteral("Audit files or folders; - or none: the journal's JSON on standard "
                                                "input."),
                                 QStringLiteral("report [OPTIONS] [INPUT...]"));
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;

    const auto day = [&](const QCommandLineOption &option, QDate *date) {
        if (!parser.isSet(option))
            return true;
        *date = QDate::fromString(parser.value(option), Qt::ISODate);
        return date->isValid();
    };
    QDate from;
    QDate to;
    if (!day(since, &from) || !day(until, &to))
        return usageError(command, QStringLiteral("--since and --until take a day as YYYY-MM-DD"));
    const auto dimension = Core::AuditFigures::dimension(parser.value(by));
    if (!dimension)
        return usageError(command, QStringLiteral("--by takes rule, detector, department, host or week"));
    if (parser.value(language) != QLatin1String("ko") && parser.value(language) != QLatin1String("en"))
        return usageError(command, QStringLiteral("--lang takes ko or en"));

    Core::AuditFigures figures;
    figures.setPeriod(from.isValid() ? from.startOfDay(Qt::UTC) : QDateTime(),
                      to.isValid() ? to.addDays(1).startOfDay(Qt::UTC) : QDateTime());
    AuditSources sources(figures);
    QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty())
        inputs.append(QStringLiteral("-"));
    for (const QString &input : std::as_const(inputs)) {
        QString error;
        if (input == QLatin1String("-")) {
            QFile standardInput;
            if (!standardInput.open(stdin, QIODevice::ReadOnly))
                return usageError(command, QStringLiteral("cannot read standard input"));
            sources.addStream(standardInput, QStringLiteral("standard input"));
        } else if (!sources.addPath(input, &error)) {
            return usageError(command, error);
        }
    }

    const AuditReport report {figures, sources.trails(), from,
                              to,      *dimension,       AuditReportWords(parser.value(language))};
    if (parser.isSet(html)) {
        QString error;
        if (!Delivery::SafeFile::writeAtomically(QFileInfo(parser.value(html)).absoluteFilePath(),
                                                 AuditReportHtml::write(report), &error))
            return usageError(command, QStringLiteral("%1: %2").arg(parser.value(html), error));
    }
    QTextStream out(stdout);
    AuditReportTable::write(out, report);
    const auto &trails = sources.trails();
    if (std::any_of(trails.begin(), trails.end(), [](const AuditSources::Trail &t) { return !t.problem.isEmpty(); }))
        return ExitFound;
    // The journal's records are counted but cannot be verified: not a clean bill either.
    if (std::any_of(trails.begin(), trails.end(),
                    [](const AuditSources::Trail &t) { return t.kind == AuditSources::Trail::Kind::Journal; }))
        return ExitIncomplete;
    return ExitClean;
}

} // namespace SendGuard::Tools
