// SPDX-License-Identifier: GPL-2.0-or-later
#include "jsonfile.h"

#include <QFile>
#include <QJsonDocument>

bool JsonFile::readObject(const QString &path, QJsonObject &object, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        error = parseError.error == QJsonParseError::NoError
            ? QStringLiteral("%1: the top level must be a JSON object").arg(path)
            : QStringLiteral("%1: %2 at byte %3").arg(path, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    object = document.object();
    return true;
}
