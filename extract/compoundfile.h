// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace SendGuard::Extract {

// A Microsoft compound file ([MS-CFB], the container of HWP 5.0 documents) in memory, read only.
// Every sector number, chain, size and directory link is checked against the file before it is
// followed: a chain that loops or leaves the file, or a stream larger than its chain, is an error,
// never a crash or a hang.
class CompoundFile
{
public:
    static bool hasSignature(const QByteArray &bytes);

    // Empty with error set when bytes are not a sound compound file. bytes must outlive it.
    static std::unique_ptr<CompoundFile> open(const QByteArray &bytes, QString *error);

    // The streams, as paths from the root storage ("BodyText/Section0").
    QStringList streams() const;
    // The stream's bytes; empty with error set when it is missing, broken or larger than maxBytes.
    std::optional<QByteArray> stream(const QString &path, qint64 maxBytes, QString *error) const;

private:
    struct Entry
    {
        QString name;
        int type = 0; // 1 storage, 2 stream, 5 root
        quint32 left = 0, right = 0, child = 0;
        quint32 start = 0;
        quint64 size = 0;
    };

    explicit CompoundFile(const QByteArray &bytes)
        : m_bytes(bytes)
    {
    }
    bool load(QString *error);
    // The sectors of the chain starting at start in table, in order; empty with error on a bad chain.
    std::optional<QList<quint32>> chain(quint32 start, const QList<quint32> &table, qint64 limit, QString *error) const;
    std::optional<QByteArray> readChain(quint32 start, quint64 size, bool mini, QString *error) const;
    quint32 word(qint64 offset) const;

    const QByteArray &m_bytes;
    int m_sectorShift = 9;
    qint64 m_sectorCount = 0;
    quint32 m_miniCutoff = 4096;
    QList<quint32> m_fat;
    QList<quint32> m_miniFat;
    QByteArray m_miniStream;
    QList<Entry> m_entries;
    QList<std::pair<QString, int>> m_paths; // stream path -> entry, in the directory's order
    QHash<QString, int> m_entryOfPath; // the same, to look a path up (the first of a name written twice)
};

} // namespace SendGuard::Extract
