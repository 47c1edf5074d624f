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
    // Qt's help option comes with --help-all (Qt's own options too, which no command has): the
    // same help, never a command run with its input still to come.
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitClean;
    }
    return std::nullopt;
}

int runSubcommand(const QString &group, const QStringList &arguments, const Subcommands &subcommands, const char *usage)
{
    const QString subcommand = arguments.value(1);
    if (subcommand == QLatin1String("-h") || subcommand == QLatin1String("--help")) {
        QTextStream(stdout) << usage;
        return ExitClean;
    }
    const auto it = subcommands.find(subcommand);
    if (it == subcommands.end()) {
        QTextStream(stderr) << "sendguard " << group << ": "
                            << (subcommand.isEmpty() ? QStringLiteral("no subcommand given")
                                                     : QStringLiteral("unknown subcommand '%1'").arg(subcommand))
                            << "\n\n"
                            << usage;
        return ExitUsageOrInput;
    }
    QStringList rest = arguments.mid(2);
    rest.prepend(QStringLiteral("sendguard %1 %2").arg(group, subcommand));
    return it->second(rest);
}

int usageError(const QString &command, const QString &message)
{
    QTextStream(stderr) << "sendguard " << command << ": " << message << "\nTry 'sendguard " << command
                        << " --help'.\n";
    return ExitUsageOrInput;
}

DateOption::DateOption(QCommandLineParser &parser, const QString &description)
    : m_parser(parser)
    , m_option(QStringLiteral("date"), description, QStringLiteral("DATE"))
{
    parser.addOption(m_option);
}

std::optional<QDate> DateOption::value(const QString &command) const
{
    if (!m_parser.isSet(m_option))
        return QDate::currentDate();
    const QDate date = QDate::fromString(m_parser.value(m_option), Qt::ISODate);
    if (!date.isValid()) {
        usageError(command, QStringLiteral("--date takes a date written YYYY-MM-DD"));
        return std::nullopt;
    }
    return date;
}

} // namespace SendGuard::Tools
