// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policyreader.h"

#include <QByteArray>

namespace SendGuard::Core {

// The default policy compiled into every binary (resources/default-policy.json): what runs when
// nothing is managed, and what stays in force when everything else is broken.
namespace BuiltInPolicy {

QByteArray document();

// The policy read from document(). The test suite checks that it reads without a diagnostic; callers
// still handle errors as for any policy, so a broken build cannot take the host down.
PolicyReader::Result read();

// resources/policy.schema.json, for tools that hand it to IT.
QByteArray schema();

} // namespace BuiltInPolicy

} // namespace SendGuard::Core
