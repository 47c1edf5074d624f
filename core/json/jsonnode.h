// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace SendGuard::Core {

// Where something stands in a JSON text: 1-based line and column (columns count characters).
struct JsonPosition
{
    int line = 0;
    int column = 0;
};

// One value of a parsed JSON document, with the position it starts at. QJsonDocument forgets
// positions, and errors in policies and messages must name the line and column of the bad field.
class JsonNode
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    struct Member;

    Type type = Type::Null;
    JsonPosition position;
    bool boolean = false;
    double number = 0.0;
    QString string;
    std::vector<JsonNode> elements; // Type::Array
    std::vector<Member> members; // Type::Object, in document order; keys are unique

    // The member named key, or null when this is not an object or has no such member.
    const JsonNode *member(QStringView key) const;
    // Removes the member named key; false when there was none.
    bool removeMember(QStringView key);

    // "null", "boolean", "number", "string", "array" or "object", for error messages.
    static QString typeName(Type type);
};

struct JsonNode::Member
{
    QString key;
    JsonPosition keyPosition;
    JsonNode value;
};

inline const JsonNode *JsonNode::member(QStringView key) const
{
    for (const Member &m : members) {
        if (m.key == key)
            return &m.value;
    }
    return nullptr;
}

inline bool JsonNode::removeMember(QStringView key)
{
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it->key == key) {
            members.erase(it);
            return true;
        }
    }
    return false;
}

inline QString JsonNode::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("boolean");
    case Type::Number:
        return QStringLiteral("number");
    case Type::String:
        return QStringLiteral("string");
    case Type::Array:
        return QStringLiteral("array");
    case Type::Object:
        return QStringLiteral("object");
    }
    return {};
}

} // namespace SendGuard::Core
