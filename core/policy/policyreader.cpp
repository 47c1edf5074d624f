// SPDX-License-Identifier: GPL-2.0-or-later
#include "policyreader.h"

#include "minisign.h"

#include "detectors/detectorcatalog.h"
#include "detectors/validators.h"
#include "policydetectors.h"
#include "scan/scanner.h"
#include "json/jsonfieldreader.h"
#include "json/jsonparser.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <set>

namespace SendGuard::Core {

namespace {

using Presence = JsonFieldReader::Presence;
using Type = JsonNode::Type;

constexpr qint64 MaxAudience = 10'000'000;

// Where a pattern anchors itself: the scanner leads every pattern with a boundary character, so an
// anchor would never match. Returns a description of the first one, or nothing.
std::optional<QString> anchorIn(const std::string &pattern)
{
    bool inClass = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            const char next = pattern[++i];
            if (!inClass && (next == 'A' || next == 'z'))
                return QStringLiteral("\\%1").arg(QLatin1Char(next));
            continue;
        }
        if (inClass) {
            inClass = c != ']';
            continue;
        }
        if (c == '[') {
            inClass = true;
            if (i + 1 < pattern.size() && pattern[i + 1] == '^')
                ++i;
            if (i + 1 < pattern.size() && pattern[i + 1] == ']')
                ++i; // a literal ']' first in the class
            continue;
        }
        if (c == '^' || c == '$')
            return QString(QLatin1Char(c));
    }
    return std::nullopt;
}

class Reading
{
public:
    explicit Reading(const QDate &today)
        : m_today(today)
    {
        for (const DetectorSpec &spec : builtInDetectors())
            m_builtInIds.insert(spec.id);
    }

    std::optional<Policy> read(const JsonNode &root)
    {
        Policy policy;
        m_fields.warnAboutUnknownMembers(root, QString(),
                                         {u"$schema", u"id", u"version", u"expires", u"description", u"detectors",
                                          u"customDetectors", u"audience", u"rules", u"allowList", u"exemptions",
                                          u"justification", u"texts", u"failureMode", u"audit", u"remote",
                                          u"attachments"});
        if (const auto id = m_fields.string(root, QString(), u"id", Presence::Required)) {
            static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
            if (!idPattern.match(*id).hasMatch())
                m_fields.error(
                    root.member(u"id")->position, QStringLiteral("id"),
                    QStringLiteral("must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            policy.id = *id;
        }
        policy.version =
            m_fields.integer(root, QString(), u"version", Presence::Required, 1, 9'007'199'254'740'991).value_or(0);
        policy.expires = date(root, QString(), u"expires", Presence::Optional);
        if (policy.expires.isValid() && policy.expires < m_today)
            m_fields.warning(root.member(u"expires")->position, QStringLiteral("expires"),
                             QStringLiteral("the policy expired on %1").arg(policy.expires.toString(Qt::ISODate)));
        policy.description = m_fields.string(root, QString(), u"description", Presence::Optional).value_or(QString());

        readCustomDetectors(root, policy);
        readDetectorSettings(root, policy);
        readAudience(root, policy.audience);
        readRules(root, policy);
        readAllowList(root, policy.allowList);
        readExemptions(root, policy);
        if (const JsonNode *justification =
                m_fields.member(root, QString(), u"justification", Type::Object, Presence::Optional)) {
            m_fields.warnAboutUnknownMembers(*justification, QStringLiteral("justification"), {u"minLength"});
            policy.justificationMinLength = static_cast<int>(
                m_fields
                    .integer(*justification, QStringLiteral("justification"), u"minLength", Presence::Required, 1, 1000)
                    .value_or(policy.justificationMinLength));
        }
        if (const JsonNode *texts = m_fields.member(root, QString(), u"texts", Type::Object, Presence::Optional)) {
            m_fields.warnAboutUnknownMembers(*texts, QStringLiteral("texts"), {u"contact"});
            policy.contact = localizedText(*texts, QStringLiteral("texts"), u"contact", Presence::Optional);
        }
        if (const auto mode =
                m_fields.oneOf(root, QString(), u"failureMode", Presence::Optional, failureModeNames.names()))
            policy.failureMode = *failureModeNames.value(*mode);
        if (const JsonNode *audit = m_fields.member(root, QString(), u"audit", Type::Object, Presence::Optional)) {
            const QString path = QStringLiteral("audit");
            m_fields.warnAboutUnknownMembers(*audit, path,
                                             {u"enabled", u"recordJustification", u"maxFileBytes", u"systemLog"});
            policy.audit.enabled = m_fields.boolean(*audit, path, u"enabled", Presence::Optional).value_or(true);
            policy.audit.recordJustification =
                m_fields.boolean(*audit, path, u"recordJustification", Presence::Optional).value_or(true);
            policy.audit.maxFileBytes =
                m_fields.integer(*audit, path, u"maxFileBytes", Presence::Optional, 64 * 1024, qint64(1) << 40)
                    .value_or(policy.audit.maxFileBytes);
            policy.audit.systemLog = m_fields.boolean(*audit, path, u"systemLog", Presence::Optional).value_or(true);
        }
        readRemote(root, policy.remote);
        readAttachmentLimits(root, policy.attachments);
        if (m_fields.hasErrors())
            return std::nullopt;
        return policy;
    }

    void readAttachmentLimits(const JsonNode &root, AttachmentLimits &limits)
    {
        const JsonNode *node = m_fields.member(root, QString(), u"attachments", Type::Object, Presence::Optional);
        if (!node)
            return;
        const QString path = QStringLiteral("attachments");
        m_fields.warnAboutUnknownMembers(*node, path,
                                         {u"maxFileBytes", u"maxEntries", u"maxDepth", u"maxExpansionRatio",
                                          u"maxEntryBytes", u"maxTotalBytes", u"maxCharacters", u"maxSeconds"});
        // The helper runs within 2 GiB of address space: what it holds at once stays well below.
        constexpr qint64 GiB = qint64(1) << 30;
        const auto number = [&](const char16_t *name, qint64 minimum, qint64 maximum, qint64 fallback) {
            return m_fields.integer(*node, path, name, Presence::Optional, minimum, maximum).value_or(fallback);
        };
        limits.maxInputBytes = number(u"maxFileBytes", 1024, GiB / 2, limits.maxInputBytes);
        limits.maxEntries = int(number(u"maxEntries", 1, 1'000'000, limits.maxEntries));
        limits.maxDepth = int(number(u"maxDepth", 0, 16, limits.maxDepth));
        limits.maxRatio = int(number(u"maxExpansionRatio", 10, 100'000, limits.maxRatio));
        limits.maxEntryBytes = number(u"maxEntryBytes", 1 << 20, GiB / 2, limits.maxEntryBytes);
        limits.maxTotalBytes = number(u"maxTotalBytes", 1 << 20, GiB / 2, limits.maxTotalBytes);
        limits.maxCharacters = number(u"maxCharacters", 1000, 200'000'000, limits.maxCharacters);
        limits.maxSeconds = int(number(u"maxSeconds", 1, 600, limits.maxSeconds));
    }

    void readRemote(const JsonNode &root, RemoteSettings &remote)
    {
        const JsonNode *node = m_fields.member(root, QString(), u"remote", Type::Object, Presence::Optional);
        if (!node)
            return;
        const QString path = QStringLiteral("remote");
        m_fields.warnAboutUnknownMembers(
            *node, path, {u"url", u"publicKeys", u"pollMinutes", u"timeoutSeconds", u"staleAfterDays", u"epoch"});
        // url and publicKeys go together; a remote with neither only says its epoch (a bundle does).
        const Presence together =
            node->member(u"url") || node->member(u"publicKeys") ? Presence::Required : Presence::Optional;
        if (const auto url = m_fields.string(*node, path, u"url", together)) {
            const QUrl parsed(*url, QUrl::StrictMode);
            const QString host = parsed.host();
            const bool loopback = host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") ||
                host == QLatin1String("::1");
            if (!parsed.isValid() || host.isEmpty() ||
                !(parsed.scheme() == QLatin1String("https") || (parsed.scheme() == QLatin1String("http") && loopback)))
                m_fields.error(node->member(u"url")->position, JsonFieldReader::join(path, u"url"),
                               QStringLiteral("must be an https URL (http only to a loopback address)"));
            remote.url = *url;
        }
        if (const auto keys = m_fields.stringElements(*node, path, u"publicKeys", together)) {
            for (const auto &key : *keys) {
                QString problem;
                if (!MinisignPublicKey::parse(key.value.toLatin1(), &problem))
                    m_fields.error(key.position, key.path, problem);
                remote.publicKeys.append(key.value);
            }
            if (keys->empty())
                m_fields.error(node->member(u"publicKeys")->position, JsonFieldReader::join(path, u"publicKeys"),
                               QStringLiteral("needs at least one key: an unsigned bundle is never accepted"));
        }
        remote.pollMinutes = static_cast<int>(
            m_fields.integer(*node, path, u"pollMinutes", Presence::Optional, 1, 7 * 24 * 60).value_or(60));
        remote.timeoutSeconds =
            static_cast<int>(m_fields.integer(*node, path, u"timeoutSeconds", Presence::Optional, 1, 300).value_or(20));
        remote.staleAfterDays =
            static_cast<int>(m_fields.integer(*node, path, u"staleAfterDays", Presence::Optional, 0, 365).value_or(7));
        remote.epoch =
            m_fields.integer(*node, path, u"epoch", Presence::Optional, 0, 9'007'199'254'740'991).value_or(0);
    }

    std::vector<JsonDiagnostic> diagnostics() const
    {
        auto list = m_fields.diagnostics();
        std::stable_sort(list.begin(), list.end(), [](const JsonDiagnostic &a, const JsonDiagnostic &b) {
            return std::pair(a.position.line, a.position.column) < std::pair(b.position.line, b.position.column);
        });
        return list;
    }

private:
    QDate date(const JsonNode &object, const QString &path, QStringView key, Presence presence)
    {
        const auto text = m_fields.string(object, path, key, presence);
        if (!text)
            return {};
        static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QDate value = QDate::fromString(*text, Qt::ISODate);
        if (!shape.match(*text).hasMatch() || !value.isValid()) {
            m_fields.error(object.member(key)->position, JsonFieldReader::join(path, key),
                           QStringLiteral("\"%1\" is not a date written YYYY-MM-DD").arg(*text));
            return {};
        }
        return value;
    }

    LocalizedText localizedText(const JsonNode &object, const QString &path, QStringView key, Presence presence)
    {
        const JsonNode *node = m_fields.member(object, path, key, Type::Object, presence);
        if (!node)
            return {};
        const QString textPath = JsonFieldReader::join(path, key);
        static const QRegularExpression language(QStringLiteral("^[a-z]{2}(_[A-Z]{2})?$"));
        QMap<QString, QString> texts;
        for (const JsonNode::Member &m : node->members) {
            if (!language.match(m.key).hasMatch()) {
                m_fields.error(m.keyPosition, JsonFieldReader::join(textPath, m.key),
                               QStringLiteral("not a language code such as \"ko\" or \"en\""));
                continue;
            }
            if (m.value.type != Type::String || m.value.string.trimmed().isEmpty()) {
                m_fields.error(m.value.position, JsonFieldReader::join(textPath, m.key),
                               QStringLiteral("expected a non-empty string"));
                continue;
            }
            texts.insert(m.key, m.value.string);
        }
        for (const QString &required : {QStringLiteral("ko"), QStringLiteral("en")}) {
            if (!node->member(required))
                m_fields.error(node->position, JsonFieldReader::join(textPath, required),
                               QStringLiteral("missing required field"));
        }
        return LocalizedText(texts);
    }

    // Reads a list of strings into words for the scanner's context lists.
    std::vector<std::string> words(const JsonNode &object, const QString &path, QStringView key)
    {
        std::vector<std::string> list;
        for (const auto &word : nonEmptyStrings(object, path, key))
            list.push_back(word.value.toStdString());
        return list;
    }

    void readCustomDetectors(const JsonNode &root, Policy &policy)
    {
        const JsonNode *list = m_fields.member(root, QString(), u"customDetectors", Type::Array, Presence::Optional);
        if (!list)
            return;
        for (std::size_t i = 0; i < list->elements.size(); ++i) {
            const JsonNode &node = list->elements[i];
            const QString path = JsonFieldReader::join(QStringLiteral("customDetectors"), qsizetype(i));
            if (node.type != Type::Object) {
                m_fields.error(node.position, path,
                               QStringLiteral("expected object, found %1").arg(JsonNode::typeName(node.type)));
                continue;
            }
            m_fields.warnAboutUnknownMembers(node, path,
                                             {u"id", u"description", u"severity", u"pattern", u"validator",
                                              u"contextRequired", u"contextWords", u"suppressingWords", u"minDigits",
                                              u"minGroupDigits", u"boundary", u"examples"});
            const std::size_t errorsBefore = errorCount();
            CustomDetector detector;
            detector.id = m_fields.string(node, path, u"id", Presence::Required).value_or(QString());
            if (node.member(u"id") && node.member(u"id")->type == Type::String) {
                static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{1,63}$"));
                const JsonPosition at = node.member(u"id")->position;
                if (!idPattern.match(detector.id).hasMatch())
                    m_fields.error(at, JsonFieldReader::join(path, u"id"),
                                   QStringLiteral("must be 2-64 lowercase letters, digits or '-'"));
                else if (m_builtInIds.count(detector.id))
                    m_fields.error(at, JsonFieldReader::join(path, u"id"),
                                   QStringLiteral("\"%1\" is a built-in detector; choose another id").arg(detector.id));
                else if (!m_customIds.insert(detector.id).second)
                    m_fields.error(at, JsonFieldReader::join(path, u"id"),
                                   QStringLiteral("\"%1\" is defined twice").arg(detector.id));
            }
            detector.description =
                m_fields.string(node, path, u"description", Presence::Optional).value_or(detector.id);
            if (const auto severity =
                    m_fields.oneOf(node, path, u"severity", Presence::Required, severityNames.names()))
                detector.severity = *severityNames.value(*severity);
            const auto pattern = m_fields.string(node, path, u"pattern", Presence::Required);
            detector.pattern = pattern.value_or(QString()).toStdString();
            detector.validator =
                m_fields.oneOf(node, path, u"validator", Presence::Optional, PolicyDetectors::validatorNames())
                    .value_or(QStringLiteral("none"));
            detector.contextRequired =
                m_fields.boolean(node, path, u"contextRequired", Presence::Optional).value_or(false);
            detector.contextWords = words(node, path, u"contextWords");
            detector.suppressingWords = words(node, path, u"suppressingWords");
            // 0 or absent: the pattern needs no digits (a keyword, a case number such as 가-2024-…)
            // and runs over the whole text.
            detector.minDigits =
                static_cast<int>(m_fields.integer(node, path, u"minDigits", Presence::Optional, 0, 19).value_or(0));
            detector.minGroupDigits = static_cast<int>(
                m_fields.integer(node, path, u"minGroupDigits", Presence::Optional, 1, 19).value_or(1));
            if (detector.minDigits == 0 && node.member(u"minGroupDigits"))
                m_fields.error(node.member(u"minGroupDigits")->position, JsonFieldReader::join(path, u"minGroupDigits"),
                               QStringLiteral("needs minDigits: a pattern without digits has no digit groups"));
            else if (detector.minDigits > 0 && detector.minGroupDigits > detector.minDigits)
                m_fields.error(node.member(u"minGroupDigits")->position, JsonFieldReader::join(path, u"minGroupDigits"),
                               QStringLiteral("cannot exceed minDigits"));
            static const QStringList boundaries {QStringLiteral("digits"), QStringLiteral("alphanumeric")};
            detector.boundary =
                m_fields.oneOf(node, path, u"boundary", Presence::Optional, boundaries) == QLatin1String("alphanumeric")
                ? Boundary::Alphanumeric
                : Boundary::Digits;
            detector.examples =
                m_fields.stringList(node, path, u"examples", Presence::Optional).value_or(QStringList());
            if (detector.contextRequired && detector.contextWords.empty())
                m_fields.error(node.position, JsonFieldReader::join(path, u"contextWords"),
                               QStringLiteral("contextRequired needs at least one context word"));
            if (pattern && errorCount() == errorsBefore)
                checkPattern(detector, *node.member(u"pattern"), node, path);
            policy.customDetectors.push_back(std::move(detector));
        }
    }

    // Compiles the pattern as the scanner will, within its budget, and runs the examples through it.
    void checkPattern(const CustomDetector &detector, const JsonNode &patternNode, const JsonNode &node,
                      const QString &path)
    {
        const QString patternPath = JsonFieldReader::join(path, u"pattern");
        if (detector.pattern.empty()) {
            m_fields.error(patternNode.position, patternPath, QStringLiteral("must not be empty"));
            return;
        }
        if (detector.pattern.size() > std::size_t(PolicyDetectors::MaxCustomPatternLength)) {
            m_fields.error(patternNode.position, patternPath,
                           QStringLiteral("longer than %1 characters").arg(PolicyDetectors::MaxCustomPatternLength));
            return;
        }
        if (const auto anchor = anchorIn(detector.pattern)) {
            m_fields.error(patternNode.position, patternPath,
                           QStringLiteral("must not use the anchor %1: the scanner already keeps a match from touching "
                                          "other digits (see \"boundary\")")
                               .arg(*anchor));
            return;
        }
        Scanner::Options options;
        options.today = m_today;
        options.regexMemoryBudget = PolicyDetectors::CustomPatternMemoryBudget;
        const Scanner scanner({PolicyDetectors::customDetectorSpec(detector)}, options);
        if (!scanner.isValid()) {
            const QString why = scanner.errorString();
            m_fields.error(patternNode.position, patternPath,
                           why.contains(QLatin1String("too large"))
                               ? QStringLiteral("is too large: it needs more than the %1 KiB a policy pattern may use")
                                     .arg(PolicyDetectors::CustomPatternMemoryBudget >> 10)
                               : QStringLiteral("does not compile: %1").arg(why));
            return;
        }
        const JsonNode *examples = node.member(u"examples");
        for (qsizetype i = 0; i < detector.examples.size(); ++i) {
            const QString example = detector.examples.at(i);
            const ScanResult result = scanner.scan(QStringView(example));
            const bool found = std::any_of(result.findings.begin(), result.findings.end(),
                                           [&](const Finding &f) { return f.detector == detector.id; });
            if (!found)
                m_fields.error(examples->elements[std::size_t(i)].position,
                               JsonFieldReader::join(JsonFieldReader::join(path, u"examples"), i),
                               QStringLiteral("the detector does not find this example (check pattern, minDigits, "
                                              "minGroupDigits, validator and context words)"));
        }
    }

    void readDetectorSettings(const JsonNode &root, Policy &policy)
    {
        const JsonNode *settings = m_fields.member(root, QString(), u"detectors", Type::Object, Presence::Optional);
        if (!settings)
            return;
        for (const JsonNode::Member &m : settings->members) {
            const QString path = JsonFieldReader::join(QStringLiteral("detectors"), m.key);
            if (!m_builtInIds.count(m.key)) {
                m_fields.error(m.keyPosition, path,
                               m_customIds.count(m.key)
                                   ? QStringLiteral("custom detectors set their severity in customDetectors")
                                   : QStringLiteral("unknown detector id (see 'sendguard detectors')"));
                continue;
            }
            if (m.value.type != Type::Object) {
                m_fields.error(m.value.position, path,
                               QStringLiteral("expected object, found %1").arg(JsonNode::typeName(m.value.type)));
                continue;
            }
            m_fields.warnAboutUnknownMembers(m.value, path, {u"enabled", u"severity"});
            DetectorSetting setting;
            setting.enabled = m_fields.boolean(m.value, path, u"enabled", Presence::Optional).value_or(true);
            if (const auto severity =
                    m_fields.oneOf(m.value, path, u"severity", Presence::Optional, severityNames.names()))
                setting.severity = severityNames.value(*severity);
            policy.detectorSettings.insert(m.key, setting);
            if (!setting.enabled)
                m_disabledIds.insert(m.key);
        }
    }

    void readAudience(const JsonNode &root, AudienceSettings &audience)
    {
        const QString path = QStringLiteral("audience");
        const JsonNode *node = m_fields.member(root, QString(), u"audience", Type::Object, Presence::Required);
        if (!node)
            return;
        m_fields.warnAboutUnknownMembers(*node, path,
                                         {u"broadcastTypes", u"memberThreshold", u"audienceThreshold",
                                          u"allStaffNamePatterns", u"broadcastIds", u"organisationDomains"});
        if (const auto types = m_fields.stringElements(*node, path, u"broadcastTypes", Presence::Optional)) {
            audience.broadcastTypes.clear();
            bool listsBroadcast = false;
            for (const auto &name : *types) {
                const auto type = recipientTypeNames.value(name.value);
                if (!type || *type == RecipientType::Person || *type == RecipientType::External) {
                    m_fields.error(name.position, name.path,
                                   QStringLiteral("\"%1\" is not one of: broadcast, group, channel").arg(name.value));
                    continue;
                }
                listsBroadcast = listsBroadcast || *type == RecipientType::Broadcast;
                audience.broadcastTypes.push_back(*type);
            }
            if (!listsBroadcast)
                m_fields.warning(
                    node->member(u"broadcastTypes")->position, JsonFieldReader::join(path, u"broadcastTypes"),
                    QStringLiteral("does not list \"broadcast\": broadcast recipients count only by size"));
        }
        audience.memberThreshold =
            m_fields.integer(*node, path, u"memberThreshold", Presence::Required, 2, MaxAudience).value_or(50);
        audience.audienceThreshold =
            m_fields.integer(*node, path, u"audienceThreshold", Presence::Required, 2, MaxAudience).value_or(50);
        audience.allStaffNamePatterns = values(nonEmptyStrings(*node, path, u"allStaffNamePatterns"));
        audience.broadcastIds = values(nonEmptyStrings(*node, path, u"broadcastIds"));
        audience.organisationDomains = domains(*node, path, u"organisationDomains");
    }

    std::vector<JsonFieldReader::StringElement> nonEmptyStrings(const JsonNode &object, const QString &path,
                                                                QStringView key)
    {
        std::vector<JsonFieldReader::StringElement> list;
        for (auto &item : m_fields.stringElements(object, path, key, Presence::Optional).value_or(decltype(list)())) {
            item.value = item.value.trimmed();
            if (item.value.isEmpty())
                m_fields.error(item.position, item.path, QStringLiteral("empty entry"));
            else
                list.push_back(std::move(item));
        }
        return list;
    }

    static QStringList values(const std::vector<JsonFieldReader::StringElement> &elements)
    {
        QStringList list;
        for (const auto &element : elements)
            list.append(element.value);
        return list;
    }

    QStringList domains(const JsonNode &object, const QString &path, QStringView key)
    {
        static const QRegularExpression domain(
            QStringLiteral("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$"));
        QStringList list;
        for (const auto &item : nonEmptyStrings(object, path, key)) {
            if (!domain.match(item.value.toLower()).hasMatch())
                m_fields.error(item.position, item.path,
                               QStringLiteral("\"%1\" is not a domain name such as example.go.kr").arg(item.value));
            else
                list.append(item.value.toLower());
        }
        return list;
    }

    bool isKnownDetector(const QString &id) const { return m_builtInIds.count(id) || m_customIds.count(id); }

    // Detector ids a rule or exemption names: each must exist.
    QStringList detectorIds(const JsonNode &object, const QString &path, QStringView key, Presence presence)
    {
        const auto ids = m_fields.stringList(object, path, key, presence);
        if (!ids)
            return {};
        const JsonNode *list = object.member(key);
        if (ids->isEmpty())
            m_fields.error(list->position, JsonFieldReader::join(path, key),
                           QStringLiteral("must name at least one detector"));
        for (qsizetype i = 0; i < ids->size(); ++i) {
            const QString elementPath = JsonFieldReader::join(JsonFieldReader::join(path, key), i);
            const JsonPosition at = list->elements[std::size_t(i)].position;
            if (!isKnownDetector(ids->at(i)))
                m_fields.error(at, elementPath, QStringLiteral("unknown detector id \"%1\"").arg(ids->at(i)));
            else if (m_disabledIds.count(ids->at(i)))
                m_fields.warning(at, elementPath,
                                 QStringLiteral("detector \"%1\" is disabled in this policy").arg(ids->at(i)));
        }
        return *ids;
    }

    void readRules(const JsonNode &root, Policy &policy)
    {
        const JsonNode *list = m_fields.member(root, QString(), u"rules", Type::Array, Presence::Required);
        if (!list)
            return;
        if (list->elements.empty())
            m_fields.warning(list->position, QStringLiteral("rules"),
                             QStringLiteral("no rules: every message is allowed"));
        std::set<QString> ids;
        for (std::size_t i = 0; i < list->elements.size(); ++i) {
            const JsonNode &node = list->elements[i];
            const QString path = JsonFieldReader::join(QStringLiteral("rules"), qsizetype(i));
            if (node.type != Type::Object) {
                m_fields.error(node.position, path,
                               QStringLiteral("expected object, found %1").arg(JsonNode::typeName(node.type)));
                continue;
            }
            m_fields.warnAboutUnknownMembers(
                node, path, {u"id", u"detectors", u"severity", u"minCount", u"audience", u"verdict", u"reason"});
            PolicyRule rule;
            rule.id = m_fields.string(node, path, u"id", Presence::Required).value_or(QString());
            requireNonEmpty(node, path, u"id", rule.id);
            if (node.member(u"id") && node.member(u"id")->type == Type::String && !ids.insert(rule.id).second)
                m_fields.error(node.member(u"id")->position, JsonFieldReader::join(path, u"id"),
                               QStringLiteral("rule id \"%1\" is used twice").arg(rule.id));
            const bool byDetector = JsonFieldReader::isSet(node, u"detectors");
            const bool bySeverity = JsonFieldReader::isSet(node, u"severity");
            if (byDetector == bySeverity)
                m_fields.error(node.position, path,
                               QStringLiteral("a rule needs exactly one of \"detectors\" and \"severity\""));
            if (byDetector)
                rule.detectors = detectorIds(node, path, u"detectors", Presence::Required);
            if (const auto severity =
                    m_fields.oneOf(node, path, u"severity", Presence::Optional, severityNames.names()))
                rule.minimumSeverity = severityNames.value(*severity);
            rule.minCount = m_fields.integer(node, path, u"minCount", Presence::Optional, 1, 100000).value_or(1);
            if (const auto audience =
                    m_fields.oneOf(node, path, u"audience", Presence::Required, audienceKindNames.names()))
                rule.audience = *audienceKindNames.value(*audience);
            if (const auto verdict =
                    m_fields.oneOf(node, path, u"verdict", Presence::Required, verdictLevelNames.names()))
                rule.verdict = *verdictLevelNames.value(*verdict);
            rule.reason = localizedText(node, path, u"reason", Presence::Required);
            policy.rules.push_back(std::move(rule));
        }
    }

    void readAllowList(const JsonNode &root, AllowList &allowList)
    {
        const QString path = QStringLiteral("allowList");
        const JsonNode *node = m_fields.member(root, QString(), u"allowList", Type::Object, Presence::Optional);
        if (!node)
            return;
        m_fields.warnAboutUnknownMembers(*node, path, {u"phoneNumbers", u"domains", u"addresses"});
        for (const auto &phone : nonEmptyStrings(*node, path, u"phoneNumbers")) {
            const auto digits = Validators::digitsOf(phone.value.toStdString()).size();
            if (digits < 7 || digits > 15)
                m_fields.error(phone.position, phone.path,
                               QStringLiteral("\"%1\" is not a phone number (7 to 15 digits)").arg(phone.value));
            else
                allowList.phoneNumbers.append(phone.value);
        }
        allowList.domains = domains(*node, path, u"domains");
        for (const auto &address : nonEmptyStrings(*node, path, u"addresses")) {
            const qsizetype at = address.value.indexOf(QLatin1Char('@'));
            if (at <= 0 || at != address.value.lastIndexOf(QLatin1Char('@')) || at == address.value.size() - 1)
                m_fields.error(address.position, address.path,
                               QStringLiteral("\"%1\" is not an e-mail address").arg(address.value));
            else
                allowList.addresses.append(address.value.toLower());
        }
    }

    void readExemptions(const JsonNode &root, Policy &policy)
    {
        const JsonNode *list = m_fields.member(root, QString(), u"exemptions", Type::Array, Presence::Optional);
        if (!list)
            return;
        std::set<QString> ids;
        for (std::size_t i = 0; i < list->elements.size(); ++i) {
            const JsonNode &node = list->elements[i];
            const QString path = JsonFieldReader::join(QStringLiteral("exemptions"), qsizetype(i));
            if (node.type != Type::Object) {
                m_fields.error(node.position, path,
                               QStringLiteral("expected object, found %1").arg(JsonNode::typeName(node.type)));
                continue;
            }
            m_fields.warnAboutUnknownMembers(
                node, path, {u"id", u"sender", u"department", u"detectors", u"recipients", u"expires", u"reason"});
            Exemption exemption;
            exemption.id = m_fields.string(node, path, u"id", Presence::Required).value_or(QString());
            requireNonEmpty(node, path, u"id", exemption.id);
            if (node.member(u"id") && node.member(u"id")->type == Type::String && !ids.insert(exemption.id).second)
                m_fields.error(node.member(u"id")->position, JsonFieldReader::join(path, u"id"),
                               QStringLiteral("exemption id \"%1\" is used twice").arg(exemption.id));
            exemption.sender = m_fields.string(node, path, u"sender", Presence::Optional).value_or(QString()).trimmed();
            exemption.department =
                m_fields.string(node, path, u"department", Presence::Optional).value_or(QString()).trimmed();
            if (exemption.sender.isEmpty() && exemption.department.isEmpty())
                m_fields.error(node.position, path,
                               QStringLiteral("an exemption names a \"sender\" or a \"department\""));
            exemption.detectors = detectorIds(node, path, u"detectors", Presence::Required);
            exemption.recipients = values(nonEmptyStrings(node, path, u"recipients"));
            if (!JsonFieldReader::isSet(node, u"recipients"))
                m_fields.error(node.position, JsonFieldReader::join(path, u"recipients"),
                               QStringLiteral("missing required field"));
            else if (exemption.recipients.isEmpty())
                m_fields.error(node.member(u"recipients")->position, JsonFieldReader::join(path, u"recipients"),
                               QStringLiteral("must name at least one recipient"));
            if (!JsonFieldReader::isSet(node, u"expires"))
                m_fields.error(node.position, JsonFieldReader::join(path, u"expires"),
                               QStringLiteral("an exemption must carry an expiry date (YYYY-MM-DD)"));
            exemption.expires = date(node, path, u"expires", Presence::Optional);
            if (exemption.expires.isValid() && exemption.expires < m_today)
                m_fields.warning(
                    node.member(u"expires")->position, JsonFieldReader::join(path, u"expires"),
                    QStringLiteral("expired on %1: no longer applies").arg(exemption.expires.toString(Qt::ISODate)));
            exemption.reason = m_fields.string(node, path, u"reason", Presence::Required).value_or(QString());
            policy.exemptions.push_back(std::move(exemption));
        }
    }

    void requireNonEmpty(const JsonNode &object, const QString &path, QStringView key, const QString &value)
    {
        const JsonNode *node = object.member(key);
        if (node && node->type == Type::String && value.isEmpty())
            m_fields.error(node->position, JsonFieldReader::join(path, key), QStringLiteral("must not be empty"));
    }

    std::size_t errorCount() const
    {
        return std::size_t(
            std::count_if(m_fields.diagnostics().begin(), m_fields.diagnostics().end(),
                          [](const JsonDiagnostic &d) { return d.kind == JsonDiagnostic::Kind::Error; }));
    }

    JsonFieldReader m_fields;
    QDate m_today;
    std::set<QString> m_builtInIds;
    std::set<QString> m_customIds;
    std::set<QString> m_disabledIds;
};

} // namespace

PolicyReader::Result PolicyReader::read(std::string_view json, const QDate &today)
{
    const auto parsed = JsonParser::parse(json);
    if (!parsed.root)
        return {std::nullopt, {parsed.error}};
    return read(*parsed.root, today);
}

PolicyReader::Result PolicyReader::read(const JsonNode &root, const QDate &today)
{
    if (root.type != Type::Object) {
        return {
            std::nullopt,
            {{JsonDiagnostic::Kind::Error, QString(),
              QStringLiteral("expected a policy object, found %1").arg(JsonNode::typeName(root.type)), root.position}}};
    }
    Reading reading(today);
    auto policy = reading.read(root);
    return {std::move(policy), reading.diagnostics()};
}

} // namespace SendGuard::Core
