// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "nestedfilereader.h"

#include "message/textplace.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace SendGuard::Extract {

class TextSink;

// HWP 5.0, Hancom's binary format, written with reference to Hancom's published format document
// ("한글 문서 파일 형식 5.0"): the compound file's FileHeader (version and flags), then every
// BodyText/Section stream (raw DEFLATE when compressed), record by record, each size checked
// against what remains; text from every PARA_TEXT record (tables, text boxes, headers and notes
// are nested paragraphs), control characters skipped by their documented widths. Password,
// DRM and distribution documents are "encrypted: not scanned", their preview read all the same
// (a distribution document keeps it in clear); HWP 3.0 (HWP 97) is "unsupported version". The
// preview text (PrvText) is read when the sections give no text. An object embedded
// in the document (BinData/BINxxxx.OLE: an Excel table, a Word file) is read through readEmbedded
// when its compound file holds the office file itself ("Package"), for its text when it is a chart
// (OOXMLChartContents); any other is "not scanned". So is such an object on its own (an HWPX's
// BinData/*.ole).
class HwpExtractor
{
public:
    static bool isHwp97(const QByteArray &bytes);
    static void extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink,
                        const NestedFileReader &readEmbedded);

    // The text of one PARA_TEXT record's UTF-16LE payload, controls skipped, as UTF-8 (a lone
    // surrogate as '?', as QString::toUtf8() writes it).
    static QByteArray paragraphText(QByteArrayView payload);
};

} // namespace SendGuard::Extract
