// SPDX-License-Identifier: GPL-2.0-or-later
#include "bridgeserver.h"

#include "messagejson.h"
#include "sendguard/sendinterceptor.h"

#include <QApplication>
#include <QDialog>
#include <QJsonArray>
#include <QWidget>

#include <cerrno>
#include <cstdio>

#include <poll.h>
#include <unistd.h>

namespace SendGuard::Bridge {

namespace {

// The bridge's own log: what happened to which request, never what a message said.
void log(const QString &line)
{
    std::fprintf(stderr, "sendguard-bridge: %s\n", qPrintable(line));
}

QString idForLog(const QJsonValue &id)
{
    if (id.isDouble())
        return QString::number(id.toDouble(), 'g', 17);
    // The host's id is the host's text: kept short and printable in the log.
    QString text = id.toString().left(64);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return id.isString() ? QLatin1Char('"') + text + QLatin1Char('"') : QStringLiteral("null");
}

} // namespace

BridgeServer::BridgeServer(SendInterceptor *interceptor, QJsonObject plugin, QString loadError, int outputDescriptor,
                           QObject *parent)
    : QObject(parent)
    , m_interceptor(interceptor)
    , m_plugin(std::move(plugin))
    , m_loadError(std::move(loadError))
    , m_output(outputDescriptor)
{
    m_hostWatch.setInterval(200);
    connect(&m_hostWatch, &QTimer::timeout, this, &BridgeServer::watchHost);
    m_hostWatch.start();
}

void BridgeServer::takeLine(const QByteArray &line)
{
    m_pending.enqueue({line, 0});
    processPending();
}

void BridgeServer::takeLineTooLong(qint64 bytes)
{
    m_pending.enqueue({QByteArray(), bytes});
    processPending();
}

void BridgeServer::inputClosed()
{
    m_inputClosed = true;
    processPending();
}

void BridgeServer::processPending()
{
    // A check's dialog runs an event loop, in which the next lines arrive: they wait their turn.
    if (m_busy)
        return;
    m_busy = true;
    while (!m_pending.isEmpty() && !hostGone()) {
        write(answer(m_pending.dequeue()));
        if (m_lineDone)
            m_lineDone();
    }
    m_busy = false;
    if (hostGone() || m_inputClosed) {
        if (hostGone() && !m_pending.isEmpty())
            log(QStringLiteral("the host is gone: %1 request(s) not run").arg(m_pending.size()));
        m_pending.clear();
        QCoreApplication::quit();
    }
}

QByteArray BridgeServer::answer(const Pending &pending)
{
    if (pending.tooLongBytes > 0) {
        log(QStringLiteral("a request of %1 bytes refused (too-large)").arg(pending.tooLongBytes));
        return BridgeRequest::errorAnswer(QJsonValue::Null, QStringLiteral("too-large"),
                                          QStringLiteral("a request line is at most %1 bytes; this one had %2 "
                                                         "(give large attachments by path)")
                                              .arg(MaxLineBytes)
                                              .arg(pending.tooLongBytes));
    }
    const BridgeRequest request = BridgeRequest::parse(pending.line);
    switch (request.type) {
    case BridgeRequest::Type::Invalid:
        log(QStringLiteral("request %1 refused (%2): %3").arg(idForLog(request.id), request.errorCode, request.error));
        return request.errorAnswer();
    case BridgeRequest::Type::Hello:
        log(QStringLiteral("hello %1").arg(idForLog(request.id)));
        return BridgeRequest::answer(
            request.id, QStringLiteral("hello"),
            {{QStringLiteral("bridge"), QStringLiteral(SENDGUARD_VERSION)},
             {QStringLiteral("protocols"), QJsonArray {BridgeRequest::Protocol}},
             {QStringLiteral("plugin"), m_interceptor ? QJsonValue(m_plugin) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("capabilities"),
              QJsonArray {QStringLiteral("check"), QStringLiteral("windowId"), QStringLiteral("language"),
                          QStringLiteral("attachmentPath"), QStringLiteral("attachmentData")}},
             {QStringLiteral("maxLineBytes"), double(MaxLineBytes)}});
    case BridgeRequest::Type::Check:
        return check(request);
    }
    return {};
}

QByteArray BridgeServer::check(const BridgeRequest &request)
{
    if (!m_interceptor) {
        log(QStringLiteral("check %1 refused (no-plugin)").arg(idForLog(request.id)));
        return BridgeRequest::errorAnswer(request.id, QStringLiteral("no-plugin"), m_loadError);
    }
    if (!request.language.isEmpty() && request.language != m_language) {
        m_interceptor->setUiLanguage(request.language);
        m_language = request.language;
    }
    m_hostWindow.setHostWindow(request.windowId);
    const SendDecision decision = m_interceptor->interceptSend(request.message, nullptr);
    const QJsonObject fields = MessageJson::write(decision);
    log(QStringLiteral("check %1: %2, %3, audit %4")
            .arg(idForLog(request.id), fields.value(QLatin1String("action")).toString(), decision.verdict(),
                 decision.auditId().isEmpty() ? QStringLiteral("-") : decision.auditId()));
    return BridgeRequest::answer(request.id, QStringLiteral("decision"), fields);
}

void BridgeServer::write(const QByteArray &line)
{
    for (qsizetype at = 0; at < line.size() && !m_hostGone;) {
        const ssize_t written = ::write(m_output, line.constData() + at, std::size_t(line.size() - at));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            log(QStringLiteral("the host no longer reads the answers"));
            m_hostGone = true;
            break;
        }
        at += written;
    }
}

bool BridgeServer::hostGone()
{
    if (!m_hostGone) {
        // The reading end of our standard output closed: the host died or gave up.
        pollfd output {m_output, 0, 0};
        if (::poll(&output, 1, 0) > 0 && (output.revents & (POLLERR | POLLHUP | POLLNVAL))) {
            log(QStringLiteral("the host is gone"));
            m_hostGone = true;
        }
    }
    return m_hostGone;
}

void BridgeServer::watchHost()
{
    if (!hostGone())
        return;
    // Close the dialog of the check in progress: interceptSend() returns "cancel", which nobody
    // reads, and processPending() quits.
    if (QWidget *modal = QApplication::activeModalWidget()) {
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
        else
            modal->close();
    }
    if (!m_busy)
        processPending();
}

} // namespace SendGuard::Bridge
