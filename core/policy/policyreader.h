// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policy.h"
#include "json/jsondiagnostic.h"
#include "json/jsonnode.h"

#include <QDate>

#include <optional>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// Reads and checks a policy document: its structure (what resources/policy.schema.json says) and
// what a schema cannot say: custom patterns compile within their budget and find their examples,
// ids are unique, rules name detectors that exist, exemptions carry an expiry, thresholds are sane.
// A policy with any error is not returned; warnings (an unknown field, an expired exemption) are
// reported with a usable policy.
class PolicyReader
{
public:
    struct [[nodiscard]] Result
    {
        std::optional<Policy> policy; // set when there is no error
        std::vector<JsonDiagnostic> diagnostics; // errors and warnings, in document order

        bool hasErrors() const { return !policy; }
    };

    // today decides which exemptions and policies have expired.
    static Result read(std::string_view json, const QDate &today);
    // The same for a document already parsed; diagnostics carry the positions of root's nodes.
    static Result read(const JsonNode &root, const QDate &today);
};

} // namespace SendGuard::Core
