// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "annotatedpdf.h"

namespace SendGuard::Fuzz {

// The smallest PDF with one line of text (ASCII, in Helvetica), with right cross-reference offsets.
inline QByteArray minimalPdf(const QByteArray &line = "RRN 900101-1234567")
{
    return Tests::annotatedPdf({{line, {}}}, {});
}

} // namespace SendGuard::Fuzz
