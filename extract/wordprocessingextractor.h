// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "xmltextwalker.h"

#include "message/textplace.h"

namespace SendGuard::Extract {

class TextSink;
class ZipContainer;

// DOCX (WordprocessingML): the body with its tables, headers, footers, footnotes, endnotes,
// comments and tracked deletions. A paragraph's runs are joined, so a number split across runs by
// formatting or spell checking is read whole.
class WordprocessingExtractor
{
public:
    // mainPart: the document part _rels/.rels names (word/document.xml when it names none).
    static void extract(const ZipContainer &zip, const QString &mainPart, const Core::TextPlace &base, TextSink &sink);

    // How WordprocessingML's XML holds its text (the fuzz target of XML parts walks it too).
    static const XmlTextWalker::Dialect &dialect();
};

} // namespace SendGuard::Extract
