// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>

namespace SendGuard::Tools {

// The bytes of one command-line input: a file, or standard input for "-". Valid UTF-8 or an error
// that says where it is not. Read whole, so never more than MaxBytes: standard input or a device
// could go on for ever ("/dev/zero"); a large file is scanned in blocks instead (`scan`).
class InputText
{
public:
    static constexpr qint64 MaxBytes = qint64(1) << 30;

    explicit InputText(const QString &name);

    // The bytes of a file or of standard input ("-"), unchecked, at most MaxBytes; empty with
    // *error set when they cannot be read or are more.
    static std::optional<QByteArray> readAll(const QString &name, QString *error);

    const QString &name() const { return m_name; }
    bool isValid() const { return m_error.isEmpty(); }
    const QString &errorString() const { return m_error; }
    std::string_view bytes() const { return {m_bytes.constData(), static_cast<std::size_t>(m_bytes.size())}; }

private:
    QString m_name;
    QByteArray m_bytes;
    QString m_error;
};

} // namespace SendGuard::Tools
