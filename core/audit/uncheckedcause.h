// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/enumnames.h"

#include <QString>

namespace SendGuard::Core {

// Why a message could not be checked, as check-failed records say it ("cause") and as IT counts
// them in `sendguard audit report`.
enum class UncheckedCause {
    Unknown, // a record from before causes were recorded, or a reason not told apart
    PolicyNotLoaded, // the policy's detectors do not compile
    Incomplete, // the check stopped part way
    Timeout, // the scan or an attachment's reading took longer than allowed
    AttachmentLimit, // an attachment past a limit (size, entries, depth, expansion, characters)
    AttachmentUnreadable, // an attachment missing or unreadable
    AttachmentNotSupported, // an attachment in a format, or an encryption, not read
    InternalError,
};

inline constexpr EnumNames uncheckedCauseNames {std::array {
    std::pair {UncheckedCause::Unknown, u"unknown"},
    std::pair {UncheckedCause::PolicyNotLoaded, u"policy-not-loaded"},
    std::pair {UncheckedCause::Incomplete, u"incomplete"},
    std::pair {UncheckedCause::Timeout, u"timeout"},
    std::pair {UncheckedCause::AttachmentLimit, u"attachment-limit"},
    std::pair {UncheckedCause::AttachmentUnreadable, u"attachment-unreadable"},
    std::pair {UncheckedCause::AttachmentNotSupported, u"attachment-not-supported"},
    std::pair {UncheckedCause::InternalError, u"internal-error"},
}};

// The cause an attachment's "not scanned" reason, or a check's error, states. The texts are
// SendGuard's own (AttachmentReader, the helper, the scanner), never a message's.
UncheckedCause uncheckedCauseOf(const QString &reason, bool attachmentUnreadable = false);

} // namespace SendGuard::Core
