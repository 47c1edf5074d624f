// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "check/messagechecker.h"
#include "confirmationrequest.h"
#include "messagesfortests.h"
#include "scannerfortests.h"

#include <QCoreApplication>
#include <QTranslator>

#include <memory>

namespace SendGuard::Tests {

// Confirmation requests built the way the plugin builds them: from a real check of a real
// message under the default policy.
inline Ui::ConfirmationRequest confirmationRequest(const Core::OutgoingMessage &message, const QString &language)
{
    static const Core::MessageChecker checker(defaultPolicy(), Core::Scanner::Options {testToday()});
    const auto result = checker.check(message, {}, testToday());
    const auto masked = checker.mask(message, {});
    Ui::ConfirmationRequest request;
    request.verdict = result.verdict;
    request.action = message.action;
    request.subject = message.subject;
    request.body = message.body;
    request.maskAvailable = masked.maskedCount > 0;
    request.maskedSubject = masked.message.subject;
    request.maskedBody = masked.message.body;
    const auto broadcast = result.verdict.audience.broadcastRecipientIds();
    request.canRemoveBroadcastRecipients =
        !broadcast.empty() && result.verdict.audience.recipients.size() > broadcast.size();
    request.justificationMinLength = checker.policy().justificationMinLength;
    request.language = language;
    request.contact = checker.policy().contact.text(language);
    return request;
}

// The incident: a forward of one citizen's resident registration number to 4,812 people (justify).
inline Core::OutgoingMessage incidentForward()
{
    Core::OutgoingMessage m =
        toAllStaff(QStringLiteral("FW: 주거급여 신청서 이관"),
                   QStringLiteral("신청인 정보입니다.\n- 주민등록번호: 850315-2345678\n처리 부탁드립니다."));
    m.action = Core::MessageAction::Forward;
    m.originalRecipients = {{QStringLiteral("park.sh"), QStringLiteral("박서현"), Core::RecipientType::Person,
                             std::nullopt, QString(), QString()}};
    return m;
}

// A roster of twelve residents to all staff (block).
inline Core::OutgoingMessage rosterToAllStaff()
{
    QString body = QStringLiteral("명단\n");
    const char *numbers[] = {"580412-1011407", "620905-2012411", "671130-1013425", "700218-2014437",
                             "741027-1015442", "790603-2016457", "810914-1017461", "850101-2018477",
                             "880722-1019484", "910311-2020492", "950826-1021407", "990129-2022414"};
    for (const char *number : numbers)
        body += QStringLiteral("주민 ") + QLatin1String(number) + QLatin1Char('\n');
    return toAllStaff(QStringLiteral("동절기 명단"), body);
}

// Three phone numbers to all staff (warn).
inline Core::OutgoingMessage contactsToAllStaff()
{
    return toAllStaff(QStringLiteral("연락처"), QStringLiteral("010-1111-2222, 010-3333-4444, 010-5555-6666"));
}

// The plugin's translations, as built (SENDGUARD_QM_DIR), installed for one language.
class InstalledTranslation
{
public:
    explicit InstalledTranslation(const QString &language)
    {
        if (!m_translator.load(QStringLiteral(SENDGUARD_QM_DIR "/sendguard_%1.qm").arg(language)))
            qFatal("cannot load the %s translation from %s", qPrintable(language), SENDGUARD_QM_DIR);
        QCoreApplication::installTranslator(&m_translator);
    }
    ~InstalledTranslation() { QCoreApplication::removeTranslator(&m_translator); }

private:
    QTranslator m_translator;
};

} // namespace SendGuard::Tests
