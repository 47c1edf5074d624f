// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "jsondiagnostic.h"
#include "jsonnode.h"

#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <vector>

namespace SendGuard::Core {

// Reads typed fields out of a parsed JSON tree and collects diagnostics that name each field by
// its path ("recipients[2].memberCount") and position. A missing required field is reported at
// the object that should hold it; a wrong type at the value itself.
class JsonFieldReader
{
public:
    enum class Presence { Required, Optional };
    // Whether an error may quote the bad value: never for messages, which hold personal data.
    enum class Values { Quoted, Hidden };

    explicit JsonFieldReader(Values values = Values::Quoted)
        : m_values(values)
    {
    }

    // The path of a member or an element, for nested reads.
    static QString join(const QString &path, QStringView key);
    static QString join(const QString &path, qsizetype index);
    // Whether object sets key to a value: a JSON null is no value, so "expires": null is not an expiry.
    static bool isSet(const JsonNode &object, QStringView key)
    {
        const JsonNode *value = object.member(key);
        return value && value->type != JsonNode::Type::Null;
    }

    // The member key of object, checked to have the given type. Null (and a diagnostic when
    // required or of the wrong type) otherwise. A JSON null counts as absent for optional members.
    const JsonNode *member(const JsonNode &object, const QString &path, QStringView key, JsonNode::Type type,
                           Presence presence);

    std::optional<QString> string(const JsonNode &object, const QString &path, QStringView key, Presence presence);
    std::optional<bool> boolean(const JsonNode &object, const QString &path, QStringView key, Presence presence);
    // An integral number within [minimum, maximum].
    std::optional<qint64> integer(const JsonNode &object, const QString &path, QStringView key, Presence presence,
                                  qint64 minimum, qint64 maximum);
    // One of the allowed strings.
    std::optional<QString> oneOf(const JsonNode &object, const QString &path, QStringView key, Presence presence,
                                 const QStringList &allowed);
    // One string of an array, with where it stands, so a check on it can point at it.
    struct StringElement
    {
        QString value;
        QString path; // "allowList.domains[2]"
        JsonPosition position;
    };

    // An array whose elements are all strings (each checked; the bad ones reported and left out).
    std::optional<std::vector<StringElement>> stringElements(const JsonNode &object, const QString &path,
                                                             QStringView key, Presence presence);
    std::optional<QStringList> stringList(const JsonNode &object, const QString &path, QStringView key,
                                          Presence presence);

    // Warns about members of object that are not in known: usually a misspelt name.
    void warnAboutUnknownMembers(const JsonNode &object, const QString &path, std::initializer_list<QStringView> known);

    void error(const JsonPosition &position, const QString &path, const QString &message);
    void warning(const JsonPosition &position, const QString &path, const QString &message);

    bool hasErrors() const;
    const std::vector<JsonDiagnostic> &diagnostics() const { return m_diagnostics; }

private:
    Values m_values;
    std::vector<JsonDiagnostic> m_diagnostics;
};

} // namespace SendGuard::Core
