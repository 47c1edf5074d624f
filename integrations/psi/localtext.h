// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace SendGuard::Psi {

// Psi has no translation catalogue for plugins, and the plugin says little of its own (SendGuard's
// dialog comes from the bridge, translated there): its few sentences are here in Korean and English,
// chosen by the language the bridge is asked to speak.
inline bool isKoreanUi()
{
    return QLocale().language() == QLocale::Korean;
}

inline QString localText(const char *korean, const char *english)
{
    return QString::fromUtf8(isKoreanUi() ? korean : english);
}

} // namespace SendGuard::Psi
