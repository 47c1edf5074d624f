// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace SendGuard::Extract {

class CompoundFile;
class TextSink;

// A compound file's property set stream ([MS-OLEPS]): "\005SummaryInformation" (a document's
// title, subject, author, keywords, comments), "\005DocumentSummaryInformation" (category,
// manager, company, and the properties a user defines), Hangul's "\005HwpSummaryInformation".
// Every string property of every section, in the section's code page; each offset and size is
// checked against the stream.
class OlePropertySet
{
public:
    // The strings; empty with *error set when the stream is no property set or is cut short.
    static QStringList strings(const QByteArray &stream, QString *error);
    // The strings of the property set at `path` in `file`, as one piece named by the stream
    // ("SummaryInformation"); one that cannot be read is named.
    static void read(const CompoundFile &file, const QString &path, const Core::TextPlace &base, TextSink &sink);
};

} // namespace SendGuard::Extract
