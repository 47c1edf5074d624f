// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

namespace SendGuard::Ui {

// Shown when SendGuard could not check a message (an attachment it could not read in time, an
// internal error). With the "confirm" failure mode the user may cancel or send; with "block" the
// dialog only explains. Cancel is the default either way.
class UncheckedMessageDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Confirm, Block };

    // reason: why, in the user's language, without message content. contact: from the policy.
    UncheckedMessageDialog(Mode mode, const QString &reason, const QString &contact, QWidget *parent = nullptr);

    bool sendChosen() const { return m_send; }

private:
    bool m_send = false;
};

} // namespace SendGuard::Ui
