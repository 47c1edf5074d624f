// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policy/minisign.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SendGuard::Delivery {

// Checks a minisign signature (Ed25519, with libsodium) against a set of trusted keys, before
// anything reads the signed bytes.
class SignatureVerifier
{
public:
    enum class Outcome {
        Valid,
        Malformed, // the .minisig file is not a minisign signature
        UnknownKey, // signed by a key that is not trusted
        BadSignature, // the bytes or the trusted comment were changed after signing
        // A legacy signature ("Ed", minisign -l) of the file itself. Which of the two algorithms a
        // signature uses is not itself signed, so only one is accepted: the prehashed one ("ED")
        // that minisign makes by default.
        LegacyAlgorithm,
    };
    struct [[nodiscard]] Result
    {
        Outcome outcome = Outcome::Malformed;
        QString keyId; // the signing key's id, as minisign prints it
        QByteArray trustedComment; // only meaningful when Valid
        QString error; // for Malformed

        bool isValid() const { return outcome == Outcome::Valid; }
    };

    static Result verify(const QByteArray &data, const QByteArray &minisig,
                         const QList<Core::MinisignPublicKey> &trusted);

    // "valid", "malformed signature", "unknown key", "bad signature".
    static QString outcomeText(Outcome outcome);
};

} // namespace SendGuard::Delivery
