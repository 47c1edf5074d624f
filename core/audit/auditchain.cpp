// SPDX-License-Identifier: GPL-2.0-or-later
#include "auditchain.h"

#include "auditchainfollower.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace SendGuard::Core {

QByteArray AuditChain::hash(const QByteArray &line)
{
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
