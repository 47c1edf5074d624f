// SPDX-License-Identifier: GPL-2.0-or-later
#include "composerhook.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTextCursor>
#include <QTextEdit>
#include <QWidget>

#include <utility>

namespace SendGuard::Psi {

namespace {

// The To field of Psi's message dialog is an ELineEdit (eventdlg.h); its Subject a plain QLineEdit.
QLineEdit *recipientField(QWidget *surface)
{
    for (QLineEdit *field : surface->findChildren<QLineEdit *>()) {
        if (field->inherits("ELineEdit"))
            return field;
    }
    return nullptr;
}

QLineEdit *subjectField(QWidget *surface)
{
    for (QLineEdit *field : surface->findChildren<QLineEdit *>()) {
        if (!field->inherits("ELineEdit") && !field->isReadOnly() && !qobject_cast<QComboBox *>(field->parent()))
            return field;
    }
    return nullptr;
}

// "Kim <kim@example.org>, lee@example.org" -> the addresses, as Psi's EventDlg::stringToList reads
// its To field.
QStringList addressesIn(const QString &field)
{
    QStringList addresses;
    for (const QString &part : field.split(QLatin1Char(','))) {
        QString address = part;
        const int open = part.indexOf(QLatin1Char('<'));
        const int close = part.indexOf(QLatin1Char('>'), open + 1);
        if (open >= 0 && close > open)
            address = part.mid(open + 1, close - open - 1);
        address = address.trimmed();
        if (!address.isEmpty())
            addresses.append(address);
    }
    return addresses;
}

} // namespace

ComposerHook::ComposerHook(QWidget *surface, Kind kind, int account, QString contact)
    : QObject(surface)
    , m_kind(kind)
    , m_account(account)
    , m_contact(std::move(contact))
{
}

QWidget *ComposerHook::surface() const
{
    return static_cast<QWidget *>(parent());
}

const char *ComposerHook::sendSlot() const
{
    // As SLOT() writes them: Psi connects its senders with the string-based syntax.
    return m_kind == Kind::Room ? "1mle_returnPressed()" : "1doSend()";
}

bool ComposerHook::install()
{
    QWidget *owner = surface();
    m_editor = findEditor();
    QList<QAction *> actions = owner->actions();
    for (QAction *action : owner->findChildren<QAction *>()) {
        if (!actions.contains(action))
            actions.append(action);
    }
    for (QAction *action : std::as_const(actions)) {
        if (QObject::disconnect(action, SIGNAL(triggered()), owner, sendSlot())) {
            connect(action, &QAction::triggered, this, [this] { Q_EMIT sendRequested(this); });
            m_senders.append(action);
        }
    }
    for (QAbstractButton *button : owner->findChildren<QAbstractButton *>()) {
        if (QObject::disconnect(button, SIGNAL(clicked()), owner, sendSlot())) {
            connect(button, &QAbstractButton::clicked, this, [this] { Q_EMIT sendRequested(this); });
            m_senders.append(button);
        }
    }
    // The message dialog sends on Ctrl+Return by calling its slot from keyPressEvent: the key is
    // taken before it gets there, in the editor and in the dialog.
    if (m_kind == Kind::MessageDialog) {
        m_toField = recipientField(owner);
        m_subjectField = subjectField(owner);
        owner->installEventFilter(this);
        if (QTextEdit *edit = editor())
            edit->installEventFilter(this);
    }
    return !m_senders.isEmpty();
}

void ComposerHook::uninstall()
{
    QWidget *owner = surface();
    for (const QPointer<QObject> &sender : std::as_const(m_senders)) {
        if (!sender)
            continue;
        QObject::disconnect(sender, nullptr, this, nullptr);
        if (qobject_cast<QAction *>(sender))
            QObject::connect(sender, SIGNAL(triggered()), owner, sendSlot());
        else
            QObject::connect(sender, SIGNAL(clicked()), owner, sendSlot());
    }
    m_senders.clear();
    owner->removeEventFilter(this);
    if (QTextEdit *edit = editor())
        edit->removeEventFilter(this);
}

bool ComposerHook::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            Q_EMIT sendRequested(this);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

QTextEdit *ComposerHook::findEditor() const
{
    // Chats and rooms: the ChatEdit inside the "mle" proxy (what Psi's own getEditBox() finds).
    if (auto *proxy = surface()->findChild<QWidget *>(QStringLiteral("mle"))) {
        if (auto *edit = qobject_cast<QTextEdit *>(proxy))
            return edit;
        if (auto *edit = proxy->findChild<QTextEdit *>())
            return edit;
    }
    for (QTextEdit *edit : surface()->findChildren<QTextEdit *>()) {
        if (!edit->isReadOnly())
            return edit;
    }
    return nullptr;
}

QString ComposerHook::text() const
{
    const QTextEdit *edit = editor();
    return edit ? edit->toPlainText() : QString();
}

void ComposerHook::setText(const QString &text)
{
    if (QTextEdit *edit = editor()) {
        // Plain text: nothing of the original's formatting is left to become an XHTML-IM copy.
        edit->setPlainText(text);
        edit->moveCursor(QTextCursor::End);
    }
}

QStringList ComposerHook::recipients() const
{
    if (m_kind != Kind::MessageDialog)
        return {m_contact};
    return m_toField ? addressesIn(m_toField->text()) : QStringList();
}

void ComposerHook::setRecipients(const QStringList &recipients)
{
    if (m_kind != Kind::MessageDialog)
        return;
    if (m_toField)
        m_toField->setText(recipients.join(QStringLiteral(", ")));
}

QString ComposerHook::subject() const
{
    if (m_kind != Kind::MessageDialog)
        return QString();
    return m_subjectField ? m_subjectField->text() : QString();
}

void ComposerHook::proceed()
{
    const QByteArray slot(sendSlot() + 1);
    QMetaObject::invokeMethod(surface(), slot.left(slot.indexOf('(')).constData());
}

void ComposerHook::setChecking(bool checking)
{
    m_checking = checking;
    if (QTextEdit *edit = editor())
        edit->setReadOnly(checking);
    if (m_kind == Kind::MessageDialog) {
        for (QLineEdit *field : {m_toField.data(), m_subjectField.data()}) {
            if (field)
                field->setReadOnly(checking);
        }
    }
}

bool ComposerHook::takeTopicFrom(QObject *topicDialog)
{
    // As GCMainDlg::openTopic() connects it.
    if (!QObject::disconnect(topicDialog, SIGNAL(topicAccepted(QString)), surface(), SLOT(setTopic(QString))))
        return false;
    return QObject::connect(topicDialog, SIGNAL(topicAccepted(QString)), this, SLOT(takeTopic(QString)));
}

void ComposerHook::proceedWithTopic(const QString &topic)
{
    QMetaObject::invokeMethod(surface(), "setTopic", Q_ARG(QString, topic));
}

void ComposerHook::returnToEditing()
{
    surface()->window()->activateWindow();
    if (QTextEdit *edit = editor())
        edit->setFocus();
}

} // namespace SendGuard::Psi
