// SPDX-License-Identifier: GPL-2.0-or-later
#include "interceptor.h"

#include "messageconversion.h"

#include "confirmationdialog.h"
#include "confirmationrequest.h"
#include "uncheckedmessagedialog.h"

#include <QSysInfo>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace SendGuard::Plugin {

namespace {

SendDecision decision(SendDecision::Action action, const QString &verdict, const QStringList &ruleIds = {},
                      const QString &auditId = {})
{
    SendDecision result;
    result.setAction(action);
    result.setVerdict(verdict);
    result.setRuleIds(ruleIds);
    result.setAuditId(auditId);
    return result;
}

// The account name for the audit record; the environment first, as desktop sessions set it.
QString currentUserName()
{
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
#ifdef Q_OS_UNIX
    if (const passwd *account = getpwuid(geteuid()))
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return {};
}

QString newAuditId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Attachments that could not be read as text, by name.
QStringList notScannedNames(const Core::MessageChecker::Result &result)
{
    QStringList names;
    for (const Core::MessageScanner::NotScanned &item : result.notScanned)
        names.append(item.attachment);
    return names;
}

} // namespace

Interceptor::Interceptor(Delivery::PolicyRoots roots, QString auditFilePath)
    : m_audit(std::move(auditFilePath))
    , m_store(std::move(roots))
    , m_fetcher(m_store, &m_audit)
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
    m_audit.record({{QStringLiteral("event"), QStringLiteral("policy-problem")},
                    {QStringLiteral("id"), newAuditId()},
                    {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("host"), QSysInfo::machineHostName()},
                    {QStringLiteral("reason"), line}});
}

SendDecision Interceptor::intercept(const Message &message, QWidget *parent)
{
    m_translator.install();
    if (!m_checker->isValid())
        return uncheckedDecision(message, parent, tr("the policy could not be loaded"), m_checker->errorString());

    const Core::OutgoingMessage original = MessageConversion::toCore(message);
    CheckRunner::Outcome checked = m_runner.run(m_checker, original, {}, parent);
    if (checked.cancelled)
        return decision(SendDecision::Action::Cancel, QStringLiteral("unchecked"));
    if (!checked.result.complete)
        return uncheckedDecision(message, parent, tr("the check did not finish"), checked.result.error);

    const Core::Verdict &firstVerdict = checked.result.verdict;
    const QString verdictName = Core::verdictLevelName(firstVerdict.level);
    if (firstVerdict.level == Core::VerdictLevel::Allow) {
        // Attachments SendGuard cannot read, on their way to a broadcast audience: not a check.
        if (!checked.result.notScanned.empty() && firstVerdict.audience.broadcast)
            return uncheckedDecision(
                message, parent,
                tr("some attachments cannot be read: %1")
                    .arg(notScannedNames(checked.result).join(QLatin1String(", "))),
                QStringLiteral("%1 attachment(s) not scanned").arg(checked.result.notScanned.size()));
        return decision(SendDecision::Action::Send, verdictName, firstVerdict.ruleIds);
    }

    const QString auditId = newAuditId();
    SendDecision result = decision(SendDecision::Action::Cancel, verdictName, firstVerdict.ruleIds, auditId);
    Message current = message;
    Core::OutgoingMessage currentCore = original;
    bool changed = false;
    for (;;) {
        const Core::MessageMasker::Result &masked = *checked.masked; // the worker made it: the verdict is not allow
        Core::AuditEvent event = auditEvent(auditId, currentCore);
        event.setVerdict(checked.result.verdict);

        Ui::ConfirmationDialog dialog(confirmationRequest(currentCore, checked, masked, changed), parent);
        QObject::connect(&dialog, &Ui::ConfirmationDialog::falsePositiveReported, &dialog, [this, event] {
            Core::AuditEvent report = event;
            report.choice = Core::AuditChoice::ReportFalsePositive;
            record(report);
        });
        dialog.exec();

        Message next;
        Core::OutgoingMessage nextCore;
        std::vector<Core::AttachmentText> nextAttachments;
        switch (dialog.choice()) {
        case Ui::ConfirmationDialog::Choice::Cancel:
            event.choice = Core::AuditChoice::Cancel;
            record(event);
            return result;
        case Ui::ConfirmationDialog::Choice::SendAnyway:
            event.choice = Core::AuditChoice::SendAnyway;
            event.justification = m_checker->maskText(dialog.justification());
            record(event);
            result.setAction(changed ? SendDecision::Action::SendModified : SendDecision::Action::Send);
            if (changed)
                result.setMessage(current);
            return result;
        case Ui::ConfirmationDialog::Choice::MaskAndSend:
            event.choice = Core::AuditChoice::MaskAndSend;
            next = MessageConversion::withMaskedContent(current, masked.message);
            nextCore = masked.message;
            nextAttachments = masked.attachments;
            break;
        case Ui::ConfirmationDialog::Choice::RemoveBroadcastRecipients:
            event.choice = Core::AuditChoice::RemoveBroadcastRecipients;
            next =
                MessageConversion::withoutRecipients(current, checked.result.verdict.audience.broadcastRecipientIds());
            nextCore = MessageConversion::toCore(next);
            nextAttachments = checked.attachments;
            break;
        }

        // The changed message goes only if the policy allows it as it now is.
        CheckRunner::Outcome recheck = m_runner.run(m_checker, nextCore, std::move(nextAttachments), parent);
        if (recheck.cancelled) {
            event.choice = Core::AuditChoice::Cancel;
            record(event);
            return result;
        }
        if (!recheck.result.complete)
            return uncheckedDecision(next, parent, tr("the check did not finish"), recheck.result.error);
        if (recheck.result.verdict.level == Core::VerdictLevel::Allow) {
            record(event);
            result.setAction(SendDecision::Action::SendModified);
            result.setMessage(next);
            return result;
        }
        current = next;
        currentCore = std::move(nextCore);
        checked = std::move(recheck);
        changed = true;
    }
}

SendDecision Interceptor::uncheckedDecision(const Message &message, QWidget *parent, const QString &reason,
                                            const QString &error)
{
    m_translator.install();
    const QString auditId = newAuditId();
    Core::AuditEvent event = auditEvent(auditId, MessageConversion::toCore(message));
    event.checked = false;
    event.error = m_checker->maskText(error);
    const QString unchecked = QStringLiteral("unchecked");
    const Core::Policy &policy = m_checker->policy();

    if (policy.failureMode == Core::FailureMode::Allow) {
        event.choice = Core::AuditChoice::SendUnchecked;
        record(event);
        return decision(SendDecision::Action::Send, unchecked, {}, auditId);
    }
    const auto mode = policy.failureMode == Core::FailureMode::Block ? Ui::UncheckedMessageDialog::Mode::Block
                                                                     : Ui::UncheckedMessageDialog::Mode::Confirm;
    Ui::UncheckedMessageDialog dialog(mode, reason, policy.contact.text(m_translator.language()), parent);
    dialog.exec();
    if (dialog.sendChosen()) {
        event.choice = Core::AuditChoice::SendUnchecked;
        record(event);
        return decision(SendDecision::Action::Send, unchecked, {}, auditId);
    }
    event.choice =
        mode == Ui::UncheckedMessageDialog::Mode::Block ? Core::AuditChoice::Blocked : Core::AuditChoice::Cancel;
    record(event);
    return decision(SendDecision::Action::Cancel, unchecked, {}, auditId);
}

Core::AuditEvent Interceptor::auditEvent(const QString &auditId, const Core::OutgoingMessage &message) const
{
    Core::AuditEvent event;
    event.id = auditId;
    event.time = QDateTime::currentDateTimeUtc();
    event.user = currentUserName();
    event.host = QSysInfo::machineHostName();
    event.policyId = m_checker->policy().id;
    event.policyVersion = m_checker->policy().version;
    event.action = message.action;
    return event;
}

void Interceptor::record(const Core::AuditEvent &event)
{
    m_audit.record(event.toJson());
}

Ui::ConfirmationRequest Interceptor::confirmationRequest(const Core::OutgoingMessage &message,
                                                         const CheckRunner::Outcome &checked,
                                                         const Core::MessageMasker::Result &masked,
                                                         bool afterMasking) const
{
    const Core::Policy &policy = m_checker->policy();
    const Core::Verdict &verdict = checked.result.verdict;
    Ui::ConfirmationRequest request;
    request.verdict = verdict;
    request.action = message.action;
    request.subject = message.subject;
    request.body = message.body;
    request.notScannedAttachments = notScannedNames(checked.result);

    request.maskAvailable = masked.complete && masked.maskedCount > 0;
    request.maskedSubject = masked.message.subject;
    request.maskedBody = masked.message.body;
    for (std::size_t i = 0; i < masked.message.attachments.size() && i < message.attachments.size(); ++i) {
        if (masked.message.attachments[i].data != message.attachments[i].data)
            request.maskedAttachments.append(message.attachments[i].name);
    }

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
