// SPDX-License-Identifier: GPL-2.0-or-later
// The audit trail's verifier, over files someone may have edited: the first byte says whether the
// trail continues rotated-away files, NUL bytes separate the files.
#include "fuzzinput.h"

#include "audit/auditchain.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool continuesEarlier = data[0] & 1;
    QList<std::pair<QString, QByteArray>> files;
    for (const QByteArray &content : SendGuard::Fuzz::bytesOf(data + 1, size - 1).split('\0'))
        files.append({QStringLiteral("audit-%1.jsonl").arg(files.size()), content});
    (void)SendGuard::Core::AuditChain::verify(files, continuesEarlier);
    return 0;
}
