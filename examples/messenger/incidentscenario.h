// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

#include <functional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

class MessengerWindow;

// The incident, replayed in the real messenger with the real plugin, as a user would: forward the
// citizen's application to the all-staff group, read the dialog, cancel; forward again and mask
// and send; send it to the one person it was meant for. Prints what the dialog said and what
// reached the outbox. Used by scripts/demo when there is no display (--scenario incident).
class IncidentScenario
{
public:
    IncidentScenario(MessengerWindow &window, QString outboxPath, QTextStream &out);

    // True when every step went as it should.
    bool run();

private:
    // Forwards inbox message 0 to recipients and clicks Send; onDialog answers SendGuard's dialog
    // (null when none opened). Returns whether a dialog opened.
    bool forwardAndSend(const QString &recipients, const std::function<void(QWidget *)> &onDialog);
    void describeDialog(QWidget *dialog);
    int outboxCount() const;
    // The last message in the outbox: recipients and subject, and its text when withText.
    void describeLastSent(bool withText);

    MessengerWindow &m_window;
    QString m_outboxPath;
    QTextStream &m_out;
};
