// SPDX-License-Identifier: GPL-2.0-or-later
#include "checkrunner.h"

#include "tr.h"

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
    std::atomic_bool cancel = false; // set when the user cancels: the worker stops reading
    Core::CheckOutcome outcome;
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

Core::CheckOutcome CheckRunner::run(std::shared_ptr<const Core::MessageChecker> checker,
                                    const Core::OutgoingMessage &message, std::vector<Core::AttachmentText> attachments,
                                    QWidget *parent)
{
    auto shared = std::make_shared<SharedOutcome>();
    QThread *thread =
        // The policy in force for this check says what reading an attachment may cost.
        QThread::create(
            [shared, checker, message, attachments = std::move(attachments),
             reader = Attachments::AttachmentReader(m_reader.helperPath(), checker->policy().attachments)]() mutable {
                try {
                    shared->outcome = Core::CheckOutcome::run(
                        *checker, message, std::move(attachments), QDate::currentDate(), &shared->cancel,
                        [&reader, &checker](const Core::MessageAttachment &attachment, const std::atomic_bool *cancel) {
                            return reader.read(attachment, QString(), cancel, &checker->scanner());
                        },
                        [&reader, &shared](const Core::MessageAttachment &attachment, const Core::AttachmentText &text,
                                           const std::vector<Core::TextMask> &masks, QString *error) {
                            return reader.mask(attachment, QString(), text, masks, error, &shared->cancel);
                        });
                } catch (const std::exception &) {
                    shared->outcome.result.complete = false;
                    shared->outcome.result.error = QStringLiteral("internal error during the check");
                }
                shared->done = true;
            });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    thread->start();

    QPointer<QThread> running = thread;
    if (!running->wait(QDeadlineTimer(ProgressDelayMs))) {
        QProgressDialog progress(Tr::tr("Checking the message for personal data…"), Tr::tr("Cancel"), 0, 0, parent);
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
            shared->cancel = true;
            Core::CheckOutcome cancelled;
            cancelled.cancelled = true;
            return cancelled; // the worker finishes on its own; the destructor waits for it
        }
    }
    if (running)
        running->wait(); // done is set: the thread is about to end
    return std::move(shared->outcome);
}

} // namespace SendGuard::Plugin
