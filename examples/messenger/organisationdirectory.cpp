// SPDX-License-Identifier: GPL-2.0-or-later
#include "organisationdirectory.h"

#include "jsonfile.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

bool recipientType(const QString &name, SendGuard::Recipient::Type &type)
{
    using Type = SendGuard::Recipient::Type;
    static const QList<std::pair<QString, Type>> types {
        {QStringLiteral("person"), Type::Person},       {QStringLiteral("group"), Type::Group},
        {QStringLiteral("broadcast"), Type::Broadcast}, {QStringLiteral("channel"), Type::Channel},
        {QStringLiteral("external"), Type::External},
    };
    for (const auto &[typeName, value] : types) {
        if (typeName == name) {
            type = value;
            return true;
        }
    }
    return false;
}

} // namespace

bool OrganisationDirectory::load(const QString &path)
{
    QJsonObject root;
    if (!JsonFile::readObject(path, root, m_error))
        return false;
    QList<SendGuard::Recipient> entries;
    const QJsonArray array = root.value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        SendGuard::Recipient::Type type = SendGuard::Recipient::Type::Person;
        const QString id = object.value(QLatin1String("id")).toString();
        if (id.isEmpty() ||
            !recipientType(object.value(QLatin1String("type")).toString(QStringLiteral("person")), type)) {
            m_error = QStringLiteral("%1: entries[%2]: needs an id and a known type").arg(path).arg(i);
            return false;
        }
        SendGuard::Recipient recipient(id, object.value(QLatin1String("name")).toString(id), type);
        if (object.contains(QLatin1String("memberCount")))
            recipient.setMemberCount(object.value(QLatin1String("memberCount")).toInteger());
        recipient.setDepartment(object.value(QLatin1String("department")).toString());
        recipient.setAddress(object.value(QLatin1String("address")).toString());
        entries.append(recipient);
    }
    m_organisation = root.value(QLatin1String("organisation")).toString();
    m_me = root.value(QLatin1String("me")).toString();
    m_entries = entries;
    if (!contains(m_me)) {
        m_error = QStringLiteral("%1: \"me\" must be the id of a person in entries").arg(path);
        return false;
    }
    m_error.clear();
    return true;
}

SendGuard::Recipient OrganisationDirectory::find(const QString &id) const
{
    for (const SendGuard::Recipient &entry : m_entries) {
        if (entry.id().compare(id, Qt::CaseInsensitive) == 0)
            return entry;
    }
    return {};
}
