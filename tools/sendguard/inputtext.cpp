// SPDX-License-Identifier: GPL-2.0-or-later
#include "inputtext.h"

#include "common/utf8validator.h"

#include <QFile>

#include <cstdio>

namespace SendGuard::Tools {

std::optional<QByteArray> InputText::readAll(const QString &name, QString *error)
{
    const bool isStandardInput = name == QLatin1String("-");
    QFile file(isStandardInput ? QString() : name);
    const bool opened = isStandardInput ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        *error = QStringLiteral("cannot read: %1").arg(file.errorString());
        return std::nullopt;
    }
    // A block at a time, as QIODevice::readAll() does, but stopped one byte past the limit.
    constexpr qint64 Block = 1 << 20;
    QByteArray bytes;
    while (bytes.size() <= MaxBytes) {
        const qsizetype size = bytes.size();
        bytes.resize(size + Block);
        const qint64 got = file.read(bytes.data() + size, Block);
        bytes.resize(size + qMax<qint64>(got, 0));
        if (got <= 0)
            break;
    }
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot read: %1").arg(file.errorString());
        return std::nullopt;
    }
    if (bytes.size() > MaxBytes) {
        *error = QStringLiteral("more than %1 MiB: too much to read at once (give a file to `scan`, which reads "
                                "files of any size in blocks)")
                     .arg(MaxBytes >> 20);
        return std::nullopt;
    }
    return bytes;
}

InputText::InputText(const QString &name)
    : m_name(name)
{
    auto read = readAll(name, &m_error);
    if (!read)
        return;
    m_bytes = std::move(*read);
    if (const auto invalid = Core::Utf8Validator::firstInvalidByte(bytes())) {
        m_error = QStringLiteral("not valid UTF-8 at byte offset %1").arg(*invalid);
        m_bytes.clear();
    }
}

} // namespace SendGuard::Tools
