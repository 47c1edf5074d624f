// SPDX-License-Identifier: GPL-2.0-or-later
#include "policycomposer.h"

#include "builtinpolicy.h"
#include "json/jsonparser.h"

#include <algorithm>
#include <cmath>

namespace SendGuard::Core {

namespace {

// Moves node, and everything under it, to the position of the node a layer sets around it.
void placeAt(JsonNode &node, const JsonPosition &position)
{
    node.position = position;
    for (JsonNode &element : node.elements)
        placeAt(element, position);
    for (JsonNode::Member &member : node.members) {
        member.keyPosition = position;
        placeAt(member.value, position);
    }
}

} // namespace

JsonNode PolicyComposer::merge(JsonNode below, const JsonNode &above)
{
    if (below.type != JsonNode::Type::Object || above.type != JsonNode::Type::Object)
        return above;
    below.position = above.position;
    const std::size_t belowCount = below.members.size();
    std::vector<bool> set(belowCount, false);
    for (const JsonNode::Member &member : above.members) {
        const auto end = below.members.begin() + std::ptrdiff_t(belowCount);
        const auto found =
            std::find_if(below.members.begin(), end, [&](const JsonNode::Member &m) { return m.key == member.key; });
        if (found == end) {
            below.members.push_back(member);
            continue;
        }
        set[std::size_t(found - below.members.begin())] = true;
        found->keyPosition = member.keyPosition;
        found->value = merge(std::move(found->value), member.value);
    }
    for (std::size_t i = 0; i < belowCount; ++i) {
        if (!set[i]) {
            below.members[i].keyPosition = above.position;
            placeAt(below.members[i].value, above.position);
        }
    }
    return below;
}

PolicyReader::Result PolicyComposer::read(const JsonNode &merged, const QDate &today)
{
    return PolicyReader::read(merged, today);
}

const JsonNode &PolicyComposer::builtIn()
{
    static const JsonNode tree = [] {
        const QByteArray document = BuiltInPolicy::document();
        auto parsed = JsonParser::parse({document.constData(), std::size_t(document.size())});
        if (parsed.root && parsed.root->type == JsonNode::Type::Object)
            return std::move(*parsed.root);
        JsonNode empty;
        empty.type = JsonNode::Type::Object;
        empty.position = {1, 1};
        return empty;
    }();
    return tree;
}

namespace {

// As QJsonValue::toInteger(): an integral number that fits a qint64, 0 otherwise.
qint64 integerOf(const JsonNode *node)
{
    if (!node || node->type != JsonNode::Type::Number)
        return 0;
    constexpr double Limit = 9223372036854775808.0; // 2^63
    const double number = node->number;
    if (number != std::trunc(number) || number < -Limit || number >= Limit)
        return 0;
    return qint64(number);
}

} // namespace

qint64 PolicyComposer::versionOf(const JsonNode &layer)
{
    return integerOf(layer.member(u"version"));
}

qint64 PolicyComposer::epochOf(const JsonNode &layer)
{
    const JsonNode *remote = layer.member(u"remote");
    return remote ? integerOf(remote->member(u"epoch")) : 0;
}

QDate PolicyComposer::expiresOf(const JsonNode &layer)
{
    const JsonNode *expires = layer.member(u"expires");
    if (!expires || expires->type != JsonNode::Type::String)
        return {};
    return QDate::fromString(expires->string, Qt::ISODate);
}

PolicyComposer::LayerCheck PolicyComposer::check(const JsonNode &below, const QByteArray &layer, const QDate &today)
{
    LayerCheck result;
    auto parsed = JsonParser::parse({layer.constData(), std::size_t(layer.size())});
    if (!parsed.root) {
        result.diagnostics.push_back(parsed.error);
        return result;
    }
    if (parsed.root->type != JsonNode::Type::Object) {
        result.diagnostics.push_back({JsonDiagnostic::Kind::Error, QString(),
                                      QStringLiteral("expected a policy object"), parsed.root->position});
        return result;
    }
    PolicyReader::Result merged = read(merge(below, *parsed.root), today);
    result.accepted = !merged.hasErrors();
    result.diagnostics = std::move(merged.diagnostics);
    result.root = std::move(parsed.root);
    return result;
}

} // namespace SendGuard::Core
