// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audit/auditfigures.h"

#include <QIODevice>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace SendGuard::Tools {

// The audit records `sendguard audit report` reads, trail by trail, each streamed and its chain
// checked as it goes: a user's trail (audit.jsonl and its rotated files), a machine trail (the
// collector's "collected" records, each holding a user's record), a folder of either from many
// machines, or the system journal's JSON export. Records of a trail count only up to its first
// break: what follows a deleted, inserted or changed record is left out and said so, never mixed
// with sound records.
class AuditSources
{
public:
    struct Trail
    {
        enum class Kind { User, Machine, Journal };
        QString name; // the current file (rotated ones are named with it), or "standard input"
        int files = 1;
        Kind kind = Kind::User;
        qint64 records = 0; // counted in the figures
        qint64 leftOut = 0; // after a break, or not records at all
        qint64 ignored = 0; // journal entries that are not SendGuard's
        bool startsMidChain = false; // its oldest files were rotated away
        QString problem; // "FILE:LINE: what is wrong"; empty when the chain holds
    };

    explicit AuditSources(Core::AuditFigures &figures);

    // A file (its rotated siblings with it) or a folder, searched for *.jsonl trails. False with
    // error when it cannot be read at all.
    bool addPath(const QString &path, QString *error);
    // Journal JSON or audit lines from device (standard input).
    void addStream(QIODevice &device, const QString &name);

    const std::vector<Trail> &trails() const { return m_trails; }

    static constexpr qint64 MaxLineBytes = 512 * 1024; // records are at most 256 KiB

private:
    void readTrail(const QStringList &files, const QString &name);

    Core::AuditFigures &m_figures;
    std::vector<Trail> m_trails;
};

} // namespace SendGuard::Tools
