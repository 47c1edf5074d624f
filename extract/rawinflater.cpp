// SPDX-License-Identifier: GPL-2.0-or-later
#include "rawinflater.h"

#include "textsink.h"

#include <QScopeGuard>

#include <memory>
#include <zlib.h>

namespace SendGuard::Extract {

bool RawInflater::inflateBlocks(const QByteArray &compressed, TextSink &sink, QString *error, const BlockHandler &take)
{
    z_stream stream {};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        *error = QStringLiteral("cannot start decompressing");
        return false;
    }
    const auto end = qScopeGuard([&stream] { inflateEnd(&stream); });
    const ExtractLimits &limits = sink.limits();
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    // One block, reused: a section's records are read as they come, not inflated whole first.
    constexpr qsizetype Block = 256 * 1024;
    const std::unique_ptr<char[]> block(new char[Block]);
    qint64 inflated = 0;
    for (int status = Z_OK; status != Z_STREAM_END;) {
        stream.next_out = reinterpret_cast<Bytef *>(block.get());
        stream.avail_out = uInt(Block);
        status = ::inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            *error = status == Z_BUF_ERROR ? QStringLiteral("compressed data cut short")
                                           : QStringLiteral("broken compressed data");
            return false;
        }
        const qsizetype produced = Block - qsizetype(stream.avail_out);
        // Counted as produced, before anyone sees the bytes.
        inflated += produced;
        if (inflated > limits.maxEntryBytes ||
            (inflated > limits.ratioFloor && inflated > limits.maxRatio * qMax<qint64>(1, compressed.size()))) {
            *error = QStringLiteral("decompresses to too much (a compression bomb?): not scanned");
            return false;
        }
        if (!sink.takeInflated(produced)) {
            *error = sink.incomplete();
            return false;
        }
        if (status == Z_OK && produced == 0 && stream.avail_in == 0) {
            *error = QStringLiteral("compressed data cut short");
            return false;
        }
        if (produced > 0 && !take(QByteArrayView(block.get(), produced)))
            return true; // the reader has what it wants
    }
    return true;
}

} // namespace SendGuard::Extract
