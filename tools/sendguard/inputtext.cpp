// SPDX-License-Identifier: GPL-2.0-or-later
#include "inputtext.h"

#include "common/utf8validator.h"

#include <QFile>

#include <cstdio>

namespace SendGuard::Tools {

InputText::InputText(const QString &name)
    : m_name(name)
{
    const bool isStandardInput = name == QLatin1String("-");
    QFile file(isStandardInput ? QString() : name);
    const bool opened = isStandardInput ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        m_error = QStringLiteral("cannot read: %1").arg(file.errorString());
        return;
    }
    m_bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        m_error = QStringLiteral("cannot read: %1").arg(file.errorString());
        m_bytes.clear();
        return;
    }
    if (const auto invalid = Core::Utf8Validator::firstInvalidByte(bytes())) {
        m_error = QStringLiteral("not valid UTF-8 at byte offset %1").arg(*invalid);
        m_bytes.clear();
    }
}

} // namespace SendGuard::Tools
