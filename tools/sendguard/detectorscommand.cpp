// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "findingjson.h"

#include "detectors/detectorcatalog.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace SendGuard::Tools {

int runDetectors(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the detectors: id, severity, description."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("One JSON object per detector."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("detectors"), {}, QStringLiteral("detectors [--json]"));
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("detectors")))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("detectors"), QStringLiteral("takes no arguments"));
    QTextStream out(stdout);
    for (const Core::DetectorSpec &spec : Core::builtInDetectors()) {
        if (parser.isSet(jsonOption)) {
            out << "{\"id\":" << FindingJson::quoted(spec.id)
                << ",\"severity\":" << FindingJson::quoted(Core::severityName(spec.severity))
                << ",\"description\":" << FindingJson::quoted(spec.description) << "}\n";
        } else {
            out << spec.id.leftJustified(18) << ' ' << Core::severityName(spec.severity).leftJustified(7) << ' '
                << spec.description << '\n';
        }
    }
    return ExitClean;
}

} // namespace SendGuard::Tools
