// SPDX-License-Identifier: GPL-2.0-or-later
#include "sendguardpsiplugin.h"

#include "bridgeclient.h"
#include "localtext.h"

#include <accountinfoaccessinghost.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDomElement>
#include <QFileInfo>
#include <QJsonArray>
#include <QMessageBox>
#include <QPixmap>
#include <QTimer>
#include <QWidget>
#include <QtDebug>

#include <algorithm>

#include <dlfcn.h>

namespace SendGuard::Psi {

namespace {

const QString XhtmlImNamespace = QStringLiteral("http://jabber.org/protocol/xhtml-im");

// The bridge this plugin asks: a plugin in the build tree it was built in asks that tree's bridge
// (tests); any other copy only the installed one, so a copied plugin cannot be pointed elsewhere.
QString bridgeProgram()
{
    static const char marker = 0;
    Dl_info info {};
    if (dladdr(&marker, &info) != 0 && info.dli_fname) {
        const QString self = QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalFilePath();
        const QString buildDir = QDir(QStringLiteral(SENDGUARD_BUILD_DIR)).canonicalPath();
        if (!buildDir.isEmpty() && self.startsWith(buildDir + QLatin1Char('/')))
            return QStringLiteral(SENDGUARD_BRIDGE_BUILT);
    }
    return QStringLiteral(SENDGUARD_BRIDGE_INSTALLED);
}

QString bareJid(const QString &jid)
{
    return jid.section(QLatin1Char('/'), 0, 0);
}

QString uiLanguage()
{
    return QLocale().bcp47Name();
}

quintptr windowIdOf(QWidget *widget)
{
    return widget ? static_cast<quintptr>(widget->window()->winId()) : 0;
}

// Why an answer is no decision: the bridge could not be asked, or it answered with an error.
// Empty for a decision.
QString whyUndecided(const QJsonObject &answer, const QString &failure)
{
    if (!failure.isEmpty())
        return failure;
    if (answer.value(QStringLiteral("type")).toString() == QLatin1String("decision"))
        return QString();
    const QString error = answer.value(QStringLiteral("error")).toString();
    return error.isEmpty() ? QStringLiteral("no decision") : error;
}

QStringList recipientIds(const QJsonObject &message)
{
    QStringList ids;
    for (const QJsonValue &recipient : message.value(QStringLiteral("recipients")).toArray())
        ids.append(recipient.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

SendGuardPsiPlugin::SendGuardPsiPlugin() = default;

SendGuardPsiPlugin::~SendGuardPsiPlugin()
{
    disable();
}

QString SendGuardPsiPlugin::name() const
{
    return QStringLiteral("SendGuard");
}

QString SendGuardPsiPlugin::shortName() const
{
    // Psi's option plugins.auto-load.sendguard turns it on.
    return QStringLiteral("sendguard");
}

QString SendGuardPsiPlugin::version() const
{
    return QStringLiteral(SENDGUARD_VERSION);
}

QPixmap SendGuardPsiPlugin::icon() const
{
    return QPixmap();
}

QString SendGuardPsiPlugin::pluginInfo()
{
    return localText("개인정보(주민등록번호 등)가 전체 또는 대규모 대화방에 전달되기 전에 확인합니다. 메시지는 "
                     "SendGuard 정책에 따라 검사되며, 검사할 수 없는 메시지는 보내지 않습니다.",
                     "Checks for personal data, such as resident registration numbers, before it reaches a "
                     "broadcast audience or a large room. Messages are checked against SendGuard's policy; one that "
                     "cannot be checked is not sent.");
}

bool SendGuardPsiPlugin::enable()
{
    if (m_enabled)
        return true;
    m_bridge = new BridgeClient(bridgeProgram(), this);
    qApp->installEventFilter(this);
    m_enabled = true;
    qInfo("SendGuard: enabled, asking %s", qPrintable(m_bridge->program()));
    return true;
}

bool SendGuardPsiPlugin::disable()
{
    if (!m_enabled)
        return true;
    m_enabled = false;
    qApp->removeEventFilter(this);
    for (const QPointer<ComposerHook> &composer : std::as_const(m_hooks)) {
        if (composer) {
            composer->uninstall();
            composer->deleteLater();
        }
    }
    m_hooks.clear();
    delete m_bridge;
    m_bridge = nullptr;
    return true;
}

void SendGuardPsiPlugin::setupChatTab(QWidget *tab, int account, const QString &contact)
{
    // Psi calls this before the chat creates its send action (PsiChatDlg::initUi).
    const QPointer<QWidget> chat(tab);
    QTimer::singleShot(0, this, [this, chat, account, contact] {
        // The full JID: a private chat with a room's occupant is room/nick.
        if (chat)
            hook(chat, ComposerHook::Kind::Chat, account, contact);
    });
}

void SendGuardPsiPlugin::setupGCTab(QWidget *tab, int account, const QString &contact)
{
    hook(tab, ComposerHook::Kind::Room, account, bareJid(contact));
}

bool SendGuardPsiPlugin::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_enabled || event->type() != QEvent::Show || !watched->isWidgetType())
        return QObject::eventFilter(watched, event);
    auto *widget = static_cast<QWidget *>(watched);
    if (widget->inherits("EventDlg") && !widget->findChild<ComposerHook *>(QString(), Qt::FindDirectChildrenOnly)) {
        // Its account is the one chosen in it when it sends (checkComposed).
        hook(widget, ComposerHook::Kind::MessageDialog, 0, QString());
    } else if (widget->inherits("GroupchatTopicDlg")) {
        // GCMainDlg::openTopic() shows the dialog first and connects it after.
        const QPointer<QWidget> topicDialog(widget);
        QTimer::singleShot(0, this, [this, topicDialog] {
            if (topicDialog)
                hookTopicDialog(topicDialog);
        });
    }
    return QObject::eventFilter(watched, event);
}

void SendGuardPsiPlugin::hookTopicDialog(QWidget *topicDialog)
{
    QWidget *room = topicDialog->parentWidget();
    ComposerHook *composer = room ? room->findChild<ComposerHook *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!composer || !composer->takeTopicFrom(topicDialog))
        qWarning("SendGuard: a room's topic dialog is not wired as expected; its topic is not checked");
}

void SendGuardPsiPlugin::hook(QWidget *surface, ComposerHook::Kind kind, int account, const QString &contact)
{
    if (!m_enabled)
        return;
    auto *composer = new ComposerHook(surface, kind, account, contact);
    if (!composer->install()) {
        // Psi's send slots have moved: the last gate still checks what this surface sends.
        qWarning("SendGuard: no send action found in a %s; its messages are checked as they leave",
                 surface->metaObject()->className());
        delete composer;
        return;
    }
    connect(composer, &ComposerHook::sendRequested, this, &SendGuardPsiPlugin::checkComposed);
    connect(composer, &ComposerHook::topicRequested, this, &SendGuardPsiPlugin::checkTopic);
    m_hooks.removeAll(QPointer<ComposerHook>());
    m_hooks.append(composer);
}

QJsonObject SendGuardPsiPlugin::messageFor(int account, const QStringList &recipients, bool room,
                                           const QString &subject, const QString &body) const
{
    QJsonArray to;
    for (const QString &jid : recipients) {
        QJsonObject recipient {{QStringLiteral("id"), jid}, {QStringLiteral("name"), jid}};
        if (room) {
            // Everyone in the room reads it: it is a channel of that many people.
            recipient.insert(QStringLiteral("type"), QStringLiteral("channel"));
            recipient.insert(QStringLiteral("memberCount"), m_rooms.count(account, jid));
        } else {
            recipient.insert(QStringLiteral("type"), QStringLiteral("person"));
        }
        to.append(recipient);
    }
    const QString sender = m_accounts ? m_accounts->getJid(account) : QString();
    QJsonObject message {{QStringLiteral("action"), QStringLiteral("send")},
                         {QStringLiteral("senderId"),
                          sender.isEmpty() || sender == QLatin1String("-1")
                              ? QStringLiteral("psi-account-%1").arg(account)
                              : bareJid(sender)},
                         {QStringLiteral("recipients"), to},
                         {QStringLiteral("body"), body}};
    if (m_accounts && !m_accounts->getName(account).isEmpty())
        message.insert(QStringLiteral("senderName"), m_accounts->getName(account));
    if (!subject.isEmpty())
        message.insert(QStringLiteral("subject"), subject);
    return message;
}

int SendGuardPsiPlugin::accountNamed(const QString &name) const
{
    // Psi's accounts are numbered from 0; getJid() says "-1" past the last.
    for (int account = 0; m_accounts && account < 64 && m_accounts->getJid(account) != QLatin1String("-1"); ++account) {
        if (m_accounts->getName(account) == name)
            return account;
    }
    return 0;
}

void SendGuardPsiPlugin::checkComposed(ComposerHook *composer)
{
    if (!m_bridge || composer->isChecking())
        return;
    if (composer->kind() == ComposerHook::Kind::MessageDialog) {
        // The dialog's account chooser (Psi's AccountsComboBox) names the account it sends from.
        for (QComboBox *chooser : composer->surface()->findChildren<QComboBox *>()) {
            if (chooser->inherits("AccountsComboBox"))
                composer->setAccount(accountNamed(chooser->currentText()));
        }
    }
    const Composed composed {composer->recipients(), composer->subject(), composer->text()};
    // Nothing to check: Psi's own slot says what is missing, or does nothing.
    if ((composed.body.trimmed().isEmpty() && composed.subject.trimmed().isEmpty()) || composed.recipients.isEmpty()) {
        composer->proceed();
        return;
    }
    composer->setChecking(true);
    const QJsonObject message =
        messageFor(composer->account(), composed.recipients, composer->kind() == ComposerHook::Kind::Room,
                   composed.subject, composed.body);
    const QPointer<ComposerHook> waiting(composer);
    m_bridge->check(message, windowIdOf(composer->surface()), uiLanguage(),
                    [this, waiting, composed](const QJsonObject &answer, const QString &failure) {
                        // The window was closed meanwhile: nothing is sent.
                        if (waiting)
                            applyDecision(waiting, composed, answer, failure);
                    });
}

void SendGuardPsiPlugin::applyDecision(ComposerHook *composer, const Composed &checked, const QJsonObject &answer,
                                       const QString &failure)
{
    composer->setChecking(false);
    // Turned off meanwhile: the check was abandoned, and nothing is sent or said.
    if (!m_enabled)
        return;
    if (const QString why = whyUndecided(answer, failure); !why.isEmpty()) {
        sayNotSent(composer->surface(), why);
        composer->returnToEditing();
        return;
    }
    const QString action = answer.value(QStringLiteral("action")).toString();
    if (action != QLatin1String("send") && action != QLatin1String("sendModified")) {
        composer->returnToEditing();
        return;
    }
    // What goes is what was checked: had the window changed meanwhile, it is checked again.
    const Composed now {composer->recipients(), composer->subject(), composer->text()};
    if (now != checked) {
        checkComposed(composer);
        return;
    }
    QStringList recipients = checked.recipients;
    QString body = checked.body;
    QString subject = checked.subject;
    if (action == QLatin1String("sendModified")) {
        const QJsonObject message = answer.value(QStringLiteral("message")).toObject();
        const QStringList kept = recipientIds(message);
        // A chat or a room has one recipient: if it was taken off, no one is left.
        recipients.erase(std::remove_if(recipients.begin(), recipients.end(),
                                        [&kept](const QString &jid) { return !kept.contains(jid); }),
                         recipients.end());
        body = message.value(QStringLiteral("body")).toString();
        subject = message.value(QStringLiteral("subject")).toString();
    }
    if (recipients.isEmpty()) {
        composer->returnToEditing();
        return;
    }
    const bool bodyChanged = body != checked.body;
    if (bodyChanged)
        composer->setText(body);
    composer->setRecipients(recipients);
    const int account = composer->account();
    for (const QString &recipient : std::as_const(recipients)) {
        ReleasedMessages::Release release {account, recipient, body, std::nullopt};
        if (subject != checked.subject)
            release.subject = subject;
        m_released.add(release);
        if (bodyChanged)
            m_released.addChangedBody(account, recipient, body);
    }
    composer->proceed();
    // Psi sends within its slot. A release it did not take (offline, a command, "No" to a
    // warning) must not let a later message through.
    for (const QString &recipient : std::as_const(recipients)) {
        m_released.take(account, recipient, body);
        m_released.takeChangedBody(account, recipient, body);
    }
}

void SendGuardPsiPlugin::checkTopic(ComposerHook *room, const QString &topic)
{
    // A topic is a message to the whole room with a subject and no body, which Psi hands no plugin
    // hook: it is checked here, before the room's setTopic() sends it.
    if (!m_bridge || topic.trimmed().isEmpty()) {
        room->proceedWithTopic(topic);
        return;
    }
    const QJsonObject message = messageFor(room->account(), room->recipients(), true, topic, QString());
    const QPointer<ComposerHook> waiting(room);
    m_bridge->check(
        message, windowIdOf(room->surface()), uiLanguage(),
        [this, waiting, topic](const QJsonObject &answer, const QString &failure) {
            if (!waiting || !m_enabled)
                return;
            const QString action = answer.value(QStringLiteral("action")).toString();
            if (const QString why = whyUndecided(answer, failure); !why.isEmpty())
                sayNotSent(waiting->surface(), why);
            else if (action == QLatin1String("send"))
                waiting->proceedWithTopic(topic);
            else if (action == QLatin1String("sendModified"))
                waiting->proceedWithTopic(
                    answer.value(QStringLiteral("message")).toObject().value(QStringLiteral("subject")).toString());
        });
}

bool SendGuardPsiPlugin::processOutgoingMessage(int account, const QString &to, QString &body, const QString &type,
                                                QString &subject)
{
    if (!m_enabled || !m_bridge)
        return false;
    if (const auto release = m_released.take(account, to, body)) {
        if (release->subject)
            subject = *release->subject;
        return false;
    }
    // Not from a hooked window (another plugin, or a Psi whose windows have changed): checked here.
    // Cancel here cannot keep the text, so the message is dropped; it is never sent unchecked.
    const bool room = type == QLatin1String("groupchat");
    const QJsonObject message = messageFor(account, {bareJid(to)}, room, subject, body);
    QString failure;
    const QJsonObject answer =
        m_bridge->checkAndWait(message, windowIdOf(QApplication::activeWindow()), uiLanguage(), &failure);
    const QString action = answer.value(QStringLiteral("action")).toString();
    if (const QString why = whyUndecided(answer, failure); !why.isEmpty()) {
        sayNotSent(QApplication::activeWindow(), why);
        return true;
    }
    if (action == QLatin1String("send"))
        return false;
    if (action == QLatin1String("sendModified")) {
        const QJsonObject modified = answer.value(QStringLiteral("message")).toObject();
        if (!recipientIds(modified).contains(bareJid(to)))
            return true;
        const QString maskedBody = modified.value(QStringLiteral("body")).toString();
        if (maskedBody != body)
            m_released.addChangedBody(account, to, maskedBody);
        body = maskedBody;
        subject = modified.value(QStringLiteral("subject")).toString();
        return false;
    }
    return true;
}

void SendGuardPsiPlugin::logout(int account)
{
    m_rooms.forgetAccount(account);
}

bool SendGuardPsiPlugin::incomingStanza(int account, const QDomElement &stanza)
{
    m_rooms.takePresence(account, stanza);
    // Never taken: Psi handles every stanza as if the plugin were not there.
    return false;
}

bool SendGuardPsiPlugin::outgoingStanza(int account, QDomElement &stanza)
{
    if (!m_enabled || stanza.tagName() != QLatin1String("message"))
        return false;
    const QString body = stanza.firstChildElement(QStringLiteral("body")).text();
    if (!m_released.takeChangedBody(account, stanza.attribute(QStringLiteral("to")), body))
        return false;
    // The formatted copy Psi made of the original body would carry what was masked.
    for (QDomElement html = stanza.firstChildElement(QStringLiteral("html")); !html.isNull();) {
        const QDomElement next = html.nextSiblingElement(QStringLiteral("html"));
        if (html.namespaceURI() == XhtmlImNamespace || html.attribute(QStringLiteral("xmlns")) == XhtmlImNamespace)
            stanza.removeChild(html);
        html = next;
    }
    return false;
}

void SendGuardPsiPlugin::sayNotSent(QWidget *over, const QString &why) const
{
    qWarning("SendGuard: a message was not sent because it could not be checked");
    auto *box = new QMessageBox(QMessageBox::Warning, QStringLiteral("SendGuard"),
                                localText("SendGuard가 이 메시지를 검사할 수 없어 보내지 않았습니다.\n%1",
                                          "SendGuard could not check this message, so it was not sent.\n%1")
                                    .arg(why),
                                QMessageBox::Ok, over);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace SendGuard::Psi
