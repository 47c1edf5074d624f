// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sendguard/recipient.h"

#include <QList>
#include <QString>

// The organisation's people, groups and broadcast channels, loaded from a JSON file:
// {"organisation": "...", "me": "<id>", "entries": [{"id", "name", "type", "memberCount",
// "department", "address"}]}. type is person, group, broadcast, channel or external.
class OrganisationDirectory
{
public:
    // Reads path; on failure returns false and errorString() names the file and the problem.
    [[nodiscard]] bool load(const QString &path);
    QString errorString() const { return m_error; }

    QString organisation() const { return m_organisation; }
    // The id of the user the messenger runs as.
    QString me() const { return m_me; }
    const QList<SendGuard::Recipient> &entries() const { return m_entries; }
    // The entry with this id; an empty Recipient when there is none.
    SendGuard::Recipient find(const QString &id) const;
    bool contains(const QString &id) const { return !find(id).id().isEmpty(); }

private:
    QString m_organisation;
    QString m_me;
    QList<SendGuard::Recipient> m_entries;
    QString m_error;
};
