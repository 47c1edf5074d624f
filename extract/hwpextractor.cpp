// SPDX-License-Identifier: GPL-2.0-or-later
#include "hwpextractor.h"

#include "compoundfile.h"
#include "olepropertyset.h"
#include "rawinflater.h"
#include "textsink.h"
#include "xmltextwalker.h"

#include <QCollator>
#include <QtEndian>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

constexpr quint32 TagBegin = 0x010;
constexpr quint32 TagParaHeader = TagBegin + 50;
constexpr quint32 TagParaText = TagBegin + 51;
constexpr quint32 TagCtrlHeader = TagBegin + 55;
constexpr quint32 TagListHeader = TagBegin + 56;
constexpr quint32 TagTable = TagBegin + 61;
// Where a table cell's LIST_HEADER holds its column, then its row.
constexpr qsizetype CellColumnAt = 8;
constexpr qsizetype CellAddressEnd = CellColumnAt + 4;

// FileHeader properties (bits).
constexpr quint32 Compressed = 1u << 0;
constexpr quint32 Password = 1u << 1;
constexpr quint32 Distribution = 1u << 2;
constexpr quint32 Drm = 1u << 4;
constexpr quint32 CertificateEncrypted = 1u << 8;

constexpr quint32 ctrlId(char a, char b, char c, char d)
{
    return (quint32(quint8(a)) << 24) | (quint32(quint8(b)) << 16) | (quint32(quint8(c)) << 8) | quint32(quint8(d));
}

// A control that holds paragraphs of its own (a table, a header, a note), or a table's cell, and
// how long it lasts: while records are at childLevel or deeper. A control's records are one level
// below it; a cell's paragraphs are at the level of its LIST_HEADER.
struct Container
{
    quint32 childLevel;
    Core::TextPlace place;
    bool table = false;
    bool cell = false;
    // A table's LIST_HEADER before its TABLE record is its caption's, after it a cell's.
    bool tableBodySeen = false;
};

// A section's records, read as its stream is inflated: a record that a block's end cuts waits
// for the next block.
struct SectionReader
{
    Core::TextPlace section;
    TextSink &sink;
    std::vector<Container> open;
    int paragraphs = 0;
    int tables = 0;
    int notes = 0;
    Core::TextPlace paragraphPlace = section;
    bool impossible = false; // a record claims more than the limits let a stream hold

    // A record's header at the start of data: its size, and where its payload starts; empty when
    // data holds less than the header.
    static std::optional<std::pair<qint64, qsizetype>> header(QByteArrayView data)
    {
        if (data.size() < 4)
            return std::nullopt;
        const qint64 size = qFromLittleEndian<quint32>(data.constData()) >> 20;
        if (size != 0xFFF)
            return std::pair(size, qsizetype(4));
        if (data.size() < 8)
            return std::nullopt;
        return std::pair(qint64(qFromLittleEndian<quint32>(data.constData() + 4)), qsizetype(8));
    }

    // Reads the whole records at the start of data: how many bytes they take.
    qsizetype read(QByteArrayView data)
    {
        qsizetype at = 0;
        while (!sink.full()) {
            const auto sized = header(data.sliced(at));
            // A size past what a stream may inflate to can never be read whole: stop at once,
            // rather than gather the rest of the stream waiting for it.
            if (sized && sized->first > sink.limits().maxEntryBytes)
                impossible = true;
            if (!sized || impossible || sized->first > data.size() - at - sized->second)
                break;
            const quint32 tagAndLevel = qFromLittleEndian<quint32>(data.constData() + at);
            record(tagAndLevel & 0x3FF, (tagAndLevel >> 10) & 0x3FF,
                   data.sliced(at + sized->second, qsizetype(sized->first)));
            at += sized->second + qsizetype(sized->first);
        }
        return at;
    }

    // The stream's end, with the bytes no whole record took.
    void finish(QByteArrayView rest)
    {
        if (rest.isEmpty() || sink.full())
            return;
        if (rest.size() < 4)
            sink.skip(section, QStringLiteral("a record header cut short"));
        else if (!header(rest))
            sink.skip(section, QStringLiteral("a record size cut short"));
        else
            sink.skip(section, QStringLiteral("a record larger than what remains of its stream"));
    }

    void record(quint32 tag, quint32 level, QByteArrayView payload)
    {
        while (!open.empty() && level < open.back().childLevel)
            open.pop_back();
        if (tag == TagListHeader && !open.empty() && open.back().cell && open.back().childLevel == level)
            open.pop_back(); // the next cell of the same table
        const Core::TextPlace inside = open.empty() ? section : open.back().place;
        switch (tag) {
        case TagCtrlHeader: {
            if (payload.size() < 4)
                break;
            const quint32 id = qFromLittleEndian<quint32>(payload.constData());
            if (id == ctrlId('t', 'b', 'l', ' '))
                open.push_back({level + 1, inside.then(Kind::Table, QString::number(++tables)), true});
            else if (id == ctrlId('h', 'e', 'a', 'd'))
                open.push_back({level + 1, section.then(Kind::Header), false});
            else if (id == ctrlId('f', 'o', 'o', 't'))
                open.push_back({level + 1, section.then(Kind::Footer), false});
            else if (id == ctrlId('f', 'n', ' ', ' '))
                open.push_back({level + 1, section.then(Kind::Footnote, QString::number(++notes)), false});
            else if (id == ctrlId('e', 'n', ' ', ' '))
                open.push_back({level + 1, section.then(Kind::Endnote, QString::number(++notes)), false});
            else if (id == ctrlId('g', 's', 'o', ' '))
                open.push_back({level + 1, inside.then(Kind::TextBox), false});
            break;
        }
        case TagTable:
            // The table's body: its caption, read before it, ends, and the cells come.
            if (!open.empty() && open.back().cell && open.back().childLevel == level)
                open.pop_back();
            if (!open.empty() && open.back().table)
                open.back().tableBodySeen = true;
            break;
        case TagListHeader:
            // A table's caption, before its body: the table's own text, no cell's.
            if (!open.empty() && open.back().table && !open.back().tableBodySeen) {
                open.push_back({level, open.back().place, false, true});
                break;
            }
            // A table cell: its column and row follow the list's header, which takes eight bytes in
            // the files Hangul writes (two after the paragraph count that the published table 65,
            // which lists six, leaves out; pyhwp reads them so, and a file Hangul saved has them).
            if (!open.empty() && open.back().table && payload.size() >= CellAddressEnd) {
                const quint16 column = qFromLittleEndian<quint16>(payload.constData() + CellColumnAt);
                const quint16 row = qFromLittleEndian<quint16>(payload.constData() + CellColumnAt + 2);
                Container cell = open.back();
                cell.childLevel = level;
                cell.table = false;
                cell.cell = true;
                cell.place =
                    cell.place.then(Kind::Row, QString::number(row + 1)).then(Kind::Cell, QString::number(column + 1));
                open.push_back(cell);
            }
            break;
        case TagParaHeader:
            paragraphPlace = open.empty() ? section.then(Kind::Paragraph, QString::number(++paragraphs)) : inside;
            break;
        case TagParaText:
            sink.addUtf8(paragraphPlace, HwpExtractor::paragraphText(payload));
            break;
        default:
            break;
        }
    }
};

// Every record of a section's stream, inflated a block at a time when compressed.
void readSection(const QByteArray &stream, bool compressed, const Core::TextPlace &section, TextSink &sink,
                 QString *error)
{
    SectionReader reader {section, sink};
    if (!compressed) {
        if (!sink.takeInflated(stream.size())) { // stored sections count as inflated ones do
            sink.skip(section, sink.incomplete());
            return;
        }
        reader.finish(QByteArrayView(stream).sliced(reader.read(stream)));
        return;
    }
    QByteArray pending; // the start of a record the last block cut
    const bool inflated = RawInflater::inflateBlocks(stream, sink, error, [&](QByteArrayView block) {
        if (pending.isEmpty()) {
            pending = block.sliced(reader.read(block)).toByteArray();
        } else {
            pending.append(block);
            pending.remove(0, reader.read(pending));
        }
        return !sink.full() && !reader.impossible;
    });
    if (!inflated) {
        sink.skip(section, *error);
        return;
    }
    reader.finish(pending);
}

// An OLE object's compound file: the office file it holds (its Package stream) read as a file of
// its own; a chart (한글 2018 and later keep its DrawingML chart part as OOXMLChartContents, beside
// a picture and Hancom's own copy of the same data) read for its text, titles, categories and
// values; anything else is not scanned.
void readOleObject(const CompoundFile &file, const Core::TextPlace &place, TextSink &sink,
                   const NestedFileReader &readEmbedded)
{
    QString error;
    const QStringList streams = file.streams();
    if (streams.contains(QStringLiteral("Package"))) {
        if (const auto package = file.stream(QStringLiteral("Package"), sink.limits().maxEntryBytes, &error))
            readEmbedded(*package, QStringLiteral("Package"), place);
        else
            sink.skip(place, QStringLiteral("an embedded object: %1").arg(error));
        return;
    }
    if (streams.contains(QStringLiteral("OOXMLChartContents"))) {
        const auto chart = file.stream(QStringLiteral("OOXMLChartContents"), sink.limits().maxEntryBytes, &error);
        if (!chart || !XmlTextWalker::allText(*chart, place, sink, &error))
            sink.skip(place, QStringLiteral("an embedded chart: %1").arg(error));
        return;
    }
    sink.skip(place, QStringLiteral("an embedded object (OLE) that holds no office file or chart: not scanned"));
}

// An object embedded in the document (BinData/BINxxxx.OLE): four bytes of length, then the
// object's own compound file, raw DEFLATE around it all when the document is compressed.
void readEmbeddedObject(const QByteArray &stream, const Core::TextPlace &place, TextSink &sink,
                        const NestedFileReader &readEmbedded)
{
    QString error;
    QByteArray object;
    if (stream.size() > 4 &&
        CompoundFile::hasSignature(QByteArray::fromRawData(stream.constData() + 4, stream.size() - 4))) {
        object = stream.mid(4);
    } else {
        QByteArray inflated;
        const bool read = RawInflater::inflateBlocks(stream, sink, &error, [&](QByteArrayView block) {
            inflated.append(block);
            return true;
        });
        if (!read) {
            sink.skip(place, QStringLiteral("an embedded object: %1").arg(error));
            return;
        }
        object = std::move(inflated.remove(0, 4));
    }
    const auto file = CompoundFile::open(object, &error);
    if (!file) {
        sink.skip(place, QStringLiteral("an embedded object: %1").arg(error));
        return;
    }
    readOleObject(*file, place, sink, readEmbedded);
}

// The preview the format keeps beside the body (UTF-16LE, the first page or so).
void readPreview(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink)
{
    QString error;
    if (const auto preview = file.stream(QStringLiteral("PrvText"), 1 << 20, &error))
        sink.add(base.then(Kind::Preview),
                 QString::fromUtf16(reinterpret_cast<const char16_t *>(preview->constData()), preview->size() / 2));
}

} // namespace

bool HwpExtractor::isHwp97(const QByteArray &bytes)
{
    return bytes.startsWith("HWP Document File V3");
}

QByteArray HwpExtractor::paragraphText(QByteArrayView payload)
{
    const qsizetype units = payload.size() / 2;
    const auto unit = [&](qsizetype i) { return qFromLittleEndian<quint16>(payload.constData() + 2 * i); };
    // Encoded to UTF-8 here, in the one pass that skips the controls: the text is handed on as
    // UTF-8, and a QString on the way cost a second pass as long as the first. A unit gives three
    // bytes at most (a surrogate pair four for two): written in place, with no growth and no copy.
    QByteArray text(units * 3, Qt::Uninitialized);
    auto *const out = reinterpret_cast<uchar *>(text.data());
    qsizetype length = 0;
    const auto put = [&](char ascii) { out[length++] = uchar(ascii); };
    for (qsizetype i = 0; i < units;) {
        const quint16 c = unit(i);
        if (c >= 0x800) {
            if (c >= 0xD800 && c < 0xE000) {
                const quint16 low = i + 1 < units ? unit(i + 1) : 0;
                if (c < 0xDC00 && low >= 0xDC00 && low < 0xE000) {
                    const char32_t code = 0x10000 + ((char32_t(c) - 0xD800) << 10) + (low - 0xDC00);
                    out[length++] = uchar(0xF0 | (code >> 18));
                    out[length++] = uchar(0x80 | ((code >> 12) & 0x3F));
                    out[length++] = uchar(0x80 | ((code >> 6) & 0x3F));
                    out[length++] = uchar(0x80 | (code & 0x3F));
                    i += 2;
                } else {
                    put('?'); // a lone surrogate, as QString::toUtf8() writes it
                    ++i;
                }
                continue;
            }
            out[length++] = uchar(0xE0 | (c >> 12));
            out[length++] = uchar(0x80 | ((c >> 6) & 0x3F));
            out[length++] = uchar(0x80 | (c & 0x3F));
            ++i;
            continue;
        }
        if (c >= 0x80) {
            out[length++] = uchar(0xC0 | (c >> 6));
            out[length++] = uchar(0x80 | (c & 0x3F));
            ++i;
            continue;
        }
        if (c >= 32) {
            put(char(c));
            ++i;
            continue;
        }
        switch (c) {
        // Controls one unit wide.
        case 10:
            put('\n');
            ++i;
            continue;
        case 13: // the paragraph's end; text after one (a broken or crafted record) is kept, never dropped
            if (i + 1 < units)
                put('\n');
            ++i;
            continue;
        case 24:
            put('-');
            ++i;
            continue;
        case 30:
        case 31:
            put(' ');
            ++i;
            continue;
        case 0:
        case 25:
        case 26:
        case 27:
        case 28:
        case 29:
            ++i;
            continue;
        // Inline and extended controls: eight units, the code at both ends.
        case 9:
            put('\t');
            [[fallthrough]];
        default:
            i += 8;
            continue;
        }
    }
    text.truncate(length);
    return text;
}

void HwpExtractor::extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink,
                           const NestedFileReader &readEmbedded)
{
    QString error;
    const auto file = CompoundFile::open(bytes, &error);
    if (!file) {
        sink.skip(base, QStringLiteral("not a readable HWP file (%1): not scanned").arg(error));
        return;
    }
    const auto header = file->stream(QStringLiteral("FileHeader"), 4096, &error);
    if (!header || header->size() < 40 || !header->startsWith("HWP Document File")) {
        // An OLE object on its own (an HWPX's BinData/*.ole, a chart): read as one.
        const QStringList streams = file->streams();
        if (streams.contains(QStringLiteral("Package")) || streams.contains(QStringLiteral("OOXMLChartContents"))) {
            readOleObject(*file, base, sink, readEmbedded);
            return;
        }
        sink.skip(base, QStringLiteral("no HWP file header: not scanned"));
        return;
    }
    const quint32 version = qFromLittleEndian<quint32>(header->constData() + 32);
    const quint32 properties = qFromLittleEndian<quint32>(header->constData() + 36);
    if ((version >> 24) != 5) {
        sink.skip(base, QStringLiteral("HWP version %1: unsupported version").arg(version >> 24));
        return;
    }
    if (properties & (Password | Distribution | Drm | CertificateEncrypted)) {
        sink.skip(base, QStringLiteral("encrypted (password, DRM or distribution document): not scanned"));
        // A distribution document keeps its preview in clear (a file browser shows it): what it
        // holds is named, though the body stays unread.
        readPreview(*file, base, sink);
        return;
    }
    QStringList sections;
    for (const QString &name : file->streams()) {
        if (name.startsWith(QLatin1String("BodyText/Section")))
            sections.append(name);
    }
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(sections.begin(), sections.end(), numeric);
    const qint64 charactersBefore = sink.characters();
    const bool before = sink.hasText();
    for (const QString &name : std::as_const(sections)) {
        if (sink.full())
            break;
        const Core::TextPlace place =
            base.then(Kind::Section, QString::number(name.mid(int(qstrlen("BodyText/Section"))).toInt() + 1));
        const auto stream = file->stream(name, sink.limits().maxEntryBytes, &error);
        if (!stream) {
            sink.skip(place, error);
            continue;
        }
        readSection(*stream, properties & Compressed, place, sink, &error);
    }
    if (sections.isEmpty())
        sink.skip(base, QStringLiteral("no BodyText sections"));
    if (!before && !sink.hasText())
        readPreview(*file, base, sink);
    for (const QString &name : file->streams()) {
        if (sink.full())
            break;
        if (!name.startsWith(QLatin1String("BinData/")) || !name.endsWith(QLatin1String(".OLE"), Qt::CaseInsensitive))
            continue;
        const Core::TextPlace place = base.then(Kind::Entry, name);
        if (const auto stream = file->stream(name, sink.limits().maxEntryBytes, &error))
            readEmbeddedObject(*stream, place, sink, readEmbedded);
        else
            sink.skip(place, error);
    }
    // A scanned form pasted into the document is all of it: pictures are not read (BinData/BIN0001.jpg).
    // Its text may be in an embedded chart, read above.
    const QStringList streams = file->streams();
    const bool holdsAPicture = std::any_of(streams.begin(), streams.end(), [](const QString &name) {
        return name.startsWith(QLatin1String("BinData/")) && !name.endsWith(QLatin1String(".OLE"), Qt::CaseInsensitive);
    });
    if (sink.characters() == charactersBefore && !sink.full() && holdsAPicture)
        sink.skip(base, QStringLiteral("pictures with no text: not scanned"));
    // Its properties (title, subject, author, keywords), which Hangul's file information shows:
    // read last, as no text of the document's own.
    if (streams.contains(QStringLiteral("\x05HwpSummaryInformation")) && !sink.full())
        OlePropertySet::read(*file, QStringLiteral("\x05HwpSummaryInformation"), base, sink);
}

} // namespace SendGuard::Extract
