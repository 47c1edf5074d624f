// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Word 97-2003 documents written from [MS-DOC] for tests: a file information block (FIB) as Word
// 97 writes it, the text in pieces (two bytes a character, or one, "compressed", in code page
// 1252), the piece table in the 1Table stream, and the compound file around them.

#include "documentfiles.h"
#include "xlsfiles.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <algorithm>
#include <array>

namespace SendGuard::Tests {

struct DocPiece
{
    QByteArray bytes; // as the WordDocument stream holds them
    bool compressed = false;

    // Two bytes a character. DocRowEnd stands for a table row's own end mark: written as the
    // cell mark 0x07 it is, its paragraph's properties saying it ends the row.
    static DocPiece unicode(const QString &text)
    {
        QByteArray bytes;
        for (const QChar c : text)
            bytes += xlsU16(c.unicode());
        return {bytes, false};
    }
    // Code page 1252, a byte a character: `latin1` as Word writes it (0x96 an en dash).
    static DocPiece compressedBytes(const QByteArray &latin1) { return {latin1, true}; }
    qsizetype count() const { return compressed ? bytes.size() : bytes.size() / 2; }
};

// The characters of each story, in FibRgLw97's order: body, footnotes, headers and footers,
// macros, comments, endnotes, text boxes, text boxes of headers.
using DocStoryLengths = std::array<quint32, 8>;

struct DocStreams
{
    QByteArray wordDocument;
    QByteArray table; // 1Table
};

constexpr char16_t DocRowEnd = 0xE007; // in a test's text: the mark that ends a table's row
constexpr quint16 DocWhichTable = 0x0200; // fWhichTblStm: the table stream is 1Table
constexpr quint16 DocExtChar = 0x1000; // fExtChar, which Word 97 sets always
constexpr quint16 DocEncrypted = 0x0100;

// The two streams of a document whose text is `pieces`, one after another.
inline DocStreams docStreams(const QList<DocPiece> &pieces, const DocStoryLengths &lengths,
                             quint16 flags = DocWhichTable | DocExtChar, quint16 nFib = 0x00C1)
{
    constexpr qsizetype Pairs = 93; // FibRgFcLcb97
    constexpr qsizetype TextAt = 1024;
    QByteArray text;
    QByteArray descriptors;
    QByteArray positions = xlsU32(0);
    quint32 cp = 0;
    for (const DocPiece &piece : pieces) {
        const quint32 fc = quint32(TextAt + text.size());
        descriptors += xlsU16(0) + xlsU32(piece.compressed ? (fc * 2) | 0x40000000u : fc) + xlsU16(0);
        text += piece.bytes;
        cp += quint32(piece.count());
        positions += xlsU32(cp);
    }
    const QByteArray plcPcd = positions + descriptors;
    const QByteArray clx = char(0x02) + xlsU32(quint32(plcPcd.size())) + plcPcd;

    // The paragraphs, each ended by a paragraph or cell mark, and the row ends among them: the
    // row ends' placeholders written as the cell mark they are.
    QList<std::pair<qsizetype, bool>> paragraphEnds; // (offset after the mark, ends a row)
    for (qsizetype at = 0, piece = 0, pieceEnd = pieces.isEmpty() ? 0 : pieces[0].bytes.size(); at < text.size();) {
        while (piece + 1 < pieces.size() && at >= pieceEnd)
            pieceEnd += pieces[++piece].bytes.size();
        const qsizetype width = pieces[piece].compressed ? 1 : 2;
        const char16_t c = width == 1 ? char16_t(uchar(text[at])) : qFromLittleEndian<char16_t>(text.constData() + at);
        if (c == DocRowEnd)
            qToLittleEndian<char16_t>(0x0007, text.data() + at);
        if (c == 0x0D || c == 0x07 || c == DocRowEnd)
            paragraphEnds.append({TextAt + at + width, c == DocRowEnd});
        at += width;
    }
    // Their properties in FKP pages after the text ([MS-DOC] 2.9.175), twenty runs a page: a row
    // end's (sprmPFInTable, sprmPFTtp) near the page's end, the others none; PlcBtePapx lists the
    // pages in the table stream.
    QByteArray pagesBytes;
    QByteArray plcFcs;
    QByteArray plcPages;
    const qsizetype pagesAt = (TextAt + text.size() + 511) / 512 * 512;
    qsizetype runStart = TextAt;
    for (qsizetype first = 0; first < paragraphEnds.size(); first += 20) {
        const qsizetype runs = std::min<qsizetype>(20, paragraphEnds.size() - first);
        QByteArray page(512, '\0');
        plcFcs += xlsU32(quint32(runStart));
        plcPages += xlsU32(quint32((pagesAt + pagesBytes.size()) / 512));
        qToLittleEndian<quint32>(quint32(runStart), page.data());
        const QByteArray rowEnd =
            QByteArray("\x00\x04\x00\x00", 4) + xlsU16(0x2416) + char(1) + xlsU16(0x2417) + char(1);
        page.replace(480, rowEnd.size(), rowEnd);
        for (qsizetype run = 0; run < runs; ++run) {
            const auto &[end, endsRow] = paragraphEnds[first + run];
            qToLittleEndian<quint32>(quint32(end), page.data() + 4 * (run + 1));
            page[4 * (runs + 1) + 13 * run] = char(endsRow ? 480 / 2 : 0);
            runStart = end;
        }
        page[511] = char(runs);
        pagesBytes += page;
    }
    plcFcs += xlsU32(quint32(runStart));
    const QByteArray plcBtePapx = paragraphEnds.isEmpty() ? QByteArray() : plcFcs + plcPages;

    // FibBase; at 0x18 and 0x1C where the text starts and ends, which Word 97 still writes (fcMin,
    // fcMac) and older readers go by.
    QByteArray fib = xlsU16(0xA5EC) + xlsU16(nFib) + xlsU16(0) + xlsU16(0x0412) + xlsU16(0) + xlsU16(flags) +
        xlsU16(0x00BF) + QByteArray(0x18 - 14, '\0') + xlsU32(quint32(TextAt)) + xlsU32(quint32(TextAt + text.size()));
    fib += xlsU16(14) + QByteArray(28, '\0');
    QByteArray longs = xlsU32(quint32(TextAt + text.size())) + xlsU32(0) + xlsU32(0);
    for (const quint32 length : lengths)
        longs += xlsU32(length);
    longs += QByteArray(88 - longs.size(), '\0');
    fib += xlsU16(22) + longs;
    QByteArray fcLcb(Pairs * 8, '\0');
    fcLcb.replace(33 * 8, 8, xlsU32(0) + xlsU32(quint32(clx.size())));
    fcLcb.replace(13 * 8, 8, xlsU32(quint32(clx.size())) + xlsU32(quint32(plcBtePapx.size())));
    fib += xlsU16(quint16(Pairs)) + fcLcb + xlsU16(0);
    fib += QByteArray(TextAt - fib.size(), '\0');
    // Word pads its stream past the mini stream's cutoff: it always lies in the file's own sectors.
    QByteArray stream = fib + text;
    stream += QByteArray(pagesAt - stream.size(), '\0') + pagesBytes;
    if (stream.size() < 4096)
        stream += QByteArray(4096 - stream.size(), '\0');
    return {stream, clx + plcBtePapx};
}

// A document of these stories, each a paragraph or more ending in "\r", in Unicode pieces: Word's
// own last paragraph mark after them when there is more than the body.
inline DocStreams docStreams(const QStringList &stories)
{
    DocStoryLengths lengths {};
    QString text;
    for (qsizetype i = 0; i < stories.size() && i < 8; ++i) {
        lengths[std::size_t(i)] = quint32(stories[i].size());
        text += stories[i];
    }
    if (stories.size() > 1)
        text += QLatin1Char('\r');
    return docStreams({DocPiece::unicode(text)}, lengths);
}

inline QByteArray doc(const DocStreams &streams, const Entries &more = {})
{
    // Its class (CompObj) and properties, as Word writes them beside the document.
    Entries entries {{QStringLiteral("\x01"
                                     "CompObj"),
                      QByteArray(64, '\1')},
                     {QStringLiteral("\x05SummaryInformation"),
                      summaryInformation(QByteArray("application"), QStringLiteral("작성자"))},
                     {QStringLiteral("WordDocument"), streams.wordDocument},
                     {QStringLiteral("1Table"), streams.table}};
    entries += more;
    return compoundFile(entries);
}

} // namespace SendGuard::Tests
