// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "attachmenttext.h"
#include "textplace.h"

#include "scan/finding.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <vector>

namespace SendGuard::Core {

// Names of files (an attachment's, an archive entry's) and of a document's parts (a sheet's) are
// written out for people: in the dialog, in the CLI's places, reasons and headings. A finding in a name would stand
// there as the name holds it, beside its own masked form, so every copy of its text is written as the masked form.
// Holds the found text itself: never written out, never stored.
class NameMasking
{
public:
    // More found texts than this (a crafted archive of thousands of numbered names): every digit
    // and letter of a name that holds one is hidden instead.
    static constexpr qsizetype MaxTexts = 1000;

    // Whether place is a name (it has a step of kind FileName or Name).
    static bool isName(const TextPlace &place);

    // Keeps found (a finding's text, as the name holds it) to be written as masked.
    void add(const QString &found, const QString &masked);
    // Keeps the text of each of findings (of a scan of text.utf8) that lies in a file's name
    // within text; walks the findings only when text holds a name at all.
    void addFoundIn(const AttachmentText &text, const std::vector<Finding> &findings);
    bool isEmpty() const { return m_masks.isEmpty() && !m_overflow; }

    // text with every copy of a kept text written as its masked form; where a place cut a name
    // short ("…"), the part of a kept text before the cut as the same part of its masked form.
    QString hide(QString text) const;

private:
    QHash<QString, QString> m_masks; // found -> masked
    QList<qsizetype> m_lengths; // of the found texts, longest first
    QSet<QChar> m_firsts; // their first characters: where a copy may begin
    bool m_overflow = false;
};

} // namespace SendGuard::Core
