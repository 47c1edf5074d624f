// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policy.h"
#include "json/jsondiagnostic.h"

#include <string_view>
#include <vector>

namespace SendGuard::Core {

// A user's own settings (their sendguard/user.json): they can make the machine's policy stricter,
// never weaker. Each setting is compared with the machine's and applied only when it is stricter;
// anything else is reported and left out:
//   audience.memberThreshold, audience.audienceThreshold   lower only
//   audience.allStaffNamePatterns, broadcastIds, broadcastTypes   added to the machine's
//   justification.minLength   higher only
//   failureMode   allow < confirm < block, higher only
//   detectors.<id>.enabled (true only), detectors.<id>.severity (higher only)
class UserSettings
{
public:
    struct [[nodiscard]] Result
    {
        Policy policy; // the machine's, with the stricter settings applied
        std::vector<JsonDiagnostic> diagnostics; // what was left out, and why; positions in the user's file
    };

    static Result apply(const Policy &machine, std::string_view json);
};

} // namespace SendGuard::Core
