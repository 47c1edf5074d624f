// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "findingjson.h"
#include "inputtext.h"
#include "linecolumncursor.h"

#include "attachmentreader.h"

#include "common/utf8validator.h"
#include "message/attachmenttext.h"
#include "message/characterescapes.h"
#include "message/namemasking.h"
#include "message/textcopies.h"
#include "scan/quotedcellbreaks.h"
#include "scan/scanner.h"
#include "scan/streamscanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <deque>
#include <string>

namespace SendGuard::Tools {

namespace {

// Prints a text input's findings as its blocks are scanned: a JSON line, or a table whose rows
// come first and whose count comes last. Nothing needs the whole text or all findings at once.
// readInPart: why the text is not the whole file (bytes that could not be decoded), else empty.
int printStreamed(const QString &name, const Core::StreamScanner &stream, const Core::StreamScanner::Read &fileRead,
                  bool json, QTextStream &out, QTextStream &err, bool *found, const QString &readInPart = {})
{
    if (json)
        out << "{\"file\":" << FindingJson::quoted(name) << ",\"findings\":[";
    // A CSV file is scanned with the line breaks inside its quoted cells as spaces; its lines are
    // counted with them, as an editor shows them.
    std::deque<std::uint64_t> lineFeeds;
    const bool csv = Core::QuotedCellBreaks::isCsv(name);
    const Core::StreamScanner::Read read = csv ? Core::QuotedCellBreaks::reading(fileRead, &lineFeeds) : fileRead;
    std::string lines; // a block with its line feeds back
    LineColumnCursor position({});
    std::size_t count = 0;
    const Core::StreamScanner::Result result =
        stream.scan(read, [&](std::string_view text, std::uint64_t offset, std::vector<Core::Finding> &&findings) {
            const bool restore = !json && !lineFeeds.empty() && lineFeeds.front() < offset + text.size();
            if (restore)
                lines.assign(text);
            for (; !lineFeeds.empty() && lineFeeds.front() < offset + text.size(); lineFeeds.pop_front()) {
                if (restore)
                    lines[std::size_t(lineFeeds.front() - offset)] = '\n';
            }
            if (!json)
                position.continueWith(restore ? std::string_view(lines) : text); // lines and columns for the table only
            for (const Core::Finding &finding : findings) {
                if (json) {
                    out << (count == 0 ? "" : ",") << FindingJson::finding(finding);
                } else {
                    if (count == 0)
                        out << name << ":\n  LINE:COL  DETECTOR           SEVERITY CONF  MASKED\n";
                    // Padded and concatenated, not chained QString::arg(): a "%1" in a custom detector's id stays.
                    out << "  " << position.advanceTo(static_cast<std::size_t>(finding.start)).leftJustified(9) << ' '
                        << finding.detector.leftJustified(18) << ' '
                        << Core::severityName(finding.severity).leftJustified(8) << ' '
                        << QString::number(finding.confidence, 'f', 2).leftJustified(5) << ' ' << finding.masked
                        << '\n';
                }
                ++count;
            }
            // The block's lines are counted while its text is there: the view is gone after.
            if (!json)
                position.finishText();
        });
    *found = *found || count > 0;
    if (!result.complete || !readInPart.isEmpty()) {
        // The file changed or failed while it was read, or some of it is no text: what was printed
        // is not the whole answer.
        const QString why = result.complete ? QStringLiteral("read in part: %1").arg(readInPart)
                                            : QStringLiteral("scan incomplete: %1").arg(result.error);
        err << "sendguard scan: " << name << ": " << why << '\n';
        if (json)
            out << "],\"error\":" << FindingJson::quoted(why) << "}\n";
        return ExitIncomplete;
    }
    if (json)
        out << "]}\n";
    else if (count == 0)
        out << name << ": no personal data found\n";
    else
        out << name << ": " << count << (count == 1 ? " finding" : " findings") << '\n';
    return ExitClean;
}

// An e-mail, by its first bytes: a block of header fields (a name of printable ASCII, ':') and
// their folded lines, ended by an empty line within the first 4 KiB, with a sender among them
// and a recipient, date or MIME version. Text that only begins like a mail is text.
bool startsLikeAnEmail(const QByteArray &bytes)
{
    bool from = false;
    bool other = false;
    for (qsizetype at = 0; at < qMin<qsizetype>(bytes.size(), 4096);) {
        qsizetype next = bytes.indexOf('\n', at);
        if (next < 0)
            return false;
        QByteArray line = bytes.mid(at, next - at);
        if (line.endsWith('\r'))
            line.chop(1);
        at = next + 1;
        if (line.isEmpty())
            return from && other;
        if (line.startsWith(' ') || line.startsWith('\t'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !std::all_of(line.begin(), line.begin() + colon, [](char c) { return c > ' ' && c < 0x7F; }))
            return false;
        const QByteArray name = line.left(colon).toLower();
        from = from || name == "from";
        other = other || name == "to" || name == "date" || name == "mime-version";
    }
    return false;
}

// A document the helper reads, by its first bytes: a ZIP package, a PDF, a compound file (HWP);
// and the archives and pictures it names as not read (ALZip and EGG, which Korean offices use, gzip,
// bzip2, xz, 7-Zip, RAR; PNG, JPEG), which read as text would be noise, or clean. Each signature is
// one no text starts with: a binary byte, or bzip2's block magic.
bool startsLikeADocument(const QByteArray &bytes)
{
    static const QByteArrayView starts[] = {"PK\x03\x04",
                                            "%PDF-",
                                            "\xD0\xCF\x11\xE0",
                                            "HWP Document File",
                                            "ALZ\x01",
                                            "\x1F\x8B",
                                            QByteArrayView("\xFD\x37zXZ\0", 6),
                                            "7z\xBC\xAF\x27\x1C",
                                            "Rar!\x1A\x07",
                                            "\x89PNG\r\n\x1A\n",
                                            "\xFF\xD8\xFF"};
    // EGG: its signature, then a binary version; bzip2: "BZh", the block size, the block magic.
    const bool egg = bytes.size() > 4 && bytes.startsWith("EGGA") && static_cast<unsigned char>(bytes[4]) < 0x09;
    const bool bzip2 = bytes.size() >= 10 && bytes.startsWith("BZh") && bytes[3] >= '1' && bytes[3] <= '9' &&
        QByteArrayView(bytes).sliced(4, 6) == QByteArrayView("1AY&SY");
    return egg || bzip2 || std::any_of(std::begin(starts), std::end(starts), [&](QByteArrayView start) {
               return bytes.startsWith(start);
           });
}

// A document the helper reads (by its first bytes or its name), not a text file. Only a regular
// file is looked into here: the bytes read from a pipe or a device ("/dev/stdin") would be gone
// for the scan, which would then call the rest clean. Those are read once (scanText).
bool isDocument(const QString &file)
{
    if (file == QLatin1String("-") || !QFileInfo(file).isFile())
        return false;
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return false; // InputText says why
    static const QStringList suffixes {QStringLiteral("docx"), QStringLiteral("xlsx"), QStringLiteral("pptx"),
                                       QStringLiteral("odt"),  QStringLiteral("ods"),  QStringLiteral("odp"),
                                       QStringLiteral("hwp"),  QStringLiteral("hwpx"), QStringLiteral("pdf"),
                                       QStringLiteral("zip"),  QStringLiteral("eml"),  QStringLiteral("html"),
                                       QStringLiteral("htm"),  QStringLiteral("xhtml")};
    const QByteArray start = input.read(4096);
    // A web page whatever its name (an "Excel download" named .xls), as the helper reads it.
    return startsLikeADocument(start) || Core::AttachmentText::looksLikeHtml(start) ||
        suffixes.contains(QFileInfo(file).suffix().toLower());
}

// The helper beside this program (installed or built), as the plugin runs it.
Attachments::AttachmentReader readerForScan()
{
    return Attachments::AttachmentReader(
        Attachments::AttachmentReader::findHelper(QCoreApplication::applicationFilePath()));
}

// A document's findings; offsets are into the text the helper read (`sendguard extract` prints it).
int printDocument(const QString &file, const Core::AttachmentText &text, const Core::Scanner &scanner, bool json,
                  QTextStream &out, QTextStream &err, bool *found)
{
    const auto fail = [&](const QString &why, int status) {
        err << "sendguard scan: " << file << ": " << why << '\n';
        if (json)
            out << "{\"file\":" << FindingJson::quoted(file) << ",\"error\":" << FindingJson::quoted(why) << "}\n";
        return status;
    };
    if (text.status == Core::AttachmentText::Status::Unreadable)
        return fail(text.reason, ExitUsageOrInput);
    if (text.status == Core::AttachmentText::Status::NotScanned)
        return fail(QStringLiteral("not scanned: %1").arg(text.reason), ExitIncomplete);
    // Scanned while the helper was still reading (the same findings as a scan of the whole text).
    const Core::ScanResult *early = text.earlyScanBy(scanner);
    Core::ScanResult scannedNow;
    if (!early)
        scannedNow = scanner.scan({text.utf8.constData(), std::size_t(text.utf8.size())});
    // A finding in a file's name is shown masked wherever the name is written: places and reasons;
    // a repeat too, before repeats are dropped.
    Core::NameMasking names;
    names.addFoundIn(text, (early ? *early : scannedNow).findings);
    // A document's copies of its own text (a preview, a fallback form) are counted once, as the
    // plugin counts them.
    if (Core::TextCopies::hasCopies(text)) {
        scannedNow = Core::TextCopies::withoutRepeats(text, early ? *early : std::move(scannedNow));
        early = nullptr;
    }
    const Core::ScanResult &result = early ? *early : scannedNow;
    if (!result.complete)
        return fail(QStringLiteral("scan incomplete: %1").arg(result.error), ExitIncomplete);
    *found = *found || !result.findings.empty();
    if (json) {
        QStringList items;
        for (const Core::Finding &finding : result.findings) {
            QString item = FindingJson::finding(finding);
            item.insert(item.size() - 1,
                        QStringLiteral(",\"place\":") +
                            FindingJson::quoted(names.hide(text.placeAt(finding.start).describe(u"en"))));
            items << item;
        }
        out << "{\"file\":" << FindingJson::quoted(file) << ",\"findings\":[" << items.join(QLatin1Char(',')) << "]}\n";
    } else {
        out << file << ": " << result.findings.size() << (result.findings.size() == 1 ? " finding" : " findings")
            << '\n';
        for (const Core::Finding &finding : result.findings) {
            // A file read as one piece (a web page) has no place inside it to name.
            const QString place = names.hide(text.placeAt(finding.start).describe(u"en"));
            out << "  " << finding.detector.leftJustified(18) << ' ' << finding.masked
                << (place.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(place)) << '\n';
        }
    }
    if (!text.incomplete.isEmpty())
        return fail(QStringLiteral("read in part: %1").arg(names.hide(text.incomplete)), ExitIncomplete);
    return ExitClean;
}

int scanDocument(const QString &file, const Core::Scanner &scanner, bool json, QTextStream &out, QTextStream &err,
                 bool *found)
{
    return printDocument(file,
                         readerForScan().read({QFileInfo(file).fileName(), QFileInfo(file).absoluteFilePath(), {}},
                                              QString(), nullptr, &scanner),
                         scanner, json, out, err, found);
}

} // namespace

// A text file, or standard input. A file that can be read twice is checked first (readable, valid
// UTF-8), then scanned in blocks: bounded memory, however large. Standard input, pipes and devices
// are read once, whole, and told by their bytes: a document goes to the helper, text in UTF-16 or
// CP949 is decoded.
int scanText(const QString &name, const Core::Scanner &scanner, bool json, QTextStream &out, QTextStream &err,
             bool *found)
{
    const auto fail = [&](const QString &why) {
        err << "sendguard scan: " << name << ": " << why << '\n';
        if (json)
            out << "{\"file\":" << FindingJson::quoted(name) << ",\"error\":" << FindingJson::quoted(why) << "}\n";
        return ExitUsageOrInput;
    };
    const Core::StreamScanner stream(scanner);
    const Core::CharacterEscapes::Syntax syntax = Core::CharacterEscapes::syntaxOf(name);
    QFile file(name);
    if (name != QLatin1String("-") && file.open(QIODevice::ReadOnly) && !file.isSequential()) {
        const auto read = [&file](char *data, std::size_t capacity) -> std::int64_t {
            return file.read(data, static_cast<qint64>(capacity));
        };
        // A JSON or XML file's escaped characters ("\uc8fc", "&#51452;") as a person reading it sees
        // them, as an attachment is read: offsets are then into that text, as `extract` prints it.
        if (syntax != Core::CharacterEscapes::Syntax::None && file.size() <= Core::AttachmentText::MaxSize) {
            Core::AttachmentText::Undecodable undecodable;
            const auto text = Core::AttachmentText::decodeText(file.read(Core::AttachmentText::MaxSize), &undecodable);
            const auto written = text ? Core::CharacterEscapes::decoded(*text, syntax) : std::nullopt;
            const QByteArray &plain = written ? *written : text ? *text : QByteArray();
            // JSON's "\t" and "\n" escapes read as the blanks they stand for, as an attachment's are.
            std::string blanked;
            const std::string_view view(plain.constData(), std::size_t(plain.size()));
            const std::string_view scanned = syntax == Core::CharacterEscapes::Syntax::Json
                ? Core::CharacterEscapes::blankedControls(view, blanked)
                : view;
            if (written || scanned.data() != view.data())
                return printStreamed(name, stream, Core::StreamScanner::readerOver(scanned), json, out, err, found,
                                     undecodable.describe());
            if (!file.seek(0))
                return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
        }
        // Larger, it is scanned in blocks as it is written; escapes it holds are said, never
        // passed over in silence: what they hide (a label) is not read. Any "\\u" or "&#" counts,
        // wherever it stands: a block is no document, and cannot tell a comment from text.
        QString escapesUnread;
        if (syntax != Core::CharacterEscapes::Syntax::None && file.size() > Core::AttachmentText::MaxSize) {
            constexpr qint64 BlockBytes = 1 << 20;
            const QByteArrayView escape = syntax == Core::CharacterEscapes::Syntax::Json ? "\\u" : "&#";
            QByteArray tail; // the last byte of the block before: an escape cut between two blocks
            while (!file.atEnd() && escapesUnread.isEmpty()) {
                const QByteArray block = tail + file.read(BlockBytes);
                if (block.contains(escape))
                    escapesUnread =
                        QStringLiteral("larger than %1 MiB, read as written: its escaped characters (\\u…, &#…;) "
                                       "are not written out")
                            .arg(Core::AttachmentText::MaxSize >> 20);
                tail = block.right(1);
            }
            if (!file.seek(0))
                return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
        }
        const Core::StreamScanner::Result checked = stream.validate(read);
        if (!checked.complete && checked.error.startsWith(QLatin1String("read error")))
            return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
        // NUL bytes are valid UTF-8, but text in UTF-8 has none: UTF-16 without a byte-order mark.
        const bool nul = file.seek(0) && file.read(64 << 10).contains('\0');
        if (!checked.complete || nul) {
            // UTF-16 or CP949 (what Excel's "Unicode text" and Korean Windows editors write), as an
            // attachment is read: offsets are then into its text as UTF-8, as `extract` prints it.
            if (file.size() <= Core::AttachmentText::MaxSize && file.seek(0)) {
                Core::AttachmentText::Undecodable undecodable;
                if (const auto text =
                        Core::AttachmentText::decodeText(file.read(Core::AttachmentText::MaxSize), &undecodable))
                    return printStreamed(
                        name, stream, Core::StreamScanner::readerOver({text->constData(), std::size_t(text->size())}),
                        json, out, err, found, undecodable.describe());
            }
            if (!checked.complete)
                return fail(checked.error);
            // Valid UTF-8 with a stray NUL that is no UTF-16 (a log): scanned as it is.
        }
        if (!file.seek(0))
            return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
        return printStreamed(name, stream, read, json, out, err, found, escapesUnread);
    }
    // Standard input, a pipe or a device: read once, whole, and told by its bytes.
    QString error;
    const auto bytes = InputText::readAll(name, &error);
    if (!bytes)
        return fail(error);
    if (startsLikeADocument(*bytes) || startsLikeAnEmail(*bytes))
        return printDocument(name, readerForScan().extract(name, *bytes, nullptr, &scanner), scanner, json, out, err,
                             found);
    // UTF-8 as it is, UTF-16 or CP949 decoded; else valid UTF-8 with a stray NUL (a log) as it is.
    Core::AttachmentText::Undecodable undecodable;
    const auto text = Core::AttachmentText::decodeText(*bytes, &undecodable);
    const auto written = text ? Core::CharacterEscapes::decoded(*text, syntax) : std::nullopt;
    const QByteArray &utf8 = written ? *written : text ? *text : *bytes;
    const std::string_view view(utf8.constData(), std::size_t(utf8.size()));
    if (const auto invalid = text ? std::nullopt : Core::Utf8Validator::firstInvalidByte(view))
        return fail(QStringLiteral("not valid UTF-8 at byte offset %1").arg(*invalid));
    return printStreamed(name, stream, Core::StreamScanner::readerOver(view), json, out, err, found,
                         undecodable.describe());
}

int runScan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Finds personal data in text files and documents (DOCX, XLSX, HWP, PDF..., read as `extract` "
                       "reads them) and prints it masked.\n"
                       "Exit status: 0 nothing found, 1 found, 2 usage or input error, 3 scan incomplete."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("One JSON line per input: {\"file\", \"findings\"} with UTF-8 "
                                                       "byte offsets."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Text files to scan; - or none: standard input."),
                                 QStringLiteral("scan [--json] [FILE|-]..."));
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("scan")))
        return *stop;
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        files << QStringLiteral("-");

    const Core::Scanner scanner;
    const bool json = parser.isSet(jsonOption);
    bool found = false;
    bool inputError = false;
    bool incomplete = false;
    for (const QString &file : files) {
        if (isDocument(file)) {
            const int status = scanDocument(file, scanner, json, out, err, &found);
            incomplete = incomplete || status == ExitIncomplete;
            inputError = inputError || status == ExitUsageOrInput;
            out.flush();
            continue;
        }
        const int status = scanText(file, scanner, json, out, err, &found);
        incomplete = incomplete || status == ExitIncomplete;
        inputError = inputError || status == ExitUsageOrInput;
        out.flush();
    }
    if (incomplete)
        return ExitIncomplete;
    if (inputError)
        return ExitUsageOrInput;
    return found ? ExitFound : ExitClean;
}

} // namespace SendGuard::Tools
