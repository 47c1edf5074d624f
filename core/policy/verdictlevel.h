// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/enumnames.h"

#include <QString>

namespace SendGuard::Core {

// What happens to a message, in rising order of strictness (docs/architecture.md).
enum class VerdictLevel {
    Allow, // sent with no dialog
    Warn, // the user confirms
    Justify, // the user confirms with a typed reason
    Block, // cannot be sent as it is
};

inline constexpr EnumNames verdictLevelNames {std::array {
    std::pair {VerdictLevel::Allow, u"allow"},
    std::pair {VerdictLevel::Warn, u"warn"},
    std::pair {VerdictLevel::Justify, u"justify"},
    std::pair {VerdictLevel::Block, u"block"},
}};

// "allow", "warn", "justify", "block".
inline QString verdictLevelName(VerdictLevel level)
{
    return verdictLevelNames.name(level);
}

} // namespace SendGuard::Core
