// SPDX-License-Identifier: GPL-2.0-or-later
// Any attachment, told by its content: ZIP packages (DOCX, XLSX, PPTX, HWPX, ODF), archives
// inside archives, HWP compound files, e-mails, text. Every piece handed on must be UTF-8.
#include "documentlimits.h"
#include "fuzzinput.h"

#include "common/utf8validator.h"
#include "documentextractor.h"
#include "textsink.h"

#include <cstdlib>

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = Fuzz::bytesOf(data, size);
    Extract::TextSink sink(Fuzz::documentLimits(), [](const Core::TextPlace &place, QByteArrayView utf8) {
        if (Core::Utf8Validator::firstInvalidByte(std::string_view(utf8.data(), std::size_t(utf8.size()))))
            std::abort(); // the protocol promises UTF-8
        (void)place.toWire();
    });
    (void)Extract::DocumentExtractor::sniff(bytes, QStringLiteral("attachment"));
    Extract::DocumentExtractor::extract(bytes, QStringLiteral("attachment"), {}, sink);
    return 0;
}
