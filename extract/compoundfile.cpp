// SPDX-License-Identifier: GPL-2.0-or-later
#include "compoundfile.h"

#include <QSet>
#include <QtEndian>

namespace SendGuard::Extract {

namespace {

constexpr quint32 EndOfChain = 0xFFFFFFFE;
constexpr quint32 NoStream = 0xFFFFFFFF;
constexpr quint32 MaxRegularSector = 0xFFFFFFFA;
constexpr int HeaderSize = 512;
constexpr int EntrySize = 128;

bool fail(QString *error, const QString &reason)
{
    *error = reason;
    return false;
}

} // namespace

bool CompoundFile::hasSignature(const QByteArray &bytes)
{
    return bytes.startsWith(QByteArray::fromHex("D0CF11E0A1B11AE1"));
}

quint32 CompoundFile::word(qint64 offset) const
{
    if (offset < 0 || offset + 4 > m_bytes.size())
        return NoStream;
    return qFromLittleEndian<quint32>(m_bytes.constData() + offset);
}

std::unique_ptr<CompoundFile> CompoundFile::open(const QByteArray &bytes, QString *error)
{
    std::unique_ptr<CompoundFile> file(new CompoundFile(bytes));
    if (!file->load(error))
        return nullptr;
    return file;
}

std::optional<QList<quint32>> CompoundFile::chain(quint32 start, const QList<quint32> &table, qint64 limit,
                                                  QString *error) const
{
    QList<quint32> sectors;
    for (quint32 sector = start; sector != EndOfChain;) {
        if (sector > MaxRegularSector || sector >= quint32(table.size()) || sectors.size() >= limit) {
            *error = QStringLiteral("a sector chain leaves the file or loops");
            return std::nullopt;
        }
        sectors.append(sector);
        sector = table.at(sector);
    }
    return sectors;
}

bool CompoundFile::load(QString *error)
{
    if (m_bytes.size() < HeaderSize || !hasSignature(m_bytes))
        return fail(error, QStringLiteral("not a compound file"));
    const quint16 shift = qFromLittleEndian<quint16>(m_bytes.constData() + 0x1E);
    if (shift != 9 && shift != 12)
        return fail(error, QStringLiteral("unknown sector size"));
    m_sectorShift = shift;
    const qint64 sectorSize = qint64(1) << m_sectorShift;
    m_sectorCount = (m_bytes.size() - HeaderSize + sectorSize - 1) / sectorSize;
    m_miniCutoff = word(0x38);
    const quint32 fatSectors = word(0x2C);
    const quint32 firstDirectory = word(0x30);
    const quint32 firstMiniFat = word(0x3C);
    const quint32 firstDifat = word(0x44);
    if (fatSectors > quint32(m_sectorCount))
        return fail(error, QStringLiteral("more allocation sectors than the file holds"));

    // The allocation table's sectors: 109 in the header, the rest in a chain of DIFAT sectors.
    QList<quint32> fatSectorList;
    for (int i = 0; i < 109 && fatSectorList.size() < qsizetype(fatSectors); ++i)
        fatSectorList.append(word(0x4C + 4 * i));
    const qint64 perDifat = sectorSize / 4 - 1;
    QSet<quint32> seen;
    for (quint32 difat = firstDifat; fatSectorList.size() < qsizetype(fatSectors);) {
        if (difat > MaxRegularSector || difat >= quint32(m_sectorCount) || seen.contains(difat))
            return fail(error, QStringLiteral("a broken DIFAT chain"));
        seen.insert(difat);
        const qint64 at = HeaderSize + qint64(difat) * sectorSize;
        for (qint64 i = 0; i < perDifat && fatSectorList.size() < qsizetype(fatSectors); ++i)
            fatSectorList.append(word(at + 4 * i));
        difat = word(at + 4 * perDifat);
    }
    for (const quint32 sector : std::as_const(fatSectorList)) {
        if (sector > MaxRegularSector || sector >= quint32(m_sectorCount))
            return fail(error, QStringLiteral("an allocation sector outside the file"));
        const qint64 at = HeaderSize + qint64(sector) * sectorSize;
        for (qint64 i = 0; i < sectorSize / 4; ++i)
            m_fat.append(word(at + 4 * i));
    }

    // The directory.
    // The directory's size is its chain's: read the whole chain.
    const auto directorySectors = chain(firstDirectory, m_fat, m_sectorCount, error);
    if (!directorySectors)
        return false;
    const auto directory =
        readChain(firstDirectory, quint64(directorySectors->size()) * quint64(sectorSize), false, error);
    if (!directory)
        return false;
    for (qsizetype at = 0; at + EntrySize <= directory->size(); at += EntrySize) {
        const char *raw = directory->constData() + at;
        Entry entry;
        const quint16 nameBytes = qMin<quint16>(qFromLittleEndian<quint16>(raw + 0x40), 64);
        entry.name = QString::fromUtf16(reinterpret_cast<const char16_t *>(raw), qMax(0, nameBytes / 2 - 1));
        entry.type = quint8(raw[0x42]);
        entry.left = qFromLittleEndian<quint32>(raw + 0x44);
        entry.right = qFromLittleEndian<quint32>(raw + 0x48);
        entry.child = qFromLittleEndian<quint32>(raw + 0x4C);
        entry.start = qFromLittleEndian<quint32>(raw + 0x74);
        entry.size = qFromLittleEndian<quint64>(raw + 0x78);
        if (m_sectorShift == 9)
            entry.size &= 0xFFFFFFFFu; // version 3 keeps only the low half
        m_entries.append(entry);
    }
    if (m_entries.isEmpty() || m_entries.first().type != 5)
        return fail(error, QStringLiteral("no root storage"));

    // The mini stream (small streams live in the root's stream) and its allocation table.
    const auto miniStream = readChain(m_entries.first().start, m_entries.first().size, false, error);
    if (!miniStream)
        return false;
    m_miniStream = *miniStream;
    if (firstMiniFat != EndOfChain && firstMiniFat != NoStream) {
        const auto sectors = chain(firstMiniFat, m_fat, m_sectorCount, error);
        if (!sectors)
            return false;
        for (const quint32 sector : *sectors) {
            const qint64 at = HeaderSize + qint64(sector) * sectorSize;
            for (qint64 i = 0; i < sectorSize / 4; ++i)
                m_miniFat.append(word(at + 4 * i));
        }
    }

    // Paths: walk the tree of siblings under each storage, each entry at most once.
    QSet<quint32> visited;
    QList<std::pair<quint32, QString>> pending {{m_entries.first().child, QString()}};
    while (!pending.isEmpty()) {
        const auto [index, prefix] = pending.takeLast();
        if (index == NoStream)
            continue;
        if (index >= quint32(m_entries.size()) || visited.contains(index))
            return fail(error, QStringLiteral("a broken directory tree"));
        visited.insert(index);
        const Entry &entry = m_entries.at(index);
        pending.append({entry.left, prefix});
        pending.append({entry.right, prefix});
        if (entry.type == 1)
            pending.append({entry.child, prefix + entry.name + QLatin1Char('/')});
        else if (entry.type == 2) {
            m_paths.append({prefix + entry.name, int(index)});
            if (!m_entryOfPath.contains(prefix + entry.name)) // a name written twice: the first
                m_entryOfPath.insert(prefix + entry.name, int(index));
        }
    }
    return true;
}

std::optional<QByteArray> CompoundFile::readChain(quint32 start, quint64 size, bool mini, QString *error) const
{
    const qint64 unit = mini ? 64 : (qint64(1) << m_sectorShift);
    const QList<quint32> &table = mini ? m_miniFat : m_fat;
    const qint64 available = mini ? m_miniStream.size() / unit : m_sectorCount;
    if (size == 0)
        return QByteArray();
    const auto sectors = chain(start, table, available, error);
    if (!sectors)
        return std::nullopt;
    if (quint64(sectors->size()) * quint64(unit) < size) {
        *error = QStringLiteral("a stream longer than its sectors");
        return std::nullopt;
    }
    QByteArray bytes;
    bytes.reserve(qsizetype(size));
    for (const quint32 sector : *sectors) {
        const qint64 at = mini ? qint64(sector) * unit : HeaderSize + qint64(sector) * unit;
        const QByteArray &source = mini ? m_miniStream : m_bytes;
        if (at >= source.size()) {
            *error = QStringLiteral("a sector outside the file");
            return std::nullopt;
        }
        bytes.append(source.constData() + at, qMin<qint64>(unit, source.size() - at));
        if (quint64(bytes.size()) >= size)
            break;
    }
    if (quint64(bytes.size()) < size) {
        *error = QStringLiteral("a stream cut short");
        return std::nullopt;
    }
    bytes.truncate(qsizetype(size));
    return bytes;
}

QStringList CompoundFile::streams() const
{
    QStringList names;
    for (const auto &[path, index] : m_paths)
        names.append(path);
    return names;
}

std::optional<QByteArray> CompoundFile::stream(const QString &path, qint64 maxBytes, QString *error) const
{
    if (const auto found = m_entryOfPath.constFind(path); found != m_entryOfPath.constEnd()) {
        const Entry &entry = m_entries.at(found.value());
        if (entry.size > quint64(maxBytes)) {
            *error = QStringLiteral("%1: larger than %2 bytes").arg(path, QString::number(maxBytes));
            return std::nullopt;
        }
        return readChain(entry.start, entry.size, entry.size < m_miniCutoff, error);
    }
    *error = QStringLiteral("%1: missing").arg(path);
    return std::nullopt;
}

} // namespace SendGuard::Extract
