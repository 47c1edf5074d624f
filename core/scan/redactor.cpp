// SPDX-License-Identifier: GPL-2.0-or-later
#include "redactor.h"

namespace SendGuard::Core {

namespace {

// A span's own line breaks stay where they were when its mask has a blank there, as when a CSV
// file's quoted cell was read with its breaks as spaces (QuotedCellBreaks): the masked file keeps
// its lines. Only a mask as long as its span is laid over it, character for character.
template<typename Text, typename Span>
void keepLineBreaks(Text &redacted, qsizetype at, Span span)
{
    if (qsizetype(redacted.size()) - at != qsizetype(span.size()))
        return;
    for (qsizetype i = 0; i < qsizetype(span.size()); ++i) {
        const auto c = span[std::size_t(i)];
        if ((c == '\n' || c == '\r') && redacted[std::size_t(at + i)] == ' ')
            redacted[std::size_t(at + i)] = c;
    }
}

} // namespace

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
        const std::size_t at = redacted.size();
        redacted.append(finding.masked.toStdString());
        keepLineBreaks(redacted, at, text.substr(start, end - start));
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
        const qsizetype at = redacted.size();
        redacted.append(finding.masked);
        keepLineBreaks(redacted, at, QStringView(text).mid(finding.start, finding.end - finding.start));
        copied = finding.end;
    }
    redacted.append(QStringView(text).mid(copied));
    return redacted;
}

} // namespace SendGuard::Core
