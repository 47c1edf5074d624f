// SPDX-License-Identifier: GPL-2.0-or-later
#include "messengerwindow.h"

#include "recipientpicker.h"

#include <QAction>
#include <QCompleter>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QStringList splitIds(const QString &text)
{
    QStringList ids;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts)) {
        const QString id = part.trimmed();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

} // namespace

MessengerWindow::MessengerWindow(const OrganisationDirectory &directory, const Inbox &inbox, Outbox *outbox,
                                 SendGuard::SendInterceptor *interceptor, QWidget *parent)
    : QMainWindow(parent)
    , m_directory(directory)
    , m_inbox(inbox)
    , m_outbox(outbox)
    , m_interceptor(interceptor)
{
    setObjectName(QStringLiteral("messengerWindow"));
    setWindowTitle(tr("%1 messenger — %2").arg(directory.organisation(), displayName(directory.me())));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("About SendGuard…"));
    about->setObjectName(QStringLiteral("aboutSendGuardAction"));
    connect(about, &QAction::triggered, this, &MessengerWindow::showAboutSendGuard);

    m_inboxList = new QListWidget(this);
    m_inboxList->setObjectName(QStringLiteral("inboxList"));
    m_inboxList->setAccessibleName(tr("Inbox"));
    for (const ReceivedMessage &message : inbox.messages())
        m_inboxList->addItem(QStringLiteral("%1 — %2").arg(displayName(message.from), message.subject));
    connect(m_inboxList, &QListWidget::currentRowChanged, this, &MessengerWindow::showMessage);

    m_messageView = new QTextBrowser(this);
    m_messageView->setObjectName(QStringLiteral("messageView"));
    m_messageView->setAccessibleName(tr("Message"));
    auto *forwardButton = new QPushButton(tr("Forward…"), this);
    forwardButton->setObjectName(QStringLiteral("forwardButton"));
    connect(forwardButton, &QPushButton::clicked, this, [this] { forward(m_inboxList->currentRow()); });
    auto *newButton = new QPushButton(tr("New message"), this);
    newButton->setObjectName(QStringLiteral("newMessageButton"));
    connect(newButton, &QPushButton::clicked, this, &MessengerWindow::newMessage);

    auto *reading = new QWidget(this);
    auto *readingLayout = new QVBoxLayout(reading);
    readingLayout->addWidget(m_messageView, 1);
    auto *readingButtons = new QHBoxLayout;
    readingButtons->addWidget(forwardButton);
    readingButtons->addWidget(newButton);
    readingButtons->addStretch(1);
    readingLayout->addLayout(readingButtons);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_inboxList);
    top->addWidget(reading);
    top->setStretchFactor(1, 2);

    auto *central = new QSplitter(Qt::Vertical, this);
    central->addWidget(top);
    central->addWidget(createComposeBox());
    setCentralWidget(central);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    statusBar()->addWidget(m_status, 1);
    setStatus(interceptor ? tr("SendGuard is checking what you send.")
                          : tr("SendGuard is not loaded: messages go unchecked."));

    if (!inbox.messages().isEmpty())
        m_inboxList->setCurrentRow(0);
    resize(1000, 720);
}

QWidget *MessengerWindow::createComposeBox()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("composeBox"));
    m_composeTitle = new QLabel(tr("New message"), box);
    m_composeTitle->setObjectName(QStringLiteral("composeTitle"));

    m_recipients = new QLineEdit(box);
    m_recipients->setObjectName(QStringLiteral("recipientsEdit"));
    m_recipients->setPlaceholderText(tr("Directory ids, separated by commas"));
    m_recipients->setAccessibleName(tr("Recipients"));
    QStringList ids;
    for (const SendGuard::Recipient &entry : m_directory.entries())
        ids.append(entry.id());
    m_recipients->setCompleter(new QCompleter(ids, m_recipients));
    auto *choose = new QPushButton(tr("Choose…"), box);
    choose->setObjectName(QStringLiteral("chooseRecipientsButton"));
    connect(choose, &QPushButton::clicked, this, &MessengerWindow::chooseRecipients);
    auto *recipientsRow = new QHBoxLayout;
    recipientsRow->addWidget(m_recipients, 1);
    recipientsRow->addWidget(choose);

    m_subject = new QLineEdit(box);
    m_subject->setObjectName(QStringLiteral("subjectEdit"));
    m_subject->setAccessibleName(tr("Subject"));
    m_body = new QPlainTextEdit(box);
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_body->setAccessibleName(tr("Message text"));

    m_attachmentList = new QListWidget(box);
    m_attachmentList->setObjectName(QStringLiteral("attachmentList"));
    m_attachmentList->setAccessibleName(tr("Attachments"));
    m_attachmentList->setMaximumHeight(m_attachmentList->fontMetrics().height() * 4);
    auto *attach = new QPushButton(tr("Attach…"), box);
    attach->setObjectName(QStringLiteral("attachButton"));
    connect(attach, &QPushButton::clicked, this, &MessengerWindow::addAttachment);
    auto *removeAttachment = new QPushButton(tr("Remove attachment"), box);
    removeAttachment->setObjectName(QStringLiteral("removeAttachmentButton"));
    connect(removeAttachment, &QPushButton::clicked, this, [this] {
        const int row = m_attachmentList->currentRow();
        if (row < 0)
            return;
        m_attachments.removeAt(row);
        delete m_attachmentList->takeItem(row);
    });

    auto *sendButton = new QPushButton(tr("Send"), box);
    sendButton->setObjectName(QStringLiteral("sendButton"));
    sendButton->setToolTip(tr("Send (Ctrl+Return)"));
    connect(sendButton, &QPushButton::clicked, this, &MessengerWindow::send);
    // The shortcut takes the same path as the button: SendGuard sees every send.
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &MessengerWindow::send);

    auto *form = new QFormLayout;
    form->addRow(tr("To:"), recipientsRow);
    form->addRow(tr("Subject:"), m_subject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(attach);
    buttons->addWidget(removeAttachment);
    buttons->addStretch(1);
    buttons->addWidget(sendButton);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_composeTitle);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_attachmentList);
    layout->addLayout(buttons);
    return box;
}

QString MessengerWindow::displayName(const QString &id) const
{
    const SendGuard::Recipient entry = m_directory.find(id);
    return entry.id().isEmpty() ? id : entry.name();
}

void MessengerWindow::showMessage(int inboxIndex)
{
    if (inboxIndex < 0 || inboxIndex >= m_inbox.messages().size()) {
        m_messageView->clear();
        return;
    }
    const ReceivedMessage &message = m_inbox.messages().at(inboxIndex);
    QStringList to;
    for (const QString &id : message.to)
        to.append(displayName(id));
    QString text = tr("From: %1\nTo: %2\nSubject: %3\n")
                       .arg(displayName(message.from), to.join(QLatin1String(", ")), message.subject);
    for (const SendGuard::Attachment &attachment : message.attachments)
        text += tr("Attachment: %1\n").arg(attachment.name());
    m_messageView->setPlainText(text + QLatin1Char('\n') + message.body);
}

void MessengerWindow::newMessage()
{
    m_composeAction = SendGuard::Message::Action::Send;
    m_originalRecipients.clear();
    m_attachments.clear();
    m_attachmentList->clear();
    m_composeTitle->setText(tr("New message"));
    m_recipients->clear();
    m_subject->clear();
    m_body->clear();
}

void MessengerWindow::forward(int inboxIndex)
{
    if (inboxIndex < 0 || inboxIndex >= m_inbox.messages().size())
        return;
    const ReceivedMessage &message = m_inbox.messages().at(inboxIndex);
    newMessage();
    m_composeAction = SendGuard::Message::Action::Forward;
    QStringList earlier = message.to;
    earlier.append(message.from);
    for (const QString &id : std::as_const(earlier)) {
        SendGuard::Recipient entry = m_directory.find(id);
        if (entry.id().isEmpty())
            entry = SendGuard::Recipient(id, id);
        if (entry.id() != m_directory.me())
            m_originalRecipients.append(entry);
    }
    m_composeTitle->setText(tr("Forward"));
    m_subject->setText(tr("FW: %1").arg(message.subject));
    m_body->setPlainText(tr("---------- Forwarded message ----------\nFrom: %1\nSubject: %2\n\n%3")
                             .arg(displayName(message.from), message.subject, message.body));
    for (const SendGuard::Attachment &attachment : message.attachments) {
        m_attachments.append(attachment);
        m_attachmentList->addItem(attachment.name());
    }
    m_recipients->setFocus();
}

void MessengerWindow::chooseRecipients()
{
    RecipientPicker picker(m_directory, splitIds(m_recipients->text()), this);
    if (picker.exec() == QDialog::Accepted)
        m_recipients->setText(picker.selectedIds().join(QLatin1String(", ")));
}

void MessengerWindow::addAttachment()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    for (const QString &file : files) {
        m_attachments.append(SendGuard::Attachment::fromPath(QFileInfo(file).fileName(), file));
        m_attachmentList->addItem(QFileInfo(file).fileName());
    }
}

bool MessengerWindow::composedMessage(SendGuard::Message &message, QString &error) const
{
    QList<SendGuard::Recipient> recipients;
    const QStringList ids = splitIds(m_recipients->text());
    for (const QString &id : ids) {
        const SendGuard::Recipient entry = m_directory.find(id);
        if (entry.id().isEmpty()) {
            error = tr("No one in the directory has the id \"%1\".").arg(id);
            return false;
        }
        recipients.append(entry);
    }
    if (recipients.isEmpty()) {
        error = tr("Add at least one recipient.");
        return false;
    }
    const SendGuard::Recipient me = m_directory.find(m_directory.me());
    message = SendGuard::Message();
    message.setAction(m_composeAction);
    message.setSenderId(me.id());
    message.setSenderName(me.name());
    message.setSenderDepartment(me.department());
    message.setRecipients(recipients);
    message.setOriginalRecipients(m_originalRecipients);
    message.setSubject(m_subject->text());
    message.setBody(m_body->toPlainText());
    message.setAttachments(m_attachments);
    return true;
}

void MessengerWindow::send()
{
    SendGuard::Message message;
    QString error;
    if (!composedMessage(message, error)) {
        setStatus(error);
        Q_EMIT sendFinished(false, error);
        return;
    }
    SendGuard::SendDecision decision;
    decision.setAction(SendGuard::SendDecision::Action::Send);
    if (m_interceptor)
        decision = m_interceptor->interceptSend(message, this);

    QString status;
    switch (decision.action()) {
    case SendGuard::SendDecision::Action::Cancel:
        status = tr("Not sent. The message is still here.");
        setStatus(status);
        Q_EMIT sendFinished(false, status);
        return;
    case SendGuard::SendDecision::Action::SendModified:
        message = decision.message();
        status = tr("Sent as changed by SendGuard to %n recipient(s).", nullptr, int(message.recipients().size()));
        break;
    case SendGuard::SendDecision::Action::Send:
        status = tr("Sent to %n recipient(s).", nullptr, int(message.recipients().size()));
        break;
    }
    if (!m_outbox->append(message, decision)) {
        status = tr("Could not send: %1").arg(m_outbox->errorString());
        setStatus(status);
        Q_EMIT sendFinished(false, status);
        return;
    }
    setStatus(status);
    newMessage();
    Q_EMIT sendFinished(true, status);
}

void MessengerWindow::setStatus(const QString &status)
{
    m_status->setText(status);
}

void MessengerWindow::showAboutSendGuard()
{
    // What the plugin says of itself, notices included (Hancom asks for its own in its words).
    if (m_sendGuardInfo.isEmpty()) {
        QMessageBox::information(this, tr("About SendGuard"), tr("SendGuard is not loaded."));
        return;
    }
    QString text = QStringLiteral("<b>%1 %2</b><p>%3</p>")
                       .arg(m_sendGuardInfo.value(QLatin1String("name")).toString().toHtmlEscaped(),
                            m_sendGuardInfo.value(QLatin1String("version")).toString().toHtmlEscaped(),
                            m_sendGuardInfo.value(QLatin1String("description")).toString().toHtmlEscaped());
    for (const QJsonValue &notice : m_sendGuardInfo.value(QLatin1String("notices")).toArray())
        text += QStringLiteral("<p>%1</p>").arg(notice.toString().toHtmlEscaped());
    QMessageBox::about(this, tr("About SendGuard"), text);
}
