// SPDX-License-Identifier: GPL-2.0-or-later
#include "policyjson.h"

#include <QJsonArray>

namespace SendGuard::Core::PolicyJson {

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray strings(const std::vector<std::string> &list)
{
    QJsonArray array;
    for (const std::string &s : list)
        array.append(QString::fromStdString(s));
    return array;
}

QJsonObject localized(const LocalizedText &text)
{
    QJsonObject object;
    for (auto it = text.texts().cbegin(); it != text.texts().cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString date(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QJsonObject customDetector(const CustomDetector &d)
{
    return {
        {QStringLiteral("id"), d.id},
        {QStringLiteral("description"), d.description},
        {QStringLiteral("severity"), severityName(d.severity)},
        {QStringLiteral("pattern"), QString::fromStdString(d.pattern)},
        {QStringLiteral("validator"), d.validator},
        {QStringLiteral("contextRequired"), d.contextRequired},
        {QStringLiteral("contextWords"), strings(d.contextWords)},
        {QStringLiteral("suppressingWords"), strings(d.suppressingWords)},
        {QStringLiteral("minDigits"), d.minDigits},
        {QStringLiteral("minGroupDigits"), d.minGroupDigits},
        {QStringLiteral("boundary"),
         d.boundary == Boundary::Alphanumeric ? QStringLiteral("alphanumeric") : QStringLiteral("digits")},
        {QStringLiteral("examples"), strings(d.examples)},
    };
}

QJsonObject audience(const AudienceSettings &a)
{
    QJsonArray types;
    for (RecipientType type : a.broadcastTypes)
        types.append(recipientTypeName(type));
    return {
        {QStringLiteral("broadcastTypes"), types},
        {QStringLiteral("memberThreshold"), a.memberThreshold},
        {QStringLiteral("audienceThreshold"), a.audienceThreshold},
        {QStringLiteral("allStaffNamePatterns"), strings(a.allStaffNamePatterns)},
        {QStringLiteral("broadcastIds"), strings(a.broadcastIds)},
        {QStringLiteral("organisationDomains"), strings(a.organisationDomains)},
    };
}

QJsonObject rule(const PolicyRule &r)
{
    QJsonObject object {
        {QStringLiteral("id"), r.id},
        {QStringLiteral("minCount"), r.minCount},
        {QStringLiteral("audience"), audienceKindNames.name(r.audience)},
        {QStringLiteral("verdict"), verdictLevelName(r.verdict)},
        {QStringLiteral("reason"), localized(r.reason)},
    };
    if (r.minimumSeverity)
        object.insert(QStringLiteral("severity"), severityName(*r.minimumSeverity));
    else
        object.insert(QStringLiteral("detectors"), strings(r.detectors));
    return object;
}

QJsonObject exemption(const Exemption &e)
{
    QJsonObject object {
        {QStringLiteral("id"), e.id},
        {QStringLiteral("detectors"), strings(e.detectors)},
        {QStringLiteral("recipients"), strings(e.recipients)},
        {QStringLiteral("expires"), date(e.expires)},
        {QStringLiteral("reason"), e.reason},
    };
    if (!e.sender.isEmpty())
        object.insert(QStringLiteral("sender"), e.sender);
    if (!e.department.isEmpty())
        object.insert(QStringLiteral("department"), e.department);
    return object;
}

} // namespace

QJsonObject toJson(const Policy &policy)
{
    QJsonObject settings;
    for (auto it = policy.detectorSettings.cbegin(); it != policy.detectorSettings.cend(); ++it) {
        QJsonObject setting {{QStringLiteral("enabled"), it->enabled}};
        if (it->severity)
            setting.insert(QStringLiteral("severity"), severityName(*it->severity));
        settings.insert(it.key(), setting);
    }
    QJsonArray custom;
    for (const CustomDetector &d : policy.customDetectors)
        custom.append(customDetector(d));
    QJsonArray rules;
    for (const PolicyRule &r : policy.rules)
        rules.append(rule(r));
    QJsonArray exemptions;
    for (const Exemption &e : policy.exemptions)
        exemptions.append(exemption(e));

    QJsonObject object {
        {QStringLiteral("id"), policy.id},
        {QStringLiteral("version"), policy.version},
        {QStringLiteral("description"), policy.description},
        {QStringLiteral("detectors"), settings},
        {QStringLiteral("customDetectors"), custom},
        {QStringLiteral("audience"), audience(policy.audience)},
        {QStringLiteral("rules"), rules},
        {QStringLiteral("allowList"),
         QJsonObject {
             {QStringLiteral("phoneNumbers"), strings(policy.allowList.phoneNumbers)},
             {QStringLiteral("domains"), strings(policy.allowList.domains)},
             {QStringLiteral("addresses"), strings(policy.allowList.addresses)},
         }},
        {QStringLiteral("exemptions"), exemptions},
        {QStringLiteral("justification"), QJsonObject {{QStringLiteral("minLength"), policy.justificationMinLength}}},
        {QStringLiteral("failureMode"), failureModeNames.name(policy.failureMode)},
        {QStringLiteral("audit"),
         QJsonObject {
             {QStringLiteral("enabled"), policy.audit.enabled},
             {QStringLiteral("recordJustification"), policy.audit.recordJustification},
             {QStringLiteral("maxFileBytes"), policy.audit.maxFileBytes},
             {QStringLiteral("systemLog"), policy.audit.systemLog},
         }},
        {QStringLiteral("attachments"),
         QJsonObject {
             {QStringLiteral("maxFileBytes"), policy.attachments.maxInputBytes},
             {QStringLiteral("maxEntries"), policy.attachments.maxEntries},
             {QStringLiteral("maxDepth"), policy.attachments.maxDepth},
             {QStringLiteral("maxExpansionRatio"), policy.attachments.maxRatio},
             {QStringLiteral("maxEntryBytes"), policy.attachments.maxEntryBytes},
             {QStringLiteral("maxTotalBytes"), policy.attachments.maxTotalBytes},
             {QStringLiteral("maxCharacters"), policy.attachments.maxCharacters},
             {QStringLiteral("maxSeconds"), policy.attachments.maxSeconds},
         }},
    };
    if (!policy.remote.url.isEmpty()) {
        object.insert(QStringLiteral("remote"),
                      QJsonObject {
                          {QStringLiteral("url"), policy.remote.url},
                          {QStringLiteral("publicKeys"), strings(policy.remote.publicKeys)},
                          {QStringLiteral("pollMinutes"), policy.remote.pollMinutes},
                          {QStringLiteral("timeoutSeconds"), policy.remote.timeoutSeconds},
                          {QStringLiteral("staleAfterDays"), policy.remote.staleAfterDays},
                          {QStringLiteral("epoch"), policy.remote.epoch},
                      });
    }
    if (policy.expires.isValid())
        object.insert(QStringLiteral("expires"), date(policy.expires));
    if (!policy.contact.isEmpty())
        object.insert(QStringLiteral("texts"), QJsonObject {{QStringLiteral("contact"), localized(policy.contact)}});
    return object;
}

} // namespace SendGuard::Core::PolicyJson
