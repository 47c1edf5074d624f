// SPDX-License-Identifier: GPL-2.0-or-later
#include "pptextractor.h"

#include "compoundfile.h"
#include "compoundfileparts.h"
#include "rawinflater.h"
#include "textsink.h"

#include <QHash>
#include <QString>
#include <QtEndian>

#include <algorithm>

#include <array>
#include <optional>
#include <vector>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;
using Step = Core::TextPlace::Step;

// The record types read ([MS-PPT] 2.13.24).
enum RecordType : quint16 {
    SlideContainer = 0x03EE,
    NotesContainer = 0x03F0,
    NotesAtom = 0x03F1,
    SlidePersist = 0x03F3,
    TextChars = 0x0FA0,
    TextBytes = 0x0FA8,
    CString = 0x0FBA,
    SlideListWithText = 0x0FF0,
    ExternalOleObjectStorage = 0x1011,
    PersistDirectory = 0x1772,
    CryptSession = 0x2F14,
    BinaryTagData = 0x138B, // a program's tag's data: PowerPoint 2002's (___PPT10) holds the comments
    ShapeProperties = 0xF00B, // OfficeArtFOPT, and its secondary and tertiary lists
    SecondaryShapeProperties = 0xF121,
    TertiaryShapeProperties = 0xF122,
};

// Shape properties that hold text: WordArt's (gtextUNICODE), a shape's name and alternative text.
constexpr std::array<quint16, 3> TextProperties {0x00C0, 0x0380, 0x0381};

constexpr int MaxDepth = 32; // containers nest a few levels; a file that nests more lies
constexpr qsizetype HeaderSize = 8;

struct Header
{
    quint16 version = 0; // 0xF: a container
    quint16 instance = 0;
    quint16 type = 0;
    quint32 length = 0;
};

Header headerAt(QByteArrayView data, qsizetype at)
{
    const quint16 versionAndInstance = qFromLittleEndian<quint16>(data.data() + at);
    return {quint16(versionAndInstance & 0xF), quint16(versionAndInstance >> 4),
            qFromLittleEndian<quint16>(data.data() + at + 2), qFromLittleEndian<quint32>(data.data() + at + 4)};
}

// Where each persist object lies, by the persist directories ([MS-PPT] 2.3.4): a later save's
// entry replaces an earlier one's.
QHash<quint32, qsizetype> persistOffsets(QByteArrayView stream)
{
    QHash<quint32, qsizetype> offsets;
    for (qsizetype at = 0; at + HeaderSize <= stream.size();) {
        const Header header = headerAt(stream, at);
        if (header.length > quint64(stream.size() - at - HeaderSize))
            break;
        if (header.type == PersistDirectory) {
            const QByteArrayView entries = stream.sliced(at + HeaderSize, header.length);
            for (qsizetype e = 0; e + 4 <= entries.size();) {
                const quint32 word = qFromLittleEndian<quint32>(entries.data() + e);
                const quint32 first = word & 0xFFFFF;
                const qsizetype count = qsizetype(word >> 20);
                e += 4;
                for (qsizetype i = 0; i < count && e + 4 <= entries.size(); ++i, e += 4)
                    offsets.insert(first + quint32(i), qsizetype(qFromLittleEndian<quint32>(entries.data() + e)));
            }
        }
        at += HeaderSize + header.length;
    }
    return offsets;
}

// The walk of the records: what the text found is placed on.
class RecordWalk
{
public:
    RecordWalk(QByteArrayView stream, const Core::TextPlace &base, TextSink &sink, const NestedFileReader &readEmbedded)
        : m_stream(stream)
        , m_base(base)
        , m_sink(sink)
        , m_readEmbedded(readEmbedded)
    {
    }

    void run()
    {
        // The slides and notes the slide lists name, by where their containers lie.
        const QHash<quint32, qsizetype> persist = persistOffsets(m_stream);
        m_slideLists = true;
        walk(0, m_stream.size(), 0, std::nullopt);
        for (auto &[persistId, place] : m_persistPlaces) {
            const auto offset = persist.find(persistId);
            if (offset == persist.end())
                continue;
            // A notes page is the notes of the slide its NotesAtom names, whatever its place in
            // the list (slides without notes have no page).
            if (place.kind == Kind::Notes) {
                if (const auto slide = notesSlide(offset.value()))
                    m_notesNumbers.insert(place.value, *slide);
                place.value = m_notesNumbers.value(place.value, place.value);
            }
            m_placeAt.insert(offset.value(), place);
        }
        m_slideLists = false;
        walk(0, m_stream.size(), 0, std::nullopt);
    }

private:
    // Pass one (m_slideLists): the slide lists' text, and the persist objects they name; pass
    // two: every other text, placed on the slide whose container holds it.
    void walk(qsizetype from, qsizetype to, int depth, const std::optional<Step> &place)
    {
        if (depth > MaxDepth) {
            if (!m_slideLists)
                m_sink.skip(m_base, QStringLiteral("records nested more than %1 deep: read in part").arg(MaxDepth));
            return;
        }
        for (qsizetype at = from; at < to && !m_sink.full();) {
            if (to - at < HeaderSize) {
                if (!m_slideLists)
                    m_sink.skip(m_base, QStringLiteral("a record cut short: read in part"));
                return;
            }
            const Header header = headerAt(m_stream, at);
            const qsizetype body = at + HeaderSize;
            if (header.length > quint64(to - body)) {
                if (!m_slideLists)
                    m_sink.skip(m_base, QStringLiteral("a record longer than what holds it: read in part"));
                return;
            }
            const qsizetype end = body + qsizetype(header.length);
            std::optional<Step> here = place;
            if (depth == 0 && m_placeAt.contains(at))
                here = m_placeAt.value(at);
            if (header.type == SlideListWithText && header.version == 0xF) {
                walkSlideList(body, end, depth + 1, header.instance);
            } else if (header.type == CryptSession) {
                if (!m_slideLists)
                    m_sink.skip(m_base, QStringLiteral("encrypted (a presentation with a password): not scanned"));
                return;
            } else if (header.type == ExternalOleObjectStorage) {
                if (!m_slideLists)
                    readObject(header, body);
            } else if (header.version == 0xF) {
                walk(body, end, depth + 1, here);
            } else if (header.type == BinaryTagData) {
                // Records, though not marked a container; another program's tag may hold anything,
                // which PowerPoint does not show.
                if (isRecordSequence(body, end))
                    walk(body, end, depth + 1, here);
            } else if (!m_slideLists) {
                addText(header, body, here);
            }
            at = end;
        }
    }

    // A slide list: each SlidePersistAtom starts the text of the next slide (instance 0), master
    // (1) or notes page (2).
    void walkSlideList(qsizetype from, qsizetype to, int depth, quint16 instance)
    {
        int number = 0;
        std::optional<Step> place;
        for (qsizetype at = from; at + HeaderSize <= to && !m_sink.full();) {
            const Header header = headerAt(m_stream, at);
            const qsizetype body = at + HeaderSize;
            if (header.length > quint64(to - body))
                return; // said in the second pass, by walk()
            if (header.type == SlidePersist && header.length >= 4) {
                ++number;
                place = instance == 0 ? Step {Kind::Slide, QString::number(number)}
                    : instance == 2
                    ? Step {Kind::Notes, m_notesNumbers.value(QString::number(number), QString::number(number))}
                    : Step {Kind::Slide, QStringLiteral("master %1").arg(number)};
                if (m_slideLists) {
                    m_persistPlaces.push_back({qFromLittleEndian<quint32>(m_stream.data() + body), *place});
                    if (instance == 0 && header.length >= 16) // its slideId, which a notes page names
                        m_slideNumbers.insert(qFromLittleEndian<quint32>(m_stream.data() + body + 12), number);
                }
            } else if (!m_slideLists && header.version != 0xF) {
                addText(header, body, place);
            } else if (!m_slideLists) {
                walk(body, body + qsizetype(header.length), depth + 1, place);
            }
            at = body + qsizetype(header.length);
        }
    }

    // The number of the slide whose notes the NotesContainer at `offset` holds: its NotesAtom's
    // slideIdRef ([MS-PPT] 2.5.3), as the slide list numbered that slide.
    std::optional<QString> notesSlide(qsizetype offset) const
    {
        if (offset < 0 || offset > m_stream.size() - HeaderSize)
            return std::nullopt;
        const Header notes = headerAt(m_stream, offset);
        if (notes.type != NotesContainer || notes.length > quint64(m_stream.size() - offset - HeaderSize))
            return std::nullopt;
        const qsizetype end = offset + HeaderSize + qsizetype(notes.length);
        for (qsizetype at = offset + HeaderSize; end - at >= HeaderSize;) {
            const Header header = headerAt(m_stream, at);
            if (header.length > quint64(end - at - HeaderSize))
                break;
            if (header.type == NotesAtom && header.length >= 4) {
                const auto slide = m_slideNumbers.find(qFromLittleEndian<quint32>(m_stream.data() + at + HeaderSize));
                return slide == m_slideNumbers.end() ? std::nullopt : std::optional(QString::number(slide.value()));
            }
            at += HeaderSize + qsizetype(header.length);
        }
        return std::nullopt;
    }

    // An embedded object's storage ([MS-PPT] ExOleObjStg): a compound file, as it is (instance 0)
    // or compressed (1: its size, then zlib), read as the file it is (a worksheet pasted on a slide).
    void readObject(const Header &header, qsizetype body)
    {
        const Core::TextPlace place = m_base.then(Kind::Entry, QStringLiteral("embedded object %1").arg(++m_objects));
        const QByteArrayView data = m_stream.sliced(body, header.length);
        if (header.instance != 1) {
            m_readEmbedded(data.toByteArray(), QStringLiteral("embedded object"), place);
            return;
        }
        // zlib's two bytes (deflate, no preset dictionary, their check), then raw deflate.
        const bool zlib = data.size() >= 6 && (uchar(data[4]) & 0x0F) == 8 && !(uchar(data[5]) & 0x20) &&
            (uchar(data[4]) * 256 + uchar(data[5])) % 31 == 0;
        QByteArray object;
        QString error;
        if (!zlib ||
            !RawInflater::inflateBlocks(data.sliced(6).toByteArray(), m_sink, &error, [&](QByteArrayView block) {
                object += block;
                return true;
            })) {
            m_sink.skip(place,
                        QStringLiteral("an embedded object that cannot be inflated (%1): not scanned")
                            .arg(zlib ? error : QStringLiteral("no zlib header")));
            return;
        }
        m_readEmbedded(object, QStringLiteral("embedded object"), place);
    }

    // Whether [from, to) is records end to end, each length within it.
    bool isRecordSequence(qsizetype from, qsizetype to) const
    {
        qsizetype at = from;
        while (to - at >= HeaderSize) {
            const Header header = headerAt(m_stream, at);
            if (header.length > quint64(to - at - HeaderSize))
                return false;
            at += HeaderSize + qsizetype(header.length);
        }
        return at == to;
    }

    // A shape's properties ([MS-ODRAW] OfficeArtFOPT): `instance` entries of six bytes, then the
    // complex ones' data in their order; the text ones read as UTF-16 to their NUL.
    static QString shapePropertyText(QByteArrayView data, quint16 count)
    {
        QString text;
        qsizetype complexAt = 6 * qsizetype(count);
        if (complexAt > data.size())
            return text;
        for (qsizetype i = 0; i < count; ++i) {
            const quint16 id = qFromLittleEndian<quint16>(data.data() + 6 * i);
            const quint32 size = qFromLittleEndian<quint32>(data.data() + 6 * i + 2);
            if (!(id & 0x8000))
                continue;
            if (size > quint64(data.size() - complexAt))
                break;
            if (std::find(TextProperties.begin(), TextProperties.end(), id & 0x3FFF) != TextProperties.end()) {
                for (qsizetype c = 0; c + 1 < qsizetype(size); c += 2) {
                    const char16_t unit = qFromLittleEndian<char16_t>(data.data() + complexAt + c);
                    if (unit == 0)
                        break;
                    text += QChar(unit);
                }
                text += QLatin1Char('\n');
            }
            complexAt += qsizetype(size);
        }
        return text;
    }

    void addText(const Header &header, qsizetype body, const std::optional<Step> &slide)
    {
        const Core::TextPlace place = slide ? m_base.then(slide->kind, slide->value) : m_base;
        const QByteArrayView data = m_stream.sliced(body, header.length);
        QString text;
        if (header.type == ShapeProperties || header.type == SecondaryShapeProperties ||
            header.type == TertiaryShapeProperties) {
            text = shapePropertyText(data, header.instance);
        } else if (header.type == TextChars || header.type == CString) {
            text.resize(data.size() / 2);
            for (qsizetype i = 0; i < text.size(); ++i)
                text[i] = QChar(qFromLittleEndian<quint16>(data.data() + 2 * i));
        } else if (header.type == TextBytes) {
            text = QString::fromLatin1(data); // each byte a UTF-16 character's low byte
        } else {
            return;
        }
        // A paragraph ends in a carriage return, a line break within one is a vertical tab.
        text.replace(QLatin1Char('\r'), QLatin1Char('\n')).replace(QChar(0x0B), QLatin1Char('\n'));
        // A program's tag's name ("___PPT10") is no text of the presentation.
        if (!text.trimmed().isEmpty() && !(header.type == CString && text.startsWith(QLatin1String("___PPT"))))
            m_sink.add(place, text);
    }

    QByteArrayView m_stream;
    Core::TextPlace m_base;
    TextSink &m_sink;
    const NestedFileReader &m_readEmbedded;
    bool m_slideLists = true;
    int m_objects = 0;
    std::vector<std::pair<quint32, Step>> m_persistPlaces; // persist id -> its slide
    QHash<qsizetype, Step> m_placeAt; // a top-level container's offset -> its slide
    QHash<quint32, int> m_slideNumbers; // a slide's slideId -> its number
    QHash<QString, QString> m_notesNumbers; // a notes page's place in its list -> its slide's number
};

} // namespace

void PptExtractor::extract(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink,
                           const NestedFileReader &readEmbedded)
{
    // With a password every record is encrypted, headers too: the Current User stream says so
    // (CurrentUserAtom's headerToken, [MS-PPT] 2.3.2), EncryptedSummary when a program writes it.
    QString error;
    const auto currentUser = file.stream(QStringLiteral("Current User"), 4096, &error);
    constexpr quint32 EncryptedToken = 0xF3D1C4DF;
    if (file.streams().contains(QStringLiteral("EncryptedSummary")) ||
        (currentUser && currentUser->size() >= 16 &&
         qFromLittleEndian<quint32>(currentUser->constData() + 12) == EncryptedToken)) {
        sink.skip(base, QStringLiteral("encrypted (a presentation with a password): not scanned"));
        return;
    }
    const auto stream = file.stream(QStringLiteral("PowerPoint Document"), sink.limits().maxEntryBytes, &error);
    if (!stream) {
        sink.skip(base, QStringLiteral("not a readable PowerPoint presentation (%1): not scanned").arg(error));
        return;
    }
    if (!sink.takeInflated(stream->size())) {
        sink.skip(base, sink.incomplete());
        return;
    }
    extractDocument(*stream, base, sink, readEmbedded);
    // Current User points at the last save; Pictures holds pictures only.
    CompoundFileParts::readOthers(
        file, {QStringLiteral("PowerPoint Document"), QStringLiteral("Current User"), QStringLiteral("Pictures")}, base,
        sink, readEmbedded);
}

void PptExtractor::extractDocument(const QByteArray &stream, const Core::TextPlace &base, TextSink &sink,
                                   const NestedFileReader &readEmbedded)
{
    RecordWalk(stream, base, sink, readEmbedded).run();
}

} // namespace SendGuard::Extract
