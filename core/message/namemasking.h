// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "textplace.h"

#include <QString>
#include <QStringList>

namespace SendGuard::Core {

// Names of files (an attachment's, an archive entry's) are written out for people: in the dialog,
// in the CLI's places and reasons. A finding in a name would stand there unmasked beside its own
// masked form, so every stretch of such text that a masked form fits is written as that form.
class NameMasking
{
public:
    // Keeps masked ("850315-2******") when place is a file's name (a step of kind FileName).
    void add(const TextPlace &place, const QString &masked);
    bool isEmpty() const { return m_masked.isEmpty(); }

    // text with every stretch that reads as a kept masked form, where that form shows a character
    // (any character where it shows '*'), written as the masked form.
    QString hide(QString text) const;

private:
    QStringList m_masked;
};

} // namespace SendGuard::Core
