// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "scan/finding.h"

#include <QString>

#include <vector>

namespace SendGuard::Tools {

// JSON in the exact field order of the docs/architecture.md contract (QJsonObject would sort the keys).
namespace FindingJson {

// A JSON string literal, quotes included.
QString quoted(const QString &text);

// {"detector","severity","confidence","start","end","masked"}, then "field" when one is given
// (`check` names the part of the message).
QString finding(const Core::Finding &finding, const QString &field = {});

// [finding, ...]
QString findings(const std::vector<Core::Finding> &findings);

} // namespace FindingJson

} // namespace SendGuard::Tools
