// SPDX-License-Identifier: GPL-2.0-or-later
#include "modaldialogwatcher.h"

#include <QApplication>
#include <QProgressDialog>
#include <QWidget>

bool ModalDialogWatcher::answerDuring(const std::function<void()> &action, const std::function<void(QWidget *)> &answer,
                                      int timeoutMs, QWidget *ignore, Progress progress)
{
    bool opened = false;
    QPointer<ModalDialogWatcher> watcher = new ModalDialogWatcher(
        [&](QWidget *dialog) {
            opened = dialog != nullptr;
            if (dialog)
                answer(dialog);
        },
        timeoutMs, ignore, progress);
    action();
    delete watcher.data(); // an action that opened no dialog leaves it waiting
    return opened;
}

ModalDialogWatcher::ModalDialogWatcher(std::function<void(QWidget *)> handler, int timeoutMs, QWidget *ignore,
                                       Progress progress)
    : QObject(qApp)
    , m_handler(std::move(handler))
    , m_ignore(ignore)
    , m_progress(progress)
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
    if (m_progress == Progress::PassOver && qobject_cast<QProgressDialog *>(dialog))
        return; // on a slow machine the check's progress shows before the dialog that asks

    m_poll.stop();
    m_timeout.stop();
    auto call = std::move(m_handler);
    deleteLater();
    call(dialog);
}
