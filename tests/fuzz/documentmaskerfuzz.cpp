// SPDX-License-Identifier: GPL-2.0-or-later
// "Mask and send" on any document: it is read as the check reads it, the first character of every
// piece is masked where it lies, and whatever comes back must read again as a document.
#include "documentlimits.h"
#include "fuzzinput.h"

#include "documentextractor.h"
#include "documentmasker.h"
#include "textsink.h"

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    const Extract::ExtractLimits limits = Fuzz::documentLimits();
    std::vector<Core::TextMask> masks;
    Extract::TextSink sink(limits, [&masks](const Core::TextPlace &, QByteArrayView utf8) {
        masks.push_back({int(masks.size()), utf8.size(), 0, 1});
    });
    Extract::DocumentExtractor::extract(bytes, QStringLiteral("attachment.docx"), {}, sink);
    const int pieces = int(masks.size());
    const Extract::DocumentMasker::Result masked =
        Extract::DocumentMasker::mask(bytes, QStringLiteral("attachment.docx"), limits, pieces, masks);
    if (masked.bytes) {
        Extract::TextSink again(limits, [](const Core::TextPlace &, QByteArrayView) {});
        Extract::DocumentExtractor::extract(*masked.bytes, QStringLiteral("attachment.docx"), {}, again);
    }
    return 0;
}
