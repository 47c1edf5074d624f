// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sendguard/sendinterceptor.h"

#include <QJsonObject>
#include <QPluginLoader>
#include <QString>

#include <memory>

// Finds and loads the SendGuard plugin the way a host should: look in its plugin directory,
// check each candidate's metadata (interface IID, compatVersion) before creating anything, then
// qobject_cast the instance to the interface, and unload whatever does not fit.
class SendGuardLoader
{
public:
    // The plugin version this host was written against: a plugin whose compatVersion is newer
    // needs a newer host and is not loaded.
    static constexpr const char *HostInterfaceVersion = "0.1.0";

    ~SendGuardLoader();

    // Loads the first suitable plugin in directory; false with errorString() when there is none.
    [[nodiscard]] bool load(const QString &directory);
    void unload();

    SendGuard::SendInterceptor *interceptor() const { return m_interceptor; }
    QString fileName() const;
    // The plugin's "MetaData" object: id, version, compatVersion, description.
    QJsonObject metaData() const { return m_metaData; }
    QString errorString() const { return m_error; }

private:
    std::unique_ptr<QPluginLoader> m_loader;
    SendGuard::SendInterceptor *m_interceptor = nullptr;
    QJsonObject m_metaData;
    QString m_error;
};
