// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>

namespace SendGuard::Core {

// A file a user may point at (an attachment, their own settings), read so that no such path can
// hang or exhaust the reader: a regular file only, opened without waiting for a FIFO's writer,
// read in blocks and never past maxBytes whatever size it claims (/proc files say 0).
struct BoundedFile
{
    enum class Status {
        Read, // bytes holds the whole file
        CannotOpen, // missing, or no permission; error says why
        NotRegular, // a device, a FIFO, a folder
        TooLarge, // more than maxBytes: nothing is kept
        Cancelled, // cancel was set between two blocks
        ReadError, // error says why
    };

    Status status = Status::CannotOpen;
    QByteArray bytes;
    QString error; // the system's words, for CannotOpen and ReadError

    static BoundedFile read(const QString &path, qint64 maxBytes, const std::atomic_bool *cancel = nullptr);
};

} // namespace SendGuard::Core
