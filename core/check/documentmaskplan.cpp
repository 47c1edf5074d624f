// SPDX-License-Identifier: GPL-2.0-or-later
#include "documentmaskplan.h"

#include "detectors/masking.h"

#include <QStringView>

#include <algorithm>

namespace SendGuard::Core {

namespace {

// The characters that carry a value: letters and digits (full-width ones too). Separators may be
// normalised away in a masked form; these never are.
bool carriesValue(char32_t c)
{
    return QChar::isLetterOrNumber(c);
}

} // namespace

std::optional<std::vector<TextMask>> DocumentMaskPlan::of(const AttachmentText &text,
                                                          const std::vector<Finding> &findings, QString *error)
{
    std::vector<TextMask> masks;
    // The piece holding the text at offset; none between pieces (the blank line, tab or line break
    // AttachmentText puts between them) or outside them.
    const auto pieceAt = [&](qsizetype offset) -> std::optional<std::size_t> {
        const auto after =
            std::upper_bound(text.pieces.begin(), text.pieces.end(), offset,
                             [](qsizetype at, const AttachmentText::Piece &piece) { return at < piece.offset; });
        if (after == text.pieces.begin() || offset >= std::prev(after)->end())
            return std::nullopt;
        return std::size_t(std::prev(after) - text.pieces.begin());
    };
    for (const Finding &finding : findings) {
        if (finding.start < 0 || finding.start > finding.end || finding.end > text.utf8.size() ||
            !pieceAt(finding.start)) {
            *error = QStringLiteral("a finding lies outside the document's text");
            return std::nullopt;
        }
        // The finding's characters and its masked form's, value-carrying ones only, side by side.
        const QByteArrayView span = QByteArrayView(text.utf8).sliced(finding.start, finding.end - finding.start);
        std::vector<std::pair<qsizetype, qsizetype>> positions; // UTF-8 offset and length in span
        QList<char32_t> characters;
        for (qsizetype at = 0; at < span.size();) {
            const auto lead = uchar(span[at]);
            const qsizetype length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            const QString character = QString::fromUtf8(span.sliced(at, qMin(length, span.size() - at)));
            const char32_t code = character.isEmpty() ? 0 : character.toUcs4().value(0);
            if (carriesValue(code) || code == char32_t(Masking::MaskCharacter)) {
                positions.push_back({at, length});
                characters.append(code);
            }
            at += length;
        }
        QList<char32_t> masked;
        for (const char32_t code : finding.masked.toUcs4()) {
            if (carriesValue(code) || code == char32_t(Masking::MaskCharacter))
                masked.append(code);
        }
        if (masked.size() != characters.size()) {
            *error =
                QStringLiteral("the masked form of a %1 finding does not line up with its text").arg(finding.detector);
            return std::nullopt;
        }
        // Each character is masked in the piece it lies in: a number whose halves are two cells of
        // a table is masked in both.
        for (qsizetype i = 0; i < masked.size(); ++i) {
            if (masked[i] != char32_t(Masking::MaskCharacter) || characters[i] == masked[i])
                continue;
            const qsizetype at = finding.start + positions[std::size_t(i)].first;
            const qsizetype length = positions[std::size_t(i)].second;
            const auto index = pieceAt(at);
            if (!index || at + length > text.pieces[*index].end()) {
                *error = QStringLiteral("a character to mask lies outside the document's text");
                return std::nullopt;
            }
            const AttachmentText::Piece &piece = text.pieces[*index];
            const qsizetype offset = at - piece.offset;
            TextMask *last = masks.empty() ? nullptr : &masks.back();
            if (last && last->piece == int(*index) && last->offset + last->length == offset)
                last->length += length; // "345678" is one mask, not six
            else
                masks.push_back({int(*index), piece.size, offset, length});
        }
    }
    return masks;
}

} // namespace SendGuard::Core
