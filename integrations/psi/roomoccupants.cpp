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

// Status 110: this presence is the account's own in the room.
bool isSelfPresence(const QDomElement &mucUser)
{
    for (QDomElement status = mucUser.firstChildElement(QStringLiteral("status")); !status.isNull();
         status = status.nextSiblingElement(QStringLiteral("status"))) {
        if (status.attribute(QStringLiteral("code")) == QLatin1String("110"))
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
        // The account left the room: whoever is in it is no longer known.
        if (isSelfPresence(mucUser))
            m_rooms[account].remove(room);
        else
            m_rooms[account][room].remove(nick);
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
