// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/enumnames.h"

#include <QString>

namespace SendGuard::Core {

// How much harm a leak of the item does; policies map severities to verdicts.
enum class Severity {
    Low, // informational or widely shared (e-mail, business registration, already-masked numbers)
    Medium, // contact and payment routes (phone, bank account)
    High, // identifiers that open someone's records (RRN, FRN, passport, licence, card)
};

inline constexpr EnumNames severityNames {std::array {
    std::pair {Severity::Low, u"low"},
    std::pair {Severity::Medium, u"medium"},
    std::pair {Severity::High, u"high"},
}};

// The stable lowercase name used in JSON and policies: "low", "medium", "high".
inline QString severityName(Severity severity)
{
    return severityNames.name(severity);
}

} // namespace SendGuard::Core
