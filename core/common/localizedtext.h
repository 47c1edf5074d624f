// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMap>
#include <QString>

namespace SendGuard::Core {

// A text a policy writes in several languages ("ko", "en"); the dialog picks the user's.
class LocalizedText
{
public:
    LocalizedText() = default;
    explicit LocalizedText(QMap<QString, QString> texts)
        : m_texts(std::move(texts))
    {
    }

    bool isEmpty() const { return m_texts.isEmpty(); }
    const QMap<QString, QString> &texts() const { return m_texts; }

    // The text in language ("ko", "en", or a locale name such as "ko_KR"); falls back to English,
    // then Korean, then any.
    QString text(QStringView language) const
    {
        const QString base = language.left(2).toString();
        for (const QString &candidate : {base, QStringLiteral("en"), QStringLiteral("ko")}) {
            const auto it = m_texts.constFind(candidate);
            if (it != m_texts.constEnd())
                return *it;
        }
        return m_texts.isEmpty() ? QString() : m_texts.first();
    }

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;

private:
    QMap<QString, QString> m_texts;
};

} // namespace SendGuard::Core
