// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

// Produces the text "mask and send" sends: each finding's span replaced by its masked form
// ("900101-1******", "010-****-5678", "k***@korea.kr"), every other byte unchanged.
class Redactor
{
public:
    // Findings must come from Scanner::scan() on the same text (sorted, disjoint, UTF-8 byte offsets).
    static std::string redact(std::string_view text, const std::vector<Finding> &findings);

    // The same for a Qt string, with the UTF-16 offsets of Scanner::scan(QStringView).
    static QString redact(const QString &text, const std::vector<Finding> &findings);
};

} // namespace SendGuard::Core
