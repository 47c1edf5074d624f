// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

// Calls a function with the next modal dialog that opens. A modal dialog runs its own event loop
// inside the call that opened it (SendGuard's dialog inside interceptSend()), so whoever wants to
// answer it, the demo scenario or a test, arranges for that before making the call.
class ModalDialogWatcher : public QObject
{
    Q_OBJECT

public:
    // handler gets the dialog, or null when none opened within timeoutMs. Dialogs in ignore are
    // passed over (one that is still closing). Returns the watcher; deleting it stops the watch.
    static ModalDialogWatcher *onNextDialog(std::function<void(QWidget *)> handler, int timeoutMs = 10000,
                                            QWidget *ignore = nullptr);

private:
    ModalDialogWatcher(std::function<void(QWidget *)> handler, int timeoutMs, QWidget *ignore);
    void poll();

    std::function<void(QWidget *)> m_handler;
    QPointer<QWidget> m_ignore;
    QTimer m_poll;
    QTimer m_timeout;
};
