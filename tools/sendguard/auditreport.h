// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditreportwords.h"
#include "auditsources.h"

#include "audit/auditfigures.h"

#include <QDate>
#include <QList>
#include <QStringList>

#include <vector>

namespace SendGuard::Tools {

// What `sendguard audit report` shows, whichever form it takes: its tables are made here, once,
// and AuditReportTable and AuditReportHtml only lay them out.
struct AuditReport
{
    // A header and rows of cells, as shown (numbers already written "1,234" and "66.7%").
    struct Table
    {
        QStringList header;
        QList<QStringList> rows;
    };

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

    Table trailTable() const;
    Table countsTable(const QMap<QString, Core::AuditFigures::Counts> &groups) const;
    // Counts by a verdict, choice or cause name, in words.
    Table termTable(const QMap<QString, qint64> &counts) const;
    Table reportedTable() const; // false positives: the masked forms reported, per detector
    Table hostTable() const;

    static QString number(qint64 value); // 1,234
    static QString percent(double rate); // 66.7%
    static bool isNumber(const QString &cell); // right-aligned where tables align

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
