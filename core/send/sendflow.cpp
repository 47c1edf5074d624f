// SPDX-License-Identifier: GPL-2.0-or-later
#include "sendflow.h"

#include "audit/auditid.h"

#include <algorithm>

namespace SendGuard::Core {

namespace {

const QString unchecked = QStringLiteral("unchecked");

} // namespace

SendFlow::SendFlow(std::shared_ptr<const MessageChecker> checker, OutgoingMessage message, QString user, QString host)
    : m_checker(std::move(checker))
    , m_message(std::move(message))
    , m_user(std::move(user))
    , m_host(std::move(host))
    , m_auditId(newAuditId())
{
}

SendFlow::Step SendFlow::start(CheckOutcome outcome)
{
    if (outcome.cancelled)
        return finish(Decision::Action::Cancel, unchecked, {}, false);
    if (!outcome.result.complete)
        return couldNotCheck(UncheckedReason::CheckDidNotFinish, outcome.result.error);
    m_outcome = std::move(outcome);
    const Verdict &verdict = m_outcome.result.verdict;
    m_decision.verdict = verdictLevelName(verdict.level);
    m_decision.ruleIds = verdict.ruleIds;
    if (m_outcome.result.leavesAttachmentsUnread())
        return attachmentsNotRead();
    if (verdict.level == VerdictLevel::Allow)
        return finish(Decision::Action::Send, m_decision.verdict, m_decision.ruleIds, false);
    return m_step = Step::Confirm;
}

SendFlow::Step SendFlow::choose(Choice choice, const QString &justification)
{
    if (m_step != Step::Confirm)
        return m_step;
    const MessageChecker::Result &result = m_outcome.result;
    switch (choice) {
    case Choice::Cancel:
        return record(decisionEvent(AuditChoice::Cancel),
                      finish(Decision::Action::Cancel, m_decision.verdict, m_decision.ruleIds, true));
    case Choice::SendAnyway: {
        AuditEvent event = decisionEvent(AuditChoice::SendAnyway);
        event.justification = m_checker->maskText(justification);
        return record(std::move(event), finish(sendAction(), m_decision.verdict, m_decision.ruleIds, true));
    }
    case Choice::MaskAndSend:
        if (!m_outcome.masked || !m_outcome.masked->complete) // the dialog offers it only when masking worked
            return choose(Choice::Cancel);
        m_pending = decisionEvent(AuditChoice::MaskAndSend);
        m_message = m_outcome.masked->message;
        m_nextAttachments = m_outcome.masked->attachments;
        m_lastChange = Change::Masked;
        break;
    case Choice::RemoveBroadcastRecipients: {
        m_pending = decisionEvent(AuditChoice::RemoveBroadcastRecipients);
        m_removedRecipientIds = result.verdict.audience.broadcastRecipientIds();
        std::erase_if(m_message.recipients, [this](const MessageRecipient &recipient) {
            return std::any_of(m_removedRecipientIds.begin(), m_removedRecipientIds.end(),
                               [&](const QString &id) { return id.compare(recipient.id, Qt::CaseInsensitive) == 0; });
        });
        m_nextAttachments = m_outcome.attachments;
        m_lastChange = Change::BroadcastRecipientsRemoved;
        break;
    }
    case Choice::LeaveOutAttachments: {
        m_leftOutAttachments = attachmentsToLeaveOut();
        if (m_leftOutAttachments.empty())
            return m_step; // nothing to leave out: not a choice the dialog offered
        m_pending = decisionEvent(AuditChoice::LeaveOutAttachments);
        m_nextAttachments.clear();
        std::vector<MessageAttachment> kept;
        for (int i = 0; i < int(m_message.attachments.size()); ++i) {
            if (std::find(m_leftOutAttachments.begin(), m_leftOutAttachments.end(), i) != m_leftOutAttachments.end())
                continue;
            kept.push_back(m_message.attachments[std::size_t(i)]);
            if (std::size_t(i) < m_outcome.attachments.size())
                m_nextAttachments.push_back(m_outcome.attachments[std::size_t(i)]);
        }
        m_message.attachments = std::move(kept);
        m_lastChange = Change::AttachmentsLeftOut;
        break;
    }
    }
    m_changed = true;
    return m_step = Step::CheckAgain;
}

SendFlow::Step SendFlow::checked(CheckOutcome outcome)
{
    if (m_step != Step::CheckAgain)
        return m_step;
    AuditEvent pending = std::move(*m_pending);
    m_pending.reset();
    if (outcome.cancelled) {
        pending.choice = AuditChoice::Cancel;
        return record(std::move(pending),
                      finish(Decision::Action::Cancel, m_decision.verdict, m_decision.ruleIds, true));
    }
    if (!outcome.result.complete)
        return couldNotCheck(UncheckedReason::CheckDidNotFinish, outcome.result.error);
    m_outcome = std::move(outcome);
    if (m_outcome.result.leavesAttachmentsUnread())
        return attachmentsNotRead();
    if (m_outcome.result.verdict.level == VerdictLevel::Allow)
        return record(std::move(pending),
                      finish(Decision::Action::SendModified, m_decision.verdict, m_decision.ruleIds, true));
    // Still not allowed as it now is: the dialog again, for the changed message.
    return m_step = Step::Confirm;
}

SendFlow::Step SendFlow::couldNotCheck(UncheckedReason reason, const QString &error)
{
    m_uncheckedReason = reason;
    AuditEvent event = newEvent();
    event.checked = false;
    // A policy that does not compile says so in its own words (no message text in them); any
    // other error is masked like everything else that is kept.
    event.error = reason == UncheckedReason::PolicyNotLoaded ? error : m_checker->maskText(error);
    event.cause = causeOf(reason, error);
    if (m_checker->policy().failureMode == FailureMode::Allow) {
        event.choice = AuditChoice::SendUnchecked;
        return record(std::move(event), finish(sendAction(), unchecked, {}, true));
    }
    m_unchecked = std::move(event);
    return m_step = Step::AskUnchecked;
}

UncheckedCause SendFlow::causeOf(UncheckedReason reason, const QString &error) const
{
    switch (reason) {
    case UncheckedReason::PolicyNotLoaded:
        return UncheckedCause::PolicyNotLoaded;
    case UncheckedReason::CheckDidNotFinish:
        return uncheckedCauseOf(error) == UncheckedCause::Timeout ? UncheckedCause::Timeout
                                                                  : UncheckedCause::Incomplete;
    case UncheckedReason::AttachmentsNotReadable: {
        // The weightiest cause among the attachments: one unreadable file is told before a format.
        UncheckedCause cause = UncheckedCause::Unknown;
        for (const MessageScanner::NotScanned &item : m_outcome.result.notScanned)
            cause = std::max(cause, uncheckedCauseOf(item.reason), [](UncheckedCause a, UncheckedCause b) {
                const auto weight = [](UncheckedCause c) {
                    return c == UncheckedCause::AttachmentUnreadable  ? 4
                        : c == UncheckedCause::Timeout                ? 3
                        : c == UncheckedCause::AttachmentLimit        ? 2
                        : c == UncheckedCause::AttachmentNotSupported ? 1
                                                                      : 0;
                };
                return weight(a) < weight(b);
            });
        return cause == UncheckedCause::Unknown ? UncheckedCause::AttachmentNotSupported : cause;
    }
    case UncheckedReason::InternalError:
        return UncheckedCause::InternalError;
    }
    return UncheckedCause::Unknown;
}

SendFlow::Step SendFlow::answerUnchecked(bool send)
{
    if (m_step != Step::AskUnchecked)
        return m_step;
    AuditEvent event = std::move(*m_unchecked);
    m_unchecked.reset();
    if (send && !blocks()) {
        event.choice = AuditChoice::SendUnchecked;
        return record(std::move(event), finish(sendAction(), unchecked, {}, true));
    }
    event.choice = blocks() ? AuditChoice::Blocked : AuditChoice::Cancel;
    return record(std::move(event), finish(Decision::Action::Cancel, unchecked, {}, true));
}

void SendFlow::reportFalsePositive()
{
    if (m_step != Step::Confirm)
        return;
    AuditEvent event = decisionEvent(AuditChoice::ReportFalsePositive);
    for (const MessageFinding &finding : m_outcome.result.verdict.findings)
        event.reportedFindings.push_back({finding.finding.detector, finding.finding.masked});
    m_records.push_back(std::move(event));
}

QStringList SendFlow::notReadableAttachments() const
{
    QStringList names;
    for (const MessageScanner::NotScanned &item : m_outcome.result.notScanned)
        names.append(item.attachment);
    return names;
}

SendFlow::Step SendFlow::attachmentsNotRead()
{
    return couldNotCheck(UncheckedReason::AttachmentsNotReadable,
                         QStringLiteral("%1 attachment(s) not scanned").arg(m_outcome.result.notScanned.size()));
}

SendFlow::Decision::Action SendFlow::sendAction() const
{
    // What goes is the message as it now is: after a change, never the one the user wrote.
    return m_changed ? Decision::Action::SendModified : Decision::Action::Send;
}

SendFlow::Step SendFlow::finish(Decision::Action action, const QString &verdict, const QStringList &ruleIds,
                                bool recorded)
{
    m_decision.action = action;
    m_decision.verdict = verdict;
    m_decision.ruleIds = ruleIds;
    m_decision.auditId = recorded ? m_auditId : QString();
    return m_step = Step::Done;
}

SendFlow::Step SendFlow::record(AuditEvent event, Step next)
{
    m_records.push_back(std::move(event));
    return next;
}

AuditEvent SendFlow::newEvent() const
{
    AuditEvent event;
    event.id = m_auditId;
    event.time = QDateTime::currentDateTimeUtc();
    event.user = m_user;
    event.host = m_host;
    event.policyId = m_checker->policy().id;
    event.policyVersion = m_checker->policy().version;
    event.action = m_message.action;
    event.department = m_message.sender.department;
    return event;
}

AuditEvent SendFlow::decisionEvent(AuditChoice choice) const
{
    AuditEvent event = newEvent();
    event.setVerdict(m_outcome.result.verdict);
    event.choice = choice;
    return event;
}

std::vector<int> SendFlow::attachmentsToLeaveOut() const
{
    // A document (its text came as pieces from the helper) that holds a finding: not every one can
    // be masked in place (HWP, PDF), so leaving it out is always a way to send the rest. So is any
    // file whose name holds one, which no masking changes.
    std::vector<int> indexes;
    for (std::size_t i = 0; i < m_outcome.attachments.size() && i < m_message.attachments.size(); ++i) {
        const AttachmentText &text = m_outcome.attachments[i];
        const QString field = QStringLiteral("attachment:") + m_message.attachments[i].name;
        const auto &findings = m_outcome.result.verdict.findings;
        const bool holdsFinding = std::any_of(findings.begin(), findings.end(),
                                              [&](const MessageFinding &finding) { return finding.field == field; });
        const bool nameHoldsFinding = std::any_of(findings.begin(), findings.end(), [&](const MessageFinding &finding) {
            return finding.field == field && finding.place == TextPlace {}.then(TextPlace::Kind::FileName);
        });
        if ((!text.pieces.empty() && holdsFinding) || nameHoldsFinding)
            indexes.push_back(int(i));
    }
    return indexes;
}

} // namespace SendGuard::Core
