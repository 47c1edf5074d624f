// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"

#include <QByteArray>

namespace SendGuard::Extract {

class TextSink;

// PDF, through poppler: the text layer page by page, in reading order. An encrypted PDF, or one
// whose pages are images only (a scan), is "not scanned" with that reason, never clean.
class PdfExtractor
{
public:
    static void extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink);
};

} // namespace SendGuard::Extract
