// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "extractlimits.h"

#include "message/textmask.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace SendGuard::Extract {

// "Mask and send" for the ZIP-and-XML formats (DOCX, XLSX, PPTX, HWPX, and ODF text, spreadsheets and slides): the
// document is read again exactly as DocumentExtractor read it for the scan, and each character to
// mask is replaced by '*' where it lies in its XML entry. Every other byte of those entries, and
// every other entry, stays as it was (entries are copied compressed). A number in a spreadsheet
// cell has no characters to star: the cell becomes a text cell holding the masked form.
// Anything that cannot be masked where it lies (text built by the reader, a nested archive, a
// format that is not ZIP and XML) fails the whole document: nothing half masked is returned.
class DocumentMasker
{
public:
    struct Result
    {
        std::optional<QByteArray> bytes;
        int maskedCharacters = 0;
        int maskedCells = 0;
        QString format;
        QString error;
    };

    // pieceCount: how many pieces the scan's reading gave; the masks' pieces index them.
    static Result mask(const QByteArray &bytes, const QString &name, const ExtractLimits &limits, int pieceCount,
                       const std::vector<Core::TextMask> &masks);
};

} // namespace SendGuard::Extract
