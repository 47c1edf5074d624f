// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectorspec.h"

#include <vector>

namespace SendGuard::Core {

// The built-in detectors with the stable ids of docs/architecture.md, in catalogue order.
std::vector<DetectorSpec> builtInDetectors();

} // namespace SendGuard::Core
