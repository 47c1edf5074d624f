// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>
#include <utility>
#include <vector>

namespace SendGuard::Extract {

// Where the rows of a Word 97-2003 document's tables end ([MS-DOC] 2.4.3): a row ends in a mark
// (0x07) of its own, a paragraph whose properties say so (sprmPFTtp, sprmPFInnerTtp for a table
// inside a cell), where a cell's text ends in the same mark. The properties are read from the
// paragraphs' FKP pages, which the table stream's PlcBtePapx lists; every offset and size is
// checked against the streams.
class WordTableRows
{
public:
    // The row ends of the document; nothing when its PlcBtePapx or one of its pages cannot be read.
    static std::optional<WordTableRows> read(QByteArrayView wordDocument, QByteArrayView plcBtePapx);

    // Whether the character at byte `offset` of the WordDocument stream ends a table's row.
    bool endsRowAt(qsizetype offset) const;

private:
    std::vector<std::pair<qsizetype, qsizetype>> m_rowEnds; // the row-end paragraphs' bytes, sorted
};

} // namespace SendGuard::Extract
