// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

namespace SendGuard::Tests {

// A real nginx (SENDGUARD_NGINX, installed by scripts/setup) serving a folder on 127.0.0.1, in
// the foreground, with its configuration, logs and pid in a temporary folder. /slow/ answers
// after five seconds (the echo module nginx-light ships), for timeouts.
class NginxServer
{
public:
    explicit NginxServer(const QString &documentRoot)
    {
        QTcpServer probe; // a free port; nginx takes it over right after
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        probe.close();

        const QString prefix = m_dir.path();
        const QString config = QString::fromLatin1("load_module /usr/lib/nginx/modules/ngx_http_echo_module.so;\n"
                                                   "daemon off;\n"
                                                   "master_process off;\n"
                                                   "worker_processes 1;\n"
                                                   "pid %1/nginx.pid;\n"
                                                   "error_log %1/error.log;\n"
                                                   "events { worker_connections 64; }\n"
                                                   "http {\n"
                                                   "    access_log %1/access.log;\n"
                                                   "    client_body_temp_path %1/body;\n"
                                                   "    proxy_temp_path %1/proxy;\n"
                                                   "    fastcgi_temp_path %1/fastcgi;\n"
                                                   "    uwsgi_temp_path %1/uwsgi;\n"
                                                   "    scgi_temp_path %1/scgi;\n"
                                                   "    default_type application/octet-stream;\n"
                                                   "    server {\n"
                                                   "        listen 127.0.0.1:%2;\n"
                                                   "        root %3;\n"
                                                   "        etag on;\n"
                                                   "        location /slow/ { echo_sleep 5; echo \"late\"; }\n"
                                                   "    }\n"
                                                   "}\n")
                                   .arg(prefix)
                                   .arg(m_port)
                                   .arg(documentRoot);
        QFile file(prefix + QLatin1String("/nginx.conf"));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the nginx configuration");
        file.write(config.toUtf8());
        file.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(SENDGUARD_NGINX),
                        {QStringLiteral("-p"), prefix, QStringLiteral("-e"), prefix + QLatin1String("/error.log"),
                         QStringLiteral("-c"), prefix + QLatin1String("/nginx.conf")});
        for (int attempt = 0; attempt < 100; ++attempt) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return;
            if (m_process.state() == QProcess::NotRunning)
                break;
            QThread::msleep(50);
        }
        QFile log(prefix + QLatin1String("/error.log"));
        log.open(QIODevice::ReadOnly);
        qFatal("nginx did not start: %s %s", m_process.readAll().constData(), log.readAll().constData());
    }
    ~NginxServer() { stop(); }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    QString url(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path); }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace SendGuard::Tests
