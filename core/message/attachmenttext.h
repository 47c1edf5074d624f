// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "outgoingmessage.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace SendGuard::Core {

// The text of an attachment, as the scanner reads it. Plain-text formats (.txt, .csv) are read
// today; any other format is reported as not scanned, never passed over in silence.
struct AttachmentText
{
    enum class Status {
        Text, // utf8 holds the text
        NotScanned, // a format or encoding that cannot be read yet; reason says which
        Unreadable, // the file is missing or cannot be read; reason says why
    };

    QString name;
    Status status = Status::NotScanned;
    QByteArray utf8;
    QString reason;

    static constexpr qint64 MaxSize = 64 << 20;

    // Reads the attachment's bytes (its data, or its path resolved against baseDirectory) and
    // decodes UTF-8, UTF-16 (with a byte-order mark, or told by where its NUL bytes fall), or
    // CP949 (EUC-KR), in that order. A path is read only when it names a regular file, and never
    // past MaxSize, whatever size the file claims (/proc files say 0): a device, a FIFO or a file
    // that keeps growing is not scanned, never read forever. cancel, when set, stops the read
    // between blocks (Unreadable, "cancelled").
    static AttachmentText read(const MessageAttachment &attachment, const QString &baseDirectory,
                               const std::atomic_bool *cancel = nullptr);

    // Decodes bytes already in memory; name decides the format by its extension. Bytes with a NUL
    // that are not UTF-16 text are no text: not scanned.
    static AttachmentText decode(const QString &name, const QByteArray &bytes);
};

} // namespace SendGuard::Core
