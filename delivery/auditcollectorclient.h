// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <deque>

namespace SendGuard::Delivery {

// Hands each line of the local audit trail to the machine's audit collector (AuditCollector,
// `sendguard audit collect`, run by root) over its Unix socket, so that a copy exists that the
// user cannot rewrite. Never blocks a send: the socket is non-blocking, and lines the collector
// cannot take yet wait in a short queue and go first the next time. A line cut off by a lost
// connection is sent again whole; the collector drops the incomplete one.
class AuditCollectorClient
{
public:
    static constexpr std::size_t MaxQueued = 1000;

    explicit AuditCollectorClient(QString socketPath);
    ~AuditCollectorClient();
    AuditCollectorClient(const AuditCollectorClient &) = delete;
    AuditCollectorClient &operator=(const AuditCollectorClient &) = delete;

    // Queues line (one record, without its newline) and sends what the socket takes. True when
    // nothing is left waiting.
    bool send(const QByteArray &line);
    std::size_t queued() const { return m_queue.size(); }
    quint64 dropped() const { return m_dropped; } // oldest lines dropped from a full queue

private:
    bool connectSocket();
    void disconnectSocket();
    bool flush();

    QString m_socketPath;
    int m_socket = -1;
    std::deque<QByteArray> m_queue; // lines with their newline
    qsizetype m_sentOfFirst = 0; // bytes of m_queue.front() already written on this connection
    quint64 m_dropped = 0;
};

} // namespace SendGuard::Delivery
