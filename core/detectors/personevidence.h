// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

// The evidence a person reading a line would use to take a bare 13-digit number for a person's
// registration number when no label stands near it and its check digit proves nothing (numbers
// issued since October 2020 end in random digits): "홍길동 2103154827361 / 010-2345-6789".
namespace SendGuard::Core::PersonEvidence {

// Whether a Hangul syllable (U+AC00-D7A3, three bytes in UTF-8) starts at text[pos].
bool isHangulSyllableAt(std::string_view text, std::size_t pos);

// A Korean name right before text[start]: three Hangul syllables, the first a common surname (or
// four after a surname of two: 남궁, 황보 ...), standing alone (a blank, a mark, a bullet or the line's
// start before them), then blanks and up to three marks ( [ ] , : / - | " · before the number.
// Two syllables are not taken: labels ("정산", "구매") start with surnames as often as names do;
// nor a word that ends as labels do and no given name does ("배송중", "주문일").
bool nameBefore(std::string_view text, std::size_t start);

// A list whose other rows carry the same shape, as a roster without a header: among the three
// lines above and below, at least two whose first bare 13-digit run is a registration number too
// (a real date for its gender digit, of the same kind: resident or foreigner), their birth years
// not all the same as the number's. Order and receipt numbers that begin with a date share their
// year; a roster's people do not. Looks no further than TextBlocks' overlap, so that a stream
// finds what a whole-text scan finds.
bool listOfTheSameShape(std::string_view text, std::size_t start, std::size_t end, std::string_view digits);

// A name one cell before the number's, in a row of cells (commas or tabs), a short cell between
// them: "김민준,남,2103153847268", "김민준⇥45⇥2103…" (a sex, an age, a relation). before: the row up
// to the number.
bool nameACellBefore(std::string_view before);

// Any of: a name right before [start, end) (nameBefore) or a cell before it (nameACellBefore), a mobile number
// elsewhere on its line (010-2345-6789, (010)2345-6789, +82 10-2345-6789: a mobile's groups), the birth date the number
// begins with written as a date on the line (1990-01-01, 90.01.01, 1990년 1월 1일), the line read
// folded as the scanner reads it (full-width digits, dashes, odd spaces); or a list of the same shape
// (listOfTheSameShape). digits: the number's 13 digits.
bool onTheLine(std::string_view text, std::size_t start, std::size_t end, std::string_view digits);

} // namespace SendGuard::Core::PersonEvidence
