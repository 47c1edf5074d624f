// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sendguard/sendinterceptor.h"

#include <QObject>

#include <memory>

namespace SendGuard::Plugin {

class Interceptor;

// The plugin the host loads: a shell around Interceptor that keeps every failure inside.
// Does nothing when loaded; the policy is compiled at the first send.
class SendGuardPlugin final : public QObject, public SendInterceptor
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID SendGuard_SendInterceptor_iid FILE "sendguard.json")
    Q_INTERFACES(SendGuard::SendInterceptor)

public:
    SendGuardPlugin();
    ~SendGuardPlugin() override;

    void setUiLanguage(const QString &language) noexcept override;
    SendDecision interceptSend(const Message &message, QWidget *parent) noexcept override;

private:
    Interceptor &interceptor();
    SendDecision lastResort(const Message &message, QWidget *parent) noexcept;

    std::unique_ptr<Interceptor> m_interceptor;
    QString m_language;
};

} // namespace SendGuard::Plugin
