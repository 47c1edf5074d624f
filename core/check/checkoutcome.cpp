// SPDX-License-Identifier: GPL-2.0-or-later
#include "checkoutcome.h"

namespace SendGuard::Core {

CheckOutcome CheckOutcome::run(const MessageChecker &checker, const OutgoingMessage &message,
                               std::vector<AttachmentText> attachments, const QDate &today,
                               const std::atomic_bool *cancel, const AttachmentReading &readAttachment,
                               const MessageMasker::DocumentMasking &maskDocument)
{
    CheckOutcome outcome;
    if (attachments.empty()) {
        for (const MessageAttachment &attachment : message.attachments) {
            attachments.push_back(readAttachment ? readAttachment(attachment, cancel)
                                                 : AttachmentText::read(attachment, QString(), cancel));
            if (cancel && cancel->load())
                break;
        }
    }
    if (cancel && cancel->load()) {
        outcome.cancelled = true;
        return outcome;
    }
    outcome.result = checker.check(message, attachments, today);
    if (outcome.result.complete && outcome.result.verdict.level != VerdictLevel::Allow)
        outcome.masked = checker.mask(message, attachments, maskDocument);
    outcome.attachments = std::move(attachments);
    return outcome;
}

} // namespace SendGuard::Core
