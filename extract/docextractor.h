// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "nestedfilereader.h"

#include "message/textplace.h"

#include <QByteArray>

namespace SendGuard::Extract {

class CompoundFile;
class TextSink;

// Word 97-2003 documents ([MS-DOC]), as offices still send applications and notices: the
// WordDocument stream's file information block (FIB) and the piece table (Clx) in its table
// stream, every offset and count checked against the streams. The text of every story, each as a
// piece of its own: the body, footnotes, headers and footers, comments, endnotes and text boxes;
// a table's cells apart by tabs, its rows by line breaks; a field's code and its result both. A
// document with a password is "encrypted: not scanned"; Word 6.0/95 and older are named and not
// read. Not masked in place: "mask and send" offers to leave it out, as for HWP.
class DocExtractor
{
public:
    static void extract(const CompoundFile &file, const Core::TextPlace &base, TextSink &sink,
                        const NestedFileReader &readEmbedded);
    // The document in `storage` of `file` ("" the root, "ObjectPool/_1234/" an embedded one),
    // without the other parts around it; false when it cannot be read, which is said.
    static bool extractDocument(const CompoundFile &file, const QString &storage, const Core::TextPlace &base,
                                TextSink &sink);
    // The text of a WordDocument stream whose table stream is `table`; data: its Data stream, where
    // large paragraph properties are kept.
    static void extractText(const QByteArray &wordDocument, const QByteArray &table, const Core::TextPlace &base,
                            TextSink &sink, const QByteArray &data = {});
};

} // namespace SendGuard::Extract
