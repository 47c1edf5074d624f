// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "nestedfilereader.h"

#include "message/textplace.h"

#include <QSet>
#include <QString>

namespace SendGuard::Extract {

class CompoundFile;
class TextSink;

// What an Office 97-2003 compound file holds beside the streams its own reader reads: its
// properties (title, author, comments, a user's own), read as an OOXML file's are; an embedded
// object (Excel's MBD… storages, Word's ObjectPool/…) read as the file its Package stream holds (a
// DOCX, an XLSX), or as the Excel or Word 97-2003 document its storage holds; macros and anything
// else named as not scanned. What only describes the file or
// an object (class and link data, a printed picture, signatures) holds none of its text.
class CompoundFileParts
{
public:
    // ownStreams: the top-level streams the format's reader has read ("Workbook").
    static void readOthers(const CompoundFile &file, const QSet<QString> &ownStreams, const Core::TextPlace &base,
                           TextSink &sink, const NestedFileReader &readEmbedded);

    // The storage of the embedded object a stream belongs to ("MBD0001", "ObjectPool/_1234");
    // empty for one outside any object.
    static QString objectStorage(const QString &streamPath);
};

} // namespace SendGuard::Extract
