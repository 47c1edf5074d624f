// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>

namespace SendGuard::Core {

// A half-open byte range [begin, end) of a UTF-8 text.
struct TextRange
{
    std::size_t begin = 0;
    std::size_t end = 0;

    std::size_t size() const { return end - begin; }
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

} // namespace SendGuard::Core
