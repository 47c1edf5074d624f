// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditlog.h"

#include <QHash>
#include <QLocalServer>
#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QLocalSocket;
QT_END_NAMESPACE

namespace SendGuard::Delivery {

// The machine's audit trail, the one a user cannot rewrite: run by root (`sendguard audit
// collect`, the sendguard-audit-collector service), it listens on a Unix socket every local user
// may connect to, and writes each line it receives as a Core::CollectedRecord into its own
// hash-chained AuditLog in a root-owned folder. Who sent a line is what the kernel says about the
// socket (SO_PEERCRED), never what the record claims. `sendguard audit verify --against` compares
// a local trail with it.
//
// What a user can do: add records (they are marked with their account), or not send any (their
// local records are then not in the machine trail, which `audit verify --against` reports). What
// they cannot: change or remove a record once received.
class AuditCollector : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxConnections = 64;
    // The longest line taken: a local record, with room for what the collector adds around it.
    static constexpr qint64 MaxLineBytes = AuditLog::MaxRecordBytes - 1024;

    AuditCollector(QString socketPath, QString trailPath, qint64 maxFileBytes, QObject *parent = nullptr);
    ~AuditCollector() override;

    // Creates the socket (any local user may connect) in a folder checked as SafeFile checks
    // folders, replacing a stale socket. False with error set when it cannot.
    bool listen(QString *error);

    quint64 collected() const { return m_collected; }
    quint64 refused() const { return m_refused; } // not JSON objects, too long, or not written

Q_SIGNALS:
    void lineCollected();

private:
    void accept();
    void read(QLocalSocket *socket);
    void collect(const QByteArray &line, QLocalSocket *socket);

    struct Peer
    {
        qint64 uid = -1;
        qint64 pid = 0;
        QString user;
        QByteArray pending; // an incomplete line
        bool discarding = false; // inside a line too long to be a record
    };

    QString m_socketPath;
    QLocalServer m_server;
    AuditLog m_trail;
    QHash<QLocalSocket *, Peer> m_peers;
    quint64 m_collected = 0;
    quint64 m_refused = 0;
};

} // namespace SendGuard::Delivery
