// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"

namespace SendGuard::Extract {

class TextSink;
class ZipContainer;

// OpenDocument text, spreadsheets and presentations (ODT, ODS, ODP): content.xml paragraph by
// paragraph, spreadsheet cells by sheet and cell ("Sheet2!C14", numbers as typed), slides by page,
// and the headers and footers in styles.xml.
class OpenDocumentExtractor
{
public:
    static void extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink);
};

} // namespace SendGuard::Extract
