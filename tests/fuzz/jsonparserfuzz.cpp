// SPDX-License-Identifier: GPL-2.0-or-later
// The strict JSON parser every policy, message and signed bundle goes through.
#include "fuzzinput.h"

#include "json/jsonparser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    (void)SendGuard::Core::JsonParser::parse(SendGuard::Fuzz::textOf(data, size));
    return 0;
}
