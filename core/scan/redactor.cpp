// SPDX-License-Identifier: GPL-2.0-or-later
#include "redactor.h"

namespace SendGuard::Core {

namespace {

// Where a mask as long as its span has a blank (a space, a tab, a line break) and the span some
// other byte that is no digit, the span's byte stays: a CSV file's quoted cell read with its line
// breaks as spaces (QuotedCellBreaks), a JSON string's "\n" read as the line break it stands for
// (CharacterEscapes::blankedControls). The masked file keeps its lines and its escapes. Only a
// mask as long as its span is laid over it, character for character.
template<typename Text, typename Span>
void keepWhatBlanksStandFor(Text &redacted, qsizetype at, Span span)
{
    if (qsizetype(redacted.size()) - at != qsizetype(span.size()))
        return;
    for (qsizetype i = 0; i < qsizetype(span.size()); ++i) {
        const auto c = span[std::size_t(i)];
        const auto masked = redacted[std::size_t(at + i)];
        const bool blank = masked == ' ' || masked == '\t' || masked == '\n' || masked == '\r';
        if (blank && c != masked && !(c >= '0' && c <= '9'))
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
        keepWhatBlanksStandFor(redacted, at, text.substr(start, end - start));
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
        keepWhatBlanksStandFor(redacted, at, QStringView(text).mid(finding.start, finding.end - finding.start));
        copied = finding.end;
    }
    redacted.append(QStringView(text).mid(copied));
    return redacted;
}

} // namespace SendGuard::Core
