// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace SendGuard::Tools {

// Adds --help to a sub-command's parser and parses its arguments. Returns the exit code when the
// command stops here (help printed, or a usage error printed to stderr), nothing when it goes on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const QString &command);

// Prints a usage error for the sub-command and returns the usage exit code.
int usageError(const QString &command, const QString &message);

} // namespace SendGuard::Tools
