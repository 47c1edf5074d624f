// SPDX-License-Identifier: GPL-2.0-or-later
#include "usersettings.h"

#include "detectors/detectorcatalog.h"
#include "json/jsonparser.h"

namespace SendGuard::Core {

namespace {

// The built-in detector's default severity; nothing for an id that is not built in.
std::optional<Severity> builtInSeverity(const QString &id)
{
    for (const DetectorSpec &spec : builtInDetectors()) {
        if (spec.id == id)
            return spec.severity;
    }
    return std::nullopt;
}

class Applier
{
public:
    explicit Applier(Policy policy)
        : m_policy(std::move(policy))
    {
    }

    void apply(const JsonNode &root)
    {
        if (root.type != JsonNode::Type::Object) {
            error(root.position, QString(), QStringLiteral("expected an object of settings"));
            return;
        }
        for (const JsonNode::Member &member : root.members) {
            if (member.key == QLatin1String("audience"))
                audience(member.value);
            else if (member.key == QLatin1String("justification"))
                justification(member.value);
            else if (member.key == QLatin1String("failureMode"))
                failureMode(member.value);
            else if (member.key == QLatin1String("detectors"))
                detectors(member.value);
            else
                leftOut(member.keyPosition, member.key,
                        QStringLiteral("not a setting a user can make stricter; left out"));
        }
    }

    UserSettings::Result result() && { return {std::move(m_policy), std::move(m_diagnostics)}; }

private:
    void error(const JsonPosition &position, const QString &field, const QString &message)
    {
        m_diagnostics.push_back({JsonDiagnostic::Kind::Error, field, message, position});
    }
    void leftOut(const JsonPosition &position, const QString &field, const QString &message)
    {
        m_diagnostics.push_back({JsonDiagnostic::Kind::Warning, field, message, position});
    }
    bool expect(const JsonNode &node, JsonNode::Type type, const QString &field)
    {
        if (node.type == type)
            return true;
        error(node.position, field, QStringLiteral("expected %1").arg(JsonNode::typeName(type)));
        return false;
    }

    void lowerOnly(const JsonNode &node, const QString &field, qint64 &value)
    {
        if (!expect(node, JsonNode::Type::Number, field))
            return;
        const auto wanted = qint64(node.number);
        if (wanted >= 2 && wanted < value)
            value = wanted;
        else
            leftOut(node.position, field, QStringLiteral("not stricter than the machine's %1; left out").arg(value));
    }

    void addStrings(const JsonNode &node, const QString &field, QStringList &values)
    {
        if (!expect(node, JsonNode::Type::Array, field))
            return;
        for (std::size_t i = 0; i < node.elements.size(); ++i) {
            const JsonNode &element = node.elements[i];
            if (element.type == JsonNode::Type::String && !element.string.trimmed().isEmpty()) {
                if (!values.contains(element.string))
                    values.append(element.string);
            } else {
                error(element.position, QStringLiteral("%1[%2]").arg(field).arg(i), QStringLiteral("expected a name"));
            }
        }
    }

    void audience(const JsonNode &node)
    {
        const QString path = QStringLiteral("audience");
        if (!expect(node, JsonNode::Type::Object, path))
            return;
        AudienceSettings &audience = m_policy.audience;
        for (const JsonNode::Member &member : node.members) {
            const QString field = path + QLatin1Char('.') + member.key;
            if (member.key == QLatin1String("memberThreshold"))
                lowerOnly(member.value, field, audience.memberThreshold);
            else if (member.key == QLatin1String("audienceThreshold"))
                lowerOnly(member.value, field, audience.audienceThreshold);
            else if (member.key == QLatin1String("allStaffNamePatterns"))
                addStrings(member.value, field, audience.allStaffNamePatterns);
            else if (member.key == QLatin1String("broadcastIds"))
                addStrings(member.value, field, audience.broadcastIds);
            else if (member.key == QLatin1String("broadcastTypes"))
                broadcastTypes(member.value, field);
            else
                leftOut(member.keyPosition, field, QStringLiteral("not a setting a user can make stricter; left out"));
        }
    }

    void broadcastTypes(const JsonNode &node, const QString &field)
    {
        QStringList names;
        addStrings(node, field, names);
        for (const QString &name : std::as_const(names)) {
            const auto type = recipientTypeNames.value(name);
            if (!type || *type == RecipientType::Person) {
                error(node.position, field,
                      QStringLiteral("\"%1\" is not a group, broadcast, channel or external").arg(name));
                continue;
            }
            auto &types = m_policy.audience.broadcastTypes;
            if (std::find(types.begin(), types.end(), *type) == types.end())
                types.push_back(*type);
        }
    }

    void justification(const JsonNode &node)
    {
        if (!expect(node, JsonNode::Type::Object, QStringLiteral("justification")))
            return;
        for (const JsonNode::Member &member : node.members) {
            const QString field = QStringLiteral("justification.") + member.key;
            if (member.key != QLatin1String("minLength")) {
                leftOut(member.keyPosition, field, QStringLiteral("not a setting a user can make stricter; left out"));
                continue;
            }
            if (!expect(member.value, JsonNode::Type::Number, field))
                continue;
            const int wanted = int(qBound(0.0, member.value.number, 1000.0));
            if (wanted > m_policy.justificationMinLength)
                m_policy.justificationMinLength = wanted;
            else
                leftOut(member.value.position, field,
                        QStringLiteral("not stricter than the machine's %1; left out")
                            .arg(m_policy.justificationMinLength));
        }
    }

    static int strictness(FailureMode mode)
    {
        switch (mode) {
        case FailureMode::Allow:
            return 0;
        case FailureMode::Confirm:
            return 1;
        case FailureMode::Block:
            return 2;
        }
        return 0;
    }

    void failureMode(const JsonNode &node)
    {
        const QString field = QStringLiteral("failureMode");
        if (!expect(node, JsonNode::Type::String, field))
            return;
        const auto mode = failureModeNames.value(node.string);
        if (!mode) {
            error(node.position, field, QStringLiteral("not one of allow, confirm, block"));
            return;
        }
        if (strictness(*mode) > strictness(m_policy.failureMode))
            m_policy.failureMode = *mode;
        else
            leftOut(node.position, field,
                    QStringLiteral("not stricter than the machine's \"%1\"; left out")
                        .arg(failureModeNames.name(m_policy.failureMode)));
    }

    void detectors(const JsonNode &node)
    {
        if (!expect(node, JsonNode::Type::Object, QStringLiteral("detectors")))
            return;
        for (const JsonNode::Member &member : node.members) {
            const QString path = QStringLiteral("detectors.") + member.key;
            const std::optional<Severity> builtIn = builtInSeverity(member.key);
            if (!builtIn) {
                error(member.keyPosition, path, QStringLiteral("unknown detector id"));
                continue;
            }
            if (!expect(member.value, JsonNode::Type::Object, path))
                continue;
            DetectorSetting setting = m_policy.detectorSettings.value(member.key);
            const DetectorSetting before = setting;
            for (const JsonNode::Member &option : member.value.members) {
                const QString field = path + QLatin1Char('.') + option.key;
                if (option.key == QLatin1String("enabled") && option.value.type == JsonNode::Type::Bool &&
                    option.value.boolean) {
                    setting.enabled = true;
                } else if (option.key == QLatin1String("severity") && option.value.type == JsonNode::Type::String &&
                           severityNames.value(option.value.string)) {
                    const Severity wanted = *severityNames.value(option.value.string);
                    const Severity current = setting.severity.value_or(*builtIn);
                    if (wanted > current)
                        setting.severity = wanted;
                    else
                        leftOut(option.value.position, field,
                                QStringLiteral("not stricter than the machine's \"%1\"; left out")
                                    .arg(severityNames.name(current)));
                } else {
                    leftOut(option.keyPosition, field,
                            QStringLiteral("only enabling a detector or raising its severity is stricter; left out"));
                }
            }
            if (!(setting == before))
                m_policy.detectorSettings.insert(member.key, setting);
        }
    }

    Policy m_policy;
    std::vector<JsonDiagnostic> m_diagnostics;
};

} // namespace

UserSettings::Result UserSettings::apply(const Policy &machine, std::string_view json)
{
    const JsonParser::Result parsed = JsonParser::parse(json);
    if (!parsed.root)
        return {machine, {parsed.error}};
    Applier applier(machine);
    applier.apply(*parsed.root);
    return std::move(applier).result();
}

} // namespace SendGuard::Core
