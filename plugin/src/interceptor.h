// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "checkrunner.h"
#include "plugintranslator.h"

#include "audittrail.h"
#include "bundlefetcher.h"
#include "policystore.h"

#include "audit/auditevent.h"
#include "check/messagechecker.h"
#include "sendguard/message.h"
#include "sendguard/senddecision.h"

#include <QCoreApplication>

#include <memory>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace SendGuard::Ui {
struct ConfirmationRequest;
}

namespace SendGuard::Plugin {

// One send, from the host's message to the host's decision: check it, and when the policy wants
// the user's confirmation, show the dialog, act on the choice (masking or removing recipients
// means checking again), and record what happened in the audit trail.
class Interceptor
{
    Q_DECLARE_TR_FUNCTIONS(SendGuard::Plugin::Interceptor)

public:
    // The machine's policy comes from roots (and the bundle the managed policy names), and
    // follows every change to it; audit records go to auditFilePath and the system log.
    Interceptor(Delivery::PolicyRoots roots, QString auditFilePath);

    void setUiLanguage(const QString &language) { m_translator.setLanguage(language); }

    SendDecision intercept(const Message &message, QWidget *parent);

    // The policy's failure mode, for a message that could not be checked; reason is shown to the
    // user, error (masked) goes to the audit trail.
    SendDecision uncheckedDecision(const Message &message, QWidget *parent, const QString &reason,
                                   const QString &error);

private:
    Core::AuditEvent auditEvent(const QString &auditId, const Core::OutgoingMessage &message) const;
    void record(const Core::AuditEvent &event);
    Ui::ConfirmationRequest confirmationRequest(const Core::OutgoingMessage &message,
                                                const CheckRunner::Outcome &checked,
                                                const Core::MessageMasker::Result &masked, bool afterMasking) const;

    void policyChanged();
    void reportProblem(const QString &line);

    Delivery::AuditTrail m_audit;
    Delivery::PolicyStore m_store;
    Delivery::BundleFetcher m_fetcher;
    std::shared_ptr<const Core::MessageChecker> m_checker; // for m_store's policy
    PluginTranslator m_translator;
    CheckRunner m_runner;
};

} // namespace SendGuard::Plugin
