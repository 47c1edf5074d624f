// SPDX-License-Identifier: GPL-2.0-or-later
#include "uncheckedmessagedialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace SendGuard::Ui {

UncheckedMessageDialog::UncheckedMessageDialog(Mode mode, const QString &reason, const QString &contact,
                                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("SendGuardUncheckedMessageDialog"));
    setWindowTitle(tr("SendGuard — message not checked"));
    setAccessibleName(windowTitle());
    setModal(true);

    auto *title = new QLabel(tr("SendGuard could not check this message for personal data."), this);
    title->setObjectName(QStringLiteral("headline"));
    title->setWordWrap(true);
    title->setAccessibleName(title->text());
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    QString text = tr("Reason: %1").arg(reason) + QLatin1Char('\n');
    text += mode == Mode::Confirm
        ? tr("Send it only if you are sure it holds no personal data, or cancel and try again.")
        : tr("Your organisation's policy does not allow sending a message that could not be checked. Cancel and try "
             "again.");
    if (!contact.isEmpty())
        text += QLatin1Char(' ') + tr("Questions: %1").arg(contact);
    auto *explanation = new QLabel(text, this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setAccessibleName(explanation->text());

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("icon"));
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAccessibleName(title->text());

    auto *texts = new QVBoxLayout;
    texts->addWidget(title);
    texts->addWidget(explanation);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(texts, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    if (mode == Mode::Confirm) {
        auto *send = new QPushButton(tr("Send unchecked"), this);
        send->setObjectName(QStringLiteral("sendUncheckedButton"));
        send->setAccessibleName(send->text());
        send->setAutoDefault(false);
        connect(send, &QPushButton::clicked, this, [this] {
            m_send = true;
            accept();
        });
        buttons->addWidget(send);
    }
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(cancel->text());
    cancel->setDefault(true);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    buttons->addWidget(cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(buttons);
    // In lines, not characters: a CJK font's average character is a full-width one.
    resize(fontMetrics().height() * 30, sizeHint().height());
    cancel->setFocus();
}

} // namespace SendGuard::Ui
