// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace SendGuard::Tools {

// The words of `sendguard audit report`, in English or Korean (--lang): headings, columns, and the
// names of verdicts, choices and unchecked causes as IT reads them.
class AuditReportWords
{
public:
    explicit AuditReportWords(QString language);

    bool isKorean() const { return m_korean; }
    QString language() const { return m_korean ? QStringLiteral("ko") : QStringLiteral("en"); }

    // A heading or column by its key ("title", "decisions", ...); the key itself when unknown.
    QString text(const char *key) const;
    // A verdict, choice or cause as the records name it ("send-anyway") in words.
    QString term(const QString &name) const;

private:
    bool m_korean = false;
};

} // namespace SendGuard::Tools
