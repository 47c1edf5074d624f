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
    int digitCount = 0;
    for (const char c : text)
        digitCount += isDigit(c) ? 1 : 0;
    const int maskedUntil = digitCount - keepTrailing;
    std::string masked(text);
    int index = 0;
    for (char &c : masked) {
        if (!isDigit(c))
            continue;
        if (index >= keepLeading && index < maskedUntil)
            c = MaskCharacter;
        ++index;
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
