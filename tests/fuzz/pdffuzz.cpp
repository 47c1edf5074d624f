// SPDX-License-Identifier: GPL-2.0-or-later
// PDF, the way the helper reads it: PdfExtractor handing the bytes to the reader module (poppler)
// and taking its pages back as text. The module must really load: a target that only ever heard
// "not installed" would report nothing and mean nothing.
#include "documentlimits.h"
#include "fuzzinput.h"
#include "minimalpdf.h"

#include "common/utf8validator.h"
#include "documentextractor.h"
#include "pdfextractor.h"
#include "textsink.h"

#include <cstdio>
#include <cstdlib>

using namespace SendGuard;

namespace {

void extract(const QByteArray &bytes, bool *anyText)
{
    Extract::TextSink sink(Fuzz::documentLimits(), [anyText](const Core::TextPlace &, QByteArrayView utf8) {
        if (Core::Utf8Validator::firstInvalidByte(std::string_view(utf8.data(), std::size_t(utf8.size()))))
            std::abort(); // the protocol promises UTF-8
        *anyText = true;
    });
    Extract::PdfExtractor::extract(bytes, {}, sink,
                                   [&](const QByteArray &file, const QString &name, const Core::TextPlace &place) {
                                       Extract::DocumentExtractor::extract(file, name, place, sink, 1);
                                   });
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    bool anyText = false;
    extract(Fuzz::minimalPdf(), &anyText);
    if (!anyText) {
        std::fputs("fuzz-pdf: the PDF reader module did not read a one-page PDF (is "
                   "sendguard-pdf-reader.so beside this program?)\n",
                   stderr);
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    bool anyText = false;
    extract(Fuzz::bytesOf(data, size), &anyText);
    return 0;
}
