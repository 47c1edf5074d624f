// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>

#include <cstdint>
#include <string_view>

// What every fuzz target needs: its input as the types the parsers take, and a fixed day, so a
// run is the same whatever the calendar says.
namespace SendGuard::Fuzz {

inline std::string_view textOf(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QDate fuzzToday()
{
    return QDate(2026, 11, 26);
}

} // namespace SendGuard::Fuzz
