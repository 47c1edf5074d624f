// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditreport.h"

#include <QByteArray>

namespace SendGuard::Tools {

// The report as one self-contained HTML file IT can mail or open offline: its styles inside it,
// its charts SVG drawn here, nothing fetched from anywhere.
class AuditReportHtml
{
public:
    static QByteArray write(const AuditReport &report);
};

} // namespace SendGuard::Tools
