// SPDX-License-Identifier: GPL-2.0-or-later
#include "minisign.h"

#include <QList>

#include <algorithm>

namespace SendGuard::Core {

namespace {

std::optional<QByteArray> strictBase64(const QByteArray &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

// The lines of a minisign file without "\r", blank lines dropped.
QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> result;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            result.append(line);
    }
    return result;
}

template<typename T>
std::optional<T> failure(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

QString MinisignPublicKey::keyIdText() const
{
    QByteArray reversed = keyId;
    std::reverse(reversed.begin(), reversed.end());
    // As minisign prints it: hexadecimal without leading zeros.
    QByteArray hex = reversed.toHex().toUpper();
    while (hex.size() > 1 && hex.startsWith('0'))
        hex.remove(0, 1);
    return QString::fromLatin1(hex);
}

std::optional<MinisignPublicKey> MinisignPublicKey::parse(const QByteArray &text, QString *error)
{
    QList<QByteArray> all = lines(text);
    if (!all.isEmpty() && all.first().startsWith("untrusted comment:"))
        all.removeFirst();
    if (all.size() != 1)
        return failure<MinisignPublicKey>(error, QStringLiteral("a minisign public key is one base64 line"));
    const auto bytes = strictBase64(all.first());
    if (!bytes || bytes->size() != 42 || !bytes->startsWith("Ed"))
        return failure<MinisignPublicKey>(error, QStringLiteral("not a minisign Ed25519 public key"));
    return MinisignPublicKey {bytes->mid(2, 8), bytes->mid(10, 32)};
}

std::optional<MinisignSignature> MinisignSignature::parse(const QByteArray &text, QString *error)
{
    const QList<QByteArray> all = lines(text);
    static const QByteArray trustedPrefix("trusted comment: ");
    if (all.size() != 4 || !all.at(0).startsWith("untrusted comment:") || !all.at(2).startsWith(trustedPrefix))
        return failure<MinisignSignature>(error, QStringLiteral("not a minisign signature file (four lines expected)"));
    const auto signature = strictBase64(all.at(1));
    const auto global = strictBase64(all.at(3));
    if (!signature || signature->size() != 74 || !global || global->size() != 64)
        return failure<MinisignSignature>(error, QStringLiteral("the signature lines are not minisign signatures"));
    const QByteArray algorithm = signature->left(2);
    if (algorithm != "Ed" && algorithm != "ED")
        return failure<MinisignSignature>(error, QStringLiteral("unknown signature algorithm"));
    return MinisignSignature {algorithm == "ED", signature->mid(2, 8), signature->mid(10, 64),
                              all.at(2).mid(trustedPrefix.size()), *global};
}

} // namespace SendGuard::Core
