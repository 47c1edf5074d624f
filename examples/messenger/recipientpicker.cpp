// SPDX-License-Identifier: GPL-2.0-or-later
#include "recipientpicker.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

RecipientPicker::RecipientPicker(const OrganisationDirectory &directory, const QStringList &selectedIds,
                                 QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("recipientPicker"));
    setWindowTitle(tr("Choose recipients"));

    auto *filter = new QLineEdit(this);
    filter->setObjectName(QStringLiteral("recipientFilter"));
    filter->setPlaceholderText(tr("Filter by name, id or department"));
    filter->setAccessibleName(tr("Filter recipients"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("recipientList"));
    m_list->setAccessibleName(tr("Recipients"));
    for (const SendGuard::Recipient &entry : directory.entries()) {
        if (entry.id() == directory.me())
            continue;
        QString text = entry.name();
        if (entry.memberCount() >= 0)
            text += tr(" (%1 members)").arg(QLocale().toString(entry.memberCount()));
        if (!entry.department().isEmpty())
            text += QStringLiteral(" — ") + entry.department();
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, entry.id());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(selectedIds.contains(entry.id(), Qt::CaseInsensitive) ? Qt::Checked : Qt::Unchecked);
    }
    connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem *item = m_list->item(i);
            item->setHidden(!item->text().contains(text, Qt::CaseInsensitive) &&
                            !item->data(Qt::UserRole).toString().contains(text, Qt::CaseInsensitive));
        }
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
}

QStringList RecipientPicker::selectedIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids.append(m_list->item(i)->data(Qt::UserRole).toString());
    }
    return ids;
}
