// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariantMap>

namespace SendGuard {

// A file attached to a message: either a path the plugin may read, or the bytes themselves.
// A value type that can grow, like Recipient.
class Attachment
{
public:
    Attachment() = default;

    static Attachment fromPath(const QString &name, const QString &path)
    {
        Attachment attachment;
        attachment.setName(name);
        attachment.setPath(path);
        return attachment;
    }
    static Attachment fromData(const QString &name, const QByteArray &data)
    {
        Attachment attachment;
        attachment.setName(name);
        attachment.setData(data);
        return attachment;
    }

    // The file name the user sees; its extension decides how the plugin reads it.
    QString name() const { return m_values.value(QStringLiteral("name")).toString(); }
    void setName(const QString &name) { m_values.insert(QStringLiteral("name"), name); }

    // An absolute path; ignored when hasData().
    QString path() const { return m_values.value(QStringLiteral("path")).toString(); }
    void setPath(const QString &path) { m_values.insert(QStringLiteral("path"), path); }

    bool hasData() const { return m_values.contains(QStringLiteral("data")); }
    QByteArray data() const { return m_values.value(QStringLiteral("data")).toByteArray(); }
    void setData(const QByteArray &data) { m_values.insert(QStringLiteral("data"), data); }

    QVariantMap toVariantMap() const { return m_values; }
    static Attachment fromVariantMap(const QVariantMap &values)
    {
        Attachment attachment;
        attachment.m_values = values;
        return attachment;
    }

    friend bool operator==(const Attachment &a, const Attachment &b) { return a.m_values == b.m_values; }

private:
    QVariantMap m_values;
};

} // namespace SendGuard
