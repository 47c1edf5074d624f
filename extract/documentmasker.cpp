// SPDX-License-Identifier: GPL-2.0-or-later
#include "documentmasker.h"

#include "documentextractor.h"
#include "expatparser.h"
#include "textsink.h"
#include "zipcontainer.h"

#include <QHash>
#include <QSet>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <unordered_map>
#include <vector>

namespace SendGuard::Extract {

namespace {

using Format = DocumentExtractor::Format;

struct Piece
{
    Core::TextPlace place;
    QByteArray utf8;
    TextOrigin origin;
};

// Bytes [start, end) of an entry and what takes their place.
struct Replacement
{
    qint64 start = 0;
    qint64 end = 0;
    QByteArray with;

    friend bool operator==(const Replacement &, const Replacement &) = default;
};

qsizetype characterLength(char lead)
{
    const auto byte = uchar(lead);
    return byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
}

bool canMaskInPlace(Format format)
{
    return format == Format::Docx || format == Format::Xlsx || format == Format::Pptx ||
        format == Format::OpenDocument || format == Format::Hwpx;
}

// The piece's text with each character of masks replaced by the mask character.
QByteArray maskedText(const QByteArray &utf8, const std::vector<Core::TextMask> &masks)
{
    QByteArray out;
    qsizetype copied = 0;
    for (const Core::TextMask &mask : masks) {
        out += utf8.sliced(copied, mask.offset - copied);
        for (qsizetype at = mask.offset; at < mask.offset + mask.length; at += characterLength(utf8.at(at)))
            out += '*';
        copied = mask.offset + mask.length;
    }
    return out + utf8.sliced(copied);
}

// A numeric cell (a workbook's or an OpenDocument spreadsheet's) rewritten as a text cell holding
// the masked form of what it showed: the first line of the piece (the number as its format shows
// it, then the value) that masking changed.
std::optional<Replacement> maskedCell(const Piece &piece, const std::vector<Core::TextMask> &masks, QString *error)
{
    const QList<QByteArray> before = piece.utf8.split('\n');
    const QList<QByteArray> after = maskedText(piece.utf8, masks).split('\n');
    QByteArray shown;
    for (qsizetype i = 0; i < before.size() && i < after.size() && shown.isEmpty(); ++i) {
        if (before.at(i) != after.at(i))
            shown = after.at(i);
    }
    if (shown.isEmpty() || before.size() != after.size()) {
        *error = QStringLiteral("%1: the number cannot be masked").arg(piece.place.describe(u"en"));
        return std::nullopt;
    }
    const TextOrigin::Element &cell = piece.origin.element;
    if (!cell.textCellTag.isEmpty()) // OpenDocument's
        return Replacement {cell.start, cell.end,
                            cell.textCellTag + '<' + cell.paragraph + '>' + ExpatParser::escaped(shown) + "</" +
                                cell.paragraph + "></" + cell.name + '>'};
    const qsizetype colon = cell.name.lastIndexOf(':');
    const QByteArray prefix = colon < 0 ? QByteArray() : cell.name.left(colon + 1);
    QByteArray xml = '<' + cell.name;
    if (!cell.reference.isEmpty()) // r is optional: a cell without it is placed after the one before
        xml += " r=\"" + ExpatParser::escaped(cell.reference) + '"';
    if (!cell.style.isEmpty())
        xml += " s=\"" + ExpatParser::escaped(cell.style) + '"';
    xml += " t=\"inlineStr\"><" + prefix + "is><" + prefix + "t xml:space=\"preserve\">" + ExpatParser::escaped(shown) +
        "</" + prefix + "t></" + prefix + "is></" + cell.name + '>';
    return Replacement {cell.start, cell.end, xml};
}

// Each character of mask, where it lies in its entry: it must fall whole inside one run.
bool maskCharacters(const Piece &piece, const Core::TextMask &mask, std::vector<Replacement> &replacements,
                    QString *error)
{
    const std::vector<TextOrigin::Run> &runs = piece.origin.runs;
    for (qsizetype at = mask.offset; at < mask.offset + mask.length;) {
        const qsizetype length = characterLength(piece.utf8.at(at));
        const auto run = std::find_if(runs.begin(), runs.end(), [&](const TextOrigin::Run &r) {
            return r.text <= at && at + length <= r.text + r.length;
        });
        if (run == runs.end()) {
            *error = QStringLiteral("%1: the text there is not written as it reads (a character the reader "
                                    "added): it cannot be masked in place")
                         .arg(piece.place.describe(u"en"));
            return false;
        }
        if (run->isReference()) {
            // "&#51;" is one character: the reference as a whole gives way to the mask.
            if (run->text != at || run->length != length) {
                *error = QStringLiteral("%1: a reference there stands for more than one character")
                             .arg(piece.place.describe(u"en"));
                return false;
            }
            replacements.push_back({run->source, run->source + run->sourceLength, QByteArray(1, '*')});
        } else {
            const qint64 source = run->source + (at - run->text);
            replacements.push_back({source, source + length, QByteArray(1, '*')});
        }
        at += length;
    }
    return true;
}

bool isPreviewPicture(const QString &lowerName)
{
    return lowerName == QLatin1String("preview/prvimage.png") || lowerName.startsWith(QLatin1String("thumbnails/")) ||
        lowerName.startsWith(QLatin1String("docprops/thumbnail."));
}

// A 1x1 white PNG (a grey-scale pixel), its chunks' CRCs and zlib stream made with zlib.
QByteArray blankPng()
{
    const auto chunk = [](const char type[4], const QByteArray &data) {
        QByteArray body = QByteArray(type, 4) + data;
        QByteArray out;
        const auto be32 = [&out](quint32 v) {
            for (int shift = 24; shift >= 0; shift -= 8)
                out += char((v >> shift) & 0xFF);
        };
        be32(quint32(data.size()));
        out += body;
        be32(quint32(crc32(0, reinterpret_cast<const Bytef *>(body.constData()), uInt(body.size()))));
        return out;
    };
    const QByteArray header("\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13); // 1x1, 8-bit grey
    const QByteArray row("\0\xFF", 2); // no filter, white
    uLongf size = compressBound(uLong(row.size()));
    QByteArray compressed(qsizetype(size), Qt::Uninitialized);
    compress(reinterpret_cast<Bytef *>(compressed.data()), &size, reinterpret_cast<const Bytef *>(row.constData()),
             uLong(row.size()));
    compressed.resize(qsizetype(size));
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", compressed) + chunk("IEND", {});
}

// What was masked, as it might be written elsewhere in the document: the whole run of digits and
// hyphens each mask lies in ("850315-2345678"), and its digits alone, in UTF-8 and UTF-16LE.
// Runs of fewer than 6 digits are too common to look for.
QList<QByteArray> maskedValues(const std::vector<Piece> &pieces,
                               const std::map<int, std::vector<Core::TextMask>> &byPiece)
{
    const auto inValue = [](char c) { return (c >= '0' && c <= '9') || c == '-'; };
    QList<QByteArray> values;
    QSet<QByteArray> seen;
    for (const auto &[index, masks] : byPiece) {
        const QByteArray &text = pieces[std::size_t(index)].utf8;
        for (const Core::TextMask &mask : masks) {
            qsizetype start = mask.offset;
            qsizetype end = mask.offset + mask.length;
            while (start > 0 && inValue(text.at(start - 1)))
                --start;
            while (end < text.size() && inValue(text.at(end)))
                ++end;
            const QByteArray run = text.mid(start, end - start);
            const QByteArray digits = QByteArray(run).replace('-', QByteArray());
            if (digits.size() < 6)
                continue;
            QByteArray utf16;
            for (const char c : digits)
                utf16 += QByteArray(1, c) + '\0';
            for (const QByteArray &value : {run, digits, utf16}) {
                if (!seen.contains(value)) {
                    seen.insert(value);
                    values.append(value);
                }
            }
        }
    }
    return values;
}

// Whether any masked value is still in an entry's bytes. A roster masks thousands of values: each
// is looked up by its first bytes, only where a byte that starts one of them stands (a digit or
// hyphen, a full-width digit's lead byte), in one pass over the entry for all of them, not a pass
// for each.
class MaskedValueSearch
{
public:
    explicit MaskedValueSearch(const QList<QByteArray> &values)
    {
        for (const QByteArray &value : values) {
            m_byKey[keyAt(value.constData())].push_back(value); // every value has KeyBytes or more
            m_startsOne[uchar(value.front())] = true;
        }
    }

    bool foundIn(QByteArrayView content) const
    {
        if (m_byKey.empty())
            return false;
        for (qsizetype i = 0; i + KeyBytes <= content.size(); ++i) {
            if (!m_startsOne[uchar(content[i])])
                continue;
            const auto candidates = m_byKey.find(keyAt(content.constData() + i));
            if (candidates == m_byKey.end())
                continue;
            for (const QByteArray &value : candidates->second) {
                if (content.sliced(i).startsWith(value))
                    return true;
            }
        }
        return false;
    }

private:
    static constexpr qsizetype KeyBytes = 6; // the shortest value: six digits
    static std::uint64_t keyAt(const char *bytes)
    {
        std::uint64_t key = 0;
        std::memcpy(&key, bytes, KeyBytes);
        return key;
    }

    std::array<bool, 256> m_startsOne {};
    std::unordered_map<std::uint64_t, std::vector<QByteArray>> m_byKey;
};

} // namespace

DocumentMasker::Result DocumentMasker::mask(const QByteArray &bytes, const QString &name, const ExtractLimits &limits,
                                            int pieceCount, const std::vector<Core::TextMask> &masks)
{
    Result result;
    const Format format = DocumentExtractor::sniff(bytes, name);
    result.format = DocumentExtractor::formatName(format);
    const auto fail = [&result](const QString &error) {
        result.error = error;
        return result;
    };
    if (!canMaskInPlace(format))
        return fail(QStringLiteral("%1 files cannot be masked in place").arg(result.format));

    // The same reading as the scan's, with where every piece came from.
    std::vector<Piece> pieces;
    TextSink sink(limits, [&pieces](const Core::TextPlace &place, QByteArrayView utf8) {
        pieces.push_back({place, utf8.toByteArray(), {}});
    });
    sink.recordOrigins([&pieces](const TextOrigin &origin) { pieces.back().origin = origin; });
    DocumentExtractor::extract(bytes, name, {}, sink);
    if (!sink.incomplete().isEmpty())
        return fail(QStringLiteral("not all of it could be read: %1").arg(sink.incomplete()));
    if (int(pieces.size()) != pieceCount)
        return fail(
            QStringLiteral("it reads differently now (%1 parts of text, not %2)").arg(pieces.size()).arg(pieceCount));

    std::map<int, std::vector<Core::TextMask>> byPiece;
    for (const Core::TextMask &mask : masks) {
        const bool fits = mask.piece >= 0 && mask.piece < pieceCount &&
            pieces[std::size_t(mask.piece)].utf8.size() == mask.pieceLength && mask.offset >= 0 && mask.length > 0 &&
            mask.offset + mask.length <= mask.pieceLength;
        if (!fits)
            return fail(QStringLiteral("it reads differently now (part %1 of its text)").arg(mask.piece + 1));
        byPiece[mask.piece].push_back(mask);
    }

    std::map<int, std::vector<Replacement>> byEntry;
    for (auto &[index, pieceMasks] : byPiece) {
        std::sort(pieceMasks.begin(), pieceMasks.end(),
                  [](const Core::TextMask &a, const Core::TextMask &b) { return a.offset < b.offset; });
        for (std::size_t i = 1; i < pieceMasks.size(); ++i) {
            if (pieceMasks[i].offset < pieceMasks[i - 1].offset + pieceMasks[i - 1].length)
                return fail(QStringLiteral("the places to mask overlap (part %1 of its text)").arg(index + 1));
        }
        const Piece &piece = pieces[std::size_t(index)];
        if (piece.origin.computed)
            return fail(QStringLiteral("%1: a formula computes this value: masking it would not last")
                            .arg(piece.place.describe(u"en")));
        // Only the document's own entries: text from an archive inside it is not masked there.
        if (!piece.origin.isKnown() || piece.origin.archive != bytes.constData())
            return fail(
                QStringLiteral("%1: this text cannot be masked where it lies").arg(piece.place.describe(u"en")));
        std::vector<Replacement> &replacements = byEntry[piece.origin.entry];
        if (piece.origin.element.start >= 0) {
            const auto cell = maskedCell(piece, pieceMasks, &result.error);
            if (!cell)
                return result;
            replacements.push_back(*cell);
            ++result.maskedCells;
            continue;
        }
        for (const Core::TextMask &mask : pieceMasks) {
            if (!maskCharacters(piece, mask, replacements, &result.error))
                return result;
        }
    }

    QString error;
    const auto zip = ZipContainer::open(bytes, &error);
    if (!zip)
        return fail(error);
    TextSink budget(limits, [](const Core::TextPlace &, QByteArrayView) {});
    QHash<int, QByteArray> entries;
    for (auto &[entry, replacements] : byEntry) {
        const QString entryName = zip->entries().value(entry).name;
        const auto original = zip->read(entry, budget, &error);
        if (!original)
            return fail(QStringLiteral("%1: %2").arg(entryName, error));
        std::sort(replacements.begin(), replacements.end(),
                  [](const Replacement &a, const Replacement &b) { return a.start < b.start; });
        // One shared string masked for two cells is one replacement.
        replacements.erase(std::unique(replacements.begin(), replacements.end()), replacements.end());
        QByteArray masked;
        masked.reserve(original->size());
        qint64 copied = 0;
        for (const Replacement &replacement : replacements) {
            if (replacement.start < copied || replacement.end > original->size() ||
                replacement.end <= replacement.start)
                return fail(QStringLiteral("%1: the places to mask overlap").arg(entryName));
            masked += original->sliced(copied, replacement.start - copied);
            masked += replacement.with;
            copied = replacement.end;
            if (replacement.with.size() == 1)
                ++result.maskedCharacters;
        }
        masked += original->sliced(copied);
        entries.insert(entry, masked);
    }
    // Pictures of the first page (Windows' and Hancom's previews) show the numbers as they were:
    // a PNG one is replaced with a blank picture, any other kind cannot be masked.
    for (int i = 0; i < zip->entries().size(); ++i) {
        const QString lower = zip->entries().at(i).name.toLower();
        if (!isPreviewPicture(lower))
            continue;
        if (!lower.endsWith(QLatin1String(".png")))
            return fail(QStringLiteral("%1: its preview picture shows the first page and cannot be masked")
                            .arg(zip->entries().at(i).name));
        entries.insert(i, blankPng());
    }
    // The last word: no masked value may still be found anywhere in the copy, in any entry
    // (a field code, a formula, a hyperlink, a pivot cache: places the reader does not read).
    // Each entry is read once, for all the values.
    const MaskedValueSearch search(maskedValues(pieces, byPiece));
    for (int i = 0; i < zip->entries().size(); ++i) {
        if (zip->entries().at(i).directory)
            continue;
        const auto content =
            entries.contains(i) ? std::optional<QByteArray>(entries.value(i)) : zip->read(i, budget, &error);
        if (!content)
            return fail(QStringLiteral("%1: %2").arg(zip->entries().at(i).name, error));
        if (search.foundIn(*content))
            return fail(QStringLiteral("%1: the value also appears there, where it cannot be masked")
                            .arg(zip->entries().at(i).name));
    }
    result.bytes = ZipContainer::withEntriesReplaced(bytes, entries, &error);
    if (!result.bytes)
        return fail(error);
    return result;
}

} // namespace SendGuard::Extract
