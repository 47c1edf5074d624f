// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditreport.h"

#include <QTextStream>

namespace SendGuard::Tools {

// The report as plain text tables for a terminal: columns lined up by display width (a Hangul
// syllable takes two cells).
class AuditReportTable
{
public:
    static void write(QTextStream &out, const AuditReport &report);
};

} // namespace SendGuard::Tools
