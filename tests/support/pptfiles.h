// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// PowerPoint 97-2003 presentations written from [MS-PPT] for tests: records (an 8-byte header:
// version and instance, type, length), the slide lists' text, slides' drawings with their own text
// boxes, the persist directory that says where each slide lies, and the compound file around the
// "PowerPoint Document" stream.

#include "documentfiles.h"
#include "xlsfiles.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SendGuard::Tests {

enum PptRecord : quint16 {
    PptDocument = 0x03E8,
    PptSlide = 0x03EE,
    PptNotes = 0x03F0,
    PptNotesAtom = 0x03F1,
    PptSlidePersist = 0x03F3,
    PptTextHeader = 0x0F9F,
    PptTextChars = 0x0FA0,
    PptTextBytes = 0x0FA8,
    PptCString = 0x0FBA,
    PptSlideList = 0x0FF0,
    PptExternalOleObjectStorage = 0x1011,
    PptPersistDirectory = 0x1772,
    PptComment = 0x2EE0,
    PptCryptSession = 0x2F14,
    PptDrawing = 0x040C,
    PptClientTextbox = 0xF00D,
    PptProgTags = 0x1388,
    PptProgBinaryTag = 0x138A,
    PptBinaryTagData = 0x138B,
    PptShapeProperties = 0xF00B,
};

inline QByteArray pptRecord(quint16 type, const QByteArray &data, quint16 instance = 0, quint16 version = 0)
{
    return xlsU16(quint16((instance << 4) | version)) + xlsU16(type) + xlsU32(quint32(data.size())) + data;
}
inline QByteArray pptContainer(quint16 type, const QByteArray &children, quint16 instance = 0)
{
    return pptRecord(type, children, instance, 0xF);
}
inline QByteArray pptChars(const QString &text, quint16 type = PptTextChars, quint16 instance = 0)
{
    QByteArray bytes;
    for (const QChar c : text)
        bytes += xlsU16(c.unicode());
    return pptRecord(type, bytes, instance);
}
// A slide list's SlidePersistAtom: the persist object its text belongs to.
inline QByteArray pptSlidePersist(quint32 persistId)
{
    return pptRecord(PptSlidePersist, xlsU32(persistId) + xlsU32(0) + xlsU32(1) + xlsU32(256 + persistId) + xlsU32(0));
}
// Text as a slide list or a text box holds it: its header (the kind of text), then the characters.
inline QByteArray pptText(const QString &text)
{
    return pptRecord(PptTextHeader, xlsU32(1)) + pptChars(text);
}

// A comment on a slide where PowerPoint 2002 and later keep it: in the slide's "___PPT10" program
// tag, whose data record is records although not marked a container.
inline QByteArray pptComment(const QString &author, const QString &text)
{
    const QByteArray comment =
        pptContainer(PptComment, pptChars(author, PptCString, 0) + pptChars(text, PptCString, 1));
    return pptContainer(
        PptProgTags,
        pptContainer(PptProgBinaryTag,
                     pptChars(QStringLiteral("___PPT10"), PptCString) + pptRecord(PptBinaryTagData, comment)));
}
// A shape's properties ([MS-ODRAW] OfficeArtFOPT) with WordArt's text (gtextUNICODE, complex) and
// a plain property before it.
inline QByteArray pptWordArt(const QString &text)
{
    QByteArray utf16;
    for (const QChar c : text + QChar(0))
        utf16 += xlsU16(c.unicode());
    return pptRecord(PptShapeProperties,
                     xlsU16(0x0004) + xlsU32(0) + xlsU16(0x80C0) + xlsU32(quint32(utf16.size())) + utf16, 2, 3);
}

// A presentation stream: the document (its slide lists), then each slide's container and each
// notes page's, then the persist directory saying where persist ids 1, 2, … lie (the slides
// first, the notes pages after them).
inline QByteArray pptStream(const QByteArray &slideLists, const QList<QByteArray> &slides,
                            const QList<QByteArray> &notesPages = {})
{
    QByteArray stream = pptContainer(PptDocument, slideLists);
    QByteArray directory = xlsU32(1u | (quint32(slides.size() + notesPages.size()) << 20));
    for (const QByteArray &slide : slides) {
        directory += xlsU32(quint32(stream.size()));
        stream += pptContainer(PptSlide, slide);
    }
    for (const QByteArray &notes : notesPages) {
        directory += xlsU32(quint32(stream.size()));
        stream += pptContainer(PptNotes, notes);
    }
    return stream + pptRecord(PptPersistDirectory, directory);
}

// The Current User stream: a CurrentUserAtom whose header token says whether the presentation is
// encrypted ([MS-PPT] 2.3.2).
inline QByteArray pptCurrentUser(bool encrypted = false)
{
    return pptRecord(0x0FF6,
                     xlsU32(20) + xlsU32(encrypted ? 0xF3D1C4DFu : 0xE391C05Fu) + xlsU32(0) + xlsU16(0) +
                         xlsU16(0x03F4) + xlsU16(3) + QByteArray(2, '\0'));
}

inline QByteArray ppt(const QByteArray &stream, const Entries &more = {}, bool encrypted = false)
{
    Entries entries {{QStringLiteral("\x01"
                                     "CompObj"),
                      QByteArray(64, '\1')},
                     {QStringLiteral("Current User"), pptCurrentUser(encrypted)},
                     {QStringLiteral("PowerPoint Document"), stream}};
    entries += more;
    return compoundFile(entries);
}

} // namespace SendGuard::Tests
