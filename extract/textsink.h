// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "extractlimits.h"
#include "textorigin.h"

#include "message/textplace.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <functional>

namespace SendGuard::Extract {

// Where extractors put what they read: pieces of text with their places, and the parts they could
// not read. Counts what a whole attachment costs (characters, entries, inflated bytes) against the
// limits; once a limit is hit, full() says to stop, and the reason is kept.
class TextSink
{
public:
    // Pieces are handed on as UTF-8: what expat gives and what the protocol writes, never copied
    // through UTF-16 on the way.
    using PieceHandler = std::function<void(const Core::TextPlace &place, QByteArrayView utf8)>;
    using OriginHandler = std::function<void(const TextOrigin &origin)>;

    TextSink(const ExtractLimits &limits, PieceHandler onPiece);

    const ExtractLimits &limits() const { return m_limits; }

    // A piece of text (valid UTF-8); blank pieces are dropped. Past the character limit the piece
    // is cut and the sink is full. origin: where its bytes lie in a ZIP entry, for masking in place.
    void addUtf8(const Core::TextPlace &place, QByteArrayView utf8, const TextOrigin &origin = {});
    void add(const Core::TextPlace &place, const QString &text) { addUtf8(place, text.toUtf8()); }
    // The name of a file inside (an archive's entry, an e-mail's or a PDF's attached file), which
    // travels with it and is read like its text: entry is the file's own place.
    void addFileName(const Core::TextPlace &entry, const QString &name)
    {
        add(entry.then(Core::TextPlace::Kind::FileName), name);
    }

    // Masking wants every piece's origin (given after the piece, empty when it has none);
    // extractors build origins only when someone records them.
    void recordOrigins(OriginHandler onOrigin) { m_onOrigin = std::move(onOrigin); }
    bool recordsOrigins() const { return bool(m_onOrigin); }
    // A part that could not be read (an encrypted entry, an unknown format inside an archive).
    void skip(const Core::TextPlace &place, const QString &reason);
    // A limit was hit: nothing more is read.
    void stop(const QString &reason);

    // Budget for archives: false (and stop()) when one more entry, or more inflated bytes, would
    // pass the limits.
    bool takeEntry();
    bool takeInflated(qint64 bytes);

    bool full() const { return !m_stopped.isEmpty(); }
    // Why the text is not all there: a limit, or the parts skipped. Empty when it is.
    QString incomplete() const;
    bool hasText() const { return m_characters > 0; }
    // Characters taken so far: what one part of the attachment gave is the difference.
    qint64 characters() const { return m_characters; }

private:
    ExtractLimits m_limits;
    PieceHandler m_onPiece;
    OriginHandler m_onOrigin;
    qint64 m_characters = 0;
    int m_entries = 0;
    qint64 m_inflated = 0;
    QString m_stopped;
    QStringList m_skipped;
};

} // namespace SendGuard::Extract
