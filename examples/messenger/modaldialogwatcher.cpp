// SPDX-License-Identifier: GPL-2.0-or-later
#include "modaldialogwatcher.h"

#include <QApplication>
#include <QWidget>

bool ModalDialogWatcher::answerDuring(const std::function<void()> &action, const std::function<void(QWidget *)> &answer,
                                      int timeoutMs, QWidget *ignore)
{
    bool opened = false;
    QPointer<ModalDialogWatcher> watcher = new ModalDialogWatcher(
        [&](QWidget *dialog) {
            opened = dialog != nullptr;
            if (dialog)
                answer(dialog);
        },
        timeoutMs, ignore);
    action();
    delete watcher.data(); // an action that opened no dialog leaves it waiting
    return opened;
}

ModalDialogWatcher::ModalDialogWatcher(std::function<void(QWidget *)> handler, int timeoutMs, QWidget *ignore)
    : QObject(qApp)
    , m_handler(std::move(handler))
    , m_ignore(ignore)
{
    connect(&m_poll, &QTimer::timeout, this, &ModalDialogWatcher::poll);
    m_poll.start(5);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_poll.stop();
        auto call = std::move(m_handler);
        deleteLater();
        call(nullptr);
    });
    m_timeout.start(timeoutMs);
}

void ModalDialogWatcher::poll()
{
    QWidget *dialog = QApplication::activeModalWidget();
    if (!dialog || !dialog->isVisible() || dialog == m_ignore)
        return;
    m_poll.stop();
    m_timeout.stop();
    auto call = std::move(m_handler);
    deleteLater();
    call(dialog);
}
