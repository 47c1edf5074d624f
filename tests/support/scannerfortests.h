// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "scan/scanner.h"

#include <QStringList>

#include <vector>

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

// Findings in one line each, detector, range and masked form: what a comparison prints on a failure.
inline QString describeFindings(const std::vector<Core::Finding> &findings)
{
    QStringList out;
    for (const Core::Finding &f : findings)
        out << QStringLiteral("%1[%2,%3)%4").arg(f.detector).arg(f.start).arg(f.end).arg(f.masked);
    return out.join(QLatin1Char(' '));
}

} // namespace SendGuard::Tests
