// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/attachmenttext.h"
#include "message/outgoingmessage.h"
#include "messagescanner.h"

#include <QString>

#include <vector>

namespace SendGuard::Core {

// Builds what "mask and send" sends: the message with every finding in its subject, body and
// text attachments replaced by its masked form. Each part is scanned on its own, so two
// attachments with the same name never borrow each other's offsets.
class MessageMasker
{
public:
    struct [[nodiscard]] Result
    {
        OutgoingMessage message; // masked attachments carry their new bytes as data (UTF-8)
        std::vector<AttachmentText> attachments; // the text of each attachment of message
        int maskedCount = 0; // findings replaced
        bool complete = true; // false: some part could not be scanned; nothing is masked then
        QString error;
    };

    // The scanner must outlive this object.
    explicit MessageMasker(const MessageScanner &scanner);

    // attachments: the text of each of message.attachments, in order. Attachments that are not
    // text stay as they are; a later check still reports them as not scanned.
    Result mask(const OutgoingMessage &message, const std::vector<AttachmentText> &attachments) const;

    // One text with its findings masked; when it cannot be scanned (an invalid policy, a scan past
    // its budget), a placeholder that says how long it was, never the text.
    QString maskText(const QString &text) const;

private:
    const MessageScanner &m_scanner;
};

} // namespace SendGuard::Core
