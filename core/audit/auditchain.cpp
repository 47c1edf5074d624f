// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditchain.h"

#include "auditchainfollower.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>

namespace SendGuard::Core {

QByteArray AuditChain::hash(QByteArrayView line)
{
    // OpenSSL's SHA-256 uses the processor's SHA instructions where it has them: several times
    // QCryptographicHash's speed, which a report over millions of records feels. The digest is
    // fetched once (OpenSSL 3 looks it up again on every SHA256() call, which cost as much as
    // hashing a record); nothing is kept per thread, as this code also runs in a plugin a host may
    // unload while its threads go on.
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (sha256 && EVP_Digest(line.data(), std::size_t(line.size()), digest, &length, sha256, nullptr))
        return QByteArray::fromRawData(reinterpret_cast<const char *>(digest), int(length)).toHex();
    // Never a crash in a messaging client: the same digest, only slower.
    return QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex();
}

AuditChain::Result AuditChain::verify(const QList<std::pair<QString, QByteArray>> &files, bool continuesEarlier)
{
    Result result;
    AuditChainFollower chain(continuesEarlier);
    for (const auto &[name, content] : files) {
        const QList<QByteArray> lines = content.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            if (line.isEmpty() && i == lines.size() - 1)
                break; // the newline after the last record
            const int lineNumber = int(i) + 1;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (!document.isObject()) {
                result.firstBreak = Break {name, lineNumber, QStringLiteral("not a JSON record")};
                return result;
            }
            const QByteArray prev = document.object().value(QLatin1String("prev")).toString().toLatin1();
            if (const auto problem = chain.follow(line, prev)) {
                result.firstBreak = Break {name, lineNumber, *problem};
                return result;
            }
            ++result.records;
        }
    }
    return result;
}

} // namespace SendGuard::Core
