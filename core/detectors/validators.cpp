// SPDX-License-Identifier: GPL-2.0-or-later
#include "validators.h"

#include <array>

namespace SendGuard::Core::Validators {

namespace {

int digitAt(std::string_view digits, std::size_t i)
{
    return digits[i] - '0';
}

int number(std::string_view digits, std::size_t from, std::size_t count)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i)
        value = value * 10 + digitAt(digits, i);
    return value;
}

bool allDigits(std::string_view text)
{
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

int rrnCheckDigit(std::string_view digits13)
{
    static constexpr std::array<int, 12> weights {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
        sum += digitAt(digits13, i) * weights[i];
    return (11 - sum % 11) % 10;
}

bool startsWithin(std::string_view digits, int prefixLength, int low, int high)
{
    if (digits.size() < static_cast<std::size_t>(prefixLength))
        return false;
    const int prefix = number(digits, 0, prefixLength);
    return prefix >= low && prefix <= high;
}

// Whether year, month and day name a day of the Gregorian calendar.
bool isRealDate(int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1)
        return false;
    static constexpr std::array<int, 12> days {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[std::size_t(month - 1)] + (month == 2 && leap ? 1 : 0);
}

} // namespace

std::string digitsOf(std::string_view text)
{
    // Sized once and cut to length: a push_back per digit checked the capacity every time, and
    // every match of a roster is read this way.
    std::string digits(text.size(), '\0');
    char *out = digits.data();
    for (const char c : text) {
        *out = c;
        out += c >= '0' && c <= '9' ? 1 : 0;
    }
    digits.resize(static_cast<std::size_t>(out - digits.data()));
    return digits;
}

QDate registrationBirthDate(std::string_view digits13)
{
    if (digits13.size() != 13 || !allDigits(digits13))
        return {};
    int century = 0;
    switch (digitAt(digits13, 6)) {
    case 1:
    case 2:
    case 5:
    case 6:
        century = 1900;
        break;
    case 3:
    case 4:
    case 7:
    case 8:
        century = 2000;
        break;
    case 9:
    case 0:
        century = 1800;
        break;
    }
    const int year = century + number(digits13, 0, 2);
    const int month = number(digits13, 2, 2);
    const int day = number(digits13, 4, 2);
    if (century == 0 || !isRealDate(year, month, day))
        return {};
    // The day number QDate keeps (Fliegel and Van Flandern's formula), without QDate's constructor,
    // which cost a roster's registration numbers more than the rest of their check.
    const int a = (14 - month) / 12;
    const qint64 y = year + 4800 - a;
    const qint64 m = month + 12 * a - 3;
    return QDate::fromJulianDay(day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045);
}

bool rrnCheckDigitMatches(std::string_view digits13)
{
    return digits13.size() == 13 && allDigits(digits13) && rrnCheckDigit(digits13) == digitAt(digits13, 12);
}

bool frnCheckDigitMatches(std::string_view digits13)
{
    // Two rules are published and in use: (11 - sum mod 11) mod 10, the resident one, and
    // (13 - sum mod 11) mod 10; either confirms.
    if (digits13.size() != 13 || !allDigits(digits13))
        return false;
    const int check = digitAt(digits13, 12);
    return rrnCheckDigit(digits13) == check || (rrnCheckDigit(digits13) + 2) % 10 == check;
}

bool corporateCheckDigitMatches(std::string_view digits13)
{
    if (digits13.size() != 13 || !allDigits(digits13))
        return false;
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i)
        sum += digitAt(digits13, i) * (i % 2 == 0 ? 1 : 2);
    return (10 - sum % 10) % 10 == digitAt(digits13, 12);
}

bool luhnValid(std::string_view digits)
{
    if (digits.size() < 2 || !allDigits(digits))
        return false;
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

bool isKnownCardIssuer(std::string_view digits)
{
    if (!allDigits(digits))
        return false;
    const auto length = digits.size();
    const bool len16to19 = length >= 16 && length <= 19;
    if (digits.starts_with('4')) // Visa
        return length == 13 || length == 16 || length == 19;
    if (startsWithin(digits, 2, 51, 55) || startsWithin(digits, 4, 2221, 2720)) // Mastercard
        return length == 16;
    if (startsWithin(digits, 2, 34, 34) || startsWithin(digits, 2, 37, 37)) // American Express
        return length == 15;
    if (startsWithin(digits, 3, 300, 305) || startsWithin(digits, 2, 36, 36) || startsWithin(digits, 2, 38, 39))
        return length >= 14 && length <= 19; // Diners Club
    if (startsWithin(digits, 4, 3528, 3589)) // JCB
        return len16to19;
    if (digits.starts_with("6011") || startsWithin(digits, 3, 644, 649) || digits.starts_with("65")) // Discover
        return len16to19;
    if (digits.starts_with("62")) // UnionPay
        return len16to19;
    if (digits.starts_with("50") || startsWithin(digits, 2, 56, 58) || digits.starts_with('6')) // Maestro
        return length >= 12 && length <= 19;
    if (digits.starts_with('9')) // Korean domestic cards (BC and issuers' local ranges)
        return length == 16;
    return false;
}

bool businessRegistrationCheckDigitMatches(std::string_view digits10)
{
    if (digits10.size() != 10 || !allDigits(digits10))
        return false;
    static constexpr std::array<int, 9> weights {1, 3, 7, 1, 3, 7, 1, 3, 5};
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
        sum += digitAt(digits10, i) * weights[i];
    sum += digitAt(digits10, 8) * 5 / 10;
    return (10 - sum % 10) % 10 == digitAt(digits10, 9);
}

bool isCompactDate(std::string_view digits8)
{
    if (digits8.size() != 8 || !allDigits(digits8))
        return false;
    const int year = number(digits8, 0, 4);
    return year >= 1900 && year <= 2099 && isRealDate(year, number(digits8, 4, 2), number(digits8, 6, 2));
}

} // namespace SendGuard::Core::Validators
