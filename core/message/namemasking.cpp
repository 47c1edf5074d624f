// SPDX-License-Identifier: GPL-2.0-or-later
#include "namemasking.h"

#include <algorithm>

namespace SendGuard::Core {

namespace {

constexpr QChar Ellipsis(0x2026);

} // namespace

bool NameMasking::isName(const TextPlace &place)
{
    return std::any_of(place.steps.begin(), place.steps.end(), [](const TextPlace::Step &step) {
        return step.kind == TextPlace::Kind::FileName || step.kind == TextPlace::Kind::Name;
    });
}

void NameMasking::add(const QString &found, const QString &masked)
{
    if (found.isEmpty() || m_masks.contains(found))
        return;
    if (m_masks.size() >= MaxTexts) {
        m_overflow = true;
        return;
    }
    m_masks.insert(found, masked);
    m_firsts.insert(found.front());
    if (!m_lengths.contains(found.size())) {
        m_lengths.append(found.size());
        std::sort(m_lengths.begin(), m_lengths.end(), std::greater<>());
    }
}

void NameMasking::addFoundIn(const AttachmentText &text, const std::vector<Finding> &findings)
{
    if (std::none_of(text.pieces.begin(), text.pieces.end(),
                     [](const AttachmentText::Piece &piece) { return isName(piece.place); }))
        return;
    for (const Finding &found : findings) {
        if (isName(text.placeAt(found.start)))
            add(QString::fromUtf8(text.utf8.sliced(found.start, found.end - found.start)), found.masked);
    }
}

QString NameMasking::hide(QString text) const
{
    if (m_overflow) { // too many to tell apart: nothing a name holds is shown
        for (QChar &c : text) {
            if (c.isLetterOrNumber() && c.script() != QChar::Script_Hangul && c.script() != QChar::Script_Han)
                c = QLatin1Char('*');
        }
        return text;
    }
    if (m_masks.isEmpty())
        return text;
    // One walk: at each place a kept text may begin, its longest copy there.
    QString hidden;
    hidden.reserve(text.size());
    for (qsizetype at = 0; at < text.size();) {
        const QString *masked = nullptr;
        qsizetype length = 0;
        if (m_firsts.contains(text[at])) {
            for (const qsizetype candidate : m_lengths) {
                if (at + candidate > text.size())
                    continue;
                const auto it = m_masks.constFind(text.sliced(at, candidate));
                if (it != m_masks.constEnd()) {
                    masked = &it.value();
                    length = candidate;
                    break;
                }
            }
        }
        if (masked) {
            hidden += *masked;
            at += length;
        } else {
            hidden += text[at++];
        }
    }
    // A place cuts a long name short with "…", perhaps inside a kept text: the part before the cut.
    constexpr int MaxCuts = 64;
    int cuts = 0;
    for (qsizetype at = hidden.indexOf(Ellipsis); at >= 0 && cuts < MaxCuts;
         at = hidden.indexOf(Ellipsis, at + 1), ++cuts) {
        // The kept text whose longest beginning stands right before the cut.
        qsizetype longest = 0;
        const QString *masked = nullptr;
        for (auto it = m_masks.constBegin(); it != m_masks.constEnd(); ++it) {
            qsizetype kept = std::min(it.key().size() - 1, at);
            while (kept > longest && QStringView(hidden).sliced(at - kept, kept) != QStringView(it.key()).left(kept))
                --kept;
            if (kept > longest) {
                longest = kept;
                masked = &it.value();
            }
        }
        if (masked)
            hidden.replace(at - longest, longest, masked->left(longest));
    }
    return hidden;
}

} // namespace SendGuard::Core
