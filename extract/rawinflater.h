// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>

namespace SendGuard::Extract {

class TextSink;

// Raw DEFLATE (no zlib header), as HWP 5.0 stores its compressed streams, with zlib. Stops at the
// sink's limits counted on the bytes produced: per stream, the ratio past the floor, and the
// attachment's total.
class RawInflater
{
public:
    // Hands the inflated bytes to take a block at a time (the view lives only during the call);
    // the limits are checked before take sees a byte, and take returns false to stop early (not
    // an error). False with error set when the data is broken or past a limit; what take was
    // handed before stays read.
    using BlockHandler = std::function<bool(QByteArrayView block)>;
    static bool inflateBlocks(const QByteArray &compressed, TextSink &sink, QString *error, const BlockHandler &take);
};

} // namespace SendGuard::Extract
