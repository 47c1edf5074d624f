// SPDX-License-Identifier: GPL-2.0-or-later
#include "interceptor.h"

#include "messageconversion.h"
#include "tr.h"

#include "confirmationdialog.h"
#include "confirmationrequest.h"
#include "uncheckedmessagedialog.h"

#include "audit/policyevent.h"

#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace SendGuard::Plugin {

namespace {

// The account name for the audit record: the account database first, because the environment is
// the user's to set; the environment only where there is no such database (Windows).
QString currentUserName()
{
#ifdef Q_OS_UNIX
    if (const passwd *account = getpwuid(geteuid()))
        return QString::fromLocal8Bit(account->pw_name);
#endif
    for (const char *variable : {"USERNAME", "USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return {};
}

} // namespace

Interceptor::Interceptor(Delivery::PolicyRoots roots, const Delivery::AuditDestinations &audit,
                         const QString &extractHelper)
    : m_audit(audit)
    , m_store(std::move(roots))
    , m_fetcher(m_store, &m_audit)
    , m_runner(Attachments::AttachmentReader(extractHelper))
{
    policyChanged();
    QObject::connect(&m_store, &Delivery::PolicyStore::policyChanged, &m_store, [this] { policyChanged(); });
    QObject::connect(&m_store, &Delivery::PolicyStore::problemFound, &m_store,
                     [this](const QString &line) { reportProblem(line); });
    for (const Delivery::PolicySource &source : m_store.sources()) {
        for (const QString &line : source.problemLines())
            reportProblem(line);
    }
    m_store.watch();
    m_fetcher.followState();
    m_fetcher.start();
}

void Interceptor::policyChanged()
{
    // A send in progress keeps the checker it started with (shared_ptr); the next one gets this.
    m_checker = std::make_shared<const Core::MessageChecker>(m_store.policy());
    m_audit.configure(m_store.policy().audit);
}

void Interceptor::reportProblem(const QString &line)
{
    // A policy file's position and message; policy files hold no personal data.
    qWarning("SendGuard: %s", qPrintable(line));
    m_audit.record(Core::PolicyEvent::problem(QSysInfo::machineHostName(), line).toJson());
}

SendDecision Interceptor::intercept(const Message &message, QWidget *parent)
{
    m_translator.install();
    const std::shared_ptr<const Core::MessageChecker> checker = m_checker; // this send's policy, whatever changes
    Core::SendFlow flow(checker, MessageConversion::toCore(message), currentUserName(), QSysInfo::machineHostName());
    if (!checker->isValid())
        flow.couldNotCheck(Core::SendFlow::UncheckedReason::PolicyNotLoaded, checker->errorString());
    else
        flow.start(m_runner.run(checker, flow.message(), {}, parent));
    return follow(flow, message, parent);
}

SendDecision Interceptor::uncheckedDecision(const Message &message, QWidget *parent,
                                            Core::SendFlow::UncheckedReason reason, const QString &error)
{
    m_translator.install();
    Core::SendFlow flow(m_checker, MessageConversion::toCore(message), currentUserName(), QSysInfo::machineHostName());
    flow.couldNotCheck(reason, error);
    return follow(flow, message, parent);
}

SendDecision Interceptor::follow(Core::SendFlow &flow, const Message &message, QWidget *parent)
{
    using Step = Core::SendFlow::Step;
    Message current = message; // the host's message, changed as the flow changes its own
    bool failed = false;
    for (;;) {
        try {
            record(flow);
            switch (flow.step()) {
            case Step::Done:
                return hostDecision(flow.decision(), current);
            case Step::Confirm:
                confirm(flow, parent);
                break;
            case Step::CheckAgain:
                switch (flow.lastChange()) {
                case Core::SendFlow::Change::Masked:
                    current = MessageConversion::withMaskedContent(current, flow.message());
                    break;
                case Core::SendFlow::Change::AttachmentsLeftOut:
                    current = MessageConversion::withoutAttachments(current, flow.leftOutAttachments());
                    break;
                case Core::SendFlow::Change::BroadcastRecipientsRemoved:
                case Core::SendFlow::Change::None:
                    current = MessageConversion::withoutRecipients(current, flow.removedRecipientIds());
                    break;
                }
                flow.checked(m_runner.run(flow.checker(), flow.message(), flow.takeAttachments(), parent));
                break;
            case Step::AskUnchecked:
                askUnchecked(flow, parent);
                break;
            }
        } catch (...) {
            // Before the message changed, the plugin's own fallback (the failure mode for the
            // message as the user wrote it) is right. After the user chose to mask or remove
            // recipients, that fallback could send the original: the failure mode decides for the
            // changed message here, and a second failure sends nothing.
            if (!flow.changed())
                throw;
            if (failed)
                return hostDecision({Core::SendFlow::Decision::Action::Cancel, QStringLiteral("unchecked"), {}, {}},
                                    current);
            failed = true;
            flow.couldNotCheck(Core::SendFlow::UncheckedReason::InternalError, QStringLiteral("internal error"));
        }
    }
}

void Interceptor::confirm(Core::SendFlow &flow, QWidget *parent)
{
    Ui::ConfirmationDialog dialog(confirmationRequest(flow), parent);
    QObject::connect(&dialog, &Ui::ConfirmationDialog::falsePositiveReported, &dialog, [this, &flow] {
        flow.reportFalsePositive();
        record(flow);
    });
    dialog.exec();
    using Choice = Core::SendFlow::Choice;
    switch (dialog.choice()) {
    case Ui::ConfirmationDialog::Choice::Cancel:
        flow.choose(Choice::Cancel);
        break;
    case Ui::ConfirmationDialog::Choice::SendAnyway:
        flow.choose(Choice::SendAnyway, dialog.justification());
        break;
    case Ui::ConfirmationDialog::Choice::MaskAndSend:
        flow.choose(Choice::MaskAndSend);
        break;
    case Ui::ConfirmationDialog::Choice::RemoveBroadcastRecipients:
        flow.choose(Choice::RemoveBroadcastRecipients);
        break;
    case Ui::ConfirmationDialog::Choice::LeaveOutAttachments:
        flow.choose(Choice::LeaveOutAttachments);
        break;
    }
}

void Interceptor::askUnchecked(Core::SendFlow &flow, QWidget *parent)
{
    const auto mode =
        flow.blocks() ? Ui::UncheckedMessageDialog::Mode::Block : Ui::UncheckedMessageDialog::Mode::Confirm;
    Ui::UncheckedMessageDialog dialog(mode, uncheckedReasonText(flow),
                                      flow.checker()->policy().contact.text(m_translator.language()), parent);
    dialog.exec();
    flow.answerUnchecked(dialog.sendChosen());
}

QString Interceptor::uncheckedReasonText(const Core::SendFlow &flow)
{
    switch (flow.uncheckedReason()) {
    case Core::SendFlow::UncheckedReason::PolicyNotLoaded:
        return Tr::tr("the policy could not be loaded");
    case Core::SendFlow::UncheckedReason::CheckDidNotFinish:
        return Tr::tr("the check did not finish");
    case Core::SendFlow::UncheckedReason::AttachmentsNotReadable:
        return Tr::tr("some attachments cannot be read: %1")
            .arg(flow.outcome().result.names.hide(flow.notReadableAttachments().join(QLatin1String(", "))));
    case Core::SendFlow::UncheckedReason::InternalError:
        return Tr::tr("an internal error");
    }
    return {};
}

SendDecision Interceptor::hostDecision(const Core::SendFlow::Decision &decision, const Message &current)
{
    SendDecision result;
    switch (decision.action) {
    case Core::SendFlow::Decision::Action::Send:
        result.setAction(SendDecision::Action::Send);
        break;
    case Core::SendFlow::Decision::Action::SendModified:
        result.setAction(SendDecision::Action::SendModified);
        result.setMessage(current);
        break;
    case Core::SendFlow::Decision::Action::Cancel:
        result.setAction(SendDecision::Action::Cancel);
        break;
    }
    result.setVerdict(decision.verdict);
    result.setRuleIds(decision.ruleIds);
    result.setAuditId(decision.auditId);
    return result;
}

void Interceptor::record(Core::SendFlow &flow)
{
    for (const Core::AuditEvent &event : flow.takeRecords())
        m_audit.record(event.toJson());
}

Ui::ConfirmationRequest Interceptor::confirmationRequest(const Core::SendFlow &flow) const
{
    const Core::OutgoingMessage &message = flow.message();
    const Core::CheckOutcome &checked = flow.outcome();
    Core::MessageMasker::Result unmasked;
    unmasked.complete = false;
    const Core::MessageMasker::Result &masked = checked.masked ? *checked.masked : unmasked;
    const bool afterMasking = flow.changed();
    const Core::Policy &policy = flow.checker()->policy();
    const Core::Verdict &verdict = checked.result.verdict;
    Ui::ConfirmationRequest request;
    request.verdict = verdict;
    request.action = message.action;
    request.subject = message.subject;
    request.body = message.body;
    request.notScannedAttachments = flow.notReadableAttachments();
    request.hiddenInNames = checked.result.names;

    request.maskAvailable = masked.complete && masked.maskedCount > 0;
    request.maskedSubject = masked.message.subject;
    request.maskedBody = masked.message.body;
    for (std::size_t i = 0; i < masked.message.attachments.size() && i < message.attachments.size(); ++i) {
        if (masked.message.attachments[i].data != message.attachments[i].data)
            request.maskedAttachments.append(message.attachments[i].name);
    }

    for (const int index : flow.attachmentsToLeaveOut())
        request.attachmentsToLeaveOut.append(message.attachments[std::size_t(index)].name);

    const std::vector<QString> broadcastIds = verdict.audience.broadcastRecipientIds();
    request.canRemoveBroadcastRecipients =
        !broadcastIds.empty() && verdict.audience.recipients.size() > broadcastIds.size();
    request.afterMasking = afterMasking;
    request.justificationMinLength = policy.justificationMinLength;
    request.language = m_translator.language();
    request.contact = policy.contact.text(request.language);
    for (const Core::CustomDetector &detector : policy.customDetectors)
        request.detectorNames.insert(detector.id, detector.description);
    return request;
}

} // namespace SendGuard::Plugin
