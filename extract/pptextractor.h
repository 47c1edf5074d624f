// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "nestedfilereader.h"

#include "message/textplace.h"

#include <QByteArray>

namespace SendGuard::Extract {

class CompoundFile;
class TextSink;

// PowerPoint 97-2003 presentations ([MS-PPT]): the "PowerPoint Document" stream's records, every
// header's length checked against its container. Every text atom (TextCharsAtom, TextBytesAtom)
// and string (CString: comments, links, names), in the order the stream holds them, an earlier
// save's text too; the text a slide list holds for a slide or its notes is placed on that slide,
// text drawn on a slide (a text box) on the slide the persist directory says the drawing belongs
// to. A presentation with a password is "encrypted: not scanned"; an embedded object (a worksheet
// pasted on a slide) is read as the file it holds. Not masked in place: "mask and send" offers to
// leave it out, as for HWP.
class PptExtractor
{
public:
    static void extract(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink,
                        const NestedFileReader &readEmbedded);
    // The text of a "PowerPoint Document" stream; its embedded objects through readEmbedded.
    static void extractDocument(const QByteArray &stream, const Core::TextPlace &base, TextSink &sink,
                                const NestedFileReader &readEmbedded);
};

} // namespace SendGuard::Extract
