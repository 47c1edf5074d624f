// SPDX-License-Identifier: GPL-2.0-or-later
#include "xlsextractor.h"

#include "compoundfile.h"
#include "compoundfileparts.h"
#include "spreadsheetextractor.h"
#include "textsink.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <QtEndian>

#include <bit>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

// The record types read ([MS-XLS] 2.3).
enum RecordType : quint16 {
    // Cells as Excel 2.x to 4.0 wrote them, which Excel and LibreOffice still read in any workbook.
    OldNumber = 0x0003,
    OldLabel = 0x0004,
    OldRk = 0x007E,
    OldFormula3 = 0x0206,
    OldFormula4 = 0x0406,
    Formula = 0x0006,
    EndOfFile = 0x000A,
    Header = 0x0014,
    Footer = 0x0015,
    Note = 0x001C,
    FilePass = 0x002F,
    Continue = 0x003C,
    Object = 0x005D,
    BoundSheet = 0x0085,
    MulRk = 0x00BD,
    RichString = 0x00D6,
    ExtendedFormat = 0x00E0,
    SharedStrings = 0x00FC,
    LabelSst = 0x00FD,
    TextObject = 0x01B6,
    Number = 0x0203,
    Label = 0x0204,
    FormulaString = 0x0207,
    Rk = 0x027E,
    Format = 0x041E,
    BeginningOfFile = 0x0809,
    SeriesText = 0x100D, // a chart's series name or text
    HeaderFooter = 0x089C, // the headers and footers of even and first pages
};

// What a BOF record's substream holds.
constexpr quint16 WorksheetSubstream = 0x0010;
constexpr quint16 ChartSubstream = 0x0020;

constexpr quint16 Biff8 = 0x0600;
constexpr quint16 GlobalsSubstream = 0x0005;

quint16 u16(QByteArrayView data, qsizetype at)
{
    return qFromLittleEndian<quint16>(data.data() + at);
}
quint32 u32(QByteArrayView data, qsizetype at)
{
    return qFromLittleEndian<quint32>(data.data() + at);
}

struct Record
{
    quint16 type = 0;
    QByteArrayView data;
    QList<QByteArrayView> continued; // the CONTINUE records right after it, which go on with its data

    // Its data from `at` on, and what its CONTINUE records hold.
    XlsExtractor::ContinuedBytes from(qsizetype at) const
    {
        QList<QByteArrayView> segments {data.sliced(at)};
        segments.append(continued);
        return XlsExtractor::ContinuedBytes(std::move(segments));
    }
};

// The records of a substream, from where it starts, each with the CONTINUE records after it.
class RecordReader
{
public:
    // The records from `at` up to `limit` (the stream's end, or where records already read start).
    RecordReader(const QByteArray &stream, qsizetype at, qsizetype limit = -1)
        : m_stream(stream)
        , m_at(at)
        , m_limit(limit < 0 ? stream.size() : qMin(limit, stream.size()))
    {
    }

    // The next record; nullopt at the stream's end, and at a record whose size passes it (broken()).
    std::optional<Record> next()
    {
        quint16 size = 0;
        Record record;
        if (!header(&record.type, &size))
            return std::nullopt;
        record.data = QByteArrayView(m_stream).sliced(m_at + 4, size);
        m_at += 4 + size;
        quint16 type = 0;
        while (header(&type, &size) && type == Continue) {
            record.continued.append(QByteArrayView(m_stream).sliced(m_at + 4, size));
            m_at += 4 + size;
        }
        return record;
    }
    bool broken() const { return m_broken; }
    // Where the next record starts.
    qsizetype offset() const { return m_at; }

private:
    bool header(quint16 *type, quint16 *size)
    {
        if (m_at + 4 > m_limit) {
            m_broken = m_broken || (m_at < m_limit && m_limit == m_stream.size());
            return false;
        }
        *type = u16(m_stream, m_at);
        *size = u16(m_stream, m_at + 2);
        if (m_at + 4 + *size > m_limit) {
            m_broken = true;
            return false;
        }
        return true;
    }

    const QByteArray &m_stream;
    qsizetype m_at;
    qsizetype m_limit;
    bool m_broken = false;
};

struct Sheet
{
    QString name;
    quint32 offset = 0; // of its BOF record in the stream
    quint8 type = 0; // 0 a worksheet, 1 a macro sheet, 2 a chart sheet, 6 a VBA module
};

struct Workbook
{
    std::vector<QByteArray> strings; // the shared string table, as UTF-8
    QHash<quint16, QString> formats; // the custom number formats by their number
    QList<quint16> cellFormats; // each cell format's (XF) number format, by the XF's index
    QList<Sheet> sheets;
    qsizetype globalsEnd = 0; // where the globals' EOF record ends: the sheets' substreams follow

    QString formatOf(quint16 xf) const { return xf < cellFormats.size() ? formats.value(cellFormats[xf]) : QString(); }
};

// The workbook globals: its sheets, strings and number formats. False when nothing more can be
// read: what is wrong is said.
bool readGlobals(const QByteArray &stream, const Core::TextPlace &base, TextSink &sink, Workbook &workbook)
{
    RecordReader reader(stream, 0);
    const std::optional<Record> first = reader.next();
    if (!first || first->type != BeginningOfFile || first->data.size() < 4 || u16(first->data, 2) != GlobalsSubstream) {
        sink.skip(base, QStringLiteral("not a readable Excel workbook (no workbook globals): not scanned"));
        return false;
    }
    if (u16(first->data, 0) != Biff8) {
        sink.skip(base, QStringLiteral("an Excel workbook older than Excel 97 (BIFF5): not scanned"));
        return false;
    }
    while (const std::optional<Record> record = reader.next()) {
        const QByteArrayView data = record->data;
        switch (record->type) {
        case FilePass:
            sink.skip(base, QStringLiteral("encrypted (a workbook with a password): not scanned"));
            return false;
        case BoundSheet: {
            if (data.size() < 8)
                break;
            Sheet sheet {{}, u32(data, 0), quint8(data[5])};
            // A ShortXLUnicodeString: an 8-bit count, the flags, the characters.
            QByteArray name;
            if (record->from(8).characters(quint8(data[6]), data[7] & 1, name))
                sheet.name = QString::fromUtf8(name);
            workbook.sheets.append(sheet);
            break;
        }
        case SharedStrings: {
            if (data.size() < 8)
                break;
            // Each string costs at least three bytes: a count that lies ends at the data's end.
            XlsExtractor::ContinuedBytes strings = record->from(8);
            for (quint32 i = 0, unique = u32(data, 4); i < unique; ++i) {
                QByteArray text;
                if (!strings.richString(text)) {
                    sink.skip(base, QStringLiteral("its shared strings are cut short"));
                    break;
                }
                workbook.strings.push_back(std::move(text));
            }
            break;
        }
        case Format: {
            QByteArray code;
            if (data.size() >= 2 && record->from(2).plainString(code))
                workbook.formats.insert(u16(data, 0), QString::fromUtf8(code));
            break;
        }
        case ExtendedFormat:
            if (data.size() >= 4)
                workbook.cellFormats.append(u16(data, 2));
            break;
        case EndOfFile:
            workbook.globalsEnd = reader.offset();
            return true;
        default:
            break;
        }
    }
    if (reader.broken())
        sink.skip(base, QStringLiteral("a record runs past the end of the workbook's globals"));
    return true;
}

// Whether a worksheet's substream starts at offset.
bool worksheetStartsAt(const QByteArray &stream, qsizetype offset)
{
    RecordReader reader(stream, offset);
    const std::optional<Record> first = offset >= 0 && offset < stream.size() ? reader.next() : std::nullopt;
    return first && first->type == BeginningOfFile && first->data.size() >= 4 &&
        u16(first->data, 2) == WorksheetSubstream;
}

// One worksheet's cells, headers, footers, comments and text boxes, and the text of the charts
// drawn on it, from its BOF record at offset (worksheetStartsAt). Where its substream ends.
qsizetype readSheet(const QByteArray &stream, qsizetype offset, qsizetype limit, const Workbook &workbook,
                    const Core::TextPlace &place, TextSink &sink)
{
    RecordReader reader(stream, offset, limit);
    (void)reader.next(); // its BOF
    const auto cell = [&](QByteArrayView data) {
        return place.then(Kind::Cell,
                          SpreadsheetExtractor::columnName(u16(data, 2) + 1) + QString::number(u16(data, 0) + 1));
    };
    const auto cellAt = [&](quint16 row, quint16 column) {
        return place.then(Kind::Cell, SpreadsheetExtractor::columnName(column + 1) + QString::number(row + 1));
    };
    // A number as the cell shows it, as an XLSX's number cell is read.
    const auto addNumber = [&](const Core::TextPlace &at, quint16 xf, double value) {
        const QString raw = QString::number(value, 'g', QLocale::FloatingPointShortest);
        const QString shown = SpreadsheetExtractor::formatted(raw, workbook.formatOf(xf));
        sink.add(at,
                 SpreadsheetExtractor::cellText(shown,
                                                shown.isEmpty() ? SpreadsheetExtractor::numberText(raw)
                                                                : SpreadsheetExtractor::roundedToWhole(raw)));
    };
    const auto addString = [&](const Core::TextPlace &at, XlsExtractor::ContinuedBytes bytes) {
        QByteArray text;
        if (bytes.plainString(text))
            sink.addUtf8(at, text);
        else
            sink.skip(at, QStringLiteral("a cell's text cut short"));
    };
    std::optional<Core::TextPlace> formulaText; // a formula's cell whose text result comes next
    quint16 object = 0; // the last drawing object's id: a comment's or text box's text follows it
    QList<std::pair<quint16, QByteArray>> texts; // comments' and text boxes' text, by their object
    QHash<quint16, QString> notes; // object -> the cell its comment is on
    QList<QByteArray> chartTexts; // the series' names of the charts drawn on it
    int charts = 0; // the charts drawn on the sheet, each a substream inside its own
    bool ended = false;
    while (const std::optional<Record> record = reader.next()) {
        if (sink.full())
            return reader.offset();
        const QByteArrayView data = record->data;
        if (record->type == BeginningOfFile) {
            // A chart's substream: its text is read below. Any other inside a sheet is out of
            // order: its records are read as the sheet's, never passed over.
            if (data.size() >= 4 && u16(data, 2) == ChartSubstream)
                ++charts;
            else
                sink.skip(place, QStringLiteral("a substream inside the sheet that is no chart, read as the sheet"));
            continue;
        }
        if (record->type == EndOfFile) {
            if (charts-- == 0) {
                ended = true;
                break;
            }
            continue;
        }
        if (charts > 0) {
            // A chart's text: its series' names and titles (the cells it draws are the sheet's).
            QByteArray text;
            if (record->type == SeriesText && data.size() >= 4 &&
                record->from(4).characters(quint8(data[2]), data[3] & 1, text))
                chartTexts.append(text);
            else if (record->type != TextObject && record->type != Object)
                continue;
        }
        switch (record->type) {
        case LabelSst:
            if (data.size() < 10)
                break;
            if (const quint32 index = u32(data, 6); index < workbook.strings.size())
                sink.addUtf8(cell(data), workbook.strings[index]);
            else
                sink.skip(cell(data), QStringLiteral("a shared string the file does not hold"));
            break;
        case Label:
        case RichString:
            if (data.size() >= 6)
                addString(cell(data), record->from(6));
            break;
        case OldLabel: {
            // A row, a column, three bytes of attributes, an 8-bit count, one byte a character.
            QByteArray text;
            if (data.size() >= 8 && record->from(8).characters(quint8(data[7]), false, text))
                sink.addUtf8(cell(data), text);
            else if (data.size() >= 4)
                sink.skip(cell(data), QStringLiteral("a cell's text cut short"));
            break;
        }
        case OldNumber:
            if (data.size() >= 15)
                addNumber(cell(data), 0, std::bit_cast<double>(qFromLittleEndian<quint64>(data.data() + 7)));
            break;
        case Number:
            if (data.size() >= 14)
                addNumber(cell(data), u16(data, 4), std::bit_cast<double>(qFromLittleEndian<quint64>(data.data() + 6)));
            break;
        case Rk:
        case OldRk:
            if (data.size() >= 10)
                addNumber(cell(data), u16(data, 4), XlsExtractor::rkNumber(u32(data, 6)));
            break;
        case MulRk:
            // A row, its first column, then a cell format and an RK value for each column.
            for (qsizetype i = 0; data.size() >= 6 && 4 + 6 * i + 6 <= data.size() - 2; ++i)
                addNumber(cellAt(u16(data, 0), quint16(u16(data, 2) + i)), u16(data, 4 + 6 * i),
                          XlsExtractor::rkNumber(u32(data, 6 + 6 * i)));
            break;
        case Formula:
        case OldFormula3:
        case OldFormula4:
            // The result Excel kept: a number, or (0xFFFF in its last two bytes) a string in the
            // record after, a Boolean, an error or nothing.
            if (data.size() < 14)
                break;
            formulaText.reset();
            if (u16(data, 12) != 0xFFFF)
                addNumber(cell(data), u16(data, 4), std::bit_cast<double>(qFromLittleEndian<quint64>(data.data() + 6)));
            else if (data[6] == 0)
                formulaText = cell(data);
            break;
        case FormulaString:
            if (formulaText)
                addString(*formulaText, record->from(0));
            formulaText.reset();
            break;
        case Header:
        case Footer:
            if (!data.isEmpty()) {
                QByteArray codes;
                TextOrigin origin;
                const Core::TextPlace at = place.then(record->type == Header ? Kind::Header : Kind::Footer);
                if (record->from(0).plainString(codes))
                    sink.addUtf8(at, SpreadsheetExtractor::headerFooterText(codes, &origin));
                else
                    sink.skip(at, QStringLiteral("its text cut short"));
            }
            break;
        case HeaderFooter:
            // After a future record's header, a view's id and flags: four counts, then the even
            // pages' header and footer and the first page's, each there when its count is not 0.
            if (data.size() >= 38) {
                XlsExtractor::ContinuedBytes strings = record->from(38);
                for (int i = 0; i < 4; ++i) {
                    if (u16(data, 30 + 2 * i) == 0)
                        continue;
                    QByteArray codes;
                    TextOrigin origin;
                    const Core::TextPlace at = place.then(i % 2 == 0 ? Kind::Header : Kind::Footer);
                    if (!strings.plainString(codes)) {
                        sink.skip(at, QStringLiteral("its text cut short"));
                        break;
                    }
                    sink.addUtf8(at, SpreadsheetExtractor::headerFooterText(codes, &origin));
                }
            }
            break;
        case Object:
            // Its first part says what it is (FtCmo): the object's id after its kind.
            if (data.size() >= 8)
                object = u16(data, 6);
            break;
        case TextObject:
            // The text in the CONTINUE records after it: a flag byte, then the characters.
            if (data.size() >= 14 && u16(data, 10) > 0) {
                XlsExtractor::ContinuedBytes bytes(record->continued);
                quint8 flags = 0;
                QByteArray text;
                if (bytes.read(&flags, 1) && bytes.characters(u16(data, 10), flags & 1, text))
                    texts.append({object, text});
                else
                    sink.skip(place, QStringLiteral("a comment's or text box's text cut short"));
            }
            break;
        case Note:
            if (data.size() >= 8)
                notes.insert(u16(data, 6), cell(data).steps.last().value);
            break;
        default:
            break;
        }
    }
    if (reader.broken())
        sink.skip(place, QStringLiteral("a record runs past the end of the workbook: read in part"));
    else if (!ended)
        sink.skip(place, QStringLiteral("its records end before the sheet does: read in part"));
    // A comment by the cell it is on ("Sheet1 › comment B3"), as an XLSX's; a text box (a chart's
    // text among them) by its order.
    int boxes = 0;
    for (const auto &[id, text] : texts) {
        const QString on = notes.value(id);
        sink.addUtf8(on.isEmpty() ? place.then(Kind::TextBox, QString::number(++boxes)) : place.then(Kind::Comment, on),
                     text);
    }
    for (const QByteArray &text : chartTexts)
        sink.addUtf8(place.then(Kind::TextBox, QString::number(++boxes)), text);
    return reader.offset();
}

// Where the substream that starts at offset ends, the substreams inside it skipped; -1 when its
// records do not end in order.
qsizetype substreamEnd(const QByteArray &stream, qsizetype offset)
{
    RecordReader reader(stream, offset);
    int depth = 0;
    while (const std::optional<Record> record = reader.next()) {
        if (record->type == BeginningOfFile)
            ++depth;
        else if (record->type == EndOfFile && --depth == 0)
            return reader.offset();
    }
    return -1;
}

} // namespace

bool XlsExtractor::ContinuedBytes::nextSegment()
{
    if (m_segment + 1 >= m_segments.size())
        return false;
    ++m_segment;
    m_at = 0;
    return true;
}

bool XlsExtractor::ContinuedBytes::read(void *to, qsizetype size)
{
    auto *out = static_cast<char *>(to);
    while (size > 0) {
        if (m_segment >= m_segments.size())
            return false;
        const QByteArrayView segment = m_segments[m_segment];
        const qsizetype n = qMin(size, segment.size() - m_at);
        if (n == 0) {
            if (!nextSegment())
                return false;
            continue;
        }
        if (out) {
            std::memcpy(out, segment.data() + m_at, std::size_t(n));
            out += n;
        }
        m_at += n;
        size -= n;
    }
    return true;
}

bool XlsExtractor::ContinuedBytes::skip(qsizetype size)
{
    return read(nullptr, size);
}

bool XlsExtractor::ContinuedBytes::characters(qsizetype cch, bool highByte, QByteArray &utf8)
{
    QString text;
    while (cch > 0) {
        if (m_segment >= m_segments.size())
            return false;
        if (m_at == m_segments[m_segment].size()) {
            // Characters cut at a record's end go on after a flag byte of their own.
            quint8 flags = 0;
            if (!nextSegment() || !read(&flags, 1))
                return false;
            highByte = flags & 1;
            continue;
        }
        const QByteArrayView segment = m_segments[m_segment];
        const qsizetype width = highByte ? 2 : 1;
        const qsizetype n = qMin(cch, (segment.size() - m_at) / width);
        if (n == 0)
            return false; // half a character at a record's end: no writer cuts one
        const char *bytes = segment.data() + m_at;
        if (highByte) {
            const qsizetype at = text.size();
            text.resize(at + n);
            for (qsizetype i = 0; i < n; ++i)
                text[at + i] = QChar(qFromLittleEndian<quint16>(bytes + 2 * i));
        } else {
            text += QLatin1StringView(bytes, n); // "compressed": each byte a character's low byte
        }
        m_at += n * width;
        cch -= n;
    }
    utf8 = text.toUtf8();
    return true;
}

bool XlsExtractor::ContinuedBytes::richString(QByteArray &utf8)
{
    uchar header[3];
    if (!read(header, 3))
        return false;
    const quint16 cch = qFromLittleEndian<quint16>(header);
    const quint8 flags = header[2];
    uchar runs[2] = {0, 0};
    uchar phonetic[4] = {0, 0, 0, 0};
    if (((flags & 0x08) && !read(runs, 2)) || ((flags & 0x04) && !read(phonetic, 4)))
        return false;
    const qint32 phoneticSize = qFromLittleEndian<qint32>(phonetic);
    return phoneticSize >= 0 && characters(cch, flags & 1, utf8) &&
        skip(4 * qsizetype(qFromLittleEndian<quint16>(runs))) && skip(phoneticSize);
}

bool XlsExtractor::ContinuedBytes::plainString(QByteArray &utf8)
{
    uchar header[3];
    return read(header, 3) && characters(qFromLittleEndian<quint16>(header), header[2] & 1, utf8);
}

double XlsExtractor::rkNumber(quint32 rk)
{
    // Bit 1: a signed 30-bit integer, else a double's high 30 bits; bit 0: divided by 100.
    const double value = (rk & 2) ? double(qint32(rk) >> 2) : std::bit_cast<double>(quint64(rk & 0xFFFFFFFCu) << 32);
    return (rk & 1) ? value / 100 : value;
}

void XlsExtractor::extract(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink,
                           const NestedFileReader &readEmbedded)
{
    if (!file.streams().contains(QStringLiteral("Workbook"))) {
        sink.skip(base, QStringLiteral("an Excel workbook older than Excel 97 (BIFF5): not scanned"));
        return;
    }
    QString error;
    const auto stream = file.stream(QStringLiteral("Workbook"), sink.limits().maxEntryBytes, &error);
    if (!stream) {
        sink.skip(base, QStringLiteral("not a readable Excel workbook (%1): not scanned").arg(error));
        return;
    }
    if (!sink.takeInflated(stream->size())) {
        sink.skip(base, sink.incomplete());
        return;
    }
    extractWorkbook(*stream, base, sink);
    // "Book" beside "Workbook": the Excel 5.0/95 copy a workbook saved for both keeps.
    CompoundFileParts::readOthers(file, {QStringLiteral("Workbook"), QStringLiteral("Book")}, base, sink, readEmbedded);
}

void XlsExtractor::extractWorkbook(const QByteArray &stream, const Core::TextPlace &base, TextSink &sink)
{
    Workbook workbook;
    if (!readGlobals(stream, base, sink, workbook))
        return;
    // Each record is read once. A sheet is read where its record says, when a worksheet starts
    // there and no substream read holds that place (the globals', another sheet's): two sheets that
    // say the same place, or a place inside another's records, are named. read: the byte ranges
    // of the substreams read, by where they start.
    std::map<qsizetype, qsizetype> read {{0, workbook.globalsEnd}};
    const auto rangeHolding = [&](qsizetype at) {
        const auto after = read.upper_bound(at);
        return after != read.begin() && at < std::prev(after)->second ? std::prev(after) : read.end();
    };
    const auto inRead = [&](qsizetype at) { return rangeHolding(at) != read.end(); };
    // A sheet is read up to the records read already: each record is read once.
    const auto readUpTo = [&](qsizetype at) {
        const auto after = read.upper_bound(at);
        return after == read.end() ? stream.size() : after->first;
    };
    QSet<qsizetype> listed;
    for (const Sheet &sheet : workbook.sheets) {
        if (sink.full())
            return;
        listed.insert(sheet.offset);
        const Core::TextPlace place = base.then(Kind::Sheet, sheet.name);
        sink.add(place.then(Kind::Name), sheet.name); // the tab shows it
        if (sheet.type != 0)
            sink.skip(place,
                      sheet.type == 2 ? QStringLiteral("a chart sheet: not scanned")
                                      : QStringLiteral("a macro sheet or module: not scanned"));
        else if (inRead(sheet.offset) || !worksheetStartsAt(stream, sheet.offset))
            sink.skip(place, QStringLiteral("the sheet is not where the workbook says: not scanned"));
        else
            read[sheet.offset] = std::max<qsizetype>(
                sheet.offset + 1, readSheet(stream, sheet.offset, readUpTo(sheet.offset), workbook, place, sink));
    }
    // The records after the globals, in order: a worksheet no sheet's record names is in the file
    // all the same, and read; a record out of place between substreams is stepped over.
    int unlisted = 0;
    for (qsizetype at = workbook.globalsEnd; at > 0 && at < stream.size() && !sink.full();) {
        if (const auto range = rangeHolding(at); range != read.end()) {
            at = range->second;
            continue;
        }
        if (worksheetStartsAt(stream, at)) {
            const Core::TextPlace place =
                base.then(Kind::Sheet, QStringLiteral("(a sheet the workbook does not list, %1)").arg(++unlisted));
            const qsizetype end =
                std::max<qsizetype>(at + 1, readSheet(stream, at, readUpTo(at), workbook, place, sink));
            read[at] = end;
            at = end;
            continue;
        }
        // Another substream (a chart or macro sheet, named by its sheet's record or here), stepped
        // over whole; a stray record, stepped over alone.
        RecordReader reader(stream, at);
        const std::optional<Record> record = reader.next();
        if (!record) {
            sink.skip(base, QStringLiteral("records after the sheets that cannot be read: read in part"));
            break;
        }
        if (record->type != BeginningOfFile) {
            at = reader.offset();
            continue;
        }
        const qsizetype end = substreamEnd(stream, at);
        if (end <= at) {
            // Its records do not end in order: what follows cannot be told apart.
            sink.skip(base, QStringLiteral("records after the sheets that do not end in order: read in part"));
            break;
        }
        if (!listed.contains(at))
            sink.skip(base, QStringLiteral("a chart or macro sheet the workbook does not list: not scanned"));
        at = end;
    }
}

} // namespace SendGuard::Extract
