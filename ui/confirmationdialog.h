// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "confirmationrequest.h"
#include "confirmationtexts.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;
QT_END_NAMESPACE

namespace SendGuard::Ui {

// The dialog shown when a message with personal data is about to reach a broadcast audience:
// what was found (masked), who would receive it, and what the user can do. Cancel is the
// default button and Esc cancels; "Send anyway" needs a reason when the verdict is justify and
// does not exist when it is block. Takes the plugin's results and returns the user's choice;
// decides nothing itself.
class ConfirmationDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Cancel, MaskAndSend, RemoveBroadcastRecipients, SendAnyway, LeaveOutAttachments };

    explicit ConfirmationDialog(const ConfirmationRequest &request, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // The reason the user typed, trimmed; meaningful with SendAnyway.
    QString justification() const;

Q_SIGNALS:
    // The user says the findings are not personal data. The dialog stays open.
    void falsePositiveReported();

private:
    QWidget *createMainPage();
    QWidget *createMaskPreviewPage();
    QWidget *createRecipientList();
    QWidget *createFindingList();
    QWidget *createMessageView();
    // A titled, read-only table (objectName for the list, objectName + "Box" around it), tall
    // enough for visibleRows rows.
    QWidget *listBox(const QString &title, const QString &objectName, const QStringList &headers,
                     const QList<QStringList> &rows, int visibleRows);
    void updateSendAnyway();
    void finish(Choice choice);

    ConfirmationRequest m_request;
    ConfirmationTexts m_texts;
    Choice m_choice = Choice::Cancel;

    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_justification = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_sendAnyway = nullptr;
    QPushButton *m_reportFalsePositive = nullptr;
};

} // namespace SendGuard::Ui
