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
        // Concatenated, not chained QString::arg(): a file name with "%1" in it stays as it is.
        QString text = file + QLatin1Char(':') + QString::number(position.line) + QLatin1Char(':') +
            QString::number(position.column) +
            (kind == Kind::Error ? QStringLiteral(": error: ") : QStringLiteral(": warning: "));
        if (!field.isEmpty())
            text += field + QStringLiteral(": ");
        return text + message;
    }
};

} // namespace SendGuard::Core
