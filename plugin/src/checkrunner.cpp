// SPDX-License-Identifier: GPL-2.0-or-later
#include "checkrunner.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

#include <atomic>

namespace SendGuard::Plugin {

namespace {

// What the worker hands back; shared, because a cancelled worker outlives the call.
struct SharedOutcome
{
    std::atomic<bool> done = false;
    CheckRunner::Outcome outcome;
};

} // namespace

CheckRunner::~CheckRunner()
{
    // A QThread whose deleteLater() is still queued holds this plugin's function: delete it now,
    // before the plugin's code can be unloaded.
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread) {
            thread->wait();
            delete thread.data();
        }
    }
}

CheckRunner::Outcome CheckRunner::run(std::shared_ptr<const Core::MessageChecker> checker,
                                      const Core::OutgoingMessage &message,
                                      std::vector<Core::AttachmentText> attachments, QWidget *parent)
{
    auto shared = std::make_shared<SharedOutcome>();
    QThread *thread = QThread::create([shared, checker, message, attachments = std::move(attachments)]() mutable {
        Outcome &outcome = shared->outcome;
        try {
            if (attachments.empty()) {
                for (const Core::MessageAttachment &attachment : message.attachments)
                    attachments.push_back(Core::AttachmentText::read(attachment, QString()));
            }
            outcome.result = checker->check(message, attachments, QDate::currentDate());
            if (outcome.result.complete && outcome.result.verdict.level != Core::VerdictLevel::Allow)
                outcome.masked = checker->mask(message, attachments);
            outcome.attachments = std::move(attachments);
        } catch (const std::exception &) {
            outcome.result.complete = false;
            outcome.result.error = QStringLiteral("internal error during the check");
        }
        shared->done = true;
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    thread->start();

    QPointer<QThread> running = thread;
    if (!running->wait(QDeadlineTimer(ProgressDelayMs))) {
        QProgressDialog progress(CheckRunner::tr("Checking the message for personal data…"), CheckRunner::tr("Cancel"),
                                 0, 0, parent);
        progress.setObjectName(QStringLiteral("SendGuardCheckProgress"));
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(0);
        progress.setAutoClose(false);
        progress.show();
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (shared->done || progress.wasCanceled())
                loop.quit();
        });
        poll.start(30);
        loop.exec();
        if (!shared->done) {
            Outcome cancelled;
            cancelled.cancelled = true;
            return cancelled; // the worker finishes on its own; the destructor waits for it
        }
    }
    if (running)
        running->wait(); // done is set: the thread is about to end
    return std::move(shared->outcome);
}

} // namespace SendGuard::Plugin
