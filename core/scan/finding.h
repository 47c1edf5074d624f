// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectors/severity.h"

#include <QString>

namespace SendGuard::Core {

// One item of personal data found in a text. Carries no unmasked value, so it is safe to log.
struct Finding
{
    QString detector; // stable detector id, e.g. "kr-rrn"
    Severity severity = Severity::Low;
    double confidence = 0.0; // 0..1
    // Offsets into the ORIGINAL text, [start, end): UTF-8 bytes or UTF-16 code units, matching
    // the Scanner::scan() overload that produced the finding.
    qsizetype start = 0;
    qsizetype end = 0;
    QString masked; // the value with its identifying part hidden, e.g. "900101-1******"

    friend bool operator==(const Finding &, const Finding &) = default;
};

} // namespace SendGuard::Core
