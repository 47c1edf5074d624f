// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditcollectorclient.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace SendGuard::Delivery {

AuditCollectorClient::AuditCollectorClient(QString socketPath)
    : m_socketPath(std::move(socketPath))
{
}

AuditCollectorClient::~AuditCollectorClient()
{
    disconnectSocket();
}

bool AuditCollectorClient::connectSocket()
{
#ifdef Q_OS_UNIX
    if (m_socket >= 0)
        return true;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(m_socketPath);
    if (path.isEmpty() || path.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    m_socket = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_socket < 0)
        return false;
    // A Unix socket connects at once or not at all (EAGAIN: its backlog is full; try later).
    if (::connect(m_socket, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        disconnectSocket();
        return false;
    }
    m_sentOfFirst = 0;
    return true;
#else
    return false; // no collector on this system yet
#endif
}

void AuditCollectorClient::disconnectSocket()
{
#ifdef Q_OS_UNIX
    if (m_socket >= 0)
        ::close(m_socket);
#endif
    m_socket = -1;
    m_sentOfFirst = 0; // a line cut off is sent again whole on the next connection
}

bool AuditCollectorClient::flush()
{
#ifdef Q_OS_UNIX
    while (!m_queue.empty()) {
        const QByteArray &line = m_queue.front();
        const ssize_t written =
            ::send(m_socket, line.constData() + m_sentOfFirst, std::size_t(line.size() - m_sentOfFirst), MSG_NOSIGNAL);
        if (written < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return false; // the collector is busy: the rest goes next time
            disconnectSocket(); // gone or restarted
            return false;
        }
        m_sentOfFirst += written;
        if (m_sentOfFirst == line.size()) {
            m_queue.pop_front();
            m_sentOfFirst = 0;
        }
    }
    return true;
#else
    return false;
#endif
}

bool AuditCollectorClient::send(const QByteArray &line)
{
    m_queue.push_back(line + '\n');
    while (m_queue.size() > MaxQueued) {
        if (m_sentOfFirst > 0) // the front is half sent: finish it on this connection, drop the next
            m_queue.erase(m_queue.begin() + 1);
        else
            m_queue.pop_front();
        ++m_dropped;
    }
    // One reconnection per call: a collector that restarted gets the queue at once.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!connectSocket())
            return false;
        if (flush())
            return true;
        if (m_socket >= 0)
            return false; // busy, not gone
    }
    return false;
}

} // namespace SendGuard::Delivery
