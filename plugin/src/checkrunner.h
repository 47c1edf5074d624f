// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "attachmentreader.h"

#include "check/checkoutcome.h"
#include "check/messagechecker.h"
#include "message/attachmenttext.h"
#include "message/outgoingmessage.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QPointer>
#include <QThread>

#include <memory>
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
public:
    // Documents are read through reader's helper, in the worker.
    explicit CheckRunner(Attachments::AttachmentReader reader)
        : m_reader(std::move(reader))
    {
    }
    // Waits for checks the user walked away from: their code lives in this plugin.
    ~CheckRunner();
    CheckRunner(const CheckRunner &) = delete;
    CheckRunner &operator=(const CheckRunner &) = delete;

    // attachments: empty to read them from message; otherwise the text already read.
    Core::CheckOutcome run(std::shared_ptr<const Core::MessageChecker> checker, const Core::OutgoingMessage &message,
                           std::vector<Core::AttachmentText> attachments, QWidget *parent);

    // How long a check runs before the progress dialog appears.
    static constexpr int ProgressDelayMs = 400;

private:
    Attachments::AttachmentReader m_reader;
    QList<QPointer<QThread>> m_threads;
};

} // namespace SendGuard::Plugin
