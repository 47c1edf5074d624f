// SPDX-License-Identifier: GPL-2.0-or-later
#include "textcopies.h"

#include <QSet>

#include <algorithm>
#include <cctype>

namespace SendGuard::Core {

namespace {

// What makes two findings the same item: the detector and the letters and digits they span,
// whatever separators each copy wrote between them.
QByteArray sameItemKey(const Finding &finding, const QByteArray &utf8)
{
    QByteArray key = finding.detector.toUtf8();
    key += '\0';
    const qsizetype end = std::min(finding.end, utf8.size());
    for (qsizetype i = std::max<qsizetype>(finding.start, 0); i < end; ++i) {
        const char c = utf8.at(i);
        if (uchar(c) >= 0x80 || std::isalnum(uchar(c)))
            key += c;
    }
    return key;
}

} // namespace

bool TextCopies::isCopy(const TextPlace &place)
{
    return std::any_of(place.steps.begin(), place.steps.end(), [](const TextPlace::Step &step) {
        return step.kind == TextPlace::Kind::Preview || step.kind == TextPlace::Kind::Alternative ||
            step.kind == TextPlace::Kind::FormField || step.kind == TextPlace::Kind::Note;
    });
}

bool TextCopies::hasCopies(const AttachmentText &attachment)
{
    return std::any_of(attachment.pieces.begin(), attachment.pieces.end(),
                       [](const AttachmentText::Piece &piece) { return isCopy(piece.place); });
}

ScanResult TextCopies::withoutRepeats(const AttachmentText &attachment, ScanResult scan)
{
    if (!hasCopies(attachment))
        return scan;
    std::vector<bool> inCopy;
    inCopy.reserve(scan.findings.size());
    QSet<QByteArray> reported; // the items already reported: first those outside the copies
    for (const Finding &finding : scan.findings) {
        inCopy.push_back(isCopy(attachment.placeAt(finding.start)));
        if (!inCopy.back())
            reported.insert(sameItemKey(finding, attachment.utf8));
    }
    // A copy's finding stays when no finding outside the copies holds its item, and no copy before it.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        bool keep = !inCopy[i];
        if (!keep) {
            const QByteArray key = sameItemKey(scan.findings[i], attachment.utf8);
            keep = !reported.contains(key);
            reported.insert(key);
        }
        if (keep)
            scan.findings[kept++] = std::move(scan.findings[i]);
    }
    scan.findings.resize(kept);
    return scan;
}

} // namespace SendGuard::Core
