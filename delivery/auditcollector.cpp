// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditcollector.h"

#include "safefile.h"

#include "audit/collectedrecord.h"

#include <QFileInfo>
#include <QLocalSocket>

#ifdef Q_OS_LINUX
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace SendGuard::Delivery {

namespace {

#ifdef Q_OS_LINUX
QString accountName(uid_t uid)
{
    struct passwd entry
    {
    };
    struct passwd *found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid, &entry, buffer, sizeof(buffer), &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return {};
}
#endif

} // namespace

AuditCollector::AuditCollector(QString socketPath, QString trailPath, qint64 maxFileBytes, QObject *parent)
    : QObject(parent)
    , m_socketPath(std::move(socketPath))
    , m_trail(std::move(trailPath), maxFileBytes)
{
    m_server.setSocketOptions(QLocalServer::WorldAccessOption);
    m_server.setMaxPendingConnections(MaxConnections);
    connect(&m_server, &QLocalServer::newConnection, this, &AuditCollector::accept);
}

AuditCollector::~AuditCollector() = default;

bool AuditCollector::listen(QString *error)
{
#ifdef Q_OS_LINUX
    // The socket's folder must be one no one else can change, or a user could put their own
    // listener in its place.
    const SafeFile::Descriptor folder(SafeFile::openFolder(QFileInfo(m_socketPath).absolutePath(), error));
    if (folder.get() < 0)
        return false;
    QLocalServer::removeServer(m_socketPath);
    if (!m_server.listen(m_socketPath)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1: %2").arg(m_socketPath, m_server.errorString());
        return false;
    }
    return true;
#else
    if (error)
        *error = QStringLiteral("the audit collector runs on Linux only");
    return false;
#endif
}

void AuditCollector::accept()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            m_peers.remove(socket); // an incomplete last line is dropped with it
            socket->deleteLater();
        });
        if (m_peers.size() >= MaxConnections) {
            socket->abort();
            continue;
        }
        Peer peer;
#ifdef Q_OS_LINUX
        struct ucred credentials
        {
        };
        socklen_t length = sizeof(credentials);
        if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
            socket->abort();
            continue;
        }
        peer.uid = credentials.uid;
        peer.pid = credentials.pid;
        peer.user = accountName(credentials.uid);
#endif
        m_peers.insert(socket, peer);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { read(socket); });
        read(socket);
    }
}

void AuditCollector::read(QLocalSocket *socket)
{
    const auto peer = m_peers.find(socket);
    if (peer == m_peers.end())
        return;
    peer->pending += socket->readAll();
    qsizetype start = 0;
    for (qsizetype end; (end = peer->pending.indexOf('\n', start)) >= 0; start = end + 1) {
        if (peer->discarding || end - start > MaxLineBytes)
            ++m_refused; // no record is that long: skipped, and the next line is read as usual
        else
            collect(peer->pending.mid(start, end - start), socket);
        peer->discarding = false;
    }
    peer->pending.remove(0, start);
    if (peer->pending.size() > MaxLineBytes) { // never held whole: the rest of it is skipped
        peer->pending.clear();
        peer->discarding = true;
    }
}

void AuditCollector::collect(const QByteArray &line, QLocalSocket *socket)
{
    const Peer &peer = m_peers.value(socket);
    const auto record = Core::CollectedRecord::fromLine(line, peer.uid, peer.user, peer.pid);
    if (!record || !m_trail.append(record->toJson())) {
        ++m_refused;
        return;
    }
    ++m_collected;
    Q_EMIT lineCollected();
}

} // namespace SendGuard::Delivery
