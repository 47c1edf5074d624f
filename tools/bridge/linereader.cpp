// SPDX-License-Identifier: GPL-2.0-or-later
#include "linereader.h"

#include <cerrno>
#include <cstring>

#include <poll.h>
#include <unistd.h>

namespace SendGuard::Bridge {

LineReader::LineReader(int descriptor, qsizetype maxLineBytes, QObject *parent)
    : QThread(parent)
    , m_descriptor(descriptor)
    , m_maxLineBytes(maxLineBytes)
{
}

void LineReader::run()
{
    QByteArray line;
    qint64 skipped = 0; // > 0: inside a line too long to keep
    char block[256 * 1024];
    while (!isInterruptionRequested()) {
        // Waits in slices, so that the bridge can end while its host still holds the pipe open.
        pollfd input {m_descriptor, POLLIN, 0};
        const int ready = ::poll(&input, 1, 100);
        if (ready == 0 || (ready < 0 && errno == EINTR))
            continue;
        const ssize_t read = ready < 0 ? -1 : ::read(m_descriptor, block, sizeof(block));
        if (read < 0 && errno == EINTR)
            continue;
        if (read <= 0)
            break;
        for (qsizetype at = 0; at < read;) {
            const char *end = static_cast<const char *>(std::memchr(block + at, '\n', std::size_t(read - at)));
            const qsizetype length = (end ? end - block : read) - at;
            if (skipped > 0 || line.size() + length > m_maxLineBytes) {
                skipped += line.size() + length;
                line.clear();
            } else {
                line.append(block + at, length);
            }
            at += length;
            if (!end)
                break;
            ++at; // the newline
            const bool blank = skipped == 0 && line.trimmed().isEmpty();
            if (!blank && !waitForRoom())
                return;
            if (skipped > 0)
                Q_EMIT lineTooLong(skipped);
            else if (!blank)
                Q_EMIT lineRead(line);
            line.clear();
            skipped = 0;
        }
    }
    // A last request without its newline still counts.
    const bool blank = skipped == 0 && line.trimmed().isEmpty();
    if (!blank && !waitForRoom())
        return;
    if (skipped > 0)
        Q_EMIT lineTooLong(skipped);
    else if (!blank)
        Q_EMIT lineRead(line);
    Q_EMIT closed();
}

bool LineReader::waitForRoom()
{
    while (!m_room.tryAcquire(1, 100)) {
        if (isInterruptionRequested())
            return false;
    }
    return true;
}

} // namespace SendGuard::Bridge
