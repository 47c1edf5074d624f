// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace SendGuard::Core {

// How many bytes at the start of text a JSON string holds as they are: up to the first quote,
// backslash or control character (RFC 8259, section 7). Eight bytes at a time: writing and reading
// the extraction helper's text, megabytes of it, is mostly this search.
std::size_t jsonPlainRun(std::string_view text);

} // namespace SendGuard::Core
