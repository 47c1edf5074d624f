// SPDX-License-Identifier: GPL-2.0-or-later
#include "attachmenttext.h"

#include "characterescapes.h"
#include "common/boundedfile.h"
#include "common/koreancodepage.h"
#include "common/utf8validator.h"
#include "scan/quotedcellbreaks.h"
#include "scan/scanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <optional>

namespace SendGuard::Core {

namespace {

AttachmentText notScanned(const QString &name, const QString &reason)
{
    return {name, AttachmentText::Status::NotScanned, {}, reason};
}

AttachmentText unreadable(const QString &name, const QString &reason)
{
    return {name, AttachmentText::Status::Unreadable, {}, reason};
}

// UTF-16 without a byte-order mark, as Windows tools write it: digits, commas and line breaks put a
// NUL in the high byte of their code unit; Hangul syllables almost never do (U+AC00 does). The
// half that holds nearly all NULs tells the byte order; NULs spread over both are binary data.
std::optional<QStringConverter::Encoding> utf16ByNulBytes(const QByteArray &bytes)
{
    if (bytes.size() < 2 || bytes.size() % 2 != 0)
        return std::nullopt;
    qsizetype evenNuls = 0;
    qsizetype oddNuls = 0;
    for (qsizetype i = 0; i < bytes.size(); i += 2) {
        evenNuls += bytes[i] == '\0';
        oddNuls += bytes[i + 1] == '\0';
    }
    // A real share of the code units, not a stray NUL: one NUL at the end of a UTF-8 file must not
    // turn it into "UTF-16" that decodes to CJK and holds no digits.
    constexpr qsizetype Dominance = 8;
    const qsizetype units = bytes.size() / 2;
    const auto enough = [units](qsizetype nuls) { return nuls * 5 >= units; }; // at least 20%
    if (enough(oddNuls) && oddNuls >= Dominance * evenNuls)
        return QStringConverter::Utf16LE;
    if (enough(evenNuls) && evenNuls >= Dominance * oddNuls)
        return QStringConverter::Utf16BE;
    return std::nullopt;
}

// UTF-16 that decodes; guessed (no byte-order mark) it must also look like text: below U+0100 only
// printable ASCII, tabs and line breaks (binary bytes beside a NUL decode to Latin-1 and controls).
std::optional<QString> decodeUtf16(QStringConverter::Encoding encoding, const QByteArray &bytes, bool guessed)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    const bool looksLikeText = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x100 || (u >= 0x20 && u < 0x7F) || u == u'\t' || u == u'\n' || u == u'\r';
    });
    return !guessed || looksLikeText ? std::optional<QString>(text) : std::nullopt;
}

// A column further than this from the cell before (or from the left, for a row's first cell), or
// a row further down, starts a new table: a sheet's far-flung cells are no table. The column gap
// also bounds the tabs a cell may add, which no text budget counts: a hostile sheet of sparse
// cells (572,000 of them, 64 columns apart) took 25 MB more at 64.
// Cells further apart than this (a helper column far to the right) end the table: each column
// between is a tab in the text.
constexpr qsizetype MaxColumnGap = 32;
constexpr qsizetype MaxRowGap = 64;

// "C14" -> column 2 (0-based), row 14; nullopt when it is no cell reference.
std::optional<std::pair<qsizetype, qsizetype>> cellReference(const QString &reference)
{
    qsizetype column = 0;
    qsizetype i = 0;
    for (; i < reference.size() && reference[i] >= u'A' && reference[i] <= u'Z' && i < 3; ++i)
        column = column * 26 + (reference[i].unicode() - u'A' + 1);
    const QStringView digits = QStringView(reference).sliced(i);
    if (i == 0 || digits.isEmpty() || digits.size() > 7 ||
        !std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return std::nullopt;
    const qsizetype row = digits.toLongLong();
    if (row <= 0)
        return std::nullopt;
    return std::pair(column - 1, row);
}

// Where a piece lies in a grid: a spreadsheet's cell (…, sheet, cell "C14") or a table's
// (…, table, row, cell), the pieces of a document's tables; row 0 when it is in none.
AttachmentText::GridCell gridCellOf(const TextPlace &place)
{
    const QList<TextPlace::Step> &steps = place.steps;
    const qsizetype n = steps.size();
    if (n >= 2 && steps[n - 1].kind == TextPlace::Kind::Cell && steps[n - 2].kind == TextPlace::Kind::Sheet) {
        if (const auto reference = cellReference(steps[n - 1].value))
            return {n - 1, reference->second, reference->first};
    }
    if (n >= 3 && steps[n - 1].kind == TextPlace::Kind::Cell && steps[n - 2].kind == TextPlace::Kind::Row &&
        steps[n - 3].kind == TextPlace::Kind::Table) {
        bool rowOk = false;
        bool cellOk = false;
        const qsizetype row = steps[n - 2].value.toLongLong(&rowOk);
        const qsizetype cell = steps[n - 1].value.toLongLong(&cellOk);
        if (rowOk && cellOk && row > 0 && cell > 0)
            return {n - 2, row, cell - 1};
    }
    return {};
}

// How many tabs put `next` (at nextPlace) in its column after `last` (at lastPlace), on the same
// line or (next row) a new one; 0 on the same row: more of the same cell (its next paragraph); -1
// when it does not follow on in the same table.
qsizetype tabsBetween(const TextPlace &lastPlace, const AttachmentText::GridCell &last, const TextPlace &nextPlace,
                      const AttachmentText::GridCell &next)
{
    if (last.row == 0 || next.row == 0 || next.gridSteps != last.gridSteps ||
        !std::equal(nextPlace.steps.cbegin(), nextPlace.steps.cbegin() + next.gridSteps, lastPlace.steps.cbegin()))
        return -1;
    if (next.row == last.row)
        return next.column >= last.column && next.column - last.column <= MaxColumnGap ? next.column - last.column : -1;
    if (next.row > last.row && next.row - last.row <= MaxRowGap && next.column <= MaxColumnGap)
        return next.column;
    return -1;
}

// The characters ICU's CP949 put where bytes were no CP949: U+001A (SUB), and U+FFFD should another
// converter stand behind the name; a SUB the bytes held already is not counted. (A U+FFFD written
// in UTF-8 reads in CP949 as a Hanja and Hangul syllables, never as U+FFFD.)
qsizetype cp949Replacements(const QString &decoded, const QByteArray &bytes)
{
    return decoded.count(QChar::ReplacementCharacter) + decoded.count(QChar(0x1A)) - bytes.count('\x1A');
}

// UTF-8 or CP949 text with a few broken bytes, each read as a replacement character. UTF-8 when it
// has more well-formed characters beyond ASCII than broken bytes, or breaks no more than CP949:
// Hangul written in CP949 is broken as UTF-8 at nearly every syllable, while UTF-8 read as CP949
// can break less than the damage did (the UHC extension takes most byte pairs), so fewer breaks
// alone do not tell CP949. One decoding is held at a time: a text attachment is read in the host.
std::optional<QByteArray> decodeDamaged(const QByteArray &bytes, AttachmentText::Undecodable &undecodable)
{
    QString utf8 = QString::fromUtf8(bytes);
    qsizetype utf8Broken = -bytes.count("\xEF\xBF\xBD"); // written so: a file damaged once before
    qsizetype utf8Wide = 0; // characters beyond ASCII, the broken ones among them
    for (const QChar c : utf8) {
        utf8Wide += c.unicode() >= 0x80;
        utf8Broken += c == QChar::ReplacementCharacter;
    }
    bool isCp949 = false;
    qsizetype cp949Broken = 0;
    QString cp949;
    if (utf8Broken > utf8Wide - utf8Broken) {
        utf8 = QString(); // decoded again if it is chosen after all
        cp949 = KoreanCodePage::decode(bytes).text;
        cp949Broken = cp949Replacements(cp949, bytes);
        isCp949 = cp949Broken < utf8Broken;
    }
    // The strict decodings failed: something is broken, whatever the counts say.
    const qsizetype broken = std::max<qsizetype>(1, isCp949 ? cp949Broken : utf8Broken);
    if (broken * AttachmentText::BytesPerUndecodable > bytes.size())
        return std::nullopt;
    undecodable = {broken, isCp949 ? "CP949" : "UTF-8", -1};
    if (isCp949)
        return cp949.replace(QChar(0x1A), QChar::ReplacementCharacter).toUtf8();
    cp949 = QString();
    if (const auto first = Utf8Validator::firstInvalidByte({bytes.constData(), std::size_t(bytes.size())}))
        undecodable.first = qsizetype(*first);
    return (utf8.isNull() ? QString::fromUtf8(bytes) : utf8).toUtf8();
}

} // namespace

std::string_view AttachmentText::scannedText(std::string &copy) const
{
    const std::string_view text(utf8.constData(), std::size_t(utf8.size()));
    if (json)
        return CharacterEscapes::blankedControls(text, copy);
    return csv ? QuotedCellBreaks::blankedCopy(text, copy) : text;
}

bool AttachmentText::isPlainText(const QString &name)
{
    // Text a person reads as it is written: notes, tables (tab-separated too), logs, Markdown, the
    // JSON (JSON Lines too), XML, YAML and SQL a system exports, settings files, and the contacts
    // (vCard) and calendar entries (iCalendar) a phone or a mail program exports. HTML is not among
    // them: its tags stand between a label and its number, and the helper reads it without them, as
    // a browser shows it.
    static const QStringList suffixes {QStringLiteral("txt"),        QStringLiteral("csv"),    QStringLiteral("tsv"),
                                       QStringLiteral("log"),        QStringLiteral("md"),     QStringLiteral("json"),
                                       QStringLiteral("jsonl"),      QStringLiteral("ndjson"), QStringLiteral("xml"),
                                       QStringLiteral("yaml"),       QStringLiteral("yml"),    QStringLiteral("sql"),
                                       QStringLiteral("ini"),        QStringLiteral("cfg"),    QStringLiteral("conf"),
                                       QStringLiteral("properties"), QStringLiteral("vcf"),    QStringLiteral("ics")};
    return suffixes.contains(QFileInfo(name).suffix().toLower());
}

bool AttachmentText::looksLikeHtml(const QByteArray &bytes)
{
    // After a byte order mark and blank space: a document type, or a tag a page starts with (a
    // web system's "Excel download" is often a page of one table, named .xls), or the comment
    // Internet Explorer put at the top of a saved page.
    QByteArray start = bytes.left(1024);
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.sliced(3);
    start = start.trimmed().toLower();
    for (const char *opening :
         {"<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<title", "<!-- saved from url="}) {
        if (start.startsWith(opening))
            return true;
    }
    return false;
}

AttachmentText AttachmentText::decode(const QString &name, const QByteArray &bytes)
{
    if (!isPlainText(name)) {
        const QString suffix = QFileInfo(name).suffix();
        return notScanned(name,
                          suffix.isEmpty() ? QStringLiteral("format not supported yet")
                                           : QStringLiteral("format not supported yet (.%1)").arg(suffix));
    }
    if (bytes.size() > MaxSize)
        return notScanned(name, QStringLiteral("larger than %1 MiB").arg(MaxSize >> 20));
    Undecodable undecodable;
    if (auto text = decodeText(bytes, &undecodable)) {
        // A JSON or XML file's escaped characters as a person reading it sees them.
        if (auto written = CharacterEscapes::decoded(*text, CharacterEscapes::syntaxOf(name)))
            text = std::move(written);
        AttachmentText decoded {name, Status::Text, std::move(*text), {}};
        decoded.csv = QuotedCellBreaks::isCsv(name);
        decoded.json = CharacterEscapes::syntaxOf(name) == CharacterEscapes::Syntax::Json;
        decoded.incomplete = undecodable.describe(); // what could be read is scanned; the file is not clean for it
        return decoded;
    }
    return notScanned(name, QStringLiteral("not UTF-8, UTF-16 or CP949 text"));
}

std::optional<QByteArray> AttachmentText::decodeText(const QByteArray &bytes, Undecodable *undecodable)
{
    // UTF-32's marks come first: its little-endian one starts like UTF-16's, and read as UTF-16 its
    // every character would stand beside a NUL, which hides every number.
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\0\0", 4)) || bytes.startsWith(QByteArrayView("\0\0\xFE\xFF", 4))) {
        QStringDecoder utf32(bytes.startsWith("\xFF") ? QStringConverter::Utf32LE : QStringConverter::Utf32BE,
                             QStringConverter::Flag::Stateless);
        const QString text = utf32(QByteArrayView(bytes).sliced(4));
        if (utf32.hasError() || bytes.size() % 4 != 0 || text.contains(QChar(0)))
            return std::nullopt;
        return text.toUtf8();
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const auto encoding = bytes.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE;
        const QByteArray rest = bytes.mid(2);
        // A byte-order mark before UTF-8 would turn its every digit into CJK and read clean. UTF-16
        // with Hangul is never valid UTF-8, and with ASCII its NULs say which half is high: valid
        // UTF-8 without NULs is UTF-8 whatever the mark says; with NULs that are no UTF-16's of
        // that order, it is neither.
        const bool validUtf8 = !Utf8Validator::firstInvalidByte({rest.constData(), std::size_t(rest.size())});
        if (validUtf8 && !rest.contains('\0'))
            return rest;
        if (validUtf8 && utf16ByNulBytes(rest) != encoding)
            return std::nullopt;
        if (const auto text = decodeUtf16(encoding, rest, false))
            return text->toUtf8();
    }
    // NUL is valid UTF-8, but no text file holds one: UTF-16 without a byte-order mark read as
    // UTF-8 would hide every digit behind a NUL and find nothing.
    if (bytes.contains('\0')) {
        if (const auto encoding = utf16ByNulBytes(bytes)) {
            if (const auto text = decodeUtf16(*encoding, bytes, true))
                return text->toUtf8();
        }
        return std::nullopt;
    }
    const std::string_view view(bytes.constData(), std::size_t(bytes.size()));
    if (!Utf8Validator::firstInvalidByte(view))
        return bytes;
    // Korean spreadsheets and Windows editors still write CP949 (a superset of EUC-KR).
    if (const KoreanCodePage::Decoded cp949 = KoreanCodePage::decode(bytes); cp949.clean)
        return cp949.text.toUtf8();
    return undecodable ? decodeDamaged(bytes, *undecodable) : std::nullopt;
}

QString AttachmentText::Undecodable::describe() const
{
    if (bytes == 0)
        return {};
    const QString where = first < 0 ? QString() : QStringLiteral(" (the first at byte offset %1)").arg(first);
    return QStringLiteral("%1 %2 not %3 text%4: read without %5")
        .arg(QString::number(bytes), bytes == 1 ? QStringLiteral("byte is") : QStringLiteral("bytes are"),
             QLatin1String(encoding), where, bytes == 1 ? QStringLiteral("it") : QStringLiteral("them"));
}

AttachmentText AttachmentText::read(const MessageAttachment &attachment, const QString &baseDirectory,
                                    const std::atomic_bool *cancel)
{
    if (attachment.data)
        return decode(attachment.name, *attachment.data);
    if (!isPlainText(attachment.name) && !isPlainText(attachment.path))
        return decode(attachment.name, {}); // reports the format; no need to read the file
    const QString path = QDir(baseDirectory).filePath(attachment.path);
    const BoundedFile file = BoundedFile::read(path, MaxSize, cancel);
    switch (file.status) {
    case BoundedFile::Status::Read:
        break;
    case BoundedFile::Status::CannotOpen:
    case BoundedFile::Status::ReadError:
        return unreadable(attachment.name, QStringLiteral("cannot read %1: %2").arg(path, file.error));
    case BoundedFile::Status::NotRegular:
        return unreadable(attachment.name, QStringLiteral("cannot read %1: not a regular file").arg(path));
    case BoundedFile::Status::TooLarge:
        return notScanned(attachment.name, QStringLiteral("larger than %1 MiB").arg(MaxSize >> 20));
    case BoundedFile::Status::Cancelled:
        return unreadable(attachment.name, QStringLiteral("cancelled"));
    }
    AttachmentText text = decode(isPlainText(attachment.name) ? attachment.name : attachment.path, file.bytes);
    text.name = attachment.name;
    return text;
}

const ScanResult *AttachmentText::earlyScanBy(const Scanner &scanner) const
{
    // The same bytes, not equal ones: utf8 changed in any way no longer shares them. A scan that
    // could not finish (its time budget) is done again rather than taken as the answer.
    if (earlyScan && earlyScan->result.complete && earlyScan->scanner == scanner.serial() &&
        earlyScan->utf8.constData() == utf8.constData() && earlyScan->utf8.size() == utf8.size())
        return &earlyScan->result;
    return nullptr;
}

void AttachmentText::append(const TextPlace &place, const QByteArray &text)
{
    GridCell cell = gridCellOf(place);
    const qsizetype tabs = pieces.empty() ? -1 : tabsBetween(pieces.back().place, lastCell, place, cell);
    if (tabs >= 0) {
        if (cell.row != lastCell.row)
            utf8 += '\n';
        else if (tabs == 0)
            utf8 += ' '; // the cell's next paragraph, apart from the last
        utf8.append(tabs, '\t');
    } else {
        if (!utf8.isEmpty())
            utf8 += "\n\n";
        // The first cell of a table, in its column.
        if (cell.column > MaxColumnGap)
            cell = {};
        utf8.append(cell.column, '\t');
    }
    lastCell = cell;
    pieces.push_back({utf8.size(), place, text.size()});
    const qsizetype at = utf8.size();
    utf8 += text;
    if (cell.row > 0) {
        // A cell's own line breaks and tabs (an address on two lines) would end its row, and with
        // it the table: they are written as spaces, byte for byte, so offsets stay the piece's.
        char *const data = utf8.data();
        std::replace_if(
            data + at, data + utf8.size(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    }
}

TextPlace AttachmentText::placeAt(qsizetype offset) const
{
    const auto after = std::upper_bound(pieces.begin(), pieces.end(), offset,
                                        [](qsizetype at, const Piece &piece) { return at < piece.offset; });
    return after == pieces.begin() ? TextPlace {} : std::prev(after)->place;
}

} // namespace SendGuard::Core
