// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audience/audience.h"
#include "check/verdict.h"
#include "common/enumnames.h"
#include "message/outgoingmessage.h"
#include "policy/policy.h"
#include "uncheckedcause.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <utility>
#include <vector>

namespace SendGuard::Core {

// What the user chose in a SendGuard dialog, or what the policy chose for them.
enum class AuditChoice {
    Cancel, // "cancel"
    SendAnyway, // "send-anyway": as it was, after confirming (and giving a reason where required)
    MaskAndSend, // "mask-and-send": the masked message, checked again and allowed
    RemoveBroadcastRecipients, // "remove-broadcast-recipients": without them, checked again and allowed
    SendUnchecked, // "send-unchecked": the message could not be checked; the user or policy sent it
    Blocked, // "blocked": the failure mode blocked a message that could not be checked
    ReportFalsePositive, // "report-false-positive": the user says the findings are not personal data
    LeaveOutAttachments, // "leave-out-attachments": without the documents that hold findings, checked again
};

inline constexpr EnumNames auditChoiceNames {std::array {
    std::pair {AuditChoice::Cancel, u"cancel"},
    std::pair {AuditChoice::SendAnyway, u"send-anyway"},
    std::pair {AuditChoice::MaskAndSend, u"mask-and-send"},
    std::pair {AuditChoice::RemoveBroadcastRecipients, u"remove-broadcast-recipients"},
    std::pair {AuditChoice::SendUnchecked, u"send-unchecked"},
    std::pair {AuditChoice::Blocked, u"blocked"},
    std::pair {AuditChoice::ReportFalsePositive, u"report-false-positive"},
    std::pair {AuditChoice::LeaveOutAttachments, u"leave-out-attachments"},
}};

// One record of the audit trail: a decision the user made in a dialog, a message that could not
// be checked, or a false-positive report. Holds ids, counts and the user's (masked) reason only:
// never the message text, never an unmasked identifier.
struct AuditEvent
{
    QString id; // shared by the records of one send attempt; returned to the host as auditId
    QDateTime time;
    QString user;
    QString host;
    QString policyId;
    int policyVersion = 0;
    MessageAction action = MessageAction::Send;
    bool checked = true; // false: the message could not be checked (verdict is "unchecked")
    VerdictLevel verdict = VerdictLevel::Allow;
    QStringList ruleIds;
    std::map<QString, int> detectorCounts; // detector id -> findings
    // Broadcast and external recipients: an external person's address as "*@domain", any other
    // id of theirs as "(external)".
    QStringList flaggedRecipientIds;
    AudienceSize audience;
    AuditChoice choice = AuditChoice::Cancel;
    QString justification; // masked by the caller before it gets here
    QString error; // why a check failed, masked
    UncheckedCause cause = UncheckedCause::Unknown; // check-failed: why, as a code IT can count
    QString department; // the sender's, when the host gives it: for IT's report by department
    // A false-positive report: what the user says is not personal data, as the dialog showed it
    // (detector id, masked form), so IT can see which values draw reports. Never unmasked.
    std::vector<std::pair<QString, QString>> reportedFindings;

    // What one record holds at most, so that every record stays far below AuditLog::MaxRecordBytes
    // and a syslog datagram: longer texts are cut (ending in "…"), and recipients past the limit
    // are counted in "recipientsOmitted" instead of listed.
    static constexpr qsizetype MaxTextLength = 1000; // justification, error
    static constexpr qsizetype MaxRecipientIds = 500;
    static constexpr qsizetype MaxIdLength = 200; // per recipient id
    static constexpr qsizetype MaxReportedFindings = 20;

    // The parts of a verdict an audit record keeps.
    void setVerdict(const Verdict &verdict);

    QJsonObject toJson() const;
};

} // namespace SendGuard::Core
