// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "findingjson.h"
#include "inputtext.h"
#include "linecolumncursor.h"

#include "scan/scanner.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace SendGuard::Tools {

namespace {

void printTable(QTextStream &out, const InputText &input, const Core::ScanResult &result)
{
    if (result.findings.empty()) {
        out << input.name() << ": no personal data found\n";
        return;
    }
    out << input.name() << ": " << result.findings.size() << (result.findings.size() == 1 ? " finding" : " findings")
        << '\n';
    out << "  LINE:COL  DETECTOR           SEVERITY CONF  MASKED\n";
    LineColumnCursor position(input.bytes()); // findings come sorted by start
    for (const Core::Finding &finding : result.findings) {
        // Padded and concatenated, not chained QString::arg(): a "%1" in a custom detector's id stays.
        out << "  " << position.advanceTo(static_cast<std::size_t>(finding.start)).leftJustified(9) << ' '
            << finding.detector.leftJustified(18) << ' ' << Core::severityName(finding.severity).leftJustified(8) << ' '
            << QString::number(finding.confidence, 'f', 2).leftJustified(5) << ' ' << finding.masked << '\n';
    }
}

} // namespace

int runScan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Finds personal data in text files and prints it masked.\n"
                       "Exit status: 0 nothing found, 1 found, 2 usage or input error, 3 scan incomplete."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("One JSON line per input: {\"file\", \"findings\"} with UTF-8 "
                                                       "byte offsets."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Text files to scan; - or none: standard input."),
                                 QStringLiteral("scan [--json] [FILE|-]..."));
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("scan")))
        return *stop;
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        files << QStringLiteral("-");

    const Core::Scanner scanner;
    const bool json = parser.isSet(jsonOption);
    bool found = false;
    bool inputError = false;
    bool incomplete = false;
    for (const QString &file : files) {
        const InputText input(file);
        if (!input.isValid()) {
            inputError = true;
            err << "sendguard scan: " << file << ": " << input.errorString() << '\n';
            if (json)
                out << "{\"file\":" << FindingJson::quoted(file)
                    << ",\"error\":" << FindingJson::quoted(input.errorString()) << "}\n";
            continue;
        }
        const Core::ScanResult result = scanner.scan(input.bytes());
        if (!result.complete) {
            // Never print partial findings as if they were the whole answer.
            incomplete = true;
            const QString why = QStringLiteral("scan incomplete: %1").arg(result.error);
            err << "sendguard scan: " << file << ": " << why << '\n';
            if (json)
                out << "{\"file\":" << FindingJson::quoted(file) << ",\"error\":" << FindingJson::quoted(why) << "}\n";
            continue;
        }
        found = found || !result.findings.empty();
        if (json)
            out << "{\"file\":" << FindingJson::quoted(file)
                << ",\"findings\":" << FindingJson::findings(result.findings) << "}\n";
        else
            printTable(out, input, result);
        out.flush();
    }
    if (incomplete)
        return ExitIncomplete;
    if (inputError)
        return ExitUsageOrInput;
    return found ? ExitFound : ExitClean;
}

} // namespace SendGuard::Tools
