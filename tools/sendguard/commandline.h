// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QDate>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>

namespace SendGuard::Tools {

// Adds --help to a sub-command's parser and parses its arguments. Returns the exit code when the
// command stops here (help printed, or a usage error printed to stderr), nothing when it goes on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const QString &command);

// Prints a usage error for the sub-command and returns the usage exit code.
int usageError(const QString &command, const QString &message);

// Runs the sub-command a command group names ("sendguard policy lint ..."): arguments as main
// passes them (the group's name first). Prints usage for -h/--help, and an error with usage for
// a missing or unknown sub-command.
using Subcommands = std::map<QString, std::function<int(const QStringList &)>>;
int runSubcommand(const QString &group, const QStringList &arguments, const Subcommands &subcommands,
                  const char *usage);

// The --date option of commands whose answer depends on the day (what has expired).
class DateOption
{
public:
    DateOption(QCommandLineParser &parser, const QString &description);

    // The date given, or today. Nothing, after printing a usage error, when it is not YYYY-MM-DD.
    std::optional<QDate> value(const QString &command) const;

private:
    const QCommandLineParser &m_parser;
    QCommandLineOption m_option;
};

} // namespace SendGuard::Tools
