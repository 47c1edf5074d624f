// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policy.h"

#include <QJsonObject>

namespace SendGuard::Core {

// Writes a policy back as a policy document, every default spelt out: what `sendguard policy
// show` prints as the effective policy. PolicyReader reads it back to an equal Policy.
namespace PolicyJson {

QJsonObject toJson(const Policy &policy);

} // namespace PolicyJson

} // namespace SendGuard::Core
