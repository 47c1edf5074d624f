// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "bridgerequest.h"
#include "hostwindowparent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <functional>

namespace SendGuard {
class SendInterceptor;
}

namespace SendGuard::Bridge {

// The bridge's loop: takes the host's lines in order, one at a time, and writes exactly one answer
// line for each (docs/bridge-protocol.md). A check runs the plugin's interceptSend() with its dialog
// over the host's window. When the host goes away, an open dialog is closed as cancelled and the
// bridge ends. Its log (standard error) names requests by id and type, never their content.
class BridgeServer : public QObject
{
public:
    // interceptor: the loaded plugin, or null with loadError saying why (every request is then
    // answered with the error "no-plugin"). plugin: its metadata for hello.
    BridgeServer(SendInterceptor *interceptor, QJsonObject plugin, QString loadError, int outputDescriptor,
                 QObject *parent = nullptr);

    // Called after each line is answered: the reader may read the next (LineReader::lineTaken).
    void setLineDone(std::function<void()> lineDone) { m_lineDone = std::move(lineDone); }

    void takeLine(const QByteArray &line);
    void takeLineTooLong(qint64 bytes);
    // Standard input ended: nothing more will come. What came is still answered, then the
    // bridge quits.
    void inputClosed();

    static constexpr qsizetype MaxLineBytes = qsizetype(128) << 20;

private:
    struct Pending
    {
        QByteArray line;
        qint64 tooLongBytes = 0; // > 0: a line that was not kept
    };

    void processPending();
    QByteArray answer(const Pending &pending);
    QByteArray check(const BridgeRequest &request);
    void write(const QByteArray &line);
    // The host's end of standard output is closed: it died or gave up. Whatever dialog is open
    // is closed as cancelled, nothing queued is run, and the bridge quits.
    void watchHost();
    bool hostGone();

    SendInterceptor *m_interceptor;
    QJsonObject m_plugin;
    QString m_loadError;
    int m_output;
    HostWindowParent m_hostWindow;
    QQueue<Pending> m_pending;
    bool m_busy = false;
    bool m_inputClosed = false;
    bool m_hostGone = false;
    QTimer m_hostWatch;
    QString m_language;
    std::function<void()> m_lineDone;
};

} // namespace SendGuard::Bridge
