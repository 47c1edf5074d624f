// SPDX-License-Identifier: GPL-2.0-or-later
// Word 97-2003: a WordDocument stream's file information block and the piece table of its table
// stream, every offset and count checked against the two. The input is the table stream's size
// (four bytes, little-endian), the table stream, then the WordDocument stream. The compound file
// around them has a target of its own (hwp).
#include "documentlimits.h"
#include "fuzzinput.h"

#include "docextractor.h"
#include "textsink.h"

#include <QtEndian>

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 4)
        return 0;
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    const qsizetype tableSize = qMin(qsizetype(qFromLittleEndian<quint32>(data) % (size - 3)), bytes.size() - 4);
    Extract::TextSink sink(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    Extract::DocExtractor::extractText(bytes.mid(4 + tableSize), bytes.mid(4, tableSize), {}, sink);
    return 0;
}
