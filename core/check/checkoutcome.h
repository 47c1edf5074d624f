// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/attachmenttext.h"
#include "messagechecker.h"
#include "messagemasker.h"

#include <functional>
#include <optional>
#include <vector>

namespace SendGuard::Core {

// What one send-time check of a message gave: the checker's result, and, when the verdict asks
// the user, what "mask and send" would send (made with the check, because masking scans every
// part again). The caller runs the check where it likes (the plugin: in a worker thread).
struct CheckOutcome
{
    bool cancelled = false; // the user cancelled while the check was running
    MessageChecker::Result result; // when not cancelled
    std::optional<MessageMasker::Result> masked; // when the verdict is not allow
    std::vector<AttachmentText> attachments; // the text of each attachment, as checked

    // How an attachment's text is read: AttachmentText::read() for plain text only, or the
    // extraction helper (Attachments::AttachmentReader) for documents.
    using AttachmentReading = std::function<AttachmentText(const MessageAttachment &, const std::atomic_bool *)>;

    // Reads the attachments (unless given) with readAttachment, checks, and masks when the verdict
    // is not allow (documents with maskDocument). cancel, when set while attachments are read,
    // stops the reading (the caller then cancels).
    static CheckOutcome run(const MessageChecker &checker, const OutgoingMessage &message,
                            std::vector<AttachmentText> attachments, const QDate &today,
                            const std::atomic_bool *cancel = nullptr, const AttachmentReading &readAttachment = {},
                            const MessageMasker::DocumentMasking &maskDocument = {});
};

} // namespace SendGuard::Core
