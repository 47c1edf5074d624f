// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

// Answers the modal dialog an action opens. A modal dialog runs its own event loop inside the
// call that opened it (SendGuard's dialog inside interceptSend()), so whoever wants to answer it,
// the demo scenario or a test, watches for it while making the call.
class ModalDialogWatcher : public QObject
{
    Q_OBJECT

public:
    // A progress dialog ("Checking the message…", shown when a check takes a while) closes by
    // itself: it is passed over, unless the caller wants to answer it (to cancel the check).
    enum class Progress { PassOver, Answer };

    // Runs action and calls answer with the first modal dialog that opens meanwhile (within
    // timeoutMs; dialogs in ignore are passed over). Returns whether one opened.
    static bool answerDuring(const std::function<void()> &action, const std::function<void(QWidget *)> &answer,
                             int timeoutMs = 10000, QWidget *ignore = nullptr, Progress progress = Progress::PassOver);

private:
    ModalDialogWatcher(std::function<void(QWidget *)> handler, int timeoutMs, QWidget *ignore, Progress progress);
    void poll();

    std::function<void(QWidget *)> m_handler;
    QPointer<QWidget> m_ignore;
    Progress m_progress;
    QTimer m_poll;
    QTimer m_timeout;
};
