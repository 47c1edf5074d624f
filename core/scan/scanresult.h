// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"

#include <QString>

#include <vector>

namespace SendGuard::Core {

// What a scan found. A scan that could not finish is never "clean": callers must check complete.
struct [[nodiscard]] ScanResult
{
    std::vector<Finding> findings; // sorted by start, non-overlapping
    bool complete = true;
    QString error; // why the scan is incomplete; empty when complete

    bool isClean() const { return complete && findings.empty(); }
};

} // namespace SendGuard::Core
