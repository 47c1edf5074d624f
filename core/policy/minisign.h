// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace SendGuard::Core {

// The file formats of minisign (https://jedisct1.github.io/minisign/), which IT uses to sign
// policy bundles: Ed25519 keys and signatures, each tagged with an 8-byte key id. Parsing only;
// checking a signature needs the cryptography of the delivery code.

// A public key: the base64 line of a .pub file ("RWQ..."), or the whole file.
struct MinisignPublicKey
{
    QByteArray keyId; // 8 bytes, as stored (little-endian)
    QByteArray key; // 32 bytes of Ed25519 public key

    // The key id as minisign prints it ("49D882C9053D9B05"): hexadecimal, most significant digit
    // first, without leading zeros.
    QString keyIdText() const;

    // Empty error on success.
    static std::optional<MinisignPublicKey> parse(const QByteArray &text, QString *error = nullptr);

    friend bool operator==(const MinisignPublicKey &, const MinisignPublicKey &) = default;
};

// A .minisig file: the signature of a file, and a global signature over it and the trusted comment.
struct MinisignSignature
{
    bool prehashed = false; // "ED": the file's BLAKE2b-512 was signed (minisign's default); "Ed": the file itself
    QByteArray keyId; // 8 bytes
    QByteArray signature; // 64 bytes
    QByteArray trustedComment; // after "trusted comment: "
    QByteArray globalSignature; // 64 bytes, over signature + trustedComment

    static std::optional<MinisignSignature> parse(const QByteArray &text, QString *error = nullptr);
};

} // namespace SendGuard::Core
