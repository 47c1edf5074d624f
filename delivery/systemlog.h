// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <deque>

namespace SendGuard::Delivery {

// Forwards audit records to the system log, where a SIEM collects them: RFC 5424 messages with
// the record's ids and counts as structured data ([sendguard@32473 ...]), sent as datagrams to
// the local syslog socket (/dev/log, which journald and rsyslog serve). Never blocks a send: a
// record that cannot be sent waits in a short queue and goes with the next one that can.
class SystemLog
{
public:
    static constexpr std::size_t MaxQueued = 1000;
    // Each structured-data value holds at most this many bytes (a list is cut after its last whole
    // item and ends in ",…"; a text ends in "…"), and a message that was cut says truncated="true":
    // a message stays under 8 KiB, what rsyslog accepts by default and far below any socket's limit.
    static constexpr qsizetype MaxValueBytes = 400;

    static QString standardSocketPath() { return QStringLiteral("/dev/log"); }

    explicit SystemLog(QString socketPath = standardSocketPath());
    ~SystemLog();
    SystemLog(const SystemLog &) = delete;
    SystemLog &operator=(const SystemLog &) = delete;

    // Sends what is queued, then record. False when record had to be queued. A message the socket
    // refuses for good (too large) is dropped, never retried ahead of the others; so is the oldest
    // when the queue is full. The next message that goes says how many were dropped (dropped="N").
    bool send(const QJsonObject &record);
    std::size_t queued() const { return m_queue.size(); }
    quint64 dropped() const { return m_droppedTotal; }

    // The RFC 5424 message for a record (PRI 109: facility "log audit", severity notice).
    static QByteArray format(const QJsonObject &record, const QString &hostName, qint64 processId);

private:
    enum class Sent { Yes, Later, Never };
    Sent sendDatagram(const QByteArray &message);

    QString m_socketPath;
    int m_socket = -1;
    std::deque<QByteArray> m_queue;
    quint64 m_droppedSinceSent = 0; // told in the next message that goes
    quint64 m_droppedTotal = 0;
};

} // namespace SendGuard::Delivery
