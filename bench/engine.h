// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace SendGuard::Bench {

// One way of looking for the detector catalogue in a buffer, measured side by side with the others.
class Engine
{
public:
    virtual ~Engine() = default;

    virtual std::string name() const = 0;

    // Scans the whole buffer and returns how many matches the engine reports.
    virtual std::size_t scan(std::string_view text) = 0;
};

} // namespace SendGuard::Bench
