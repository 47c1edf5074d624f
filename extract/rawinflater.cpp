// SPDX-License-Identifier: GPL-2.0-or-later
#include "rawinflater.h"

#include "textsink.h"

#include <zlib.h>

namespace SendGuard::Extract {

std::optional<QByteArray> RawInflater::inflate(const QByteArray &compressed, TextSink &sink, QString *error)
{
    z_stream stream {};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        *error = QStringLiteral("cannot start decompressing");
        return std::nullopt;
    }
    const ExtractLimits &limits = sink.limits();
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    // Inflated straight into the result, grown by doubling: no copy of the text on the way.
    QByteArray output;
    output.resize(qMin<qint64>(qMax<qint64>(compressed.size() * 4, 64 * 1024), limits.maxEntryBytes + 1));
    qsizetype filled = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (filled == output.size())
            output.resize(qMin<qint64>(output.size() * 2, limits.maxEntryBytes + 64 * 1024));
        stream.next_out = reinterpret_cast<Bytef *>(output.data() + filled);
        stream.avail_out = uInt(output.size() - filled);
        status = ::inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            *error = status == Z_BUF_ERROR ? QStringLiteral("compressed data cut short")
                                           : QStringLiteral("broken compressed data");
            return std::nullopt;
        }
        const qsizetype produced = qsizetype(output.size() - filled) - qsizetype(stream.avail_out);
        filled += produced;
        if (filled > limits.maxEntryBytes ||
            (filled > limits.ratioFloor && filled > limits.maxRatio * qMax<qint64>(1, compressed.size()))) {
            inflateEnd(&stream);
            *error = QStringLiteral("decompresses to too much (a compression bomb?): not scanned");
            return std::nullopt;
        }
        if (!sink.takeInflated(produced)) {
            inflateEnd(&stream);
            *error = sink.incomplete();
            return std::nullopt;
        }
        if (status == Z_OK && produced == 0 && stream.avail_in == 0) {
            inflateEnd(&stream);
            *error = QStringLiteral("compressed data cut short");
            return std::nullopt;
        }
    }
    inflateEnd(&stream);
    output.truncate(filled);
    return output;
}

} // namespace SendGuard::Extract
