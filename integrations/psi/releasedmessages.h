// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <optional>

namespace SendGuard::Psi {

// The messages SendGuard has let go from a compose window, until Psi sends them. Psi's last gate
// before the network (processOutgoingMessage) lets exactly these through; anything else reaching it
// was not seen by the compose hooks and is checked there. A release nobody sends within a minute
// (Psi was offline) is forgotten.
class ReleasedMessages
{
public:
    struct Release
    {
        int account = -1;
        QString recipient; // bare JID
        QString body;
        // The subject to send instead of the one Psi has (SendGuard masked it), when set.
        std::optional<QString> subject;
    };

    void add(Release release);
    // Takes the release of this outgoing message, if SendGuard let it go.
    std::optional<Release> take(int account, const QString &to, const QString &body);

    // Bodies SendGuard changed: their formatted (XHTML-IM) copy still holds the original and must
    // be removed from the stanza that carries them.
    void addChangedBody(int account, const QString &to, const QString &body);
    bool takeChangedBody(int account, const QString &to, const QString &body);

private:
    struct Entry
    {
        Release release;
        QElapsedTimer age;
    };
    void forgetStale();
    static void append(QList<Entry> &entries, Release release);
    static std::optional<Release> takeFrom(QList<Entry> &entries, int account, const QString &to, const QString &body);

    QList<Entry> m_releases;
    QList<Entry> m_changedBodies;
};

} // namespace SendGuard::Psi
