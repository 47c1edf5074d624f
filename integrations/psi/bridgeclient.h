// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QQueue>
#include <QString>

#include <functional>

class QProcess;

namespace SendGuard::Psi {

// Asks `sendguard-bridge` (docs/bridge-protocol.md) whether a message may go. The bridge is started
// on the first check and kept running, so its policy stays compiled; one that died is started again
// on the next check. Answers come in the order of the checks.
class BridgeClient : public QObject
{
    Q_OBJECT
public:
    // answer: the bridge's answer (a decision or an error object), or an empty object and
    // failure saying why the bridge could not be asked. Called exactly once per check.
    using Answer = std::function<void(const QJsonObject &answer, const QString &failure)>;

    explicit BridgeClient(QString program, QObject *parent = nullptr);
    ~BridgeClient() override;

    // message: the fields of the bridge protocol's message. windowId: the host window the dialog
    // sits over (0 for none). language: a BCP 47 tag.
    void check(const QJsonObject &message, quintptr windowId, const QString &language, Answer answer);
    // The same, waiting for the answer in a local event loop (Psi keeps painting meanwhile).
    QJsonObject checkAndWait(const QJsonObject &message, quintptr windowId, const QString &language, QString *failure);

    QString program() const { return m_program; }

    // Ends the bridge: standard input is closed, so it exits; a bridge with a check waiting (its
    // dialog open) is killed. Waiting checks are answered with a failure.
    void stop();

private:
    bool start(QString *failure);
    void writeLine(const QJsonObject &request);
    void readAnswers();
    void bridgeEnded(const QString &why);

    QString m_program;
    QProcess *m_process = nullptr;
    qint64 m_nextId = 1;
    // The checks waiting for an answer, oldest first, by the id they were sent with.
    struct Waiting
    {
        qint64 id;
        Answer answer;
    };
    QQueue<Waiting> m_waiting;
};

} // namespace SendGuard::Psi
