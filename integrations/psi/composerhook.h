// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLineEdit>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTextEdit>

class QWidget;

namespace SendGuard::Psi {

// Stands in front of the send action of one of Psi's compose surfaces — a chat tab, a room tab or
// the message dialog — so that Psi's own send slot runs only once SendGuard has let the message go.
// Psi's plugin API offers no hook that can stop a send and keep the text (DESIGN.md), so the
// surface's send action and button are disconnected from that slot and connected to this; the
// message dialog's Ctrl+Return, which calls the slot directly, is caught on the way.
class ComposerHook : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Chat, Room, MessageDialog };

    // Becomes a child of surface, so it goes when the surface goes. contact: the chat partner or
    // the room (bare JID); empty for the message dialog, whose recipients are in its To field.
    ComposerHook(QWidget *surface, Kind kind, int account, QString contact);

    // Rewires the surface; false when none of its senders was found (Psi has changed), and then the
    // last gate, processOutgoingMessage, is all that stands in front of it.
    bool install();
    // Gives the surface its own send slot back (the plugin is being turned off).
    void uninstall();

    Kind kind() const { return m_kind; }
    int account() const { return m_account; }
    // The message dialog sends from the account chosen in it.
    void setAccount(int account) { m_account = account; }
    QWidget *surface() const;

    QString text() const;
    void setText(const QString &text);
    QStringList recipients() const;
    // The message dialog only: the To field. Chats and rooms have one recipient.
    void setRecipients(const QStringList &recipients);
    QString subject() const;

    // Runs Psi's own send slot: the message goes as the surface now holds it.
    void proceed();
    // Gives the input back to the user with the text as it was (the send was cancelled).
    void returnToEditing();

    // A check is under way: further sends from the surface wait for it, and the text, recipients
    // and subject cannot be changed meanwhile (what goes is what was checked).
    bool isChecking() const { return m_checking; }
    void setChecking(bool checking);

    // A room's topic dialog: its topic goes to this hook instead of the room's setTopic(), which
    // setTopic() then runs when SendGuard lets it go. False when the dialog was not wired as Psi
    // wires it.
    bool takeTopicFrom(QObject *topicDialog);
    void proceedWithTopic(const QString &topic);

Q_SIGNALS:
    void sendRequested(SendGuard::Psi::ComposerHook *hook);
    void topicRequested(SendGuard::Psi::ComposerHook *hook, const QString &topic);

private Q_SLOTS:
    void takeTopic(const QString &topic) { Q_EMIT topicRequested(this, topic); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTextEdit *editor() const { return m_editor; }
    QTextEdit *findEditor() const;
    const char *sendSlot() const;

    Kind m_kind;
    int m_account;
    QString m_contact;
    bool m_checking = false;
    // The actions and buttons taken from the send slot, to give back on uninstall().
    QList<QPointer<QObject>> m_senders;
    // The editor and the message dialog's To and Subject fields, found once: they are read-only
    // while a check runs, and no longer look like the fields to type in.
    QPointer<QTextEdit> m_editor;
    QPointer<QLineEdit> m_toField;
    QPointer<QLineEdit> m_subjectField;
};

} // namespace SendGuard::Psi
