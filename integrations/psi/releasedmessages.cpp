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

template<typename Entries>
std::optional<ReleasedMessages::Release> takeMatching(Entries &entries, int account, const QString &to,
                                                      const QString &body)
{
    const QString recipient = bareJid(to);
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const ReleasedMessages::Release &release = it->release;
        if (release.account == account && release.recipient == recipient && release.body == body) {
            ReleasedMessages::Release taken = release;
            entries.erase(it);
            return taken;
        }
    }
    return std::nullopt;
}

} // namespace

void ReleasedMessages::add(Release release)
{
    forgetStale();
    release.recipient = bareJid(release.recipient);
    Entry entry {std::move(release), QElapsedTimer()};
    entry.age.start();
    m_releases.append(std::move(entry));
}

std::optional<ReleasedMessages::Release> ReleasedMessages::take(int account, const QString &to, const QString &body)
{
    forgetStale();
    return takeMatching(m_releases, account, to, body);
}

void ReleasedMessages::addChangedBody(int account, const QString &to, const QString &body)
{
    forgetStale();
    Entry entry {Release {account, bareJid(to), body, std::nullopt}, QElapsedTimer()};
    entry.age.start();
    m_changedBodies.append(std::move(entry));
}

bool ReleasedMessages::takeChangedBody(int account, const QString &to, const QString &body)
{
    return takeMatching(m_changedBodies, account, to, body).has_value();
}

void ReleasedMessages::forgetStale()
{
    const auto stale = [](const Entry &entry) { return entry.age.hasExpired(ReleaseMilliseconds); };
    m_releases.erase(std::remove_if(m_releases.begin(), m_releases.end(), stale), m_releases.end());
    m_changedBodies.erase(std::remove_if(m_changedBodies.begin(), m_changedBodies.end(), stale), m_changedBodies.end());
}

} // namespace SendGuard::Psi
