// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "inbox.h"
#include "organisationdirectory.h"
#include "outbox.h"

#include "sendguard/sendinterceptor.h"

#include <QJsonObject>
#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
QT_END_NAMESPACE

// The reference messenger's window: the inbox, the selected message, and a compose box with
// recipients, subject, text, attachments and Send. Every send goes through SendGuard first.
class MessengerWindow : public QMainWindow
{
    Q_OBJECT

public:
    // interceptor: the loaded SendGuard plugin, or null (then the window says it sends unchecked).
    MessengerWindow(const OrganisationDirectory &directory, const Inbox &inbox, Outbox *outbox,
                    SendGuard::SendInterceptor *interceptor, QWidget *parent = nullptr);

    // Starts a forward of the inbox message at index: its text and attachments in the compose
    // box, its sender and recipients as the original audience. The user then picks recipients.
    void forward(int inboxIndex);
    void newMessage();

    // The loaded plugin's metadata (SendGuardLoader::metaData()), for Help › About SendGuard.
    void setSendGuardInfo(const QJsonObject &metaData) { m_sendGuardInfo = metaData; }

    // The message the compose box would send now; false with an error when a recipient is unknown.
    [[nodiscard]] bool composedMessage(SendGuard::Message &message, QString &error) const;

public Q_SLOTS:
    // Checks the composed message with SendGuard and sends what it decides.
    void send();

Q_SIGNALS:
    // After every attempt: delivered when something was appended to the outbox.
    void sendFinished(bool delivered, const QString &status);

private:
    QWidget *createComposeBox();
    void showMessage(int inboxIndex);
    void chooseRecipients();
    void addAttachment();
    void setStatus(const QString &status);
    void showAboutSendGuard();
    QString displayName(const QString &id) const;

    const OrganisationDirectory &m_directory;
    const Inbox &m_inbox;
    Outbox *m_outbox;
    SendGuard::SendInterceptor *m_interceptor;

    SendGuard::Message::Action m_composeAction = SendGuard::Message::Action::Send;
    QList<SendGuard::Recipient> m_originalRecipients;
    QList<SendGuard::Attachment> m_attachments;
    QJsonObject m_sendGuardInfo;

    QListWidget *m_inboxList = nullptr;
    QTextBrowser *m_messageView = nullptr;
    QLabel *m_composeTitle = nullptr;
    QLineEdit *m_recipients = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QListWidget *m_attachmentList = nullptr;
    QLabel *m_status = nullptr;
};
