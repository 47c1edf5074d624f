// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

class QDomElement;

namespace SendGuard::Psi {

// Who is in each room an account has joined, counted from the rooms' presence (XEP-0045: every
// occupant's presence carries <x xmlns="http://jabber.org/protocol/muc#user">). Psi's plugin API
// has no accessor for it, and a room's size is what makes a message to it a broadcast.
class RoomOccupants
{
public:
    void takePresence(int account, const QDomElement &presence);
    // The occupants of room (a bare JID), the account itself among them; -1 when the account has
    // not been told of the room.
    int count(int account, const QString &room) const;
    void forgetAccount(int account);

private:
    // account -> room (lower case) -> nicknames present.
    QHash<int, QHash<QString, QSet<QString>>> m_rooms;
};

} // namespace SendGuard::Psi
