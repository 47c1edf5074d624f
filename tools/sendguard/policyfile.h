// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policy/policy.h"

#include <QDate>
#include <QString>

#include <optional>

namespace SendGuard::Tools {

// The policy a command runs with: the built-in default, or a policy file.
namespace PolicyFile {

// Reads file (empty: the built-in policy). Prints every diagnostic to stderr as
// "FILE:LINE:COLUMN: error|warning: ...", prefixed with the command; returns nothing on an error.
std::optional<Core::Policy> load(const QString &file, const QDate &today, const QString &command);

// The name diagnostics give the built-in policy.
QString builtInName();

} // namespace PolicyFile

} // namespace SendGuard::Tools
