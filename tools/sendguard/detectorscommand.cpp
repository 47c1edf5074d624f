// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "findingjson.h"

#include "core/detectorcatalog.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace SendGuard::Tools {

int runDetectors(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the detectors: id, severity, description."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("One JSON object per detector."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("detectors"), {}, QStringLiteral("detectors [--json]"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty()) {
        err << "sendguard detectors: "
            << (parser.errorText().isEmpty() ? QStringLiteral("takes no arguments") : parser.errorText())
            << "\nTry 'sendguard detectors --help'.\n";
        return ExitUsageOrInput;
    }
    if (parser.isSet(helpOption)) {
        out << parser.helpText();
        return ExitClean;
    }
    for (const Core::DetectorSpec &spec : Core::builtInDetectors()) {
        if (parser.isSet(jsonOption)) {
            out << "{\"id\":" << FindingJson::quoted(spec.id)
                << ",\"severity\":" << FindingJson::quoted(Core::severityName(spec.severity))
                << ",\"description\":" << FindingJson::quoted(spec.description) << "}\n";
        } else {
            out << QStringLiteral("%1 %2 %3\n")
                       .arg(spec.id, -18)
                       .arg(Core::severityName(spec.severity), -7)
                       .arg(spec.description);
        }
    }
    return ExitClean;
}

} // namespace SendGuard::Tools
