// SPDX-License-Identifier: GPL-2.0-or-later
#include "redactor.h"

namespace SendGuard::Core {

std::string Redactor::redact(std::string_view text, const std::vector<Finding> &findings)
{
    std::string redacted;
    redacted.reserve(text.size());
    std::size_t copied = 0;
    for (const Finding &finding : findings) {
        const auto start = static_cast<std::size_t>(finding.start);
        const auto end = static_cast<std::size_t>(finding.end);
        if (start < copied || end > text.size() || start > end)
            continue; // not from a scan of this text; never emit a half-masked span
        redacted.append(text.substr(copied, start - copied));
        redacted.append(finding.masked.toStdString());
        copied = end;
    }
    redacted.append(text.substr(copied));
    return redacted;
}

QString Redactor::redact(const QString &text, const std::vector<Finding> &findings)
{
    QString redacted;
    redacted.reserve(text.size());
    qsizetype copied = 0;
    for (const Finding &finding : findings) {
        if (finding.start < copied || finding.end > text.size() || finding.start > finding.end)
            continue;
        redacted.append(QStringView(text).mid(copied, finding.start - copied));
        redacted.append(finding.masked);
        copied = finding.end;
    }
    redacted.append(QStringView(text).mid(copied));
    return redacted;
}

} // namespace SendGuard::Core
