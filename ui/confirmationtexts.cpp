// SPDX-License-Identifier: GPL-2.0-or-later
#include "confirmationtexts.h"

#include <QStringList>

#include <array>
#include <map>

namespace SendGuard::Ui {

namespace {

// The built-in detectors' names; a stable id that is not here shows as itself.
struct DetectorText
{
    const char *id;
    const char *name;
    const char *count; // numerus: "%1 ... number(s)"
};

constexpr std::array detectorTexts {
    DetectorText {"kr-rrn", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "resident registration number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 resident registration number(s)")},
    DetectorText {"kr-frn", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "foreigner registration number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 foreigner registration number(s)")},
    DetectorText {"kr-passport", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "passport number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 passport number(s)")},
    DetectorText {"kr-driver-license", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "driver's licence number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 driver's licence number(s)")},
    DetectorText {"kr-phone", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "phone number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 phone number(s)")},
    DetectorText {"credit-card", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "payment card number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 payment card number(s)")},
    DetectorText {"kr-bank-account", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "bank account number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 bank account number(s)")},
    DetectorText {"email", QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "e-mail address"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 e-mail address(es)")},
    DetectorText {"kr-business-reg",
                  QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "business registration number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 business registration number(s)")},
    DetectorText {"kr-rrn-masked",
                  QT_TRANSLATE_NOOP("SendGuard::Ui::ConfirmationTexts", "masked resident registration number"),
                  QT_TRANSLATE_N_NOOP("SendGuard::Ui::ConfirmationTexts", "%1 masked resident registration number(s)")},
};

const DetectorText *findDetectorText(const QString &detector)
{
    for (const DetectorText &text : detectorTexts) {
        if (detector == QLatin1String(text.id))
            return &text;
    }
    return nullptr;
}

// Already-masked numbers are reported for information; they never make a message risky.
bool isInformational(const QString &detector)
{
    return detector == QLatin1String("kr-rrn-masked");
}

} // namespace

ConfirmationTexts::ConfirmationTexts(const QString &language, QHash<QString, QString> customDetectorNames)
    : m_locale(language.startsWith(QLatin1String("ko")) ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates))
    , m_customDetectorNames(std::move(customDetectorNames))
{
}

QString ConfirmationTexts::headline(const Core::Verdict &verdict) const
{
    QString text = tr("This message will reach %1.").arg(people(verdict.audience.total));

    // Detectors in the order they were first found, each with its count.
    std::vector<std::pair<QString, int>> counts;
    for (const Core::MessageFinding &finding : verdict.findings) {
        const QString &detector = finding.finding.detector;
        if (isInformational(detector))
            continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto &c) { return c.first == detector; });
        if (it == counts.end())
            counts.emplace_back(detector, 1);
        else
            ++it->second;
    }
    if (counts.empty())
        return text;

    QStringList parts;
    for (const auto &[detector, count] : counts)
        parts.append(findingCount(detector, count));
    QString list = parts.takeLast();
    if (!parts.isEmpty())
        list = parts.join(tr(", ")) + tr(" and ") + list;
    return text + QLatin1Char(' ') + tr("It contains %1.").arg(list);
}

QString ConfirmationTexts::audienceChange(const Core::Audience &audience) const
{
    if (!audience.original)
        return {};
    return tr("Originally %1 → now %2").arg(people(*audience.original), people(audience.total));
}

QString ConfirmationTexts::verdictTitle(Core::VerdictLevel level) const
{
    switch (level) {
    case Core::VerdictLevel::Allow:
    case Core::VerdictLevel::Warn:
        return tr("Please check before sending");
    case Core::VerdictLevel::Justify:
        return tr("Sending this needs a reason");
    case Core::VerdictLevel::Block:
        return tr("This message cannot be sent as it is");
    }
    return {};
}

QString ConfirmationTexts::people(const Core::AudienceSize &size) const
{
    const int n = int(qMin<qint64>(size.atLeast, std::numeric_limits<int>::max()));
    const QString number = m_locale.toString(size.atLeast);
    return size.exact ? tr("%1 people", nullptr, n).arg(number) : tr("at least %1 people", nullptr, n).arg(number);
}

QString ConfirmationTexts::detectorName(const QString &detector) const
{
    if (const DetectorText *text = findDetectorText(detector))
        return tr(text->name);
    return m_customDetectorNames.value(detector, detector);
}

QString ConfirmationTexts::findingCount(const QString &detector, int count) const
{
    if (const DetectorText *text = findDetectorText(detector))
        return tr(text->count, nullptr, count).arg(m_locale.toString(count));
    return tr("%1: %2", "custom detector name: count").arg(detectorName(detector), m_locale.toString(count));
}

QString ConfirmationTexts::recipientType(Core::RecipientType type) const
{
    switch (type) {
    case Core::RecipientType::Person:
        return tr("Person");
    case Core::RecipientType::Group:
        return tr("Group");
    case Core::RecipientType::Broadcast:
        return tr("Broadcast");
    case Core::RecipientType::Channel:
        return tr("Channel");
    case Core::RecipientType::External:
        return tr("External");
    }
    return {};
}

QString ConfirmationTexts::memberCount(const std::optional<qint64> &count) const
{
    return count ? m_locale.toString(*count) : tr("unknown", "member count");
}

QString ConfirmationTexts::reason(Core::AudienceReason reason) const
{
    switch (reason) {
    case Core::AudienceReason::BroadcastType:
        return tr("Broadcast to everyone");
    case Core::AudienceReason::MemberThreshold:
        return tr("Large group");
    case Core::AudienceReason::AllStaffName:
        return tr("All-staff group");
    case Core::AudienceReason::ListedBroadcastId:
        return tr("A broadcast audience under the policy");
    case Core::AudienceReason::AudienceThreshold:
        return tr("Part of a large audience");
    case Core::AudienceReason::ExternalType:
        return tr("External recipient");
    case Core::AudienceReason::OutsideOrganisation:
        return tr("Address outside the organisation");
    }
    return {};
}

QString ConfirmationTexts::location(const Core::MessageFinding &finding, int bodyLine) const
{
    if (finding.field == QLatin1String("subject"))
        return tr("Subject");
    if (finding.field == QLatin1String("body"))
        return tr("Body, line %1").arg(m_locale.toString(bodyLine));
    static const QLatin1String attachmentPrefix("attachment:");
    if (finding.field.startsWith(attachmentPrefix)) {
        const QString attachment = tr("Attachment %1").arg(finding.field.mid(attachmentPrefix.size()));
        // Inside a document: "신청서.hwp › 구역 1 › 표 1 1행 2칸", worded by core in ko or en.
        return finding.place.isEmpty() ? attachment
                                       : attachment + QStringLiteral(" › ") + finding.place.describe(m_locale.name());
    }
    return finding.field;
}

} // namespace SendGuard::Ui
