// SPDX-License-Identifier: GPL-2.0-or-later
#include "recipientclassifier.h"

#include <QHashFunctions>

#include <algorithm>
#include <bit>

namespace SendGuard::Core {

namespace {

bool isGroupLike(RecipientType type)
{
    return type == RecipientType::Group || type == RecipientType::Channel || type == RecipientType::Broadcast;
}

// Ids are compared case-insensitively: "Kim.YJ" and "kim.yj" are one person. Most ids are already
// lower case; those are shared, not copied.
QString identity(const MessageRecipient &recipient)
{
    const auto needsFolding = std::any_of(recipient.id.begin(), recipient.id.end(), [](QChar c) {
        return c.unicode() >= 0x80 || (c.unicode() >= 'A' && c.unicode() <= 'Z');
    });
    return needsFolding ? recipient.id.toCaseFolded() : recipient.id;
}

// The distinct ids of a recipient list, for lists of 100,000 and more: a flat open-addressing table
// of hashes and indices (no allocation per id, as QSet needs), strings compared only when hashes agree.
class DistinctIds
{
public:
    explicit DistinctIds(std::size_t expected)
        : m_slots(std::bit_ceil(std::max<std::size_t>(16, expected * 2)))
    {
        m_ids.reserve(expected);
    }

    // True the first time an id is seen.
    bool insert(const MessageRecipient &recipient)
    {
        QString id = identity(recipient);
        const std::size_t hash = qHash(QStringView(id));
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.index == Empty) {
                slot = {hash, m_ids.size()};
                m_ids.push_back(std::move(id));
                if (m_ids.size() * 2 > m_slots.size())
                    grow();
                return true;
            }
            if (slot.hash == hash && m_ids[slot.index] == id)
                return false;
        }
    }

private:
    static constexpr std::size_t Empty = std::size_t(-1);
    struct Slot
    {
        std::size_t hash = 0;
        std::size_t index = Empty;
    };

    void grow()
    {
        std::vector<Slot> table(m_slots.size() * 2);
        const std::size_t mask = table.size() - 1;
        for (const Slot &slot : m_slots) {
            if (slot.index == Empty)
                continue;
            std::size_t i = slot.hash & mask;
            while (table[i].index != Empty)
                i = (i + 1) & mask;
            table[i] = slot;
        }
        m_slots = std::move(table);
    }

    std::vector<Slot> m_slots;
    std::vector<QString> m_ids;
};

// Domains in the policy are lower case; most addresses are too, so the exact comparison comes first.
bool endsWithDomain(QStringView host, const QString &domain)
{
    return host.endsWith(domain) || host.endsWith(domain, Qt::CaseInsensitive);
}

bool isInDomain(QStringView host, const QString &domain)
{
    if (host.size() == domain.size())
        return endsWithDomain(host, domain);
    return host.size() > domain.size() && host.at(host.size() - domain.size() - 1) == QLatin1Char('.') &&
        endsWithDomain(host, domain);
}

// Adds a recipient's reach to a size: a person once, a group by its member count or as unknown.
void addReach(AudienceSize &size, const MessageRecipient &recipient)
{
    if (!isGroupLike(recipient.type))
        ++size.atLeast;
    else if (recipient.memberCount)
        size.atLeast += *recipient.memberCount;
    else
        size.exact = false;
}

} // namespace

RecipientClassifier::RecipientClassifier(AudienceSettings settings)
    : m_settings(std::move(settings))
{
    for (const QString &pattern : std::as_const(m_settings.allStaffNamePatterns)) {
        const QString folded = foldName(pattern);
        if (!folded.isEmpty())
            m_foldedNamePatterns.append(folded);
    }
    for (QString &id : m_settings.broadcastIds)
        id = id.toCaseFolded();
}

QString RecipientClassifier::foldName(QStringView name)
{
    QString folded;
    folded.reserve(name.size());
    bool pendingSpace = false;
    for (const QChar c : name) {
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.')) {
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (pendingSpace)
            folded += QLatin1Char(' ');
        pendingSpace = false;
        folded += c.toCaseFolded();
    }
    return folded;
}

bool RecipientClassifier::readsAsAllStaff(const MessageRecipient &recipient) const
{
    if (m_foldedNamePatterns.isEmpty())
        return false;
    const QString name = foldName(recipient.name);
    const QString id = foldName(recipient.id);
    return std::any_of(m_foldedNamePatterns.begin(), m_foldedNamePatterns.end(),
                       [&](const QString &pattern) { return name.contains(pattern) || id.contains(pattern); });
}

bool RecipientClassifier::isOutsideOrganisation(const MessageRecipient &recipient) const
{
    if (m_settings.organisationDomains.isEmpty())
        return false;
    const QString &address = !recipient.address.isEmpty() ? recipient.address : recipient.id;
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return false; // a directory id, not an address: inside the organisation's own messenger
    const QStringView host = QStringView(address).mid(at + 1);
    return std::none_of(m_settings.organisationDomains.begin(), m_settings.organisationDomains.end(),
                        [&](const QString &domain) { return isInDomain(host, domain); });
}

RecipientAssessment RecipientClassifier::assess(const MessageRecipient &recipient) const
{
    RecipientAssessment result;
    result.id = recipient.id;
    result.name = recipient.name;
    result.type = recipient.type;
    if (isGroupLike(recipient.type))
        result.audience = recipient.memberCount; // unknown stays unknown
    else
        result.audience = 1;

    const auto &types = m_settings.broadcastTypes;
    if (std::find(types.begin(), types.end(), recipient.type) != types.end())
        result.why.push_back(AudienceReason::BroadcastType);
    if ((recipient.type == RecipientType::Group || recipient.type == RecipientType::Channel) && recipient.memberCount &&
        *recipient.memberCount >= m_settings.memberThreshold)
        result.why.push_back(AudienceReason::MemberThreshold);
    // A known member count below the threshold outweighs the name: "총무과 전체" with 12 members is a team.
    const bool knownSmall = recipient.memberCount && *recipient.memberCount < m_settings.memberThreshold;
    if (isGroupLike(recipient.type) && !knownSmall && readsAsAllStaff(recipient))
        result.why.push_back(AudienceReason::AllStaffName);
    if (!m_settings.broadcastIds.isEmpty() && m_settings.broadcastIds.contains(identity(recipient)))
        result.why.push_back(AudienceReason::ListedBroadcastId);
    result.broadcast = !result.why.empty();

    if (recipient.type == RecipientType::External)
        result.why.push_back(AudienceReason::ExternalType);
    const bool outside = isOutsideOrganisation(recipient);
    if (outside)
        result.why.push_back(AudienceReason::OutsideOrganisation);
    result.external = recipient.type == RecipientType::External || outside;
    return result;
}

AudienceSize RecipientClassifier::sizeOf(const std::vector<MessageRecipient> &recipients) const
{
    AudienceSize size;
    DistinctIds seen(recipients.size());
    for (const MessageRecipient &recipient : recipients) {
        if (seen.insert(recipient))
            addReach(size, recipient);
    }
    return size;
}

Audience RecipientClassifier::classify(const OutgoingMessage &message) const
{
    Audience audience;
    DistinctIds seen(message.recipients.size());
    audience.recipients.reserve(message.recipients.size());
    for (const MessageRecipient &recipient : message.recipients) {
        if (!seen.insert(recipient))
            continue;
        RecipientAssessment assessment = assess(recipient);
        audience.broadcast = audience.broadcast || assessment.broadcast;
        audience.external = audience.external || assessment.external;
        audience.recipients.push_back(std::move(assessment));
        addReach(audience.total, recipient);
    }
    if (audience.total.atLeast >= m_settings.audienceThreshold) {
        audience.broadcast = true;
        audience.why.push_back(AudienceReason::AudienceThreshold);
    }
    if (!message.originalRecipients.empty())
        audience.original = sizeOf(message.originalRecipients);
    return audience;
}

} // namespace SendGuard::Core
