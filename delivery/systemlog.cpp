// SPDX-License-Identifier: GPL-2.0-or-later
#include "systemlog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace SendGuard::Delivery {

namespace {

// RFC 5424 PARAM-VALUE: '"', '\' and ']' are escaped.
QByteArray paramValue(const QString &value)
{
    QByteArray escaped;
    for (const char c : value.toUtf8()) {
        if (c == '"' || c == '\\' || c == ']')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

// value as a PARAM-VALUE of at most MaxValueBytes, escaping included: a list cut after its last
// whole item, a text at a character, each ending in "…".
QByteArray boundedValue(const QString &value, bool list, bool *cut)
{
    QByteArray escaped = paramValue(value);
    if (escaped.size() <= SystemLog::MaxValueBytes)
        return escaped;
    *cut = true;
    QString kept = value;
    while (paramValue(kept).size() > SystemLog::MaxValueBytes - 4) // room for the marker
        kept.chop(qMax<qsizetype>(1, (paramValue(kept).size() - SystemLog::MaxValueBytes) / 6));
    if (list && kept.contains(QLatin1Char(',')))
        return paramValue(kept.left(kept.lastIndexOf(QLatin1Char(','))) + QStringLiteral(",…"));
    return paramValue(kept + QStringLiteral("…"));
}

QString joined(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(v.toString());
        return parts.join(QLatin1Char(','));
    }
    if (value.isObject()) {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            parts.append(it.key() + QLatin1Char(':') + it.value().toVariant().toString());
        return parts.join(QLatin1Char(','));
    }
    return value.toVariant().toString();
}

// RFC 5424 HOSTNAME and APP-NAME: printable US-ASCII without spaces, "-" when empty.
QByteArray token(const QString &text, int maxLength)
{
    QByteArray result;
    for (const QChar c : text) {
        if (c.unicode() > 32 && c.unicode() < 127)
            result += char(c.unicode());
    }
    return result.isEmpty() ? QByteArray("-") : result.left(maxLength);
}

} // namespace

SystemLog::SystemLog(QString socketPath)
    : m_socketPath(std::move(socketPath))
{
}

SystemLog::~SystemLog()
{
#ifdef Q_OS_UNIX
    if (m_socket >= 0)
        ::close(m_socket);
#endif
}

QByteArray SystemLog::format(const QJsonObject &record, const QString &hostName, qint64 processId)
{
    QByteArray data = "[sendguard@32473";
    const QJsonObject policy = record.value(QLatin1String("policy")).toObject();
    const QJsonObject audience = record.value(QLatin1String("audience")).toObject();
    const std::pair<const char *, QString> params[] = {
        {"event", record.value(QLatin1String("event")).toString(QStringLiteral("decision"))},
        {"id", record.value(QLatin1String("id")).toString()},
        {"user", record.value(QLatin1String("user")).toString()},
        {"policyId", policy.value(QLatin1String("id")).toString()},
        {"policyVersion", policy.value(QLatin1String("version")).toVariant().toString()},
        {"action", record.value(QLatin1String("action")).toString()},
        {"verdict", record.value(QLatin1String("verdict")).toString()},
        {"choice", record.value(QLatin1String("choice")).toString()},
        {"rules", joined(record.value(QLatin1String("rules")))},
        {"detectors", joined(record.value(QLatin1String("detectors")))},
        {"recipients", joined(record.value(QLatin1String("recipients")))},
        {"audience", audience.value(QLatin1String("atLeast")).toVariant().toString()},
        {"justification", record.value(QLatin1String("justification")).toString()},
        {"cause", record.value(QLatin1String("cause")).toString()},
        {"department", record.value(QLatin1String("department")).toString()},
        {"reason", record.value(QLatin1String("reason")).toString()},
        {"prev", record.value(QLatin1String("prev")).toString()},
    };
    bool cut = false;
    for (const auto &[name, value] : params) {
        const bool list = !qstrcmp(name, "rules") || !qstrcmp(name, "detectors") || !qstrcmp(name, "recipients");
        if (!value.isEmpty())
            data += ' ' + QByteArray(name) + "=\"" + boundedValue(value, list, &cut) + '"';
    }
    if (cut)
        data += " truncated=\"true\"";
    data += ']';
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QByteArray message =
        QStringLiteral("SendGuard %1: %2 %3")
            .arg(record.value(QLatin1String("event")).toString(QStringLiteral("decision")),
                 record.value(QLatin1String("verdict")).toString(), record.value(QLatin1String("choice")).toString())
            .trimmed()
            .toUtf8();
    // <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG
    return "<109>1 " + timestamp.toLatin1() + ' ' + token(hostName, 255) + " sendguard " +
        QByteArray::number(processId) + " audit " + data + ' ' + message;
}

SystemLog::Sent SystemLog::sendDatagram(const QByteArray &message)
{
#ifdef Q_OS_UNIX
    if (m_socket < 0)
        m_socket = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_socket < 0)
        return Sent::Later;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(m_socketPath);
    if (path.size() >= qsizetype(sizeof(address.sun_path)))
        return Sent::Later;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    if (::sendto(m_socket, message.constData(), std::size_t(message.size()), MSG_NOSIGNAL,
                 reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == message.size())
        return Sent::Yes;
    // Too large for this socket is for good; a missing or busy listener is for later.
    return errno == EMSGSIZE ? Sent::Never : Sent::Later;
#else
    Q_UNUSED(message);
    return Sent::Later; // the Windows Event Log is not wired up yet
#endif
}

bool SystemLog::send(const QJsonObject &record)
{
    m_queue.push_back(format(record, QSysInfo::machineHostName(), QCoreApplication::applicationPid()));
    while (m_queue.size() > MaxQueued) {
        m_queue.pop_front(); // the local file has them all
        ++m_droppedSinceSent;
        ++m_droppedTotal;
    }
    while (!m_queue.empty()) {
        QByteArray message = m_queue.front();
        if (m_droppedSinceSent > 0) { // said where a SIEM sees it: in the structured data's first place
            static const QByteArray element = "[sendguard@32473 ";
            const qsizetype at = message.indexOf(element);
            if (at >= 0)
                message.insert(at + element.size(), "dropped=\"" + QByteArray::number(m_droppedSinceSent) + "\" ");
        }
        const Sent sent = sendDatagram(message);
        if (sent == Sent::Later)
            return false;
        m_queue.pop_front();
        if (sent == Sent::Yes) {
            m_droppedSinceSent = 0;
        } else {
            ++m_droppedSinceSent;
            ++m_droppedTotal;
        }
    }
    return true;
}

} // namespace SendGuard::Delivery
