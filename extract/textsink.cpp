// SPDX-License-Identifier: GPL-2.0-or-later
#include "textsink.h"

namespace SendGuard::Extract {

TextSink::TextSink(const ExtractLimits &limits, PieceHandler onPiece)
    : m_limits(limits)
    , m_onPiece(std::move(onPiece))
{
}

namespace {

bool isContinuation(char byte)
{
    return (uchar(byte) & 0xC0) == 0x80;
}

// Blank as QString::trimmed() sees it: white space only, Unicode's included (U+3000).
bool isBlank(QByteArrayView utf8)
{
    bool ascii = true;
    for (const char c : utf8) {
        if (uchar(c) >= 0x80)
            ascii = false;
        else if (c != ' ' && (c < '\t' || c > '\r'))
            return false;
    }
    return ascii || QString::fromUtf8(utf8).trimmed().isEmpty();
}

} // namespace

void TextSink::addUtf8(const Core::TextPlace &place, QByteArrayView utf8, const TextOrigin &origin)
{
    if (full() || isBlank(utf8))
        return;
    // The place is written with every piece: it counts too, so that many tiny pieces with long
    // places cannot write far more than the text limit.
    m_characters += place.size();
    const qint64 room = qMax<qint64>(0, m_limits.maxCharacters - m_characters);
    // Characters are code points: every byte that does not continue one starts one. Counted in
    // one pass the compiler vectorises; the cut is looked for only when there is one.
    qint64 characters = 0;
    for (const char byte : utf8)
        characters += !isContinuation(byte);
    qsizetype cut = -1;
    for (qint64 seen = 0, i = 0; characters > room && i < utf8.size(); ++i) {
        if (isContinuation(utf8[i]))
            continue;
        if (seen == room) {
            cut = i;
            break;
        }
        ++seen;
    }
    if (cut >= 0) {
        m_onPiece(place, utf8.first(cut));
        if (m_onOrigin)
            m_onOrigin({}); // cut: its text is not all there to mask
        m_characters = m_limits.maxCharacters;
        stop(QStringLiteral("more than %1 characters of text: the rest was not read")
                 .arg(QString::number(m_limits.maxCharacters)));
        return;
    }
    m_characters += characters;
    m_onPiece(place, utf8);
    if (m_onOrigin)
        m_onOrigin(origin);
}

void TextSink::skip(const Core::TextPlace &place, const QString &reason)
{
    constexpr int Kept = 20; // enough to say what happened; the count says the rest
    if (m_skipped.size() < Kept)
        m_skipped.append(place.isEmpty() ? reason : QStringLiteral("%1: %2").arg(place.describe(u"en"), reason));
    else if (m_skipped.size() == Kept)
        m_skipped.append(QStringLiteral("…"));
}

void TextSink::stop(const QString &reason)
{
    if (m_stopped.isEmpty())
        m_stopped = reason;
}

bool TextSink::takeEntry()
{
    if (++m_entries > m_limits.maxEntries) {
        stop(QStringLiteral("more than %1 entries in archives").arg(m_limits.maxEntries));
        return false;
    }
    return !full();
}

bool TextSink::takeInflated(qint64 bytes)
{
    m_inflated += bytes;
    if (m_inflated > m_limits.maxTotalBytes) {
        stop(QStringLiteral("more than %1 bytes decompressed").arg(QString::number(m_limits.maxTotalBytes)));
        return false;
    }
    return !full();
}

QString TextSink::incomplete() const
{
    QStringList reasons;
    if (!m_stopped.isEmpty())
        reasons.append(m_stopped);
    reasons += m_skipped;
    return reasons.join(QStringLiteral("; "));
}

} // namespace SendGuard::Extract
