// SPDX-License-Identifier: GPL-2.0-or-later
#include "sendguardloader.h"

#include <QDir>
#include <QLibrary>
#include <QVersionNumber>

SendGuardLoader::~SendGuardLoader()
{
    unload();
}

QString SendGuardLoader::fileName() const
{
    return m_loader ? m_loader->fileName() : QString();
}

void SendGuardLoader::unload()
{
    m_interceptor = nullptr;
    if (m_loader && m_loader->isLoaded())
        m_loader->unload();
    m_loader.reset();
    m_metaData = {};
}

bool SendGuardLoader::load(const QString &directory)
{
    unload();
    const QDir dir(directory);
    QStringList problems;
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString path = dir.absoluteFilePath(file);
        if (!QLibrary::isLibrary(path))
            continue;
        auto loader = std::make_unique<QPluginLoader>(path);
        // Metadata is read from the file without running any of its code.
        const QJsonObject raw = loader->metaData();
        if (raw.value(QLatin1String("IID")).toString() != QLatin1String(SendGuard_SendInterceptor_iid))
            continue;
        const QJsonObject meta = raw.value(QLatin1String("MetaData")).toObject();
        const auto compat = QVersionNumber::fromString(meta.value(QLatin1String("compatVersion")).toString());
        if (compat.isNull() || compat > QVersionNumber::fromString(QLatin1String(HostInterfaceVersion))) {
            problems.append(QStringLiteral("%1: needs a host for version %2").arg(file, compat.toString()));
            continue;
        }
        // load() before instance(): instance() alone takes no reference on a library that
        // something else in the process has loaded already.
        auto *interceptor = loader->load() ? qobject_cast<SendGuard::SendInterceptor *>(loader->instance()) : nullptr;
        if (!interceptor) {
            problems.append(QStringLiteral("%1: %2").arg(file, loader->errorString()));
            loader->unload();
            continue;
        }
        m_loader = std::move(loader);
        m_interceptor = interceptor;
        m_metaData = meta;
        m_error.clear();
        return true;
    }
    m_error = problems.isEmpty() ? QStringLiteral("no SendGuard plugin in %1").arg(dir.absolutePath())
                                 : problems.join(QLatin1String("; "));
    return false;
}
