// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policy.h"
#include "policyreader.h"
#include "json/jsondiagnostic.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace SendGuard::Core {

// Builds the effective policy from layers, lowest first: the built-in document, recommended
// files, managed files (in file-name order), the signed bundle. A layer is a fragment of a policy
// document: an object member it sets merges into the one below (member by member, recursively);
// anything else it sets (a number, a string, an array) replaces what was below.
class PolicyComposer
{
public:
    // What checking one layer on top of the layers below found. Diagnostics point into the
    // layer's own text: a field's line and column when the layer sets that field, its first line
    // otherwise (an error that comes from combining it with what is below).
    struct [[nodiscard]] LayerCheck
    {
        std::optional<QJsonObject> object; // the layer's JSON, when it parsed as an object
        std::vector<JsonDiagnostic> diagnostics;
        bool accepted = false; // parsed, and the policy it makes with below reads without error
    };

    // below: the merged object of the layers under it (the built-in document at the bottom).
    static LayerCheck check(const QJsonObject &below, const QByteArray &layer, const QDate &today);

    static QJsonObject merge(QJsonObject below, const QJsonObject &above);

    // The policy a merged object makes.
    static PolicyReader::Result read(const QJsonObject &merged, const QDate &today);

    // The line and column in a JSON text of a diagnostic's field path ("rules[2].detectors[0]"):
    // of the deepest part of the path the text has.
    static JsonPosition positionOf(const JsonNode &root, const QString &fieldPath);
};

} // namespace SendGuard::Core
