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
