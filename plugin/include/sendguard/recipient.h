// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QVariantMap>

namespace SendGuard {

// One recipient of a message, as the host's directory knows it.
//
// A value type whose only member is a map: fields may be added in later versions without changing
// its size or layout, so a host built against an older header keeps working with a newer plugin.
// Fields the plugin does not know are ignored; fields the host does not set keep their defaults.
class Recipient
{
public:
    // What a recipient is. Only the directory knows how many people a group reaches.
    enum class Type { Person, Group, Broadcast, Channel, External };

    Recipient() = default;
    Recipient(const QString &id, const QString &name, Type type = Type::Person)
    {
        setId(id);
        setName(name);
        setType(type);
    }

    // The host's stable id ("kim.yejin", "grp:incheon-all"); required.
    QString id() const { return m_values.value(QStringLiteral("id")).toString(); }
    void setId(const QString &id) { m_values.insert(QStringLiteral("id"), id); }

    // The name the user sees ("인천광역시 전체").
    QString name() const { return m_values.value(QStringLiteral("name")).toString(); }
    void setName(const QString &name) { m_values.insert(QStringLiteral("name"), name); }

    Type type() const { return Type(m_values.value(QStringLiteral("type"), int(Type::Person)).toInt()); }
    void setType(Type type) { m_values.insert(QStringLiteral("type"), int(type)); }

    // How many people a group, broadcast or channel reaches; -1 when the host does not know.
    // Unknown is not zero: the plugin treats the audience as "at least" what it can count.
    qint64 memberCount() const { return m_values.value(QStringLiteral("memberCount"), -1).toLongLong(); }
    void setMemberCount(qint64 count) { m_values.insert(QStringLiteral("memberCount"), count); }

    QString department() const { return m_values.value(QStringLiteral("department")).toString(); }
    void setDepartment(const QString &department) { m_values.insert(QStringLiteral("department"), department); }

    // An e-mail address, when the recipient has one besides its id.
    QString address() const { return m_values.value(QStringLiteral("address")).toString(); }
    void setAddress(const QString &address) { m_values.insert(QStringLiteral("address"), address); }

    QVariantMap toVariantMap() const { return m_values; }
    static Recipient fromVariantMap(const QVariantMap &values)
    {
        Recipient recipient;
        recipient.m_values = values;
        return recipient;
    }

    friend bool operator==(const Recipient &a, const Recipient &b) { return a.m_values == b.m_values; }

private:
    QVariantMap m_values;
};

} // namespace SendGuard
