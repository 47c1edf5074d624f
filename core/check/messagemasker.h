// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/attachmenttext.h"
#include "message/outgoingmessage.h"
#include "message/textmask.h"
#include "messagescanner.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace SendGuard::Core {

// Builds what "mask and send" sends: the message with every finding in its subject, body and
// attachments replaced by its masked form. Each part is scanned on its own, so two attachments
// with the same name never borrow each other's offsets. A text attachment is rewritten as masked
// text; a document (its text came from the extraction helper) is masked where each character
// lies in it, by a DocumentMasking the caller gives (the helper, which alone parses documents).
class MessageMasker
{
public:
    struct [[nodiscard]] Result
    {
        OutgoingMessage message; // masked attachments carry their new bytes as data
        // The text of each attachment of message; empty when a document was masked (the masked
        // document must be read again, never taken on trust).
        std::vector<AttachmentText> attachments;
        int maskedCount = 0; // findings replaced
        bool complete = true; // false: some part could not be scanned; nothing is masked then
        QString error;
    };

    // The masked bytes of attachment (whose text is text) with masks applied; empty with error
    // set when it cannot be masked in place.
    using DocumentMasking =
        std::function<std::optional<QByteArray>(const MessageAttachment &attachment, const AttachmentText &text,
                                                const std::vector<TextMask> &masks, QString *error)>;

    // The scanner must outlive this object.
    explicit MessageMasker(const MessageScanner &scanner);

    // attachments: the text of each of message.attachments, in order. Attachments that are not
    // text stay as they are; a later check still reports them as not scanned. A document that
    // holds a finding is masked with maskDocument; without one, or when it fails, nothing is
    // masked (complete is false and error says why).
    Result mask(const OutgoingMessage &message, const std::vector<AttachmentText> &attachments,
                const DocumentMasking &maskDocument = {}) const;

    // One text with its findings masked; when it cannot be scanned (an invalid policy, a scan past
    // its budget), a placeholder that says how long it was, never the text.
    QString maskText(const QString &text) const;

private:
    const MessageScanner &m_scanner;
};

} // namespace SendGuard::Core
