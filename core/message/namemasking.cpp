// SPDX-License-Identifier: GPL-2.0-or-later
#include "namemasking.h"

#include <algorithm>

namespace SendGuard::Core {

void NameMasking::add(const TextPlace &place, const QString &masked)
{
    const bool inName = std::any_of(place.steps.begin(), place.steps.end(),
                                    [](const TextPlace::Step &step) { return step.kind == TextPlace::Kind::FileName; });
    if (inName && masked.contains(QLatin1Char('*')) && !m_masked.contains(masked))
        m_masked.append(masked);
}

QString NameMasking::hide(QString text) const
{
    for (const QString &masked : m_masked) {
        const qsizetype length = masked.size();
        for (qsizetype at = 0; at + length <= text.size();) {
            bool fits = true;
            for (qsizetype i = 0; i < length && fits; ++i)
                fits = masked[i] == QLatin1Char('*') || masked[i] == text[at + i];
            if (!fits) {
                ++at;
                continue;
            }
            text.replace(at, length, masked);
            at += length;
        }
    }
    return text;
}

} // namespace SendGuard::Core
