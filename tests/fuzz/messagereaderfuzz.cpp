// SPDX-License-Identifier: GPL-2.0-or-later
// A message as a host or `sendguard check` hands it over (docs/architecture.md, section 4).
#include "fuzzinput.h"

#include "message/outgoingmessagereader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    (void)SendGuard::Core::OutgoingMessageReader::read(SendGuard::Fuzz::textOf(data, size));
    return 0;
}
