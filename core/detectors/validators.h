// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDate>

#include <string>
#include <string_view>

// Check digits and date rules of Korean and international identifiers, shared by the detectors
// (and by policy-defined detectors that name a validator). All functions are pure and thread-safe.
namespace SendGuard::Core::Validators {

// The ASCII digits of text, in order (separators dropped).
std::string digitsOf(std::string_view text);

// The birth date a 13-digit resident or foreigner registration number encodes, taking the century
// from its 7th digit (1,2,5,6: 1900s; 3,4,7,8: 2000s; 9,0: 1800s). Invalid QDate when the digit is
// not one of those or the date does not exist.
QDate registrationBirthDate(std::string_view digits13);

// True when the 13th digit matches the pre-October-2020 RRN check digit:
// weights 2,3,4,5,6,7,8,9,2,3,4,5 and (11 - S mod 11) mod 10. Numbers issued since then usually fail it.
bool rrnCheckDigitMatches(std::string_view digits13);

// The foreigner registration number's check digit by either published rule: the RRN one, or it
// plus 2, mod 10 ((13 - S mod 11) mod 10).
bool frnCheckDigitMatches(std::string_view digits13);

// The check digit of a 13-digit corporate registration number (법인등록번호): weights 1,2 in turn
// over the first 12 digits, check = (10 - S mod 10) mod 10.
bool corporateCheckDigitMatches(std::string_view digits13);

// The Luhn (mod 10) check used by payment cards.
bool luhnValid(std::string_view digits);

// True when the digits start with an issuer range of a known card scheme and have a length that
// scheme issues (Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro, Korean domestic 9xxx).
bool isKnownCardIssuer(std::string_view digits);

// The national check digit of a 10-digit business registration number (사업자등록번호):
// weights 1,3,7,1,3,7,1,3,5, plus floor(9th digit * 5 / 10), check = (10 - S mod 10) mod 10.
bool businessRegistrationCheckDigitMatches(std::string_view digits10);

// True when 8 digits read as an existing YYYYMMDD date between 1900 and 2099.
bool isCompactDate(std::string_view digits8);

} // namespace SendGuard::Core::Validators
