// SPDX-License-Identifier: GPL-2.0-or-later
#include "plugintranslator.h"

#include <QCoreApplication>
#include <QLocale>

namespace SendGuard::Plugin {

PluginTranslator::~PluginTranslator()
{
    if (!m_installed.isEmpty() && QCoreApplication::instance())
        QCoreApplication::removeTranslator(&m_translator);
}

QString PluginTranslator::supportedLanguage(const QString &bcp47)
{
    return bcp47.startsWith(QLatin1String("ko"), Qt::CaseInsensitive) ? QStringLiteral("ko") : QStringLiteral("en");
}

void PluginTranslator::setLanguage(const QString &language)
{
    m_requested = language;
}

QString PluginTranslator::language() const
{
    if (!m_requested.isEmpty())
        return supportedLanguage(m_requested);
    const QStringList uiLanguages = QLocale().uiLanguages();
    return supportedLanguage(uiLanguages.isEmpty() ? QString() : uiLanguages.first());
}

void PluginTranslator::install()
{
    const QString wanted = language();
    if (wanted == m_installed || !QCoreApplication::instance())
        return;
    if (!m_installed.isEmpty())
        QCoreApplication::removeTranslator(&m_translator);
    m_installed.clear();
    if (m_translator.load(QStringLiteral(":/sendguard/i18n/sendguard_%1.qm").arg(wanted)) &&
        QCoreApplication::installTranslator(&m_translator))
        m_installed = wanted;
}

} // namespace SendGuard::Plugin
