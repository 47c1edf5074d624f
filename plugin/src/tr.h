// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>

namespace SendGuard::Plugin {

// The plugin's one translation context (Qt Creator's pattern), so that any of its classes, QObject
// or not, translates its strings the same way: Tr::tr("…").
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SendGuard::Plugin::Tr)
};

} // namespace SendGuard::Plugin
