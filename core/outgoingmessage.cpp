// SPDX-License-Identifier: GPL-2.0-or-later
#include "outgoingmessage.h"

#include <array>
#include <utility>

namespace SendGuard::Core {

namespace {

constexpr std::array actionNames {
    std::pair {MessageAction::Send, u"send"},
    std::pair {MessageAction::Reply, u"reply"},
    std::pair {MessageAction::ReplyAll, u"reply-all"},
    std::pair {MessageAction::Forward, u"forward"},
};

constexpr std::array typeNames {
    std::pair {RecipientType::Person, u"person"},       std::pair {RecipientType::Group, u"group"},
    std::pair {RecipientType::Broadcast, u"broadcast"}, std::pair {RecipientType::Channel, u"channel"},
    std::pair {RecipientType::External, u"external"},
};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char16_t *>, N> &names, Enum value)
{
    for (const auto &[v, name] : names) {
        if (v == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char16_t *>, N> &names, QStringView name)
{
    for (const auto &[v, n] : names) {
        if (name == QStringView(n))
            return v;
    }
    return std::nullopt;
}

} // namespace

QString messageActionName(MessageAction action)
{
    return nameOf(actionNames, action);
}

std::optional<MessageAction> messageActionFromName(QStringView name)
{
    return valueOf(actionNames, name);
}

QString recipientTypeName(RecipientType type)
{
    return nameOf(typeNames, type);
}

std::optional<RecipientType> recipientTypeFromName(QStringView name)
{
    return valueOf(typeNames, name);
}

} // namespace SendGuard::Core
