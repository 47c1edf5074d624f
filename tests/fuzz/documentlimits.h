// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "extractlimits.h"

namespace SendGuard::Fuzz {

// The helper's limits, made small: a fuzzer's inputs are small, and a limit that is hit is a path
// to cover too, not a reason to spend a second on one input.
inline Extract::ExtractLimits documentLimits()
{
    Extract::ExtractLimits limits;
    limits.maxInputBytes = 4 << 20;
    limits.maxEntries = 64;
    limits.maxDepth = 3;
    limits.maxEntryBytes = 8 << 20;
    limits.maxTotalBytes = 16 << 20;
    limits.maxCharacters = 200000;
    return limits;
}

} // namespace SendGuard::Fuzz
