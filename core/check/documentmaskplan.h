// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/attachmenttext.h"
#include "message/textmask.h"
#include "scan/finding.h"

#include <optional>
#include <vector>

namespace SendGuard::Core {

// Which characters of a document's text to mask so that it reads as "mask and send" promises:
// each finding's masked form ("850315-2******") laid over the text it was found in, character by
// character, so that only the hidden characters change where they lie in the document.
class DocumentMaskPlan
{
public:
    // findings: from a scan of text.utf8. A finding across pieces (a number's halves in two cells
    // of a row) is masked in each. Empty with error set when a finding or a character to hide lies
    // outside the pieces, or a masked form does not line up with its text letter for letter (then
    // the document cannot be masked in place).
    static std::optional<std::vector<TextMask>> of(const AttachmentText &text, const std::vector<Finding> &findings,
                                                   QString *error);
};

} // namespace SendGuard::Core
