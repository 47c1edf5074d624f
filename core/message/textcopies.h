// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "attachmenttext.h"
#include "textplace.h"

#include "scan/scanresult.h"

namespace SendGuard::Core {

// Documents keep some of their text twice: an HWPX's preview of its first page, a Word text box
// written again for programs that cannot draw it (mc:Fallback), the plain-text part of an HTML
// e-mail, a PDF form field's value or an annotation's text that its page draws as well. A copy is
// read and masked like the rest of the text, but a finding in it that repeats one outside the
// copies, or one in another copy, is the same item, and is not reported twice: the dialog would
// say two registration numbers where the document holds one.
class TextCopies
{
public:
    // Whether place lies in such a copy (a step of kind Preview, Alternative, FormField or Note).
    static bool isCopy(const TextPlace &place);
    static bool hasCopies(const AttachmentText &attachment);

    // scan (of attachment.utf8) without the findings in copies whose detector and letters and
    // digits equal those of a finding outside the copies, or of one in a copy before. A finding
    // only copies hold stays, once.
    static ScanResult withoutRepeats(const AttachmentText &attachment, ScanResult scan);
};

} // namespace SendGuard::Core
