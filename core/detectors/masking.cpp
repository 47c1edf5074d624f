// SPDX-License-Identifier: GPL-2.0-or-later
#include "masking.h"

#include <algorithm>

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
    const auto digitCount = static_cast<int>(std::count_if(text.begin(), text.end(), isDigit));
    std::string masked(text);
    int index = 0;
    for (char &c : masked) {
        if (!isDigit(c))
            continue;
        if (index >= keepLeading && index < digitCount - keepTrailing)
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
