// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QUuid>

namespace SendGuard::Core {

// A fresh audit record id: a UUID without braces. The records of one send attempt share one.
inline QString newAuditId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace SendGuard::Core
