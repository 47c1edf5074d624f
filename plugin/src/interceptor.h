// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "checkrunner.h"
#include "plugintranslator.h"

#include "audittrail.h"
#include "bundlefetcher.h"
#include "policystore.h"

#include "check/messagechecker.h"
#include "send/sendflow.h"
#include "sendguard/message.h"
#include "sendguard/senddecision.h"

#include <memory>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace SendGuard::Ui {
struct ConfirmationRequest;
}

namespace SendGuard::Plugin {

// One send, from the host's message to the host's decision. The decisions are Core::SendFlow's;
// this class converts the host's types, runs each check in a worker (CheckRunner), shows the
// dialogs the flow asks for, and writes the audit records it makes.
class Interceptor
{
public:
    // The machine's policy comes from roots (and the bundle the managed policy names), and
    // follows every change to it; audit records go where audit says; documents are read by the
    // helper at extractHelper (Attachments::AttachmentReader::findHelper).
    Interceptor(Delivery::PolicyRoots roots, const Delivery::AuditDestinations &audit, const QString &extractHelper);

    void setUiLanguage(const QString &language) { m_translator.setLanguage(language); }

    SendDecision intercept(const Message &message, QWidget *parent);

    // The policy's failure mode, for a message that could not be checked; error (masked) goes to
    // the audit trail.
    SendDecision uncheckedDecision(const Message &message, QWidget *parent, Core::SendFlow::UncheckedReason reason,
                                   const QString &error);

private:
    // Shows the dialogs and runs the checks the flow asks for, until it is done.
    SendDecision follow(Core::SendFlow &flow, const Message &message, QWidget *parent);
    void confirm(Core::SendFlow &flow, QWidget *parent);
    void askUnchecked(Core::SendFlow &flow, QWidget *parent);
    static QString uncheckedReasonText(const Core::SendFlow &flow);
    static SendDecision hostDecision(const Core::SendFlow::Decision &decision, const Message &current);
    void record(Core::SendFlow &flow);
    Ui::ConfirmationRequest confirmationRequest(const Core::SendFlow &flow) const;

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
