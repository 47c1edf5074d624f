// SPDX-License-Identifier: GPL-2.0-or-later
#include "zipcontainer.h"

#include "textsink.h"

#include "message/attachmenttext.h"

#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <zip.h>

namespace SendGuard::Extract {

namespace {

// Text an archive program wrote as it is (no flag says its encoding), read as a text attachment is:
// UTF-8, else CP949, what Windows Explorer writes on a Korean system.
std::optional<QString> asWritten(const QByteArray &raw)
{
    if (const auto text = Core::AttachmentText::decodeText(raw))
        return QString::fromUtf8(*text);
    return std::nullopt;
}

// An entry's name as its writer meant it: UTF-8 (with the archive's flag or without it), else
// CP949, else libzip's reading (CP437). Only where it is shown and looked up: entries are opened
// by index.
QString entryName(zip_t *archive, zip_uint64_t index, const char *guessed)
{
    const char *raw = zip_get_name(archive, index, ZIP_FL_ENC_RAW);
    const auto name = raw ? asWritten(QByteArray(raw)) : std::nullopt;
    return name ? *name : QString::fromUtf8(guessed);
}

// A comment as its writer meant it, else its bytes as Latin-1.
QString commentText(const char *raw, zip_uint32_t length)
{
    if (!raw || length == 0)
        return {};
    const QByteArray bytes(raw, qsizetype(length));
    return asWritten(bytes).value_or(QString::fromLatin1(bytes));
}

} // namespace

struct ZipContainer::Handle
{
    zip_t *archive = nullptr;
    ~Handle()
    {
        if (archive)
            zip_discard(archive); // read only: nothing to write back
    }
};

ZipContainer::~ZipContainer() = default;

std::unique_ptr<ZipContainer> ZipContainer::open(const QByteArray &bytes, QString *error)
{
    zip_error_t zipError;
    zip_error_init(&zipError);
    zip_source_t *source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &zipError);
    if (!source) {
        *error = QString::fromUtf8(zip_error_strerror(&zipError));
        zip_error_fini(&zipError);
        return nullptr;
    }
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zipError);
    if (!archive) {
        zip_source_free(source);
        *error =
            QStringLiteral("not a consistent ZIP archive: %1").arg(QString::fromUtf8(zip_error_strerror(&zipError)));
        zip_error_fini(&zipError);
        return nullptr;
    }
    zip_error_fini(&zipError);
    std::unique_ptr<ZipContainer> container(new ZipContainer);
    container->m_handle = std::make_unique<Handle>();
    container->m_handle->archive = archive;
    container->m_bytes = &bytes;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive, zip_uint64_t(i), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME)) {
            *error = QStringLiteral("entry %1 cannot be read").arg(i);
            return nullptr;
        }
        Entry entry;
        entry.name = entryName(archive, zip_uint64_t(i), stat.name);
        entry.compressedSize = (stat.valid & ZIP_STAT_COMP_SIZE) ? qint64(stat.comp_size) : 0;
        entry.encrypted = (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE;
        entry.directory = entry.name.endsWith(QLatin1Char('/'));
        zip_uint32_t commentLength = 0;
        const char *comment = zip_file_get_comment(archive, zip_uint64_t(i), &commentLength, ZIP_FL_ENC_RAW);
        entry.comment = commentText(comment, commentLength);
        container->m_entries.append(entry);
    }
    int archiveCommentLength = 0;
    const char *comment = zip_get_archive_comment(archive, &archiveCommentLength, ZIP_FL_ENC_RAW);
    container->m_comment = commentText(comment, zip_uint32_t(std::max(0, archiveCommentLength)));
    return container;
}

QList<std::pair<qint64, QString>> ZipContainer::numberedEntries(const QString &pattern) const
{
    // Part names compare without case (ECMA-376 part 2, part name equivalence).
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern),
                                        QRegularExpression::CaseInsensitiveOption);
    QList<std::pair<qint64, QString>> parts;
    for (const Entry &entry : m_entries) {
        const QRegularExpressionMatch match = expression.match(entry.name);
        if (match.hasMatch())
            parts.append({match.captured(1).left(18).toLongLong(), entry.name});
    }
    std::sort(parts.begin(), parts.end());
    return parts;
}

TextOrigin ZipContainer::originOf(const QString &name) const
{
    TextOrigin origin;
    origin.archive = m_bytes->constData();
    origin.entry = indexOf(name);
    return origin;
}

std::optional<QByteArray> ZipContainer::withEntriesReplaced(const QByteArray &archive,
                                                            const QHash<int, QByteArray> &replacements, QString *error)
{
    const auto fail = [error](const char *step, zip_error_t *zipError) -> std::optional<QByteArray> {
        *error = QStringLiteral("%1: %2").arg(QLatin1String(step), QString::fromUtf8(zip_error_strerror(zipError)));
        return std::nullopt;
    };
    zip_error_t zipError;
    zip_error_init(&zipError);
    // A buffer source is written in memory: zip_close() leaves the new archive in it. It gets a
    // copy of its own to free (libzip's buffer keeps pieces of what it was given in what it writes).
    void *copy = std::malloc(std::size_t(qMax<qsizetype>(archive.size(), 1)));
    if (!copy) {
        *error = QStringLiteral("out of memory");
        return std::nullopt;
    }
    std::memcpy(copy, archive.constData(), std::size_t(archive.size()));
    zip_source_t *source = zip_source_buffer_create(copy, zip_uint64_t(archive.size()), 1, &zipError);
    if (!source) {
        std::free(copy);
        return fail("cannot open the archive", &zipError);
    }
    zip_source_keep(source);
    const auto freeSource = qScopeGuard([&] {
        zip_source_free(source);
        zip_error_fini(&zipError);
    });
    zip_t *zip = zip_open_from_source(source, ZIP_CHECKCONS, &zipError);
    if (!zip)
        return fail("cannot open the archive", &zipError);
    for (auto it = replacements.constBegin(); it != replacements.constEnd(); ++it) {
        zip_source_t *part = zip_source_buffer(zip, it->constData(), zip_uint64_t(it->size()), 0);
        if (!part || zip_file_replace(zip, zip_uint64_t(it.key()), part, 0) != 0) {
            if (part)
                zip_source_free(part);
            const auto failed = fail("cannot replace an entry", zip_get_error(zip));
            zip_discard(zip);
            return failed;
        }
        zip_set_file_compression(zip, zip_uint64_t(it.key()), ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(zip) != 0) {
        const auto failed = fail("cannot write the archive", zip_get_error(zip));
        zip_discard(zip);
        return failed;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(source, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) || zip_source_open(source) != 0)
        return fail("cannot read the new archive", zip_source_error(source));
    QByteArray written(qsizetype(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_source_read(source, written.data(), stat.size);
    zip_source_close(source);
    if (read != zip_int64_t(stat.size))
        return fail("cannot read the new archive", zip_source_error(source));
    return written;
}

int ZipContainer::indexOf(const QString &name) const
{
    int sameButCase = -1;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).name == name)
            return i;
        // A package's part names compare without case (ECMA-376 part 2): "Word/Document.xml".
        if (sameButCase < 0 && m_entries.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            sameButCase = i;
    }
    return sameButCase;
}

std::optional<QByteArray> ZipContainer::read(const QString &name, TextSink &sink, QString *error) const
{
    const int index = indexOf(name);
    if (index < 0) {
        *error = QStringLiteral("%1: missing").arg(name);
        return std::nullopt;
    }
    return read(index, sink, error);
}

std::optional<QByteArray> ZipContainer::read(int index, TextSink &sink, QString *error) const
{
    QByteArray bytes;
    // The size the archive declares is a hint, never trusted past a few times the ratio floor.
    zip_stat_t declared;
    zip_stat_init(&declared);
    if (zip_stat_index(m_handle->archive, zip_uint64_t(index), 0, &declared) == 0 && (declared.valid & ZIP_STAT_SIZE))
        bytes.reserve(qsizetype(qMin<zip_uint64_t>(declared.size, zip_uint64_t(sink.limits().ratioFloor) * 16)));
    const bool read = readBlocks(index, sink, error, [&bytes](QByteArrayView block) {
        bytes.append(block);
        return true;
    });
    return read ? std::optional(bytes) : std::nullopt;
}

bool ZipContainer::readBlocks(const QString &name, TextSink &sink, QString *error, const BlockHandler &take,
                              const BlockRoom &room) const
{
    const int index = indexOf(name);
    if (index < 0) {
        *error = QStringLiteral("%1: missing").arg(name);
        return false;
    }
    return readBlocks(index, sink, error, take, room);
}

bool ZipContainer::readBlocks(int index, TextSink &sink, QString *error, const BlockHandler &take,
                              const BlockRoom &room) const
{
    const Entry &entry = m_entries.at(index);
    m_read.insert(index);
    if (entry.encrypted) {
        *error = QStringLiteral("encrypted: not scanned");
        return false;
    }
    if (!sink.takeEntry()) {
        *error = sink.incomplete();
        return false;
    }
    zip_file_t *file = zip_fopen_index(m_handle->archive, zip_uint64_t(index), 0);
    if (!file) {
        *error = QStringLiteral("cannot be decompressed: %1")
                     .arg(QString::fromUtf8(zip_error_strerror(zip_get_error(m_handle->archive))));
        return false;
    }
    const auto closeFile = qScopeGuard([file] { zip_fclose(file); });
    const ExtractLimits &limits = sink.limits();
    // One block, reused: an 11 MB part never lies in memory whole. 1 MiB, not less: expat 2.5
    // reads an unfinished token again from its start at every feed, so a part that is one huge
    // element costs as many passes over it as there are blocks.
    const std::unique_ptr<char[]> block(room ? nullptr : new char[BlockBytes]);
    qint64 inflated = 0;
    for (;;) {
        char *into = room ? room(BlockBytes) : block.get();
        if (!into) {
            *error = QStringLiteral("out of memory");
            return false;
        }
        const zip_int64_t read = zip_fread(file, into, zip_uint64_t(BlockBytes));
        if (read < 0) {
            *error = QStringLiteral("cannot be decompressed: %1")
                         .arg(QString::fromUtf8(zip_error_strerror(zip_file_get_error(file))));
            return false;
        }
        if (read == 0)
            return true;
        // Counted as produced, before anyone sees the bytes: a header may say anything.
        inflated += read;
        if (inflated > limits.maxEntryBytes ||
            (inflated > limits.ratioFloor && inflated > limits.maxRatio * qMax<qint64>(1, entry.compressedSize))) {
            *error = QStringLiteral("decompresses to more than %1 (a compression bomb?): not scanned")
                         .arg(inflated > limits.maxEntryBytes
                                  ? QStringLiteral("%1 bytes").arg(QString::number(limits.maxEntryBytes))
                                  : QStringLiteral("%1 times its size").arg(limits.maxRatio));
            return false;
        }
        if (!sink.takeInflated(read)) {
            *error = sink.incomplete();
            return false;
        }
        if (!take(QByteArrayView(into, qsizetype(read))))
            return true; // the reader has what it wants
    }
}

} // namespace SendGuard::Extract
