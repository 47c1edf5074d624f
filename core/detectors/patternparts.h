// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// RE2 fragments shared by the built-in detectors. Patterns run on normalized text, so a hyphen
// stands for every dash variant and a space for NBSP and U+3000 (see NormalizedText).
namespace SendGuard::Core::PatternParts {

// A hyphen (optionally spaced) or a single space between digit groups.
inline constexpr const char *Separator = "(?: ?- ?| )";

// YYMMDD with a possible month and day; the validator checks the real calendar.
inline constexpr const char *BirthDate = "\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";

} // namespace SendGuard::Core::PatternParts
