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
    // A block at a time, as readAll() does, but stopped one byte past the limit.
    constexpr qint64 Block = 1 << 20;
    while (m_bytes.size() <= MaxBytes) {
        const qsizetype size = m_bytes.size();
        m_bytes.resize(size + Block);
        const qint64 got = file.read(m_bytes.data() + size, Block);
        m_bytes.resize(size + qMax<qint64>(got, 0));
        if (got <= 0)
            break;
    }
    if (file.error() != QFileDevice::NoError) {
        m_error = QStringLiteral("cannot read: %1").arg(file.errorString());
        m_bytes.clear();
        return;
    }
    if (m_bytes.size() > MaxBytes) {
        m_error = QStringLiteral("more than %1 MiB: too much to read at once (give a file to `scan`, which reads "
                                 "files of any size in blocks)")
                      .arg(MaxBytes >> 20);
        m_bytes.clear();
        return;
    }
    if (const auto invalid = Core::Utf8Validator::firstInvalidByte(bytes())) {
        m_error = QStringLiteral("not valid UTF-8 at byte offset %1").arg(*invalid);
        m_bytes.clear();
    }
}

} // namespace SendGuard::Tools
