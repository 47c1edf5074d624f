// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

namespace SendGuard::Core {

// Characters of one piece of a document's text (AttachmentText::pieces) to be masked where they
// lie in the document: each character of [offset, offset + length), UTF-8 offsets in the piece,
// becomes the mask character. pieceLength, the piece's UTF-8 length, lets the helper check that
// it reads the same text the scanner did.
struct TextMask
{
    int piece = 0;
    qsizetype pieceLength = 0;
    qsizetype offset = 0;
    qsizetype length = 0;

    friend bool operator==(const TextMask &, const TextMask &) = default;
};

} // namespace SendGuard::Core
