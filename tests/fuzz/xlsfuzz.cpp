// SPDX-License-Identifier: GPL-2.0-or-later
// Excel 97-2003: a Workbook stream's BIFF8 records, each size checked against what remains, the
// shared strings continued over CONTINUE records, and the sheets where the globals say they are.
// The compound file around the stream has a target of its own (hwp).
#include "documentlimits.h"
#include "fuzzinput.h"

#include "textsink.h"
#include "xlsextractor.h"

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Extract::TextSink sink(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    Extract::XlsExtractor::extractWorkbook(Fuzz::bytesOf(data, size), {}, sink);
    return 0;
}
