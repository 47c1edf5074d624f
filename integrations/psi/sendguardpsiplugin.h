// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "composerhook.h"
#include "releasedmessages.h"
#include "roomoccupants.h"

#include <accountinfoaccessor.h>
#include <chattabaccessor.h>
#include <eventfilter.h>
#include <plugininfoprovider.h>
#include <psiplugin.h>
#include <stanzafilter.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

class AccountInfoAccessingHost;

namespace SendGuard::Psi {

class BridgeClient;

// SendGuard in Psi (DESIGN.md). Every chat tab, room tab and message dialog gets a ComposerHook, so
// a message is checked by `sendguard-bridge` before Psi's own send slot runs: Cancel keeps the text
// where it was, mask-and-send puts the masked text in its place and sends that. Psi's last step
// before the network, processOutgoingMessage, lets through what a hook released and checks
// anything else. A room's size comes from the presence its occupants send.
class SendGuardPsiPlugin : public QObject,
                           public PsiPlugin,
                           public PluginInfoProvider,
                           public EventFilter,
                           public StanzaFilter,
                           public ChatTabAccessor,
                           public AccountInfoAccessor
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.sendguard.PsiPlugin")
    Q_INTERFACES(PsiPlugin PluginInfoProvider EventFilter StanzaFilter ChatTabAccessor AccountInfoAccessor)

public:
    SendGuardPsiPlugin();
    ~SendGuardPsiPlugin() override;

    // PsiPlugin
    QString name() const override;
    QString shortName() const override;
    QString version() const override;
    // First among the plugins Psi orders by priority. (processOutgoingMessage and the stanza
    // filters go by file name instead: DESIGN.md, "Not covered".)
    Priority priority() override { return PriorityHighest; }
    QWidget *options() override { return nullptr; }
    bool enable() override;
    bool disable() override;
    void applyOptions() override { }
    void restoreOptions() override { }
    QPixmap icon() const override;

    // PluginInfoProvider
    QString pluginInfo() override;

    // EventFilter
    bool processEvent(int, QDomElement &) override { return false; }
    bool processMessage(int, const QString &, const QString &, const QString &) override { return false; }
    bool processOutgoingMessage(int account, const QString &to, QString &body, const QString &type,
                                QString &subject) override;
    void logout(int account) override;

    // StanzaFilter
    bool incomingStanza(int account, const QDomElement &stanza) override;
    bool outgoingStanza(int account, QDomElement &stanza) override;

    // ChatTabAccessor
    void setupChatTab(QWidget *tab, int account, const QString &contact) override;
    void setupGCTab(QWidget *tab, int account, const QString &contact) override;
    bool appendingChatMessage(int, const QString &, QString &, QDomElement &, bool) override { return false; }

    // AccountInfoAccessor
    void setAccountInfoAccessingHost(AccountInfoAccessingHost *host) override { m_accounts = host; }

protected:
    // Psi's message dialog has no plugin hook: it is recognised when it is shown.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // What a check was asked about: what may go when the answer is "send".
    struct Composed
    {
        QStringList recipients;
        QString subject;
        QString body;
        bool operator==(const Composed &other) const
        {
            return recipients == other.recipients && subject == other.subject && body == other.body;
        }
        bool operator!=(const Composed &other) const { return !(*this == other); }
    };

    void hook(QWidget *surface, ComposerHook::Kind kind, int account, const QString &contact);
    void hookTopicDialog(QWidget *topicDialog);
    void checkComposed(ComposerHook *composer);
    void applyDecision(ComposerHook *composer, const Composed &checked, const QJsonObject &answer,
                       const QString &failure);
    void checkTopic(ComposerHook *room, const QString &topic);
    int accountNamed(const QString &name) const;
    QJsonObject messageFor(int account, const QStringList &recipients, bool room, const QString &subject,
                           const QString &body) const;
    // Says so without waiting: a window-modal box that deletes itself, so that nothing runs in a
    // nested event loop while Psi's windows may close.
    void sayNotSent(QWidget *over, const QString &why) const;

    bool m_enabled = false;
    AccountInfoAccessingHost *m_accounts = nullptr;
    BridgeClient *m_bridge = nullptr;
    RoomOccupants m_rooms;
    ReleasedMessages m_released;
    QList<QPointer<ComposerHook>> m_hooks;
};

} // namespace SendGuard::Psi
