// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditevent.h"

#include <QJsonArray>

namespace SendGuard::Core {

namespace {

// An external recipient is a person outside the organisation, and their address is personal data
// of someone the audit trail's readers have no business with: keep its domain only.
QString recordedRecipientId(const RecipientAssessment &recipient)
{
    const qsizetype at = recipient.id.lastIndexOf(u'@');
    if (!recipient.external || at < 0)
        return recipient.id.left(AuditEvent::MaxIdLength); // a record must stay within its bound

    return QStringLiteral("*") + recipient.id.mid(at);
}

QString bounded(const QString &text)
{
    return text.size() <= AuditEvent::MaxTextLength ? text : text.left(AuditEvent::MaxTextLength - 1) + u'…';
}

} // namespace

void AuditEvent::setVerdict(const Verdict &v)
{
    checked = true;
    verdict = v.level;
    ruleIds = v.ruleIds;
    detectorCounts.clear();
    for (const MessageFinding &finding : v.findings)
        ++detectorCounts[finding.finding.detector];
    flaggedRecipientIds.clear();
    for (const RecipientAssessment &recipient : v.audience.recipients) {
        if (recipient.broadcast || recipient.external)
            flaggedRecipientIds.append(recordedRecipientId(recipient));
    }
    audience = v.audience.total;
}

QJsonObject AuditEvent::toJson() const
{
    QJsonObject detectors;
    for (const auto &[detector, count] : detectorCounts)
        detectors.insert(detector, count);
    QJsonObject json {
        {QStringLiteral("event"), checked ? QStringLiteral("decision") : QStringLiteral("check-failed")},
        {QStringLiteral("id"), id},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("user"), user},
        {QStringLiteral("host"), host},
        {QStringLiteral("policy"),
         QJsonObject {{QStringLiteral("id"), policyId}, {QStringLiteral("version"), policyVersion}}},
        {QStringLiteral("action"), messageActionName(action)},
        {QStringLiteral("verdict"), checked ? verdictLevelName(verdict) : QStringLiteral("unchecked")},
        {QStringLiteral("rules"), QJsonArray::fromStringList(ruleIds)},
        {QStringLiteral("detectors"), detectors},
        {QStringLiteral("recipients"), QJsonArray::fromStringList(flaggedRecipientIds.mid(0, MaxRecipientIds))},
        {QStringLiteral("audience"),
         QJsonObject {{QStringLiteral("atLeast"), audience.atLeast}, {QStringLiteral("exact"), audience.exact}}},
        {QStringLiteral("choice"), auditChoiceNames.name(choice)},
    };
    if (flaggedRecipientIds.size() > MaxRecipientIds)
        json.insert(QStringLiteral("recipientsOmitted"), flaggedRecipientIds.size() - MaxRecipientIds);
    if (!justification.isEmpty())
        json.insert(QStringLiteral("justification"), bounded(justification));
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), bounded(error));
    return json;
}

} // namespace SendGuard::Core
