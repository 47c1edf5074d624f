// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace SendGuard::Core {

// What happens to a message, in rising order of strictness (DESIGN.md).
enum class VerdictLevel {
    Allow, // sent with no dialog
    Warn, // the user confirms
    Justify, // the user confirms with a typed reason
    Block, // cannot be sent as it is
};

// "allow", "warn", "justify", "block".
inline QString verdictLevelName(VerdictLevel level)
{
    switch (level) {
    case VerdictLevel::Allow:
        return QStringLiteral("allow");
    case VerdictLevel::Warn:
        return QStringLiteral("warn");
    case VerdictLevel::Justify:
        return QStringLiteral("justify");
    case VerdictLevel::Block:
        return QStringLiteral("block");
    }
    return {};
}

inline std::optional<VerdictLevel> verdictLevelFromName(QStringView name)
{
    for (VerdictLevel level : {VerdictLevel::Allow, VerdictLevel::Warn, VerdictLevel::Justify, VerdictLevel::Block}) {
        if (name == verdictLevelName(level))
            return level;
    }
    return std::nullopt;
}

} // namespace SendGuard::Core
