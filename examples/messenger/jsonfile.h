// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

// Reads a JSON file whose top level is an object.
class JsonFile
{
public:
    // False with error naming the file and the problem (with its byte offset) when it cannot.
    [[nodiscard]] static bool readObject(const QString &path, QJsonObject &object, QString &error);
};
