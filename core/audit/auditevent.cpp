// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditevent.h"

#include <QJsonArray>

namespace SendGuard::Core {

namespace {

// An external person is someone outside the organisation, and their address or handle is personal
// data the audit trail's readers have no business with: an address keeps its domain only, any
// other id of one person nothing at all. Groups and channels keep their ids.
QString recordedRecipientId(const RecipientAssessment &recipient)
{
    if (!recipient.external)
        return recipient.id.left(AuditEvent::MaxIdLength); // a record must stay within its bound
    const qsizetype at = recipient.id.lastIndexOf(u'@');
    if (at >= 0)
        return QStringLiteral("*") + recipient.id.mid(at).left(AuditEvent::MaxIdLength);
    const bool onePerson = recipient.type == RecipientType::Person || recipient.type == RecipientType::External;
    return onePerson ? QStringLiteral("(external)") : recipient.id.left(AuditEvent::MaxIdLength);
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
    if (!checked)
        json.insert(QStringLiteral("cause"), uncheckedCauseNames.name(cause));
    if (!department.isEmpty())
        json.insert(QStringLiteral("department"), department.left(MaxIdLength));
    if (!reportedFindings.empty()) {
        QJsonArray reported;
        for (std::size_t i = 0; i < reportedFindings.size() && qsizetype(i) < MaxReportedFindings; ++i)
            reported.append(QJsonObject {{QStringLiteral("detector"), reportedFindings[i].first.left(MaxIdLength)},
                                         {QStringLiteral("masked"), reportedFindings[i].second.left(MaxIdLength)}});
        json.insert(QStringLiteral("reported"), reported);
    }
    return json;
}

} // namespace SendGuard::Core
