// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "scan/scanner.h"

namespace SendGuard::Tests {

// The date the tests treat as today, so "not in the future" checks do not drift with the calendar.
inline QDate testToday()
{
    return QDate(2026, 11, 26);
}

// One scanner for a test binary: compiling the catalogue once is what real callers do too.
inline const Core::Scanner &testScanner()
{
    static const Core::Scanner scanner(Core::builtInDetectors(), Core::Scanner::Options {testToday()});
    return scanner;
}

} // namespace SendGuard::Tests
