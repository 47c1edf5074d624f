// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audience/audience.h"
#include "check/messagefinding.h"
#include "check/verdict.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QString>

#include <optional>

namespace SendGuard::Ui {

// The sentences and names the SendGuard dialogs show, in the installed translation. Numbers
// are formatted for the dialog's language ("4,812"), whatever the host's locale.
class ConfirmationTexts
{
    Q_DECLARE_TR_FUNCTIONS(SendGuard::Ui::ConfirmationTexts)

public:
    // language: "ko" or "en"; customDetectorNames: the policy's own detectors by id.
    explicit ConfirmationTexts(const QString &language, QHash<QString, QString> customDetectorNames = {});

    // "This message will reach 4,812 people. It contains 1 resident registration number."
    QString headline(const Core::Verdict &verdict) const;
    // "Originally 1 person → 4,812 people"; empty for a new message.
    QString audienceChange(const Core::Audience &audience) const;
    QString verdictTitle(Core::VerdictLevel level) const;

    QString people(const Core::AudienceSize &size) const; // "4,812 people", "at least 60 people"
    QString detectorName(const QString &detector) const; // "resident registration number"
    QString findingCount(const QString &detector, int count) const; // "2 resident registration numbers"
    QString recipientType(Core::RecipientType type) const;
    QString memberCount(const std::optional<qint64> &count) const; // "4,812" or "unknown"
    QString reason(Core::AudienceReason reason) const;
    // Where a finding is: "Subject", "Body, line 3", "Attachment roster.csv". bodyLine: the line
    // of the body the finding starts on, for a finding in the body.
    QString location(const Core::MessageFinding &finding, int bodyLine) const;

private:
    QLocale m_locale;
    QHash<QString, QString> m_customDetectorNames;
};

} // namespace SendGuard::Ui
