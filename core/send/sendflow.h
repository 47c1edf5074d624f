// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audit/auditevent.h"
#include "check/checkoutcome.h"
#include "check/messagechecker.h"
#include "message/outgoingmessage.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace SendGuard::Core {

// One send attempt, from the first check to the host's decision, without widgets: what to do
// after each check, after the user's choice in the confirmation dialog, and when the message
// could not be checked (the policy's failure mode). The caller runs the checks and shows the
// dialogs; the flow says which comes next, what the host gets in the end, and which audit records
// to write on the way. Changing the message (mask and send, removing broadcast recipients, leaving
// out documents that hold findings) always means checking it again: it goes only when the policy
// allows it as it then is.
//
// Usage: construct, then start() (or couldNotCheck()), then answer each Step until Done:
//   Confirm       show the dialog for outcome() and message(); call choose()
//   CheckAgain    check message() with attachments(); call checked()
//   AskUnchecked  show the could-not-check dialog (uncheckedReason(), blocks()); call answerUnchecked()
// After every call, takeRecords() gives the audit records to write, in order.
// Not thread-safe; the checker is shared with the caller and must not change during the flow.
class SendFlow
{
public:
    enum class Step { Confirm, CheckAgain, AskUnchecked, Done };
    // The user's choice in the confirmation dialog.
    enum class Choice { Cancel, SendAnyway, MaskAndSend, RemoveBroadcastRecipients, LeaveOutAttachments };
    // How message() last changed, for a caller that keeps its own copy of the message in step.
    enum class Change { None, Masked, BroadcastRecipientsRemoved, AttachmentsLeftOut };
    // Why the message could not be checked; the caller words it for the user.
    enum class UncheckedReason {
        PolicyNotLoaded, // the policy's detectors do not compile
        CheckDidNotFinish, // the check failed or stopped part way
        AttachmentsNotReadable, // allowed, but attachments it could not read go to a broadcast audience
        InternalError, // the caller caught an error of its own
    };

    // What the host gets: send the message as it was, send message() instead, or send nothing.
    struct Decision
    {
        enum class Action { Send, SendModified, Cancel };
        Action action = Action::Cancel;
        QString verdict; // a verdict level's name, or "unchecked"
        QStringList ruleIds;
        QString auditId; // empty when nothing was recorded
    };

    // user and host go into every audit record of this attempt (they share one id).
    SendFlow(std::shared_ptr<const MessageChecker> checker, OutgoingMessage message, QString user, QString host);

    // The first check's outcome.
    Step start(CheckOutcome outcome);
    // The message could not be checked at all (before or instead of start()); error is masked
    // before it is recorded.
    Step couldNotCheck(UncheckedReason reason, const QString &error);
    // After Confirm. justification: the reason typed for Send anyway.
    Step choose(Choice choice, const QString &justification = {});
    // After CheckAgain. The choice that changed the message is recorded once this check ends:
    // allowed (sent) or cancelled. When the changed message is still not allowed, the dialog comes
    // back for it and only the user's next choice is recorded: the record says what finally went.
    Step checked(CheckOutcome outcome);
    // After AskUnchecked: whether the user chose to send (ignored when the mode blocks).
    Step answerUnchecked(bool send);
    // The user reported the findings shown in the current dialog as not personal data; the dialog
    // stays open. The record is added to takeRecords().
    void reportFalsePositive();

    const std::shared_ptr<const MessageChecker> &checker() const { return m_checker; }
    Step step() const { return m_step; }
    const Decision &decision() const { return m_decision; } // final once step() is Done

    // The message as it now is, and whether it differs from the one the user sent.
    const OutgoingMessage &message() const { return m_message; }
    bool changed() const { return m_changed; }
    Change lastChange() const { return m_lastChange; }
    std::vector<QString> removedRecipientIds() const { return m_removedRecipientIds; }
    // For Confirm: the attachments (indexes into message()) that hold findings but cannot be
    // masked, documents: what LeaveOutAttachments leaves out. Empty: the choice is not offered.
    std::vector<int> attachmentsToLeaveOut() const;
    // After LeaveOutAttachments: the indexes, into the message before, of those left out.
    std::vector<int> leftOutAttachments() const { return m_leftOutAttachments; }
    // For CheckAgain: the text of each attachment of message(), already read.
    std::vector<AttachmentText> takeAttachments() { return std::move(m_nextAttachments); }

    // For Confirm: the check the dialog explains (its verdict, and what masking would send).
    const CheckOutcome &outcome() const { return m_outcome; }

    // For AskUnchecked.
    UncheckedReason uncheckedReason() const { return m_uncheckedReason; }
    QStringList notReadableAttachments() const; // for AttachmentsNotReadable
    bool blocks() const { return m_checker->policy().failureMode == FailureMode::Block; }

    // Audit records made since the last call, oldest first.
    std::vector<AuditEvent> takeRecords() { return std::exchange(m_records, {}); }

private:
    Step confirmOrDecide();
    Step attachmentsNotRead();
    Decision::Action sendAction() const;
    Step finish(Decision::Action action, const QString &verdict, const QStringList &ruleIds, bool recorded);
    Step record(AuditEvent event, Step next);
    AuditEvent newEvent() const;
    UncheckedCause causeOf(UncheckedReason reason, const QString &error) const;
    AuditEvent decisionEvent(AuditChoice choice) const;

    std::shared_ptr<const MessageChecker> m_checker;
    OutgoingMessage m_message;
    QString m_user;
    QString m_host;
    QString m_auditId;

    Step m_step = Step::Done;
    CheckOutcome m_outcome;
    std::optional<AuditEvent> m_pending; // the choice that changed the message, recorded once its check ends
    std::vector<AttachmentText> m_nextAttachments;
    bool m_changed = false;
    Change m_lastChange = Change::None;
    std::vector<QString> m_removedRecipientIds;
    std::vector<int> m_leftOutAttachments;
    UncheckedReason m_uncheckedReason = UncheckedReason::CheckDidNotFinish;
    std::optional<AuditEvent> m_unchecked; // the check-failed record, while AskUnchecked waits
    Decision m_decision;
    std::vector<AuditEvent> m_records;
};

} // namespace SendGuard::Core
