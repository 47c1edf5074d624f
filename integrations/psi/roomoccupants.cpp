// SPDX-License-Identifier: GPL-2.0-or-later
#include "roomoccupants.h"

#include <QDomElement>

namespace SendGuard::Psi {

namespace {

const QString MucUserNamespace = QStringLiteral("http://jabber.org/protocol/muc#user");

// Incoming stanzas reach plugins with their namespaces as xmlns attributes (iris's old style), so
// both forms are compared.
bool hasNamespace(const QDomElement &element, const QString &ns)
{
    return element.namespaceURI() == ns || element.attribute(QStringLiteral("xmlns")) == ns;
}

QDomElement mucUserElement(const QDomElement &presence)
{
    for (QDomElement x = presence.firstChildElement(QStringLiteral("x")); !x.isNull();
         x = x.nextSiblingElement(QStringLiteral("x"))) {
        if (hasNamespace(x, MucUserNamespace))
            return x;
    }
    return QDomElement();
}

// XEP-0045 status codes: 110, this presence is the account's own in the room; 303, a nickname
// change (an "unavailable" under the old name, then a presence under the new one).
bool hasStatus(const QDomElement &mucUser, QLatin1String code)
{
    for (QDomElement status = mucUser.firstChildElement(QStringLiteral("status")); !status.isNull();
         status = status.nextSiblingElement(QStringLiteral("status"))) {
        if (status.attribute(QStringLiteral("code")) == code)
            return true;
    }
    return false;
}

} // namespace

void RoomOccupants::takePresence(int account, const QDomElement &presence)
{
    if (presence.tagName() != QLatin1String("presence"))
        return;
    const QDomElement mucUser = mucUserElement(presence);
    if (mucUser.isNull())
        return;
    const QString from = presence.attribute(QStringLiteral("from"));
    const int slash = from.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return;
    const QString room = from.left(slash).toLower();
    const QString nick = from.mid(slash + 1);
    const QString type = presence.attribute(QStringLiteral("type"));
    if (type.isEmpty()) {
        m_rooms[account][room].insert(nick);
    } else if (type == QLatin1String("unavailable")) {
        const auto rooms = m_rooms.find(account);
        if (rooms == m_rooms.end())
            return;
        const bool renamed = hasStatus(mucUser, QLatin1String("303"));
        // The account left the room: whoever is in it is no longer known.
        if (hasStatus(mucUser, QLatin1String("110")) && !renamed) {
            rooms->remove(room);
            return;
        }
        const auto occupants = rooms->find(room);
        if (occupants != rooms->end())
            occupants->remove(nick);
    }
}

int RoomOccupants::count(int account, const QString &room) const
{
    const auto rooms = m_rooms.constFind(account);
    if (rooms == m_rooms.constEnd())
        return -1;
    const auto occupants = rooms->constFind(room.toLower());
    return occupants == rooms->constEnd() ? -1 : occupants->size();
}

void RoomOccupants::forgetAccount(int account)
{
    m_rooms.remove(account);
}

} // namespace SendGuard::Psi
