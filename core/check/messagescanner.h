// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/attachmenttext.h"
#include "message/namemasking.h"
#include "message/outgoingmessage.h"
#include "messagefinding.h"
#include "policy/policy.h"
#include "scan/scanner.h"

#include <string_view>
#include <vector>

namespace SendGuard::Core {

// Scans every part of a message (subject, body, attachments' names and text) and drops what the
// policy's allow-list says is never a finding: the organisation's own phone numbers and addresses.
class MessageScanner
{
public:
    struct NotScanned
    {
        QString attachment;
        QString reason;
    };

    struct [[nodiscard]] Result
    {
        // subject, then body, then each attachment's name (offsets into the name, place FileName)
        // and text, in order
        std::vector<MessageFinding> findings;
        std::vector<NotScanned> notScanned;
        NameMasking names; // what findings in file names hold, to be shown masked wherever a name is
        bool complete = true;
        QString error;
    };

    // The scanner must outlive this object.
    MessageScanner(const Scanner &scanner, AllowList allowList);

    // attachments: the text of each of message.attachments, in the same order.
    Result scan(const OutgoingMessage &message, const std::vector<AttachmentText> &attachments) const;

    // One text's findings without those on the allow-list; offsets are UTF-8 byte offsets into text.
    ScanResult scanText(std::string_view text) const;

    // An attachment's findings without those on the allow-list: from its early scan when this
    // scanner made it on its text as it is (AttachmentText::earlyScanBy), else scanned now.
    ScanResult scanAttachment(const AttachmentText &attachment) const;

    // True when the finding's text (the bytes it spans) is on the allow-list.
    bool isAllowListed(const Finding &finding, std::string_view matchedText) const;

    // Digits of a phone number in its national form: "+82 32-440-2114" and "032 440 2114" both "0324402114".
    static QString nationalPhoneDigits(QStringView text);

private:
    bool scanField(std::string_view text, const QString &field, Result &result) const;
    // Adds scan's findings in text that are not on the allow-list; false when it is incomplete.
    bool addField(const ScanResult &scan, std::string_view text, const QString &field, Result &result) const;
    ScanResult withoutAllowListed(ScanResult scan, std::string_view text) const;
    bool isAllowListedIn(const Finding &finding, std::string_view text) const;

    const Scanner &m_scanner;
    AllowList m_allowList;
    QStringList m_allowedPhoneDigits;
};

} // namespace SendGuard::Core
