// SPDX-License-Identifier: GPL-2.0-or-later
#include "uncheckedcause.h"

namespace SendGuard::Core {

UncheckedCause uncheckedCauseOf(const QString &reason, bool attachmentUnreadable)
{
    if (attachmentUnreadable)
        return UncheckedCause::AttachmentUnreadable;
    // Missing files, and a reader that could not start or stopped part way (a crash).
    for (const char *unreadable :
         {"cannot read", "stopped before the end", "could not start", "is not installed", "could not be locked down"}) {
        if (reason.contains(QLatin1String(unreadable)))
            return UncheckedCause::AttachmentUnreadable;
    }
    if (reason.contains(QLatin1String("took longer than")))
        return UncheckedCause::Timeout;
    for (const char *limit : {"larger than", "more than", "nested more than", "decompresses to"}) {
        if (reason.contains(QLatin1String(limit)))
            return UncheckedCause::AttachmentLimit;
    }
    for (const char *format : {"not supported", "encrypted", "unknown format", "unsupported version", "an image",
                               "no text layer", "not UTF-8"}) {
        if (reason.contains(QLatin1String(format)))
            return UncheckedCause::AttachmentNotSupported;
    }
    return UncheckedCause::Unknown;
}

} // namespace SendGuard::Core
