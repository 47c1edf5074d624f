// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace SendGuard::Tests {

// A datagram socket bound where the system log would listen.
class SyslogListener
{
public:
    explicit SyslogListener(const QString &path)
    {
        m_socket = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(path);
        std::memcpy(address.sun_path, name.constData(), std::size_t(name.size()));
        if (::bind(m_socket, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0)
            qFatal("cannot bind %s", qPrintable(path));
    }
    ~SyslogListener() { ::close(m_socket); }
    QList<QByteArray> receive()
    {
        QList<QByteArray> messages;
        char buffer[8192];
        for (;;) {
            const ssize_t size = ::recv(m_socket, buffer, sizeof(buffer), MSG_DONTWAIT);
            if (size <= 0)
                return messages;
            messages.append(QByteArray(buffer, size));
        }
    }

private:
    int m_socket = -1;
};

} // namespace SendGuard::Tests
