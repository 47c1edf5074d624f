// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace SendGuard::Core {

// The stable names an enum's values have in JSON and policies, kept in one table so that writing a
// value, reading it back and listing the allowed names in an error cannot drift apart.
template<typename Enum, std::size_t N>
class EnumNames
{
public:
    constexpr explicit EnumNames(std::array<std::pair<Enum, const char16_t *>, N> table)
        : m_table(table)
    {
    }

    QString name(Enum value) const
    {
        for (const auto &[v, name] : m_table) {
            if (v == value)
                return QString::fromUtf16(name);
        }
        return {};
    }

    std::optional<Enum> value(QStringView name) const
    {
        for (const auto &[v, n] : m_table) {
            if (name == QStringView(n))
                return v;
        }
        return std::nullopt;
    }

    // In table order, for "is not one of: ..." messages.
    QStringList names() const
    {
        QStringList list;
        for (const auto &entry : m_table)
            list.append(QString::fromUtf16(entry.second));
        return list;
    }

private:
    std::array<std::pair<Enum, const char16_t *>, N> m_table;
};

} // namespace SendGuard::Core
