// SPDX-License-Identifier: GPL-2.0-or-later
#include "linereader.h"

#include <algorithm>
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
            if (!handOn(line, skipped))
                return;
            line.clear();
            skipped = 0;
        }
    }
    // A last request without its newline still counts.
    if (handOn(line, skipped))
        Q_EMIT closed();
}

bool LineReader::handOn(const QByteArray &line, qint64 skipped)
{
    // Blank lines are no requests; looked at in place, not copied (a line may be 128 MiB). Blank
    // is what QByteArray::trimmed() drops: space, and tab to carriage return.
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    if (skipped == 0 && std::all_of(line.cbegin(), line.cend(), space))
        return true;
    if (!waitForRoom())
        return false;
    if (skipped > 0)
        Q_EMIT lineTooLong(skipped);
    else
        Q_EMIT lineRead(line);
    return true;
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
