// SPDX-License-Identifier: GPL-2.0-or-later
#include "utf8validator.h"

#include <simdjson.h>

namespace SendGuard::Core {

std::optional<std::size_t> Utf8Validator::firstInvalidByte(std::string_view bytes)
{
    // simdjson checks the whole text at several GB/s (the processor's vector instructions, chosen
    // at run time, and a portable path): nearly all text is valid, and then nothing else runs.
    // Only invalid text is walked below, to say where.
    if (simdjson::validate_utf8(bytes.data(), bytes.size()))
        return std::nullopt;
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    std::size_t i = 0;
    while (i < bytes.size()) {
        const unsigned char lead = at(i);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80; // allowed range of the second byte, which rules out overlong
        unsigned char high = 0xBF; // forms, surrogates and values past U+10FFFF
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + length > bytes.size() || at(i + 1) < low || at(i + 1) > high)
            return i;
        for (std::size_t k = 2; k < length; ++k) {
            if ((at(i + k) & 0xC0) != 0x80)
                return i;
        }
        i += length;
    }
    return std::nullopt;
}

} // namespace SendGuard::Core
