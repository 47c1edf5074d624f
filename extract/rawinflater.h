// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace SendGuard::Extract {

class TextSink;

// Raw DEFLATE (no zlib header), as HWP 5.0 stores its compressed streams, with zlib. Stops at the
// sink's limits counted on the bytes produced: per stream, the ratio past the floor, and the
// attachment's total.
class RawInflater
{
public:
    static std::optional<QByteArray> inflate(const QByteArray &compressed, TextSink &sink, QString *error);
};

} // namespace SendGuard::Extract
