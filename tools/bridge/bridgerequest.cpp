// SPDX-License-Identifier: GPL-2.0-or-later
#include "bridgerequest.h"

#include "messagejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace SendGuard::Bridge {

namespace {

BridgeRequest invalid(BridgeRequest request, const QString &code, const QString &error)
{
    request.type = BridgeRequest::Type::Invalid;
    request.errorCode = code;
    request.error = error;
    return request;
}

} // namespace

BridgeRequest BridgeRequest::parse(const QByteArray &line)
{
    BridgeRequest request;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(request, QStringLiteral("bad-json"),
                       QStringLiteral("not JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return invalid(request, QStringLiteral("bad-json"), QStringLiteral("a request is a JSON object"));
    const QJsonObject object = document.object();
    request.id = object.value(QLatin1String("id"));
    if (!request.id.isString() && !request.id.isDouble()) {
        request.id = QJsonValue::Null;
        return invalid(request, QStringLiteral("bad-request"), QStringLiteral("id: expected a string or a number"));
    }
    const QJsonValue protocol = object.value(QLatin1String("protocol"));
    if (!protocol.isDouble() || protocol.toDouble() != Protocol)
        return invalid(request, QStringLiteral("unsupported-protocol"),
                       QStringLiteral("protocol: this bridge speaks version %1 only").arg(Protocol));

    const QString type = object.value(QLatin1String("type")).toString();
    if (type == QLatin1String("hello")) {
        request.type = Type::Hello;
        return request;
    }
    if (type != QLatin1String("check"))
        return invalid(request, QStringLiteral("unknown-type"),
                       QStringLiteral("type: expected \"hello\" or \"check\""));

    const QJsonValue windowId = object.value(QLatin1String("windowId"));
    if (!windowId.isUndefined() && !windowId.isNull()) {
        const double number = windowId.toDouble(-1);
        if (!windowId.isDouble() || number < 0 || number > 9007199254740991.0 || number != double(quint64(number)))
            return invalid(request, QStringLiteral("bad-request"),
                           QStringLiteral("windowId: expected a window id, a non-negative integer"));
        request.windowId = quint64(number);
    }
    const QJsonValue language = object.value(QLatin1String("language"));
    if (!language.isUndefined() && !language.isNull()) {
        if (!language.isString() || language.toString().size() > 35)
            return invalid(request, QStringLiteral("bad-request"),
                           QStringLiteral("language: expected a BCP 47 tag such as \"ko\" or \"en-US\""));
        request.language = language.toString();
    }
    if (!object.value(QLatin1String("message")).isObject())
        return invalid(request, QStringLiteral("bad-request"), QStringLiteral("message: expected an object"));
    QString error;
    const auto message = MessageJson::read(object.value(QLatin1String("message")).toObject(), &error);
    if (!message)
        return invalid(request, QStringLiteral("bad-request"), error);
    request.type = Type::Check;
    request.message = *message;
    return request;
}

QByteArray BridgeRequest::errorAnswer() const
{
    return errorAnswer(id, errorCode, error);
}

QByteArray BridgeRequest::answer(const QJsonValue &id, const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("protocol"), Protocol);
    fields.insert(QStringLiteral("id"), id.isUndefined() ? QJsonValue(QJsonValue::Null) : id);
    fields.insert(QStringLiteral("type"), type);
    return QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray BridgeRequest::errorAnswer(const QJsonValue &id, const QString &code, const QString &error)
{
    QJsonObject fields {{QStringLiteral("code"), code}, {QStringLiteral("error"), error}};
    if (code == QLatin1String("unsupported-protocol"))
        fields.insert(QStringLiteral("protocols"), QJsonArray {Protocol});
    return answer(id, QStringLiteral("error"), fields);
}

} // namespace SendGuard::Bridge
