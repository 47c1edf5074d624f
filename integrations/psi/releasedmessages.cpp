// SPDX-License-Identifier: GPL-2.0-or-later
#include "releasedmessages.h"

#include <algorithm>
#include <utility>

namespace SendGuard::Psi {

namespace {

constexpr qint64 ReleaseMilliseconds = 60 * 1000;

QString bareJid(const QString &jid)
{
    return jid.section(QLatin1Char('/'), 0, 0).toLower();
}

} // namespace

void ReleasedMessages::add(Release release)
{
    forgetStale();
    append(m_releases, std::move(release));
}

std::optional<ReleasedMessages::Release> ReleasedMessages::take(int account, const QString &to, const QString &body)
{
    forgetStale();
    return takeFrom(m_releases, account, to, body);
}

void ReleasedMessages::addChangedBody(int account, const QString &to, const QString &body)
{
    forgetStale();
    append(m_changedBodies, {account, to, body, std::nullopt});
}

bool ReleasedMessages::takeChangedBody(int account, const QString &to, const QString &body)
{
    return takeFrom(m_changedBodies, account, to, body).has_value();
}

void ReleasedMessages::append(QList<Entry> &entries, Release release)
{
    release.recipient = bareJid(release.recipient);
    Entry entry {std::move(release), QElapsedTimer()};
    entry.age.start();
    entries.append(std::move(entry));
}

std::optional<ReleasedMessages::Release> ReleasedMessages::takeFrom(QList<Entry> &entries, int account,
                                                                    const QString &to, const QString &body)
{
    const QString recipient = bareJid(to);
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (it->release.account == account && it->release.recipient == recipient && it->release.body == body) {
            Release taken = std::move(it->release);
            entries.erase(it);
            return taken;
        }
    }
    return std::nullopt;
}

void ReleasedMessages::forgetStale()
{
    const auto stale = [](const Entry &entry) { return entry.age.hasExpired(ReleaseMilliseconds); };
    m_releases.erase(std::remove_if(m_releases.begin(), m_releases.end(), stale), m_releases.end());
    m_changedBodies.erase(std::remove_if(m_changedBodies.begin(), m_changedBodies.end(), stale), m_changedBodies.end());
}

} // namespace SendGuard::Psi
