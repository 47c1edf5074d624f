// SPDX-License-Identifier: GPL-2.0-or-later
// A JSON or XML attachment's escapes written out, on any bytes: never longer than the input, text
// stays text (valid UTF-8 in, valid UTF-8 out), and a second reading writes out nothing more.
#include "fuzzinput.h"

#include "common/utf8validator.h"
#include "message/characterescapes.h"

#include <cstdlib>

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = Fuzz::textOf(data, size);
    const bool valid = !Core::Utf8Validator::firstInvalidByte(text);
    for (const auto syntax : {Core::CharacterEscapes::Syntax::Json, Core::CharacterEscapes::Syntax::Xml}) {
        const auto written = Core::CharacterEscapes::decoded(QByteArrayView(text.data(), qsizetype(size)), syntax);
        if (!written)
            continue;
        if (std::size_t(written->size()) > size)
            std::abort();
        if (valid && Core::Utf8Validator::firstInvalidByte({written->constData(), std::size_t(written->size())}))
            std::abort();
        // A second reading writes out nothing more: no character written out finished an escape.
        if (Core::CharacterEscapes::decoded(*written, syntax))
            std::abort();
    }
    return 0;
}
