// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audience/recipientclassifier.h"
#include "message/attachmenttext.h"
#include "message/outgoingmessage.h"
#include "messagemasker.h"
#include "messagescanner.h"
#include "policy/policy.h"
#include "policyengine.h"
#include "scan/scanner.h"
#include "verdict.h"

#include <QDate>

#include <vector>

namespace SendGuard::Core {

// Everything a send-time check does, for one policy: scan the message (with the policy's
// detectors and allow-list), classify its recipients, decide. Built once per policy; check() is
// const and safe to call from several threads.
class MessageChecker
{
public:
    struct [[nodiscard]] Result
    {
        Verdict verdict; // meaningful only when complete
        std::vector<MessageScanner::NotScanned> notScanned; // attachments that could not be read as text
        NameMasking names; // what findings in file names hold: shown masked wherever a name is
        bool complete = true; // false: the message could not be checked, never "allowed"
        QString error;

        // Allowed, but attachments that could not be read go to a broadcast audience: that is no
        // check. The plugin follows the policy's failure mode; `sendguard check` exits 3.
        bool leavesAttachmentsUnread() const
        {
            return complete && verdict.level == VerdictLevel::Allow && !notScanned.empty() &&
                verdict.audience.broadcast;
        }
    };

    // The wall time each scan of a check (subject, body, each attachment) may take, unless
    // scannerOptions sets its own: past it the check is incomplete.
    static constexpr int ScanBudgetMs = 15000;

    // scannerOptions.today: see Scanner::Options (tests fix it; invalid means the current date).
    explicit MessageChecker(Policy policy, Scanner::Options scannerOptions = {});

    // False when the policy's detectors do not compile (PolicyReader rules that out for policies it read).
    bool isValid() const { return m_scanner.isValid(); }
    QString errorString() const { return m_scanner.errorString(); }
    const Policy &policy() const { return m_engine.policy(); }
    // The policy's scanner: the one AttachmentReader scans documents with as they are read.
    const Scanner &scanner() const { return m_scanner; }

    // attachments: the text of each of message.attachments (AttachmentText::read), in order.
    // today decides which exemptions are in force.
    Result check(const OutgoingMessage &message, const std::vector<AttachmentText> &attachments,
                 const QDate &today) const;

    // What "mask and send" sends instead of message, to be checked again before it goes.
    MessageMasker::Result mask(const OutgoingMessage &message, const std::vector<AttachmentText> &attachments,
                               const MessageMasker::DocumentMasking &maskDocument = {}) const
    {
        return m_masker.mask(message, attachments, maskDocument);
    }
    // A free text (a typed justification, an error) with anything the detectors find masked,
    // before it is written to the audit trail.
    QString maskText(const QString &text) const { return m_masker.maskText(text); }

private:
    Scanner m_scanner;
    MessageScanner m_messageScanner;
    MessageMasker m_masker;
    RecipientClassifier m_classifier;
    PolicyEngine m_engine;
};

} // namespace SendGuard::Core
