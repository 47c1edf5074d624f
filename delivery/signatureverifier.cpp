// SPDX-License-Identifier: GPL-2.0-or-later
#include "signatureverifier.h"

#include <sodium.h>

namespace SendGuard::Delivery {

namespace {

bool ed25519Verify(const QByteArray &signature, const QByteArray &message, const QByteArray &key)
{
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(key.constData())) == 0;
}

} // namespace

SignatureVerifier::Result SignatureVerifier::verify(const QByteArray &data, const QByteArray &minisig,
                                                    const QList<Core::MinisignPublicKey> &trusted)
{
    static const bool sodiumReady = sodium_init() >= 0;
    Result result;
    if (!sodiumReady) {
        result.error = QStringLiteral("libsodium could not be initialised");
        return result;
    }
    const auto signature = Core::MinisignSignature::parse(minisig, &result.error);
    if (!signature)
        return result;
    const Core::MinisignPublicKey signer {signature->keyId, {}};
    result.keyId = signer.keyIdText();
    const auto key = std::find_if(trusted.begin(), trusted.end(),
                                  [&](const Core::MinisignPublicKey &k) { return k.keyId == signature->keyId; });
    if (key == trusted.end()) {
        result.outcome = Outcome::UnknownKey;
        return result;
    }
    if (!signature->prehashed) {
        result.outcome = Outcome::LegacyAlgorithm;
        return result;
    }
    QByteArray message(crypto_generichash_BYTES_MAX, Qt::Uninitialized); // BLAKE2b-512, as minisign prehashes
    crypto_generichash(reinterpret_cast<unsigned char *>(message.data()), crypto_generichash_BYTES_MAX,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       static_cast<unsigned long long>(data.size()), nullptr, 0);
    if (!ed25519Verify(signature->signature, message, key->key) ||
        !ed25519Verify(signature->globalSignature, signature->signature + signature->trustedComment, key->key)) {
        result.outcome = Outcome::BadSignature;
        return result;
    }
    result.outcome = Outcome::Valid;
    result.trustedComment = signature->trustedComment;
    return result;
}

QString SignatureVerifier::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Valid:
        return QStringLiteral("valid");
    case Outcome::Malformed:
        return QStringLiteral("malformed signature");
    case Outcome::UnknownKey:
        return QStringLiteral("unknown key");
    case Outcome::BadSignature:
        return QStringLiteral("bad signature");
    case Outcome::LegacyAlgorithm:
        return QStringLiteral("legacy signature (minisign -l): sign again without -l");
    }
    return {};
}

} // namespace SendGuard::Delivery
