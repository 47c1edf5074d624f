// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "textorigin.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace SendGuard::Extract {

class TextSink;

// A ZIP archive in memory, read with libzip and its consistency checks (ZIP_CHECKCONS: the local
// headers must agree with the central directory, so overlapping or disguised entries are refused).
// Entries are decompressed against the sink's budget: per entry, per attachment, and the ratio of
// inflated to compressed bytes, all counted on the bytes actually produced.
class ZipContainer
{
public:
    struct Entry
    {
        QString name;
        qint64 compressedSize = 0;
        bool encrypted = false;
        bool directory = false;
        QString comment; // what an archive program shows beside the entry
    };

    ~ZipContainer();
    ZipContainer(const ZipContainer &) = delete;
    ZipContainer &operator=(const ZipContainer &) = delete;

    // Empty with error set when bytes are not a consistent ZIP archive. bytes must outlive it.
    static std::unique_ptr<ZipContainer> open(const QByteArray &bytes, QString *error);

    const QList<Entry> &entries() const { return m_entries; }
    // The archive's own comment, which archive programs show when it is opened.
    const QString &comment() const { return m_comment; }
    // The archive it reads: what a TextOrigin names it by.
    const QByteArray &bytes() const { return *m_bytes; }
    // The origin of text read from the named entry, runs still to be added.
    TextOrigin originOf(const QString &name) const;
    // The entries whose whole name matches pattern (one capture group of digits, which may be
    // empty), by that number, then by name: slide1.xml and slide01.xml are both there. Case aside.
    QList<std::pair<qint64, QString>> numberedEntries(const QString &pattern) const;

    // The entry's index, -1 when there is none of that name: the same name first, else one that
    // differs only in case (a package's part names compare without case).
    int indexOf(const QString &name) const;

    // The entry's bytes; empty with error set when it is encrypted, broken or over a limit (the
    // sink is then stopped for the limits that concern the whole attachment).
    std::optional<QByteArray> read(int index, TextSink &sink, QString *error) const;
    std::optional<QByteArray> read(const QString &name, TextSink &sink, QString *error) const;
    // The entry's bytes handed to take a block at a time as they are inflated (1 MiB; the view
    // lives only during the call), with the limits of read() checked before take sees a byte.
    // take returns false to stop early (not an error). False with error set as read() says;
    // what take was handed before stays read (a broken entry's end, a wrong checksum, is found
    // last).
    // room, when given, says where each block is inflated (a parser's own buffer, so that the
    // block is parsed where it lies); null from it is an error.
    using BlockHandler = std::function<bool(QByteArrayView block)>;
    using BlockRoom = std::function<char *(qsizetype size)>;
    static constexpr qsizetype BlockBytes = 1 << 20;
    bool readBlocks(int index, TextSink &sink, QString *error, const BlockHandler &take,
                    const BlockRoom &room = {}) const;
    bool readBlocks(const QString &name, TextSink &sink, QString *error, const BlockHandler &take,
                    const BlockRoom &room = {}) const;
    // Whether an extractor has read the entry (or tried to): the rest is read another way.
    bool wasRead(int index) const { return m_read.contains(index); }

    // A copy of archive with the entries at the given indexes replaced (deflated), every other
    // entry copied as it is, compressed bytes and all. Empty with error set when libzip cannot.
    static std::optional<QByteArray> withEntriesReplaced(const QByteArray &archive,
                                                         const QHash<int, QByteArray> &replacements, QString *error);

private:
    ZipContainer() = default;

    struct Handle;
    std::unique_ptr<Handle> m_handle;
    const QByteArray *m_bytes = nullptr;
    QList<Entry> m_entries;
    QString m_comment;
    mutable QSet<int> m_read;
};

} // namespace SendGuard::Extract
