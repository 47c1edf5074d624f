// SPDX-License-Identifier: GPL-2.0-or-later
#include "wordtablerows.h"

#include <QSet>
#include <QtEndian>

#include <algorithm>

namespace SendGuard::Extract {

namespace {

constexpr qsizetype PageSize = 512;
constexpr quint16 RowEnd = 0x2417; // sprmPFTtp
constexpr quint16 InnerRowEnd = 0x244C; // sprmPFInnerTtp
constexpr quint16 TableDefinition = 0xD608; // sprmTDefTable: a two-byte size
constexpr quint16 ChangedTabs = 0xC615; // sprmPChgTabs: a size of 255 says another layout
constexpr quint16 HugeProperties = 0x6646; // sprmPHugePapx: the properties are in the Data stream

// Whether a paragraph's properties (a grpprl, [MS-DOC] 2.6) say it ends a row. Each property's
// operand has the size its sprm's spra gives; one whose size cannot be told ends the walk. A
// paragraph whose properties were too large for its page keeps them in the Data stream (PrcData:
// a two-byte size, then the properties); nothing when they cannot be read there.
std::optional<bool> endsARow(QByteArrayView properties, QByteArrayView data, bool inData = false)
{
    qsizetype at = 0;
    while (at + 2 <= properties.size()) {
        const quint16 sprm = qFromLittleEndian<quint16>(properties.data() + at);
        at += 2;
        if ((sprm == RowEnd || sprm == InnerRowEnd) && at < properties.size())
            return properties[at] != 0;
        if (sprm == HugeProperties && !inData) {
            if (at + 4 > properties.size())
                return std::nullopt;
            const quint32 offset = qFromLittleEndian<quint32>(properties.data() + at);
            if (offset > quint64(data.size()) || data.size() - qsizetype(offset) < 2)
                return std::nullopt;
            const qsizetype size = qFromLittleEndian<quint16>(data.data() + offset);
            if (size > data.size() - qsizetype(offset) - 2)
                return std::nullopt;
            return endsARow(data.sliced(qsizetype(offset) + 2, size), data, true);
        }
        qsizetype operand = 0;
        switch (sprm >> 13) {
        case 0:
        case 1:
            operand = 1;
            break;
        case 2:
        case 4:
        case 5:
            operand = 2;
            break;
        case 3:
            operand = 4;
            break;
        case 7:
            operand = 3;
            break;
        default: // 6: variable
            if (sprm == TableDefinition) {
                if (at + 2 > properties.size())
                    return false;
                operand = 2 + qsizetype(qFromLittleEndian<quint16>(properties.data() + at)) - 1;
            } else {
                if (at >= properties.size() || (sprm == ChangedTabs && uchar(properties[at]) == 255))
                    return false;
                operand = 1 + uchar(properties[at]);
            }
        }
        if (operand < 0)
            return false;
        at += operand;
    }
    return false;
}

} // namespace

std::optional<WordTableRows> WordTableRows::read(QByteArrayView wordDocument, QByteArrayView plcBtePapx,
                                                 QByteArrayView data)
{
    // n + 1 offsets, then n page numbers ([MS-DOC] 2.8.6), each page read once: a list that names
    // more pages than the stream has, or one page twice, lies.
    if (plcBtePapx.size() < 4 || (plcBtePapx.size() - 4) % 8 != 0)
        return std::nullopt;
    const qsizetype pages = (plcBtePapx.size() - 4) / 8;
    if (pages > wordDocument.size() / PageSize)
        return std::nullopt;
    WordTableRows rows;
    QSet<quint32> seen;
    for (qsizetype i = 0; i < pages; ++i) {
        const quint32 pn = qFromLittleEndian<quint32>(plcBtePapx.data() + 4 * (pages + 1) + 4 * i) & 0x3FFFFF;
        if (seen.contains(pn))
            return std::nullopt;
        seen.insert(pn);
        const qsizetype pageAt = qsizetype(pn) * PageSize;
        if (pageAt > wordDocument.size() - PageSize)
            return std::nullopt;
        const QByteArrayView page = wordDocument.sliced(pageAt, PageSize);
        // A PapxFkp ([MS-DOC] 2.9.175): crun + 1 offsets, crun BxPap of 13 bytes, crun last.
        const qsizetype runs = uchar(page[PageSize - 1]);
        if (4 * (runs + 1) + 13 * runs > PageSize - 1)
            return std::nullopt;
        for (qsizetype run = 0; run < runs; ++run) {
            const qsizetype papx = 2 * qsizetype(uchar(page[4 * (runs + 1) + 13 * run]));
            if (papx == 0)
                continue; // no properties: no row's end
            if (papx >= PageSize - 2)
                return std::nullopt;
            // PapxInFkp: cb, or 0 and cb', then istd and the properties.
            const qsizetype cb = uchar(page[papx]);
            const qsizetype start = cb == 0 ? papx + 2 : papx + 1;
            const qsizetype size = cb == 0 ? 2 * qsizetype(uchar(page[papx + 1])) : 2 * cb - 1;
            if (size < 2 || start + size > PageSize - 1)
                return std::nullopt;
            const std::optional<bool> rowEnd = endsARow(page.sliced(start + 2, size - 2), data);
            if (rowEnd == false)
                continue;
            const qsizetype from = qFromLittleEndian<quint32>(page.data() + 4 * run);
            const qsizetype to = qFromLittleEndian<quint32>(page.data() + 4 * (run + 1));
            if (from < to)
                (rowEnd ? rows.m_rowEnds : rows.m_unknown).emplace_back(from, to);
        }
    }
    std::sort(rows.m_rowEnds.begin(), rows.m_rowEnds.end());
    std::sort(rows.m_unknown.begin(), rows.m_unknown.end());
    return rows;
}

std::optional<bool> WordTableRows::endsRowAt(qsizetype offset) const
{
    // The last paragraph of each list starting at or before offset (in a file that lies,
    // paragraphs may overlap: then the answer is a tab or a line break, never text lost).
    const auto holds = [offset](const std::vector<std::pair<qsizetype, qsizetype>> &ranges) {
        const auto after = std::upper_bound(ranges.begin(), ranges.end(), offset,
                                            [](qsizetype at, const auto &range) { return at < range.first; });
        return after != ranges.begin() && offset < std::prev(after)->second;
    };
    if (holds(m_rowEnds))
        return true;
    if (holds(m_unknown))
        return std::nullopt;
    return false;
}

} // namespace SendGuard::Extract
