// SPDX-License-Identifier: GPL-2.0-or-later
// An XML part without the ZIP around it (so the fuzzer reaches the XML itself): walked as a
// WordprocessingML body with the DOCX reader's own dialect, and for all its text as the parts no
// extractor knows are read.
#include "documentlimits.h"
#include "fuzzinput.h"

#include "textsink.h"
#include "wordprocessingextractor.h"
#include "xmltextwalker.h"

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray xml = Fuzz::bytesOf(data, size);
    QString error;
    Extract::TextSink walked(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    (void)Extract::XmlTextWalker::walk(xml, Extract::WordprocessingExtractor::dialect(), {}, walked, &error);
    Extract::TextSink all(Fuzz::documentLimits(), [](const Core::TextPlace &, QByteArrayView) {});
    (void)Extract::XmlTextWalker::allText(xml, {}, all, &error);
    (void)Extract::XmlTextWalker::relationshipTarget(xml, u"/officeDocument");
    return 0;
}
