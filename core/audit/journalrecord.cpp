// SPDX-License-Identifier: GPL-2.0-or-later
#include "journalrecord.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>

namespace SendGuard::Core {

namespace {

// MESSAGE is a string, or an array of bytes when it was not valid UTF-8.
QString fieldText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    QByteArray bytes;
    for (const QJsonValue &byte : value.toArray())
        bytes += char(byte.toInt());
    return QString::fromUtf8(bytes);
}

// The PARAM-NAME="PARAM-VALUE" pairs of the [sendguard@32473 ...] element in text (RFC 5424:
// '"', '\' and ']' escaped with a backslash in values).
std::optional<QMap<QString, QString>> sendGuardParameters(const QString &text)
{
    const QString element = QStringLiteral("[sendguard@32473");
    qsizetype at = text.indexOf(element);
    if (at < 0)
        return std::nullopt;
    at += element.size();
    QMap<QString, QString> parameters;
    while (at < text.size()) {
        while (at < text.size() && text.at(at) == QLatin1Char(' '))
            ++at;
        if (at >= text.size() || text.at(at) == QLatin1Char(']'))
            return parameters;
        const qsizetype equals = text.indexOf(QLatin1Char('='), at);
        if (equals < 0 || equals + 1 >= text.size() || text.at(equals + 1) != QLatin1Char('"'))
            return std::nullopt;
        const QString name = text.mid(at, equals - at);
        QString value;
        qsizetype i = equals + 2;
        for (; i < text.size() && text.at(i) != QLatin1Char('"'); ++i) {
            if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size())
                ++i;
            value += text.at(i);
        }
        if (i >= text.size())
            return std::nullopt;
        parameters.insert(name, value);
        at = i + 1;
    }
    return std::nullopt;
}

// "a,b,…": SystemLog ends a list it cut with "…".
QStringList listOf(const QString &value)
{
    QStringList items = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!items.isEmpty() && items.last() == QStringLiteral("…"))
        items.removeLast();
    return items;
}

} // namespace

bool JournalRecord::isJournalEntry(const QJsonObject &entry)
{
    return entry.contains(QLatin1String("__REALTIME_TIMESTAMP")) || entry.contains(QLatin1String("MESSAGE")) ||
        entry.contains(QLatin1String("SYSLOG_STRUCTURED_DATA"));
}

std::optional<QJsonObject> JournalRecord::fromJournal(const QJsonObject &entry)
{
    // SystemLog's messages name the program "sendguard" (journald's SYSLOG_IDENTIFIER).
    if (entry.contains(QLatin1String("SYSLOG_IDENTIFIER")) &&
        fieldText(entry.value(QLatin1String("SYSLOG_IDENTIFIER"))) != QLatin1String("sendguard"))
        return std::nullopt;
    auto parameters = sendGuardParameters(fieldText(entry.value(QLatin1String("SYSLOG_STRUCTURED_DATA"))));
    if (!parameters)
        parameters = sendGuardParameters(fieldText(entry.value(QLatin1String("MESSAGE"))));
    if (!parameters)
        return std::nullopt;
    const auto value = [&](const char *name) { return parameters->value(QLatin1String(name)); };
    QJsonObject record {{QStringLiteral("event"), value("event")},     {QStringLiteral("id"), value("id")},
                        {QStringLiteral("user"), value("user")},       {QStringLiteral("action"), value("action")},
                        {QStringLiteral("verdict"), value("verdict")}, {QStringLiteral("choice"), value("choice")}};
    bool microsecondsOk = false;
    const qint64 microseconds =
        entry.value(QLatin1String("__REALTIME_TIMESTAMP")).toString().toLongLong(&microsecondsOk);
    if (microsecondsOk)
        record.insert(QStringLiteral("time"),
                      QDateTime::fromMSecsSinceEpoch(microseconds / 1000, Qt::UTC).toString(Qt::ISODateWithMs));
    record.insert(QStringLiteral("host"), fieldText(entry.value(QLatin1String("_HOSTNAME"))));
    if (parameters->contains(QStringLiteral("policyId")))
        record.insert(QStringLiteral("policy"),
                      QJsonObject {{QStringLiteral("id"), value("policyId")},
                                   {QStringLiteral("version"), value("policyVersion").toLongLong()}});
    record.insert(QStringLiteral("rules"), QJsonArray::fromStringList(listOf(value("rules"))));
    QJsonObject detectors;
    for (const QString &item : listOf(value("detectors"))) {
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        if (colon > 0)
            detectors.insert(item.left(colon), item.mid(colon + 1).toLongLong());
    }
    record.insert(QStringLiteral("detectors"), detectors);
    for (const char *optional : {"cause", "department"}) {
        if (!value(optional).isEmpty())
            record.insert(QLatin1String(optional), value(optional));
    }
    return record;
}

} // namespace SendGuard::Core
