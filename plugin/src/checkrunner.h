// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "check/messagechecker.h"
#include "message/attachmenttext.h"
#include "message/outgoingmessage.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QPointer>
#include <QThread>

#include <memory>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace SendGuard::Plugin {

// Runs a check off the GUI thread, so that a large attachment neither freezes the host nor
// leaves the user without a way out: after a short moment a modal progress dialog appears, and
// its Cancel button cancels the send. Reading attachments, and masking when the verdict needs
// the user, happen in the same worker.
class CheckRunner
{
    Q_DECLARE_TR_FUNCTIONS(SendGuard::Plugin::CheckRunner)

public:
    struct Outcome
    {
        bool cancelled = false; // the user cancelled while the check was running
        Core::MessageChecker::Result result; // when not cancelled
        // What mask-and-send would send, when the verdict asks the user: made in the same worker,
        // because masking scans every part again (a large attachment takes seconds).
        std::optional<Core::MessageMasker::Result> masked;
        std::vector<Core::AttachmentText> attachments; // the text of each attachment, as checked
    };

    CheckRunner() = default;
    // Waits for checks the user walked away from: their code lives in this plugin.
    ~CheckRunner();
    CheckRunner(const CheckRunner &) = delete;
    CheckRunner &operator=(const CheckRunner &) = delete;

    // attachments: empty to read them from message; otherwise the text already read.
    Outcome run(std::shared_ptr<const Core::MessageChecker> checker, const Core::OutgoingMessage &message,
                std::vector<Core::AttachmentText> attachments, QWidget *parent);

    // How long a check runs before the progress dialog appears.
    static constexpr int ProgressDelayMs = 400;

private:
    QList<QPointer<QThread>> m_threads;
};

} // namespace SendGuard::Plugin
