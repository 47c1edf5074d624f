// SPDX-License-Identifier: GPL-2.0-or-later
#include "xlsextractor.h"

#include "compoundfile.h"
#include "spreadsheetextractor.h"
#include "textsink.h"

#include <QHash>
#include <QLocale>
#include <QtEndian>

#include <bit>
#include <cstring>
#include <optional>
#include <vector>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

// The record types read ([MS-XLS] 2.3).
enum RecordType : quint16 {
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
};

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
    RecordReader(const QByteArray &stream, qsizetype at)
        : m_stream(stream)
        , m_at(at)
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

private:
    bool header(quint16 *type, quint16 *size)
    {
        if (m_at + 4 > m_stream.size()) {
            m_broken = m_broken || m_at < m_stream.size();
            return false;
        }
        *type = u16(m_stream, m_at);
        *size = u16(m_stream, m_at + 2);
        if (m_at + 4 + *size > m_stream.size()) {
            m_broken = true;
            return false;
        }
        return true;
    }

    const QByteArray &m_stream;
    qsizetype m_at;
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
            return true;
        default:
            break;
        }
    }
    if (reader.broken())
        sink.skip(base, QStringLiteral("a record runs past the end of the workbook's globals"));
    return true;
}

// One worksheet's cells, headers, footers, comments and text boxes.
void readSheet(const QByteArray &stream, const Sheet &sheet, const Workbook &workbook, const Core::TextPlace &place,
               TextSink &sink)
{
    RecordReader reader(stream, sheet.offset);
    const std::optional<Record> first = sheet.offset < quint32(stream.size()) ? reader.next() : std::nullopt;
    if (!first || first->type != BeginningOfFile) {
        sink.skip(place, QStringLiteral("the sheet is not where the workbook says: not scanned"));
        return;
    }
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
    int embedded = 0; // the substreams inside the sheet (a chart drawn on it), passed over
    while (const std::optional<Record> record = reader.next()) {
        if (sink.full())
            return;
        const QByteArrayView data = record->data;
        if (record->type == BeginningOfFile) {
            ++embedded;
            continue;
        }
        if (record->type == EndOfFile) {
            if (embedded-- == 0)
                break;
            continue;
        }
        if (embedded > 0)
            continue;
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
        case Number:
            if (data.size() >= 14)
                addNumber(cell(data), u16(data, 4), std::bit_cast<double>(qFromLittleEndian<quint64>(data.data() + 6)));
            break;
        case Rk:
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
    // A comment by the cell it is on ("Sheet1 › comment B3"), as an XLSX's; a text box by its order.
    int boxes = 0;
    for (const auto &[id, text] : texts) {
        const QString on = notes.value(id);
        sink.addUtf8(on.isEmpty() ? place.then(Kind::TextBox, QString::number(++boxes)) : place.then(Kind::Comment, on),
                     text);
    }
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

void XlsExtractor::extract(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink)
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
}

void XlsExtractor::extractWorkbook(const QByteArray &stream, const Core::TextPlace &base, TextSink &sink)
{
    Workbook workbook;
    if (!readGlobals(stream, base, sink, workbook))
        return;
    for (const Sheet &sheet : workbook.sheets) {
        if (sink.full())
            return;
        const Core::TextPlace place = base.then(Kind::Sheet, sheet.name);
        sink.add(place.then(Kind::Name), sheet.name); // the tab shows it
        if (sheet.type == 0)
            readSheet(stream, sheet, workbook, place, sink);
        else
            sink.skip(place,
                      sheet.type == 2 ? QStringLiteral("a chart sheet: not scanned")
                                      : QStringLiteral("a macro sheet or module: not scanned"));
    }
}

} // namespace SendGuard::Extract
