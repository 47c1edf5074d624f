// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"
#include "scan/finding.h"

#include <QString>

namespace SendGuard::Core {

// A finding and the part of the message it is in. Offsets are UTF-8 byte offsets into that part.
struct MessageFinding
{
    Finding finding;
    QString field; // "subject", "body" or "attachment:<name>"
    TextPlace place; // inside an attachment: the sheet and cell, page, paragraph..., or its file name; else empty

    friend bool operator==(const MessageFinding &, const MessageFinding &) = default;
};

} // namespace SendGuard::Core
