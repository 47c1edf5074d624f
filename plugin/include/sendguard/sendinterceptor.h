// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message.h"
#include "senddecision.h"

#include <QtPlugin>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace SendGuard {

// The interface a messaging client (the host) calls when its user sends a message.
//
// The host loads the plugin with QPluginLoader, checks its metadata ("MetaData": id, version,
// compatVersion) and qobject_casts instance() to SendInterceptor. Then, on every path that sends,
// it calls interceptSend() first and acts on the decision. Every path is the host's
// responsibility: the Send button, Reply, Reply-all, Forward, keyboard shortcuts, "send later",
// retries from an outbox. A path that skips the call sends unchecked.
//
// This interface never changes once shipped: a later version comes as a new interface with a new
// IID beside it. Nothing throws across it.
class SendInterceptor
{
public:
    virtual ~SendInterceptor() = default;

    // The host's UI language as a BCP 47 tag ("ko", "en-US"). Without a call, the plugin follows
    // QLocale(): Korean on a Korean locale, English otherwise. Applies to the next dialog.
    virtual void setUiLanguage(const QString &language) noexcept = 0;

    // Checks message against the machine's policy and, when it needs the user's confirmation,
    // shows a modal dialog over parent. Returns when the user has decided (at once for a message
    // the policy allows). Call it from the GUI thread; parent may be null.
    //
    // The plugin never crashes, throws or hangs the host: when it cannot check a message it
    // follows the policy's failure mode (by default it asks the user) and records that.
    virtual SendDecision interceptSend(const Message &message, QWidget *parent) noexcept = 0;
};

} // namespace SendGuard

#define SendGuard_SendInterceptor_iid "org.sendguard.SendInterceptor/1.0"
Q_DECLARE_INTERFACE(SendGuard::SendInterceptor, SendGuard_SendInterceptor_iid)
