// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QTranslator>

namespace SendGuard::Plugin {

// The plugin's own translation (compiled into it), installed into the host application for the
// host's UI language: Korean on a Korean locale unless the host says otherwise, English for any
// other language. Removed again when the plugin is unloaded.
class PluginTranslator
{
public:
    PluginTranslator() = default;
    ~PluginTranslator();
    PluginTranslator(const PluginTranslator &) = delete;
    PluginTranslator &operator=(const PluginTranslator &) = delete;

    // A BCP 47 tag from the host; empty: follow QLocale().
    void setLanguage(const QString &language);
    // "ko" or "en".
    QString language() const;
    // Installs the translation for language(); does nothing when it is already installed.
    void install();

    static QString supportedLanguage(const QString &bcp47);

private:
    QString m_requested;
    QString m_installed;
    QTranslator m_translator;
};

} // namespace SendGuard::Plugin
