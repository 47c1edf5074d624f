// SPDX-License-Identifier: GPL-2.0-or-later
#include "machinetrailcomparison.h"

#include "auditchain.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace SendGuard::Core {

namespace {

struct LocalLine
{
    MachineTrailComparison::Place place;
    QByteArray hash;
    QByteArray prev;
};

template<typename Visit>
void forEachLine(const QList<std::pair<QString, QByteArray>> &files, Visit visit)
{
    for (const auto &[name, content] : files) {
        int number = 0;
        for (qsizetype start = 0; start < content.size();) {
            qsizetype end = content.indexOf('\n', start);
            if (end < 0)
                end = content.size();
            ++number;
            const QByteArray line = content.mid(start, end - start);
            if (!line.isEmpty())
                visit(MachineTrailComparison::Place {name, number}, line);
            start = end + 1;
        }
    }
}

} // namespace

QList<MachineTrailComparison::Collected>
MachineTrailComparison::collected(const QList<std::pair<QString, QByteArray>> &machineFiles)
{
    QList<Collected> result;
    forEachLine(machineFiles, [&](const Place &place, const QByteArray &line) {
        if (auto record = CollectedRecord::fromJson(QJsonDocument::fromJson(line).object()))
            result.append({place, std::move(*record)});
    });
    return result;
}

MachineTrailComparison::Result MachineTrailComparison::compare(const QList<std::pair<QString, QByteArray>> &local,
                                                               const QList<Collected> &machine)
{
    QList<LocalLine> lines;
    forEachLine(local, [&](const Place &place, const QByteArray &line) {
        lines.append({place, AuditChain::hash(line),
                      QJsonDocument::fromJson(line).object().value(QLatin1String("prev")).toString().toLatin1()});
    });

    QHash<QByteArray, qsizetype> byHash; // line hash -> first collected copy
    QMultiHash<QByteArray, qsizetype> byPrev; // local "prev" -> collected records that follow it
    for (qsizetype i = 0; i < machine.size(); ++i) {
        byHash.insert(machine.at(i).record.lineHash, i); // a line sent twice counts once
        byPrev.insert(machine.at(i).record.localPrev(), i);
    }
    // insert() keeps the last copy; the first one received is the one to report.
    for (qsizetype i = machine.size() - 1; i >= 0; --i)
        byHash[machine.at(i).record.lineHash] = i;

    Result result;
    QSet<QByteArray> localHashes;
    QSet<qint64> uids;
    QStringList accounts;
    QList<qsizetype> toVisit;
    for (const LocalLine &line : lines) {
        ++result.local;
        localHashes.insert(line.hash);
        const auto found = byHash.constFind(line.hash);
        if (found == byHash.constEnd()) {
            if (!result.firstNotReceived)
                result.firstNotReceived = line.place;
            continue;
        }
        ++result.received;
        toVisit.append(*found);
        const CollectedRecord &record = machine.at(*found).record;
        if (!uids.contains(record.uid)) {
            uids.insert(record.uid);
            result.accounts.append(QStringLiteral("%1 (uid %2)").arg(record.user, QString::number(record.uid)));
        }
    }

    // The records before the first local one: the chain walked back from it.
    QSet<qsizetype> earlier;
    if (!lines.isEmpty()) {
        QByteArray prev = lines.first().prev;
        while (byHash.contains(prev) && !localHashes.contains(prev)) {
            const qsizetype index = byHash.value(prev);
            if (earlier.contains(index))
                break;
            earlier.insert(index);
            prev = machine.at(index).record.localPrev();
        }
    }

    // Everything linked to a received local record, either way, belongs to the same chain.
    QSet<qsizetype> chain;
    while (!toVisit.isEmpty()) {
        const qsizetype index = toVisit.takeLast();
        if (chain.contains(index))
            continue;
        chain.insert(index);
        const CollectedRecord &record = machine.at(index).record;
        for (auto it = byPrev.constFind(record.lineHash); it != byPrev.constEnd() && it.key() == record.lineHash; ++it)
            toVisit.append(it.value());
        if (const auto before = byHash.constFind(record.localPrev()); before != byHash.constEnd())
            toVisit.append(*before);
    }
    for (qsizetype i = 0; i < machine.size(); ++i) {
        const CollectedRecord &record = machine.at(i).record;
        if (localHashes.contains(record.lineHash) || byHash.value(record.lineHash) != i)
            continue;
        if (earlier.contains(i)) {
            ++result.earlier;
        } else if (chain.contains(i)) {
            if (!result.firstMissing) {
                result.firstMissing = machine.at(i).place;
                result.firstMissingId = record.record.value(QLatin1String("id")).toString();
            }
            ++result.missing;
        } else if (uids.contains(record.uid)) {
            ++result.otherChains;
        }
    }
    return result;
}

} // namespace SendGuard::Core
