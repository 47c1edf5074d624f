// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditreportwords.h"
#include "auditsources.h"

#include "audit/auditfigures.h"

#include <QDate>

#include <vector>

namespace SendGuard::Tools {

// What `sendguard audit report` shows, whichever form it takes (a terminal table, an HTML file).
struct AuditReport
{
    const Core::AuditFigures &figures;
    const std::vector<AuditSources::Trail> &trails;
    QDate since; // invalid: from the first record
    QDate until; // inclusive; invalid: to the last record
    Core::AuditFigures::Dimension by = Core::AuditFigures::Dimension::Rule;
    AuditReportWords words;

    // "2026-11-01 – 2026-11-28", or "all records".
    QString period() const
    {
        if (!since.isValid() && !until.isValid())
            return words.text("allTime");
        return QStringLiteral("%1 – %2").arg(since.isValid() ? since.toString(Qt::ISODate) : QStringLiteral("…"),
                                             until.isValid() ? until.toString(Qt::ISODate) : QStringLiteral("…"));
    }

    QString kindOf(const AuditSources::Trail &trail) const
    {
        switch (trail.kind) {
        case AuditSources::Trail::Kind::User:
            return words.text("user");
        case AuditSources::Trail::Kind::Machine:
            return words.text("machine");
        case AuditSources::Trail::Kind::Journal:
            break;
        }
        return words.text("journal");
    }

    QString statusOf(const AuditSources::Trail &trail) const
    {
        if (trail.kind == AuditSources::Trail::Kind::Journal)
            return words.text("notVerifiable");
        if (!trail.problem.isEmpty())
            return words.text("notVerified") + QStringLiteral(": ") + trail.problem;
        return trail.startsMidChain ? words.text("verified") + QStringLiteral(", ") + words.text("midChain")
                                    : words.text("verified");
    }
};

} // namespace SendGuard::Tools
