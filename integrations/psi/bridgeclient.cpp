// SPDX-License-Identifier: GPL-2.0-or-later
#include "bridgeclient.h"

#include "localtext.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtDebug>

#include <utility>

namespace SendGuard::Psi {

namespace {
constexpr int ProtocolVersion = 1;
constexpr int StopMilliseconds = 3000;
} // namespace

BridgeClient::BridgeClient(QString program, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
{
}

BridgeClient::~BridgeClient()
{
    stop();
}

void BridgeClient::check(const QJsonObject &message, quintptr windowId, const QString &language, Answer answer)
{
    QString failure;
    if (!start(&failure)) {
        answer(QJsonObject(), failure);
        return;
    }
    const qint64 id = m_nextId++;
    QJsonObject request {{QStringLiteral("protocol"), ProtocolVersion},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("type"), QStringLiteral("check")},
                         {QStringLiteral("language"), language},
                         {QStringLiteral("message"), message}};
    if (windowId != 0)
        request.insert(QStringLiteral("windowId"), static_cast<double>(windowId));
    m_waiting.enqueue({id, std::move(answer)});
    writeLine(request);
}

QJsonObject BridgeClient::checkAndWait(const QJsonObject &message, quintptr windowId, const QString &language,
                                       QString *failure)
{
    QEventLoop loop;
    QJsonObject result;
    bool answered = false;
    check(message, windowId, language, [&](const QJsonObject &answer, const QString &why) {
        result = answer;
        *failure = why;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return result;
}

void BridgeClient::stop()
{
    if (!m_process)
        return;
    QProcess *process = std::exchange(m_process, nullptr);
    process->disconnect(this);
    // With a check waiting, its dialog is open: it goes with the bridge, at once. Otherwise the
    // bridge ends as its input ends.
    if (m_waiting.isEmpty())
        process->closeWriteChannel();
    if (!m_waiting.isEmpty() || !process->waitForFinished(StopMilliseconds)) {
        process->kill();
        process->waitForFinished(StopMilliseconds);
    }
    // Not deleted here: stop() may run inside one of the process's own signals.
    process->deleteLater();
    bridgeEnded(localText("SendGuard 연결이 끊겼습니다", "SendGuard was stopped"));
}

bool BridgeClient::start(QString *failure)
{
    if (m_process)
        return true;
    auto *process = new QProcess(this);
    // The bridge's log names requests by id only; it joins Psi's own.
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(m_program, QStringList(), QIODevice::ReadWrite | QIODevice::Unbuffered);
    if (!process->waitForStarted()) {
        *failure = localText("%1 을(를) 시작할 수 없습니다: %2", "%1 could not be started: %2")
                       .arg(m_program, process->errorString());
        delete process;
        return false;
    }
    m_process = process;
    connect(process, &QProcess::readyReadStandardOutput, this, &BridgeClient::readAnswers);
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process](int exitCode, QProcess::ExitStatus status) {
                if (process != m_process)
                    return;
                m_process = nullptr;
                process->deleteLater();
                bridgeEnded(status == QProcess::CrashExit
                                ? localText("SendGuard 브리지가 비정상 종료되었습니다", "the SendGuard bridge crashed")
                                : localText("SendGuard 브리지가 종료되었습니다 (상태 %1)",
                                            "the SendGuard bridge ended (status %1)")
                                      .arg(exitCode));
            });
    // Said first, so the log tells which bridge and plugin answered.
    writeLine({{QStringLiteral("protocol"), ProtocolVersion},
               {QStringLiteral("id"), QStringLiteral("hello")},
               {QStringLiteral("type"), QStringLiteral("hello")}});
    return true;
}

void BridgeClient::writeLine(const QJsonObject &request)
{
    m_process->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
}

void BridgeClient::readAnswers()
{
    while (m_process && m_process->canReadLine()) {
        const QByteArray line = m_process->readLine();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (!document.isObject()) {
            qWarning("SendGuard: the bridge wrote a line that is not a JSON object (%s)",
                     qPrintable(error.errorString()));
            continue;
        }
        const QJsonObject answer = document.object();
        if (answer.value(QStringLiteral("type")).toString() == QLatin1String("hello")) {
            qInfo("SendGuard: bridge %s, plugin %s", qPrintable(answer.value(QStringLiteral("bridge")).toString()),
                  answer.value(QStringLiteral("plugin")).isObject() ? "loaded" : "not loaded");
            continue;
        }
        // Answers come in order; an id that does not match the oldest check is a broken bridge.
        if (m_waiting.isEmpty() || answer.value(QStringLiteral("id")).toVariant().toLongLong() != m_waiting.head().id) {
            qWarning("SendGuard: the bridge answered out of order; it is stopped");
            stop();
            return;
        }
        m_waiting.dequeue().answer(answer, QString());
    }
}

void BridgeClient::bridgeEnded(const QString &why)
{
    // Every check still waiting gets its answer: the bridge could not be asked.
    while (!m_waiting.isEmpty())
        m_waiting.dequeue().answer(QJsonObject(), why);
}

} // namespace SendGuard::Psi
