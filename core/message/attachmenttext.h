// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "outgoingmessage.h"
#include "textplace.h"

#include "scan/scanresult.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SendGuard::Core {

class Scanner;

// The text of an attachment, as the scanner reads it. Plain-text formats (.txt, .csv, .tsv…) are
// decoded here; documents come from the extraction helper (sendguard-extract), piece by piece,
// each with its place. Whatever cannot be read is reported as not scanned, never passed over.
struct AttachmentText
{
    struct Piece
    {
        qsizetype offset = 0; // where its text starts in utf8
        TextPlace place;
        qsizetype size = 0; // bytes of its text
        qsizetype end() const { return offset + size; }
    };

    enum class Status {
        Text, // utf8 holds the text
        NotScanned, // a format or encoding that cannot be read yet; reason says which
        Unreadable, // the file is missing or cannot be read; reason says why
    };

    QString name;
    Status status = Status::NotScanned;
    QByteArray utf8;
    QString reason;
    std::vector<Piece> pieces; // by offset; empty for plain text
    // Text: what was read is scanned, but not everything could be (a limit, an encrypted entry):
    // why. Such an attachment is never counted as clean.
    QString incomplete;

    // What a scanner found in utf8 while the reader was still receiving it (Scanner::scan()'s own
    // findings, before any allow-list), so that a check with that scanner need not scan it again.
    // It holds the very bytes it was made on: any change to utf8 makes it a stranger.
    struct EarlyScan
    {
        std::uint64_t scanner = 0; // Scanner::serial()
        QByteArray utf8; // shares utf8's bytes
        ScanResult result;
    };
    std::shared_ptr<const EarlyScan> earlyScan;

    // Where the last piece lies in its table, while pieces come as a table's rows: where the next
    // goes. The table itself is named by the first gridSteps steps of the last piece's place.
    struct GridCell
    {
        qsizetype gridSteps = 0; // the steps naming the sheet or table (those before the cell or row)
        qsizetype row = 0; // from 1; 0: not in a table
        qsizetype column = 0; // from 0
    };
    GridCell lastCell;

    // A CSV file's text (decode() was given a name ending .csv): its quoted cells may hold line breaks.
    bool csv = false;
    // A JSON file's text (by the name it was read as): its blank and control escapes are read as
    // blanks (scannedText()).
    bool json = false;

    // earlyScan's result when scanner made it, complete, on utf8 as it is now; null otherwise.
    const ScanResult *earlyScanBy(const Scanner &scanner) const;

    // Appends a piece of text from place, apart from the one before so that no number runs on: a
    // blank line between them, except between the cells of one sheet or table, which are written
    // as its rows are, a tab between cells and a line break between rows, so that a column's header
    // labels every cell below it as in a CSV file (Scanner's column headers). A cell's own line
    // breaks and tabs are written as spaces, and its next paragraph follows it after a space.
    void append(const TextPlace &place, const QByteArray &text);
    // The place of the text at offset; empty when there are no pieces.
    TextPlace placeAt(qsizetype offset) const;
    // utf8 as the scanner reads it: a CSV file's (csv) with the line breaks in its quoted cells as
    // spaces (QuotedCellBreaks), a JSON file's (json) with its "\t" and "\n" escapes read as the
    // blanks they stand for (CharacterEscapes::blankedControls), in copy; the same offsets either way.
    std::string_view scannedText(std::string &copy) const;

    static constexpr qint64 MaxSize = 64 << 20;
    // The address space a reader sets aside for utf8 before it knows how much will come.
    static constexpr qint64 MinReserve = 33 << 20;
    static constexpr qint64 MaxReserve = 256 << 20;

    // Reads the attachment's bytes (its data, or its path resolved against baseDirectory) and
    // decodes UTF-8, UTF-16 (with a byte-order mark, or told by where its NUL bytes fall), or
    // CP949 (EUC-KR), in that order. A path is read only when it names a regular file, and never
    // past MaxSize, whatever size the file claims (/proc files say 0): a device, a FIFO or a file
    // that keeps growing is not scanned, never read forever. cancel, when set, stops the read
    // between blocks (Unreadable, "cancelled").
    static AttachmentText read(const MessageAttachment &attachment, const QString &baseDirectory,
                               const std::atomic_bool *cancel = nullptr);

    // Decodes bytes already in memory; name decides the format by its extension. Bytes with a NUL
    // that are not UTF-16 text are no text: not scanned.
    static AttachmentText decode(const QString &name, const QByteArray &bytes);
    // What decodeText() read past in text it returned anyway: a few bytes that are no character in
    // the encoding the rest is written in (a file cut inside a character, a byte damaged on the way).
    struct Undecodable
    {
        qsizetype bytes = 0;
        const char *encoding = ""; // the rest's: "UTF-8" or "CP949"
        qsizetype first = -1; // the first one's offset in the bytes, where it is known (UTF-8)
        QString describe() const; // empty when nothing was read past
    };
    // At most one byte in this many may be undecodable: more, and it is no text in that encoding.
    static constexpr qsizetype BytesPerUndecodable = 100;

    // The text of bytes as UTF-8: UTF-8 as it is, UTF-16 (a byte-order mark, or its NUL bytes) or
    // CP949 decoded; empty when they are none of these (a NUL that is not UTF-16, a broken
    // sequence in every encoding). Given `undecodable`, UTF-8 or CP949 text with a few broken
    // bytes is read too, each such byte as U+FFFD, and *undecodable says how many: a person reads
    // the rest, and so must the scanner, though what it read is not the whole file.
    static std::optional<QByteArray> decodeText(const QByteArray &bytes, Undecodable *undecodable = nullptr);

    // .txt, .csv and the other plain-text files (.tsv, .log, .md, .json, .xml): decoded here;
    // everything else goes to the extraction helper.
    static bool isPlainText(const QString &name);
    // Whether bytes begin as an HTML page does, whatever the file is called: a document type, a
    // tag a page starts with (a web system's "Excel download" is often a page of one table, named
    // .xls), or the comment a saved page starts with. The helper reads such a file as HTML, and
    // the CLI sends it there.
    static bool looksLikeHtml(const QByteArray &bytes);
};

} // namespace SendGuard::Core
