// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtinpolicy.h"

#include <QFile>

namespace SendGuard::Core::BuiltInPolicy {

namespace {

QByteArray resource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // reads as an empty, invalid document: reported, never a crash
    return file.readAll();
}

} // namespace

QByteArray document()
{
    return resource(QStringLiteral(":/sendguard/default-policy.json"));
}

QByteArray schema()
{
    return resource(QStringLiteral(":/sendguard/policy.schema.json"));
}

PolicyReader::Result read()
{
    const QByteArray json = document();
    // A date before any expiry: the built-in policy does not lapse.
    return PolicyReader::read({json.constData(), std::size_t(json.size())}, QDate(2000, 1, 1));
}

} // namespace SendGuard::Core::BuiltInPolicy
