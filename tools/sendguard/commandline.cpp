// SPDX-License-Identifier: GPL-2.0-or-later
#include "commandline.h"

#include "commands.h"

#include <QTextStream>

namespace SendGuard::Tools {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const QString &command)
{
    const QCommandLineOption helpOption = parser.addHelpOption();
    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(helpOption)) {
        QTextStream(stdout) << parser.helpText();
        return ExitClean;
    }
    return std::nullopt;
}

int usageError(const QString &command, const QString &message)
{
    QTextStream(stderr) << "sendguard " << command << ": " << message << "\nTry 'sendguard " << command
                        << " --help'.\n";
    return ExitUsageOrInput;
}

} // namespace SendGuard::Tools
