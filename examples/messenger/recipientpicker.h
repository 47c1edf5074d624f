// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "organisationdirectory.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QListWidget;
QT_END_NAMESPACE

// Picks recipients from the organisation directory: a filter box and a list to tick.
class RecipientPicker : public QDialog
{
    Q_OBJECT

public:
    RecipientPicker(const OrganisationDirectory &directory, const QStringList &selectedIds, QWidget *parent = nullptr);

    QStringList selectedIds() const;

private:
    QListWidget *m_list = nullptr;
};
