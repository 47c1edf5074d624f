// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "jsonnode.h"

#include <QString>

namespace SendGuard::Core {

// An error or warning about a JSON document: what is wrong, in which field, and where.
struct JsonDiagnostic
{
    enum class Kind { Error, Warning };

    Kind kind = Kind::Error;
    QString field; // path of the field, "recipients[2].id"; empty for the document itself
    QString message;
    JsonPosition position;

    // "FILE:LINE:COLUMN: error: recipients[2].id: missing required field"
    QString toString(const QString &file) const
    {
        QString text = QStringLiteral("%1:%2:%3: %4: ")
                           .arg(file)
                           .arg(position.line)
                           .arg(position.column)
                           .arg(kind == Kind::Error ? QStringLiteral("error") : QStringLiteral("warning"));
        if (!field.isEmpty())
            text += field + QStringLiteral(": ");
        return text + message;
    }
};

} // namespace SendGuard::Core
