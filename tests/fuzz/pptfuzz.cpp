// SPDX-License-Identifier: GPL-2.0-or-later
// PowerPoint 97-2003: a "PowerPoint Document" stream's records, each length checked against its
// container, walked twice (the slide lists and the persist directory, then the text). The
// compound file around the stream has a target of its own (hwp).
#include "documentlimits.h"
#include "fuzzinput.h"

#include "pptextractor.h"
#include "textsink.h"

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Extract::TextSink sink(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    // An embedded object's file is inflated here and handed over unread: its formats have targets.
    Extract::PptExtractor::extractDocument(Fuzz::bytesOf(data, size), {}, sink,
                                           [](const QByteArray &, const QString &, const Core::TextPlace &) {});
    return 0;
}
