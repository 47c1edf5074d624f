// SPDX-License-Identifier: GPL-2.0-or-later
#include "jsonfieldreader.h"

#include <algorithm>
#include <cmath>

namespace SendGuard::Core {

QString JsonFieldReader::join(const QString &path, QStringView key)
{
    return path.isEmpty() ? key.toString() : path + QLatin1Char('.') + key.toString();
}

QString JsonFieldReader::join(const QString &path, qsizetype index)
{
    return path + QStringLiteral("[%1]").arg(index);
}

const JsonNode *JsonFieldReader::member(const JsonNode &object, const QString &path, QStringView key,
                                        JsonNode::Type type, Presence presence)
{
    const JsonNode *value = object.member(key);
    const bool absent = !value || (value->type == JsonNode::Type::Null && type != JsonNode::Type::Null);
    if (absent) {
        if (presence == Presence::Required)
            error(value ? value->position : object.position, join(path, key), QStringLiteral("missing required field"));
        return nullptr;
    }
    if (value->type != type) {
        error(value->position, join(path, key),
              QStringLiteral("expected %1, found %2").arg(JsonNode::typeName(type), JsonNode::typeName(value->type)));
        return nullptr;
    }
    return value;
}

std::optional<QString> JsonFieldReader::string(const JsonNode &object, const QString &path, QStringView key,
                                               Presence presence)
{
    if (const JsonNode *value = member(object, path, key, JsonNode::Type::String, presence))
        return value->string;
    return std::nullopt;
}

std::optional<bool> JsonFieldReader::boolean(const JsonNode &object, const QString &path, QStringView key,
                                             Presence presence)
{
    if (const JsonNode *value = member(object, path, key, JsonNode::Type::Bool, presence))
        return value->boolean;
    return std::nullopt;
}

std::optional<qint64> JsonFieldReader::integer(const JsonNode &object, const QString &path, QStringView key,
                                               Presence presence, qint64 minimum, qint64 maximum)
{
    const JsonNode *value = member(object, path, key, JsonNode::Type::Number, presence);
    if (!value)
        return std::nullopt;
    if (value->number != std::floor(value->number)) {
        error(value->position, join(path, key), QStringLiteral("expected a whole number"));
        return std::nullopt;
    }
    if (value->number < static_cast<double>(minimum) || value->number > static_cast<double>(maximum)) {
        error(value->position, join(path, key), QStringLiteral("must be between %1 and %2").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return static_cast<qint64>(value->number);
}

std::optional<QString> JsonFieldReader::oneOf(const JsonNode &object, const QString &path, QStringView key,
                                              Presence presence, const QStringList &allowed)
{
    const JsonNode *value = member(object, path, key, JsonNode::Type::String, presence);
    if (!value)
        return std::nullopt;
    if (!allowed.contains(value->string)) {
        const QString list = allowed.join(QStringLiteral(", "));
        error(value->position, join(path, key),
              m_values == Values::Quoted ? QStringLiteral("\"%1\" is not one of: %2").arg(value->string, list)
                                         : QStringLiteral("not one of: %1").arg(list));
        return std::nullopt;
    }
    return value->string;
}

std::optional<std::vector<JsonFieldReader::StringElement>>
JsonFieldReader::stringElements(const JsonNode &object, const QString &path, QStringView key, Presence presence)
{
    const JsonNode *value = member(object, path, key, JsonNode::Type::Array, presence);
    if (!value)
        return std::nullopt;
    std::vector<StringElement> list;
    for (std::size_t i = 0; i < value->elements.size(); ++i) {
        const JsonNode &element = value->elements[i];
        const QString elementPath = join(join(path, key), static_cast<qsizetype>(i));
        if (element.type != JsonNode::Type::String) {
            error(element.position, elementPath,
                  QStringLiteral("expected string, found %1").arg(JsonNode::typeName(element.type)));
            continue;
        }
        list.push_back({element.string, elementPath, element.position});
    }
    return list;
}

std::optional<QStringList> JsonFieldReader::stringList(const JsonNode &object, const QString &path, QStringView key,
                                                       Presence presence)
{
    const auto elements = stringElements(object, path, key, presence);
    if (!elements)
        return std::nullopt;
    QStringList list;
    for (const StringElement &element : *elements)
        list.append(element.value);
    return list;
}

void JsonFieldReader::warnAboutUnknownMembers(const JsonNode &object, const QString &path,
                                              std::initializer_list<QStringView> known)
{
    for (const JsonNode::Member &m : object.members) {
        if (std::find(known.begin(), known.end(), QStringView(m.key)) == known.end())
            warning(m.keyPosition, join(path, m.key), QStringLiteral("unknown field (misspelt?), ignored"));
    }
}

void JsonFieldReader::error(const JsonPosition &position, const QString &path, const QString &message)
{
    m_diagnostics.push_back({JsonDiagnostic::Kind::Error, path, message, position});
}

void JsonFieldReader::warning(const JsonPosition &position, const QString &path, const QString &message)
{
    m_diagnostics.push_back({JsonDiagnostic::Kind::Warning, path, message, position});
}

bool JsonFieldReader::hasErrors() const
{
    return std::any_of(m_diagnostics.begin(), m_diagnostics.end(),
                       [](const JsonDiagnostic &d) { return d.kind == JsonDiagnostic::Kind::Error; });
}

} // namespace SendGuard::Core
