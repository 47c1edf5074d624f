// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstring>
#include <string_view>

namespace SendGuard::Core::LineBreaks {

// The offset of the last '\n' in `text`, or npos. memrchr rather than string_view::rfind, which
// libstdc++ runs one byte a step: blocks and tables are walked back line by line, and a text may
// be one line of megabytes.
inline std::size_t last(std::string_view text)
{
    const void *found = text.empty() ? nullptr : memrchr(text.data(), '\n', text.size());
    return found == nullptr ? std::string_view::npos
                            : static_cast<std::size_t>(static_cast<const char *>(found) - text.data());
}

} // namespace SendGuard::Core::LineBreaks
