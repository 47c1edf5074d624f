// SPDX-License-Identifier: GPL-2.0-or-later
#include "sendguardplugin.h"

#include "interceptor.h"
#include "tr.h"

#include "uncheckedmessagedialog.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <dlfcn.h>
#endif

namespace SendGuard::Plugin {

namespace {

// This plugin's own file, wherever the host loaded it from: an installed plugin ignores the
// user's environment (PolicyRoots::fromEnvironment).
QString pluginFilePath()
{
#ifdef Q_OS_UNIX
    Dl_info info {};
    if (dladdr(reinterpret_cast<const void *>(&pluginFilePath), &info) != 0 && info.dli_fname)
        return QFile::decodeName(info.dli_fname);
#endif
    return {};
}

} // namespace

SendGuardPlugin::SendGuardPlugin() = default;

SendGuardPlugin::~SendGuardPlugin() = default;

void SendGuardPlugin::setUiLanguage(const QString &language) noexcept
{
    try {
        m_language = language;
        if (m_interceptor)
            m_interceptor->setUiLanguage(language);
    } catch (...) {
        // Only an allocation can fail here; the next dialog keeps the previous language.
    }
}

Interceptor &SendGuardPlugin::interceptor()
{
    if (!m_interceptor) {
        m_interceptor = std::make_unique<Interceptor>(Delivery::PolicyRoots::fromEnvironment(pluginFilePath()),
                                                      Delivery::AuditDestinations::fromEnvironment(pluginFilePath()),
                                                      Attachments::AttachmentReader::findHelper(pluginFilePath()));
        m_interceptor->setUiLanguage(m_language);
    }
    return *m_interceptor;
}

SendDecision SendGuardPlugin::interceptSend(const Message &message, QWidget *parent) noexcept
{
    try {
        return interceptor().intercept(message, parent);
    } catch (...) {
        qWarning("SendGuard: internal error while checking a message; following the failure mode");
    }
    try {
        if (m_interceptor)
            return m_interceptor->uncheckedDecision(message, parent, Core::SendFlow::UncheckedReason::InternalError,
                                                    QStringLiteral("internal error"));
    } catch (...) {
        qWarning("SendGuard: internal error in the failure mode; asking the user");
    }
    return lastResort(message, parent);
}

SendDecision SendGuardPlugin::lastResort(const Message &, QWidget *parent) noexcept
{
    SendDecision decision;
    decision.setVerdict(QStringLiteral("unchecked"));
    decision.setAction(SendDecision::Action::Cancel);
    try {
        Ui::UncheckedMessageDialog dialog(Ui::UncheckedMessageDialog::Mode::Confirm, Tr::tr("an internal error"),
                                          QString(), parent);
        dialog.exec();
        if (dialog.sendChosen())
            decision.setAction(SendDecision::Action::Send);
    } catch (...) {
        // Nothing left to ask with: the message stays unsent, and the host keeps running.
    }
    return decision;
}

} // namespace SendGuard::Plugin
