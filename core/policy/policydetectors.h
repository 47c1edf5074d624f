// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectors/detectorspec.h"
#include "policy.h"

#include <QStringList>

#include <vector>

namespace SendGuard::Core {

// The detectors a policy asks for: the built-in ones it leaves enabled, with its severities, and
// its own custom detectors.
namespace PolicyDetectors {

// RE2 memory a custom pattern may use; a pattern that needs more is rejected.
inline constexpr std::int64_t CustomPatternMemoryBudget = 1 << 20;
inline constexpr int MaxCustomPatternLength = 1000;

// The names a custom detector's "validator" may take.
QStringList validatorNames();

DetectorSpec customDetectorSpec(const CustomDetector &detector);

std::vector<DetectorSpec> detectorsFor(const Policy &policy);

} // namespace PolicyDetectors

} // namespace SendGuard::Core
