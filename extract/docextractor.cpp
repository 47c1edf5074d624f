// SPDX-License-Identifier: GPL-2.0-or-later
#include "docextractor.h"

#include "compoundfile.h"
#include "compoundfileparts.h"
#include "textsink.h"
#include "wordtablerows.h"

#include <QString>
#include <QtEndian>

#include <array>
#include <optional>
#include <vector>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

constexpr quint16 WordIdent = 0xA5EC;
constexpr quint16 Word97 = 0x00C0; // nFib: Word 97 and later write 0x00C1 (a few betas 0x00C0)
constexpr quint16 Encrypted = 0x0100; // FibBase's fEncrypted (and fObfuscated, which needs it)
constexpr quint16 WhichTable = 0x0200; // fWhichTblStm: 1Table, else 0Table

// FibRgFcLcb97's pair of the piece table ([MS-DOC] 2.5.6): fcClx, lcbClx.
constexpr qsizetype ClxPair = 33;
// ... and of the paragraphs' properties: fcPlcfBtePapx, lcbPlcfBtePapx.
constexpr qsizetype PapxPair = 13;

// FibRgLw97's character counts of the stories, in the order their text follows the body's.
enum StoryCount { Body = 3, Footnotes, HeadersAndFooters, Macros, Comments, Endnotes, TextBoxes, HeaderTextBoxes };

std::optional<quint32> u32At(QByteArrayView data, qsizetype at)
{
    if (at < 0 || at > data.size() - 4)
        return std::nullopt;
    return qFromLittleEndian<quint32>(data.data() + at);
}
std::optional<quint16> u16At(QByteArrayView data, qsizetype at)
{
    if (at < 0 || at > data.size() - 2)
        return std::nullopt;
    return qFromLittleEndian<quint16>(data.data() + at);
}

// The characters 0x80-0x9F of code page 1252, in which Word keeps a piece of "compressed" text
// (one byte a character, [MS-DOC] 2.4.1); 0 where the code page has none (the byte's own value).
constexpr std::array<char16_t, 32> Cp1252High {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                               0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// A piece of the text: characters [cp, cp + count) at byte `offset` of the WordDocument stream.
struct Piece
{
    quint32 cp = 0;
    quint32 count = 0;
    qsizetype offset = 0;
    bool compressed = false;
};

// The piece table of a Clx ([MS-DOC] 2.9.38): the formatting (Prc) before it stepped over.
std::optional<std::vector<Piece>> readPieceTable(QByteArrayView clx, qsizetype wordSize, QString *error)
{
    qsizetype at = 0;
    while (at < clx.size() && clx[at] == 0x01) {
        const auto size = u16At(clx, at + 1);
        if (!size || qint16(*size) < 0) {
            *error = QStringLiteral("its piece table is cut short");
            return std::nullopt;
        }
        at += 3 + qint16(*size);
    }
    const auto size = u32At(clx, at + 1);
    if (at >= clx.size() || clx[at] != 0x02 || !size) {
        *error = QStringLiteral("no piece table");
        return std::nullopt;
    }
    const QByteArrayView table = clx.sliced(at + 5);
    // n + 1 character positions, then n descriptors of 8 bytes.
    if (*size > quint32(table.size()) || *size < 4 || (*size - 4) % 12 != 0) {
        *error = QStringLiteral("its piece table's size is wrong");
        return std::nullopt;
    }
    const qsizetype n = qsizetype(*size - 4) / 12;
    std::vector<Piece> pieces;
    pieces.reserve(std::size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        const quint32 cp = *u32At(table, 4 * i);
        const quint32 next = *u32At(table, 4 * (i + 1));
        const quint32 fc = *u32At(table, 4 * (n + 1) + 8 * i + 2);
        if (next < cp || cp != (pieces.empty() ? 0 : pieces.back().cp + pieces.back().count)) {
            *error = QStringLiteral("its pieces of text are out of order");
            return std::nullopt;
        }
        Piece piece {cp, next - cp, 0, bool(fc & 0x40000000)};
        piece.offset = piece.compressed ? qsizetype(fc & 0x3FFFFFFF) / 2 : qsizetype(fc & 0x3FFFFFFF);
        const qsizetype bytes = qsizetype(piece.count) * (piece.compressed ? 1 : 2);
        if (piece.offset > wordSize || bytes > wordSize - piece.offset) {
            *error = QStringLiteral("a piece of its text lies outside the document");
            return std::nullopt;
        }
        pieces.push_back(piece);
    }
    // Each character takes a byte of the document at least: pieces that say more repeat its bytes.
    if (!pieces.empty() && pieces.back().cp + quint64(pieces.back().count) > quint64(wordSize)) {
        *error = QStringLiteral("its pieces of text are longer than the document");
        return std::nullopt;
    }
    return pieces;
}

// A story's characters as the scanner reads them, and its fields' codes apart: a paragraph's end,
// a line or page break as a line break; a table's cell mark as a tab, its row's end as a line
// break; a field's result in the text where Word shows it, with nothing around it (a form's two
// fields for the halves of a number read as one), its code ("HYPERLINK …", "MERGEFIELD …") in a
// text of its own; a non-breaking hyphen as a hyphen; an optional hyphen, anchors of pictures and
// notes, and other controls left out.
class StoryText
{
public:
    // rowEnd: whether a cell mark (0x07) ends its row, when the paragraphs' properties say;
    // without them, a mark right after another is taken for a row's end.
    void append(char16_t c, std::optional<bool> rowEnd)
    {
        switch (c) {
        case 0x13: // a field's start: its code follows
            m_fields.push_back(true);
            ++m_inCode;
            return;
        case 0x14: // its result follows
            if (!m_fields.empty() && m_fields.back()) {
                m_fields.back() = false;
                --m_inCode;
                m_codes += QLatin1Char(' ');
            }
            return;
        case 0x15: // its end
            if (!m_fields.empty()) {
                if (m_fields.back())
                    --m_inCode;
                m_fields.pop_back();
                m_codes += QLatin1Char(' ');
            }
            return;
        default:
            break;
        }
        QString &text = m_inCode > 0 ? m_codes : m_text;
        switch (c) {
        case 0x0D:
        case 0x0B:
        case 0x0C:
        case 0x0E:
            text += QLatin1Char('\n');
            break;
        case 0x07:
            if (rowEnd.value_or(m_lastWasCellMark)) {
                if (text.endsWith(QLatin1Char('\t')))
                    text.chop(1);
                text += QLatin1Char('\n');
                m_lastWasCellMark = false;
                return;
            }
            text += QLatin1Char('\t');
            m_lastWasCellMark = true;
            return;
        case 0x1E:
            text += QLatin1Char('-');
            break;
        case 0x09:
            text += QLatin1Char('\t');
            break;
        default:
            if (c >= 0x20)
                text += QChar(c);
        }
        m_lastWasCellMark = false;
    }
    const QString &text() const { return m_text; }
    const QString &codes() const { return m_codes; }

private:
    QString m_text;
    QString m_codes;
    std::vector<bool> m_fields; // the fields open, inner last: true while in its code
    qsizetype m_inCode = 0; // how many of them are in their code
    bool m_lastWasCellMark = false;
};

// Adds a story's text, and its fields' codes as a note beside it.
void addStory(const StoryText &story, const Core::TextPlace &place, TextSink &sink)
{
    if (!story.text().trimmed().isEmpty())
        sink.add(place, story.text());
    if (!story.codes().trimmed().isEmpty())
        sink.add(place.then(Kind::Note), story.codes());
}

} // namespace

void DocExtractor::extract(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink,
                           const NestedFileReader &readEmbedded)
{
    if (!extractDocument(file, QString(), base, sink))
        return;
    // Data holds pictures and form fields' settings; the other table stream is an older save's.
    CompoundFileParts::readOthers(
        file,
        {QStringLiteral("WordDocument"), QStringLiteral("0Table"), QStringLiteral("1Table"), QStringLiteral("Data")},
        base, sink, readEmbedded);
}

bool DocExtractor::extractDocument(const CompoundFile &file, const QString &storage, const Core::TextPlace &base,
                                   TextSink &sink)
{
    QString error;
    const auto word = file.stream(storage + QStringLiteral("WordDocument"), sink.limits().maxEntryBytes, &error);
    if (!word) {
        sink.skip(base, QStringLiteral("not a readable Word document (%1): not scanned").arg(error));
        return false;
    }
    const auto ident = u16At(*word, 0);
    const auto nFib = u16At(*word, 2);
    const auto flags = u16At(*word, 0x0A);
    if (!ident || *ident != WordIdent || !nFib || !flags) {
        sink.skip(base, QStringLiteral("not a readable Word document (no file information block): not scanned"));
        return false;
    }
    if (*nFib < Word97) {
        sink.skip(base, QStringLiteral("a Word document older than Word 97 (Word 6.0/95): not scanned"));
        return false;
    }
    if (*flags & Encrypted) {
        sink.skip(base, QStringLiteral("encrypted (a Word document with a password): not scanned"));
        return false;
    }
    const QString tableName = storage + ((*flags & WhichTable) ? QStringLiteral("1Table") : QStringLiteral("0Table"));
    const auto table = file.stream(tableName, sink.limits().maxEntryBytes, &error);
    if (!table) {
        sink.skip(base, QStringLiteral("not a readable Word document (%1): not scanned").arg(error));
        return false;
    }
    if (!sink.takeInflated(word->size() + table->size())) {
        sink.skip(base, sink.incomplete());
        return false;
    }
    // Pictures and large paragraph properties; a document may have none.
    const auto data = file.stream(storage + QStringLiteral("Data"), sink.limits().maxEntryBytes, &error);
    extractText(*word, *table, base, sink, data.value_or(QByteArray()));
    return true;
}

void DocExtractor::extractText(const QByteArray &wordDocument, const QByteArray &table, const Core::TextPlace &base,
                               TextSink &sink, const QByteArray &data)
{
    const auto unreadable = [&](const QString &why) {
        sink.skip(base, QStringLiteral("not a readable Word document (%1): not scanned").arg(why));
    };
    // The FIB: FibBase (32 bytes), then three arrays, each after its count ([MS-DOC] 2.5.1).
    const auto csw = u16At(wordDocument, 0x20);
    const qsizetype lwAt = 0x22 + 2 * qsizetype(csw.value_or(0));
    const auto cslw = u16At(wordDocument, lwAt);
    const qsizetype pairsCountAt = lwAt + 2 + 4 * qsizetype(cslw.value_or(0));
    const auto pairs = u16At(wordDocument, pairsCountAt);
    if (!csw || !cslw || !pairs || *cslw <= HeaderTextBoxes || *pairs <= ClxPair) {
        unreadable(QStringLiteral("its file information block is cut short"));
        return;
    }
    const auto fcClx = u32At(wordDocument, pairsCountAt + 2 + 8 * ClxPair);
    const auto lcbClx = u32At(wordDocument, pairsCountAt + 2 + 8 * ClxPair + 4);
    if (!fcClx || !lcbClx || *fcClx > quint32(table.size()) || *lcbClx > quint32(table.size()) - *fcClx) {
        unreadable(QStringLiteral("its piece table lies outside its table stream"));
        return;
    }
    // A template's AutoText entries are a second document after the first ([MS-DOC] FibBase.pnNext).
    if (const auto pnNext = u16At(wordDocument, 0x08); pnNext && *pnNext != 0)
        sink.skip(base, QStringLiteral("the AutoText entries of a template: not scanned"));
    // The paragraphs' properties, for where a table's rows end; without them, guessed.
    std::optional<WordTableRows> rows;
    const auto fcPapx = u32At(wordDocument, pairsCountAt + 2 + 8 * PapxPair);
    const auto lcbPapx = u32At(wordDocument, pairsCountAt + 2 + 8 * PapxPair + 4);
    if (fcPapx && lcbPapx && *fcPapx <= quint32(table.size()) && *lcbPapx <= quint32(table.size()) - *fcPapx)
        rows = WordTableRows::read(wordDocument, QByteArrayView(table).sliced(qsizetype(*fcPapx), qsizetype(*lcbPapx)),
                                   data);
    QString error;
    const auto pieces = readPieceTable(QByteArrayView(table).sliced(qsizetype(*fcClx), qsizetype(*lcbClx)),
                                       wordDocument.size(), &error);
    if (!pieces) {
        unreadable(error);
        return;
    }

    // The stories follow one another in the character positions, the body's first.
    struct Story
    {
        StoryCount count;
        Kind kind;
    };
    static constexpr std::array<Story, 8> stories {{{Body, Kind::Section},
                                                    {Footnotes, Kind::Footnote},
                                                    {HeadersAndFooters, Kind::Header},
                                                    {Macros, Kind::Note},
                                                    {Comments, Kind::Comment},
                                                    {Endnotes, Kind::Endnote},
                                                    {TextBoxes, Kind::TextBox},
                                                    {HeaderTextBoxes, Kind::TextBox}}};
    const qsizetype lengthsAt = lwAt + 2;
    quint64 storyEnd = 0;
    auto piece = pieces->begin();
    quint32 cp = 0;
    // The next character, and whether it ends a table's row (known for a cell mark only).
    const auto nextCharacter = [&]() -> std::optional<std::pair<char16_t, std::optional<bool>>> {
        while (piece != pieces->end() && cp >= piece->cp + piece->count)
            ++piece;
        if (piece == pieces->end())
            return std::nullopt;
        const qsizetype index = qsizetype(cp - piece->cp);
        ++cp;
        const qsizetype offset = piece->offset + index * (piece->compressed ? 1 : 2);
        char16_t c = 0;
        if (piece->compressed) {
            const auto byte = uchar(wordDocument[offset]);
            c = byte >= 0x80 && byte < 0xA0 && Cp1252High[byte - 0x80] ? Cp1252High[byte - 0x80] : char16_t(byte);
        } else {
            c = qFromLittleEndian<char16_t>(wordDocument.constData() + offset);
        }
        std::optional<bool> rowEnd; // unknown: guessed
        if (c == 0x07 && rows)
            rowEnd = rows->endsRowAt(offset);
        return std::pair {c, rowEnd};
    };
    for (const Story &story : stories) {
        const quint32 length = *u32At(wordDocument, lengthsAt + 4 * story.count);
        if (qint32(length) < 0) {
            unreadable(QStringLiteral("a story's length is negative"));
            return;
        }
        storyEnd += length;
        StoryText text;
        bool cut = false;
        while (cp < storyEnd) {
            const auto c = nextCharacter();
            if (!c) {
                cut = true;
                break;
            }
            text.append(c->first, c->second);
        }
        addStory(text, story.kind == Kind::Section ? base : base.then(story.kind), sink);
        if (cut) {
            sink.skip(base, QStringLiteral("the document's text is shorter than its stories say: read in part"));
            return;
        }
        if (sink.full())
            return;
    }
    // After the stories Word keeps a last paragraph's end; more text there is read all the same.
    StoryText rest;
    while (const auto c = nextCharacter())
        rest.append(c->first, c->second);
    addStory(rest, base, sink);
}

} // namespace SendGuard::Extract
