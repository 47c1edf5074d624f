// SPDX-License-Identifier: GPL-2.0-or-later
#include "masking.h"

namespace SendGuard::Core::Masking {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlphanumeric(char c)
{
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

std::string maskDigits(std::string_view text, int keepLeading, int keepTrailing)
{
    // The digits to hide lie between the first keepLeading and the last keepTrailing: found from
    // either end, so the text is walked once in all (every finding of a roster is masked).
    std::size_t from = 0;
    for (int kept = 0; from < text.size(); ++from) {
        if (isDigit(text[from]) && kept++ == keepLeading)
            break;
    }
    std::size_t to = text.size();
    for (int kept = 0; to > from; --to) {
        if (isDigit(text[to - 1]) && kept++ == keepTrailing)
            break;
    }
    std::string masked(text);
    for (std::size_t i = from; i < to; ++i) {
        if (isDigit(masked[i]))
            masked[i] = MaskCharacter;
    }
    return masked;
}

std::string maskAlphanumericFrom(std::string_view text, std::size_t from)
{
    std::string masked(text);
    for (std::size_t i = from; i < masked.size(); ++i) {
        if (isAlphanumeric(masked[i]))
            masked[i] = MaskCharacter;
    }
    return masked;
}

} // namespace SendGuard::Core::Masking
