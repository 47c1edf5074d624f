// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "engine.h"

#include <cstring>

namespace SendGuard::Bench {

// The ceiling: one memchr over the buffer for a byte that is never there.
class MemchrEngine final : public Engine
{
public:
    std::string name() const override { return "memchr"; }
    std::size_t scan(std::string_view text) override
    {
        return std::memchr(text.data(), '\x01', text.size()) != nullptr ? 1 : 0;
    }
};

} // namespace SendGuard::Bench
