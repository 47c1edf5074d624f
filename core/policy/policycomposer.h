// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policy.h"
#include "policyreader.h"
#include "json/jsondiagnostic.h"
#include "json/jsonnode.h"

#include <QByteArray>
#include <QDate>

#include <optional>
#include <vector>

namespace SendGuard::Core {

// Builds the effective policy from layers, lowest first: the built-in document, recommended
// files, managed files (in file-name order), the signed bundle. A layer is a fragment of a policy
// document: an object member it sets merges into the one below (member by member, recursively);
// anything else it sets (a number, a string, an array, null, true or false) replaces what was
// below. Layers merge as parsed trees (JsonNode), so each layer's text is parsed once, strictly,
// and every node of a merged tree keeps a position in the top layer's own text.
class PolicyComposer
{
public:
    // What checking one layer on top of the layers below found. Diagnostics point into the
    // layer's own text: a field's line and column when the layer sets that field, the line and
    // column of the nearest enclosing field it sets otherwise (the start of the layer at least),
    // for an error that comes from combining it with what is below.
    struct [[nodiscard]] LayerCheck
    {
        std::optional<JsonNode> root; // the layer's parsed tree, when it parsed as an object
        std::vector<JsonDiagnostic> diagnostics;
        bool accepted = false; // parsed, and the policy it makes with below reads without error
    };

    // below: the merged tree of the layers under it (builtIn() at the bottom).
    static LayerCheck check(const JsonNode &below, const QByteArray &layer, const QDate &today);

    // above over below. The result's members: below's in their order, then those only above has
    // in above's order. A node above sets keeps its position; every other node (and member key)
    // takes the position of the nearest enclosing node above sets, above's root at least.
    static JsonNode merge(JsonNode below, const JsonNode &above);

    // The policy a merged tree makes; diagnostics carry the positions of its nodes.
    static PolicyReader::Result read(const JsonNode &merged, const QDate &today);

    // The built-in document (BuiltInPolicy::document()) as a tree: the bottom layer. An empty
    // object when it does not parse as an object, which then reads with errors.
    static const JsonNode &builtIn();

    // What a layer itself says of its version and expiry (for bundles and `policy status`): its
    // "version" when that is an integral number, 0 otherwise; its "expires" date, invalid when absent.
    static qint64 versionOf(const JsonNode &layer);
    // remote.epoch, 0 when absent: a bundle says which sequence of versions it belongs to.
    static qint64 epochOf(const JsonNode &layer);
    static QDate expiresOf(const JsonNode &layer);
};

} // namespace SendGuard::Core
