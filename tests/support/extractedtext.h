// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// What the document extractor reads of a file, for the parsers' tests: each piece's place (as
// the dialog shows it in English) and text, and what it could not read.

#include "documentextractor.h"
#include "textsink.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace SendGuard::Tests {

struct ExtractedText
{
    QList<std::pair<QString, QString>> pieces; // (place in English, text)
    QString incomplete;

    QString textAt(const QString &place) const
    {
        for (const auto &[where, text] : pieces) {
            if (where == place)
                return text;
        }
        return QStringLiteral("<no piece at %1>").arg(place);
    }
    QString all() const
    {
        QStringList texts;
        for (const auto &piece : pieces)
            texts.append(piece.second);
        return texts.join(QLatin1Char('\n'));
    }
    QString describe() const
    {
        QStringList lines;
        for (const auto &[where, text] : pieces)
            lines.append(where + QStringLiteral(" = ") + text);
        return lines.join(QLatin1Char('\n')) + QStringLiteral("\nincomplete: ") + incomplete;
    }
};

inline ExtractedText extractText(const QByteArray &bytes, const QString &name,
                                 const Core::AttachmentLimits &limits = {})
{
    ExtractedText read;
    Extract::TextSink sink(limits, [&](const Core::TextPlace &place, QByteArrayView text) {
        read.pieces.append({place.describe(u"en"), QString::fromUtf8(text)});
    });
    Extract::DocumentExtractor::extract(bytes, name, {}, sink);
    read.incomplete = sink.incomplete();
    return read;
}

} // namespace SendGuard::Tests
