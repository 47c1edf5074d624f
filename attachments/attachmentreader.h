// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/attachmentlimits.h"
#include "message/attachmenttext.h"
#include "message/textmask.h"
#include "scan/scanner.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace SendGuard::Attachments {

// Reads attachments for a check, in the host's process but never parsing a document there: plain
// text (.txt, .csv) is decoded at once; every other file goes to the locked-down helper
// sendguard-extract, which answers with its text piece by piece, each with its place. A helper
// that crashes, hangs past the time limit, or is missing makes the attachment "not scanned" with
// the reason; Cancel stops it at once.
class AttachmentReader
{
public:
    // helperPath: from findHelper(); empty when none is usable (documents are then not scanned).
    explicit AttachmentReader(QString helperPath, Core::AttachmentLimits limits = {});

    // The helper for a host whose own binary is callerPath: the installed one
    // (libexec/sendguard/sendguard-extract), or for a binary that is not installed (a build tree,
    // tests) $SENDGUARD_EXTRACT or the one built beside it. An installed host runs only a helper
    // that is itself installed (Core::isInstalledPath): a user cannot swap in their own.
    static QString findHelper(const QString &callerPath);

    QString helperPath() const { return m_helperPath; }
    const Core::AttachmentLimits &limits() const { return m_limits; }

    // The attachment's text (its data, or its path resolved against baseDirectory). With
    // scanAlong, a document's text is scanned while the helper is still sending it, on this
    // thread between its chunks, and the findings come with it (AttachmentText::earlyScan): the
    // check then has nothing left to scan when the helper ends.
    Core::AttachmentText read(const Core::MessageAttachment &attachment, const QString &baseDirectory,
                              const std::atomic_bool *cancel = nullptr, const Core::Scanner *scanAlong = nullptr) const;
    // The text of bytes named name, through the helper unless it is plain text.
    Core::AttachmentText extract(const QString &name, const QByteArray &bytes, const std::atomic_bool *cancel = nullptr,
                                 const Core::Scanner *scanAlong = nullptr) const;

    // The attachment (its data, or its path resolved against baseDirectory) with masks applied
    // where each character lies, by the helper: a Core::MessageMasker::DocumentMasking. text is
    // what the helper read from it for the check. Empty with error set when it cannot be masked.
    std::optional<QByteArray> mask(const Core::MessageAttachment &attachment, const QString &baseDirectory,
                                   const Core::AttachmentText &text, const std::vector<Core::TextMask> &masks,
                                   QString *error, const std::atomic_bool *cancel = nullptr) const;

private:
    enum class Run { Finished, NotStarted, Cancelled, TimedOut, Overflow };
    // Runs the helper on input with arguments, handing what it writes to take; stops it on
    // cancel, at the time limit, or past maxOutput bytes.
    Run runHelper(const QStringList &arguments, const QByteArray &input, qint64 maxOutput,
                  const std::function<void(const QByteArray &)> &take, const std::atomic_bool *cancel,
                  QString *error) const;
    // The attachment's bytes, read as read() reads them; empty with the text to return when not.
    std::optional<QByteArray> bytesOf(const Core::MessageAttachment &attachment, const QString &baseDirectory,
                                      const std::atomic_bool *cancel, Core::AttachmentText *failure) const;

    QString m_helperPath;
    Core::AttachmentLimits m_limits;
};

} // namespace SendGuard::Attachments
