// SPDX-License-Identifier: GPL-2.0-or-later
// minisign public keys and signatures, as a policy bundle's download brings them.
#include "fuzzinput.h"

#include "policy/minisign.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text = SendGuard::Fuzz::bytesOf(data, size);
    QString error;
    if (const auto key = SendGuard::Core::MinisignPublicKey::parse(text, &error))
        (void)key->keyIdText();
    (void)SendGuard::Core::MinisignSignature::parse(text, &error);
    return 0;
}
