// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "severity.h"
#include "shape.h"

#include <QDate>
#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// What a detector's validator says about one pattern match.
enum class Validation {
    Reject, // cannot be this kind of item (impossible date, failed mandatory checksum, wrong layout)
    Plausible, // the right shape, nothing more known
    Confirmed, // an optional check (e.g. the old RRN check digit) passed: raises confidence
    // Another identifier's shape too (an account that reads as a birth date or a card): this kind
    // only with its label right before it ("계좌번호 8406092183924"), or its column's header.
    NeedsLabel,
};

// Facts a validator may need besides the match; kept explicit so scanning stays deterministic.
struct ValidationContext
{
    QDate today; // birth dates after this are impossible
};

// Whether a pattern fires on its own or needs a context word near the match.
enum class ContextRule {
    NotNeeded,
    NeededUnlessConfirmed, // e.g. a bare 13-digit RRN: needs its checksum or a word like 주민등록번호
    Needed,
    NeededRightBefore, // a label just before the match (LabelReach bytes): "계좌번호 12345678901234"
    // As NeededRightBefore, and nothing but blanks and marks between the label and the match: a
    // word, a date or an amount between them is another column's ("입금 2,221,000 20240916-941").
    NeededDirectlyBefore,
};

// How close a label must end before a match for ContextRule::NeededRightBefore: about eight
// Hangul characters, enough for "국민은행 계좌: ".
inline constexpr std::size_t LabelReach = 24;

// What makes a region of text worth running this detector's patterns on.
enum class Trigger {
    DigitRun, // a cluster of at least minDigits digits (ASCII or full-width) or mask characters;
              // matches start at a digit group or at most a few characters before one ("서울 ", "+", "M")
    AtSign, // an '@' with address characters around it; matches start where the address does
    Anywhere, // no digits needed (a policy's keyword or letter pattern): runs over the whole text
};

// What may not touch a match on either side (a number inside a longer number is not a finding).
enum class Boundary {
    Digits, // no digit, and no "-digit"/".digit" continuation
    Alphanumeric, // additionally no ASCII letter (codes such as passport numbers)
    AddressCharacters, // no character that could continue an e-mail address
};

struct DetectorPattern
{
    std::string regex; // RE2 syntax, matched against normalized text (ASCII digits, '-' for dashes, ' ' for spaces)
    ContextRule context = ContextRule::NotNeeded;
    double confidence = 0.5; // before checksum and context boosts
    // The same layout for the shape matcher, which the scanner uses instead of the regular
    // expression when every pattern of a detector has one (the built-in detectors); empty for a
    // policy's own detectors, which RE2 runs.
    Shape shape;
    // When not empty, the only labels that count right before a match (blanks, marks or 의 between),
    // besides its column's header: the number's own, where the detector's other context words would
    // read a count or a document's number as one ("외국인 뒤 5234567명").
    std::vector<std::string> ownLabels;
};

// Everything about one detector in one place: patterns, validator, context words, severity, masking.
struct DetectorSpec
{
    QString id; // stable id (docs/architecture.md)
    Severity severity = Severity::Low;
    QString description; // one line for `sendguard detectors`
    int priority = 0; // when two detectors claim overlapping text, the higher priority wins
    Trigger trigger = Trigger::DigitRun;
    int minDigits = 7; // with Trigger::DigitRun: the fewest digits any of the patterns can match
    int minGroupDigits = 4; // with Trigger::DigitRun: every match holds a run of at least this many digits
    // With Trigger::DigitRun: a match may also be written a digit at a time, a space or tab between
    // them (a form's boxes: "9 0 0 1 0 1 - 1 2 …"), and then holds at least this many; 0: never.
    int minSpacedDigits = 0;
    Boundary boundary = Boundary::Digits;
    std::vector<DetectorPattern> patterns;
    std::vector<std::string> contextWords; // Korean and English; English matched case-insensitively
    std::vector<std::string> suppressingWords; // nearer than any context word: not this item (법인등록번호)
    // Context words that are everyday words too (우리 "we", 하나 "one", 기업 "company"): they count
    // only as a label right before a match (a blank and a colon between), "우리 1002-123-456789".
    std::vector<std::string> labelOnlyWords;
    // Whether a label-only word of Latin letters titles a column as a title's whole text: a phone's
    // "H/P" or "HP번호" does; a bank's "KB" or "MG" (milligrams) does not.
    bool shortLabelsTitleColumns = false;
    // Longer words a context word inside does not count in: 국민 in 국민연금 names no bank.
    std::vector<std::string> contextExceptions;
    // A number in parentheses right after one of these is not this item ("주식회사 한빛(110111-…)").
    std::vector<std::string> notInParenthesesAfter;
    bool letterMayPrecede = true; // false: "L2024-123456789" is a document code, not this item
    bool groupsMayContinue = true; // false: a group run longer than the match (a price list) is not this item
    Validation (*validate)(std::string_view match, const ValidationContext &context) = nullptr; // null: Plausible
    std::string (*mask)(std::string_view match) = nullptr; // the normalized match with its identifying part hidden
    // Evidence on the match's line besides words, for a pattern that needs context unless
    // confirmed: a name before it, a phone on its line (kr-rrn, kr-frn). Null: none.
    bool (*evidence)(std::string_view text, std::size_t start, std::size_t end, std::string_view match) = nullptr;
};

} // namespace SendGuard::Core
