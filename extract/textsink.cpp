// SPDX-License-Identifier: GPL-2.0-or-later
#include "textsink.h"

#include <cstring>

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

// How many bytes of utf8 continue a character (10xxxxxx).
qsizetype continuationBytes(QByteArrayView utf8)
{
    qsizetype count = 0;
    qsizetype i = 0;
    for (quint64 word; i + 8 <= utf8.size(); i += 8) {
        std::memcpy(&word, utf8.data() + i, 8);
        // Bit 7 of each byte stays where bit 7 is set and bit 6 (shifted up into its place) is not;
        // the eight 0-or-1 bytes are summed by one multiplication into the top byte. Not
        // std::popcount: without -mpopcnt (not in the x86-64 baseline) it is a library call per word.
        const quint64 marks = (word & ~(word << 1) & 0x8080808080808080u) >> 7;
        count += qsizetype((marks * 0x0101010101010101u) >> 56);
    }
    for (; i < utf8.size(); ++i)
        count += isContinuation(utf8[i]);
    return count;
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
    // Characters are code points: every byte that does not continue one starts one. Counted
    // eight bytes at a time; the cut is looked for only when there is one.
    const qint64 characters = utf8.size() - continuationBytes(utf8);
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
