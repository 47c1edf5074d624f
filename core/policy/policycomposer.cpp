// SPDX-License-Identifier: GPL-2.0-or-later
#include "policycomposer.h"

#include "json/jsonparser.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace SendGuard::Core {

QJsonObject PolicyComposer::merge(QJsonObject below, const QJsonObject &above)
{
    for (auto it = above.begin(); it != above.end(); ++it) {
        const QJsonValue current = below.value(it.key());
        if (current.isObject() && it.value().isObject())
            below.insert(it.key(), merge(current.toObject(), it.value().toObject()));
        else
            below.insert(it.key(), it.value());
    }
    return below;
}

PolicyReader::Result PolicyComposer::read(const QJsonObject &merged, const QDate &today)
{
    const QByteArray json = QJsonDocument(merged).toJson(QJsonDocument::Compact);
    return PolicyReader::read({json.constData(), std::size_t(json.size())}, today);
}

JsonPosition PolicyComposer::positionOf(const JsonNode &root, const QString &fieldPath)
{
    // "rules[2].detectors[0]" -> rules, [2], detectors, [0]
    static const QRegularExpression part(QStringLiteral("([^.\\[\\]]+)|\\[(\\d+)\\]"));
    const JsonNode *node = &root;
    JsonPosition position = root.position;
    auto matches = part.globalMatch(fieldPath);
    while (matches.hasNext() && node) {
        const QRegularExpressionMatch match = matches.next();
        const JsonNode *next = nullptr;
        if (match.capturedLength(1) > 0) {
            for (const JsonNode::Member &member : node->members) {
                if (member.key == match.captured(1)) {
                    next = &member.value;
                    break;
                }
            }
        } else if (node->type == JsonNode::Type::Array) {
            const std::size_t index = match.captured(2).toULongLong();
            if (index < node->elements.size())
                next = &node->elements[index];
        }
        node = next;
        if (node)
            position = node->position;
    }
    return position;
}

PolicyComposer::LayerCheck PolicyComposer::check(const QJsonObject &below, const QByteArray &layer, const QDate &today)
{
    LayerCheck result;
    const JsonParser::Result parsed = JsonParser::parse({layer.constData(), std::size_t(layer.size())});
    if (!parsed.root) {
        result.diagnostics.push_back(parsed.error);
        return result;
    }
    if (parsed.root->type != JsonNode::Type::Object) {
        result.diagnostics.push_back({JsonDiagnostic::Kind::Error, QString(),
                                      QStringLiteral("expected a policy object"), parsed.root->position});
        return result;
    }
    result.object = QJsonDocument::fromJson(layer).object();
    const PolicyReader::Result merged = read(merge(below, *result.object), today);
    for (JsonDiagnostic diagnostic : merged.diagnostics) {
        diagnostic.position = positionOf(*parsed.root, diagnostic.field);
        result.diagnostics.push_back(std::move(diagnostic));
    }
    result.accepted = !merged.hasErrors();
    return result;
}

} // namespace SendGuard::Core
