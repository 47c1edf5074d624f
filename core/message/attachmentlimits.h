// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

namespace SendGuard::Core {

// What reading one attachment may cost, counted on what is actually decompressed, never on what a
// file's headers declare. The extraction helper enforces them and the host passes them on; a limit
// hit makes the attachment "partially scanned" (text) or "not scanned" (input, time), with the
// reason: never clean.
struct AttachmentLimits
{
    qint64 maxInputBytes = 50 << 20; // the attachment itself
    int maxEntries = 1000; // entries read from all archives of one attachment
    int maxDepth = 4; // archives (and e-mails) inside archives
    int maxRatio = 100; // inflated : compressed, once an entry is past ratioFloor
    qint64 ratioFloor = 1 << 20;
    qint64 maxEntryBytes = 100 << 20; // inflated, one entry
    qint64 maxTotalBytes = 200 << 20; // inflated, all entries of one attachment
    qint64 maxCharacters = 10'000'000; // of text, all pieces together
    int maxSeconds = 15; // wall time of the helper (the host enforces it)

    friend bool operator==(const AttachmentLimits &, const AttachmentLimits &) = default;
};

} // namespace SendGuard::Core
