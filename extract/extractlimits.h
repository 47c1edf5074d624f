// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/attachmentlimits.h"

namespace SendGuard::Extract {

// The host's limits, as the helper receives them on its command line.
using ExtractLimits = Core::AttachmentLimits;

} // namespace SendGuard::Extract
