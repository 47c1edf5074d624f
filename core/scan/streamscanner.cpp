// SPDX-License-Identifier: GPL-2.0-or-later
#include "streamscanner.h"

#include "textblocks.h"

#include "common/utf8validator.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace SendGuard::Core {

namespace {

// The smallest read: a line longer than a block is read on in steps of this.
constexpr std::size_t ReadChunk = 64 * 1024;

// Bytes read and not yet dropped. Not a std::string: growing one fills the new room with zeros
// before every read, a pass over all the input for nothing.
class ReadBuffer
{
public:
    std::size_t size() const { return m_size; }
    std::string_view view() const { return {m_data.get(), m_size}; }

    // Reads up to `chunk` bytes more: how many, 0 at the end, -1 on an error.
    std::int64_t fill(const StreamScanner::Read &read, std::size_t chunk)
    {
        if (m_capacity - m_size < chunk) {
            const std::size_t capacity = std::max(m_capacity * 2, m_size + chunk);
            auto data = std::make_unique_for_overwrite<char[]>(capacity);
            if (m_size > 0) // memcpy from the first, still null buffer is undefined even for 0 bytes
                std::memcpy(data.get(), m_data.get(), m_size);
            m_data = std::move(data);
            m_capacity = capacity;
        }
        const std::int64_t got = read(m_data.get() + m_size, chunk);
        if (got > 0)
            m_size += static_cast<std::size_t>(got);
        return got;
    }

    void dropFront(std::size_t bytes)
    {
        std::memmove(m_data.get(), m_data.get() + bytes, m_size - bytes);
        m_size -= bytes;
    }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

} // namespace

StreamScanner::StreamScanner(const Scanner &scanner, std::size_t blockBytes)
    : m_scanner(scanner)
    , m_blockBytes(std::max<std::size_t>(blockBytes, 4 * Overlap))
{
}

StreamScanner::Read StreamScanner::readerOver(std::string_view bytes)
{
    return [bytes, position = std::size_t {0}](char *data, std::size_t capacity) mutable -> std::int64_t {
        const std::size_t n = std::min(capacity, bytes.size() - position);
        if (n > 0) // an empty view's data() may be null
            std::memcpy(data, bytes.data() + position, n);
        position += n;
        return static_cast<std::int64_t>(n);
    };
}

StreamScanner::Result StreamScanner::scan(const Read &read, const Found &found) const
{
    return walk(read, &found);
}

StreamScanner::Result StreamScanner::validate(const Read &read) const
{
    return walk(read, nullptr);
}

StreamScanner::Result StreamScanner::walk(const Read &read, const Found *found) const
{
    Result result;
    // buffer[0, start) is the end of the previous block, kept as context; buffer[start, ...) is
    // not scanned yet. base is the stream offset of buffer[0].
    ReadBuffer buffer;
    std::string header; // the table header row in force where the block starts
    std::size_t start = 0;
    std::uint64_t base = 0;
    bool atEnd = false;
    // Reads one chunk more, towards `wanted` bytes in the buffer and no further (at least
    // ReadChunk): what is read past the block's end is moved to the buffer's front with the
    // context, and a whole chunk too many was a second copy of the stream. False on a read error.
    const auto readMore = [&](std::size_t wanted) {
        const std::size_t missing = wanted > buffer.size() ? wanted - buffer.size() : 0;
        const std::int64_t got = buffer.fill(read, std::max(missing, ReadChunk));
        atEnd = got == 0;
        return got >= 0;
    };
    const auto readError = [&] {
        result.complete = false;
        result.bytes = base + buffer.size();
        result.error = QStringLiteral("read error after %1 bytes").arg(result.bytes);
        return result;
    };
    while (true) {
        // Read until a whole block and the context after it are here, or the stream ends.
        while (!atEnd && buffer.size() < start + m_blockBytes + Overlap) {
            if (!readMore(start + m_blockBytes + Overlap))
                return readError();
        }
        std::size_t end = buffer.size();
        if (!atEnd) {
            const bool mustCut = buffer.size() - start >= MaxLineBytes + Overlap;
            end = TextBlocks::blockEnd(buffer.view(), start, buffer.size() - Overlap, mustCut);
            if (end == std::string_view::npos) {
                // One long line so far: read on to where it may be cut (MaxLineBytes).
                if (!readMore(start + MaxLineBytes + Overlap))
                    return readError();
                continue;
            }
        }
        const std::string_view all = buffer.view();
        if (const auto invalid = Utf8Validator::firstInvalidByte(all.substr(start, end - start))) {
            result.complete = false;
            result.error = QStringLiteral("not valid UTF-8 at byte offset %1").arg(base + start + *invalid);
            result.bytes = base + start + *invalid;
            return result;
        }
        if (found != nullptr && end > start) {
            ScanResult scanned = TextBlocks::scanBlock(m_scanner, all, start, end, header);
            if (!scanned.complete) {
                result.complete = false;
                result.error = scanned.error;
                result.bytes = base + start;
                return result;
            }
            for (Finding &f : scanned.findings) {
                f.start += static_cast<qsizetype>(base);
                f.end += static_cast<qsizetype>(base);
            }
            result.findings += scanned.findings.size();
            (*found)(all.substr(start, end - start), base + start, std::move(scanned.findings));
        }
        if (found != nullptr)
            header = std::string(m_scanner.tableHeaderAfter(all.substr(start, end - start), header));
        if (atEnd && end == buffer.size()) {
            result.bytes = base + buffer.size();
            return result;
        }
        // Keep the context the next block needs, and the byte before it, which says whether the
        // next view starts at a line start; drop the rest.
        const std::size_t keepFrom = end > Overlap + 1 ? end - Overlap - 1 : 0;
        buffer.dropFront(keepFrom);
        base += keepFrom;
        start = end - keepFrom;
    }
}

} // namespace SendGuard::Core
