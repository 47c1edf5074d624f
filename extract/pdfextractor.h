// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "nestedfilereader.h"

#include "message/textplace.h"

#include <QByteArray>

namespace SendGuard::Extract {

class TextSink;

// PDF, through poppler: the text layer page by page, in reading order; then each page's
// annotations (a sticky note's or a comment's text, a text box's), form fields' values and the
// files attached to it; then the files attached to the document. An encrypted PDF, or one whose
// pages are images only (a scan), is "not scanned" with that reason, never clean.
//
// poppler lives in the PDF reader module beside the program (pdfreadermodule.h), loaded the first
// time a PDF is read: a DOCX or HWP never pays for it.
class PdfExtractor
{
public:
    // Opens the module file for a later load, before a sandbox hides the folder it lies in (a
    // build tree under /tmp): the descriptor to keep open, -1 when there is no module beside the
    // program. Without it the module is loaded by its path.
    static int openReaderModule();

    // Files attached to the document (its EmbeddedFiles) go to readAttached.
    static void extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink,
                        const NestedFileReader &readAttached);
};

} // namespace SendGuard::Extract
