// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace SendGuard::Core {

// True when path and every folder above it belong to root and no one else can write them: where a
// package manager installs, and no ordinary user can place a file. What an installed SendGuard
// runs or reads on the machine's behalf must pass this; a build tree or an evaluation copy in a
// user's folder does not (its user may point it at their own files, as tests do).
bool isInstalledPath(const QString &path);

} // namespace SendGuard::Core
