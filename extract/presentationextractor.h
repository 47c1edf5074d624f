// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"

namespace SendGuard::Extract {

class TextSink;
class ZipContainer;

// PPTX (PresentationML): each slide's text, tables included, then its notes, by slide number.
class PresentationExtractor
{
public:
    static void extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink);
};

} // namespace SendGuard::Extract
