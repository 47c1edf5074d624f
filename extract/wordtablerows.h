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
    // data: the Data stream, where a paragraph's properties too large for its page are kept.
    static std::optional<WordTableRows> read(QByteArrayView wordDocument, QByteArrayView plcBtePapx,
                                             QByteArrayView data);

    // Whether the character at byte `offset` of the WordDocument stream ends a table's row;
    // nothing when its paragraph's properties could not be read.
    std::optional<bool> endsRowAt(qsizetype offset) const;

private:
    std::vector<std::pair<qsizetype, qsizetype>> m_rowEnds; // the row-end paragraphs' bytes, sorted
    std::vector<std::pair<qsizetype, qsizetype>> m_unknown; // paragraphs whose properties are not known
};

} // namespace SendGuard::Extract
