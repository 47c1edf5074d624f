// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"

namespace SendGuard::Extract {

class TextSink;
class ZipContainer;

// HWPX (OWPML, KS X 6101), Hancom's zip-and-XML format: Contents/section0.xml, section1.xml, ...
// paragraph by paragraph, with tables, headers, footers and notes.
class HwpxExtractor
{
public:
    static void extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink);
};

} // namespace SendGuard::Extract
