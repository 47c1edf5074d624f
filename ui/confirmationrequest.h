// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "check/verdict.h"
#include "message/namemasking.h"
#include "message/outgoingmessage.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace SendGuard::Ui {

// Everything the confirmation dialog shows, prepared by the plugin from core results.
struct ConfirmationRequest
{
    Core::Verdict verdict; // warn, justify or block
    Core::MessageAction action = Core::MessageAction::Send;
    QString subject; // the message as the user wrote it; findings' offsets point into it
    QString body;
    QStringList notScannedAttachments; // names of attachments that could not be read as text
    Core::NameMasking hiddenInNames; // what findings in file names hold: shown masked wherever a name is

    bool maskAvailable = false; // a masked version exists (something could be masked)
    QString maskedSubject; // what "mask and send" sends
    QString maskedBody;
    QStringList maskedAttachments; // names of attachments whose text was masked
    // Documents that hold findings and cannot be masked: "Send without them" leaves them out.
    QStringList attachmentsToLeaveOut;

    bool canRemoveBroadcastRecipients = false; // some recipients would remain
    bool afterMasking = false; // this message is already the masked or reduced one

    int justificationMinLength = 10; // characters, for justify
    QString contact; // whom to ask, from the policy, in the dialog's language
    QString language = QStringLiteral("en"); // "ko" or "en": policy texts and number format
    QHash<QString, QString> detectorNames; // names of the policy's custom detectors
};

} // namespace SendGuard::Ui
