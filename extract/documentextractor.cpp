// SPDX-License-Identifier: GPL-2.0-or-later
#include "documentextractor.h"

#include "compoundfile.h"
#include "docextractor.h"
#include "emlextractor.h"
#include "htmltext.h"
#include "hwpextractor.h"
#include "hwpxextractor.h"
#include "opendocumentextractor.h"
#include "pdfextractor.h"
#include "pptextractor.h"
#include "presentationextractor.h"
#include "spreadsheetextractor.h"
#include "textsink.h"
#include "wordprocessingextractor.h"
#include "xlsextractor.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include "common/utf8validator.h"
#include "message/attachmenttext.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;
using Format = DocumentExtractor::Format;

// The main part an OOXML package names in _rels/.rels (officeDocument), as Office finds it.
QString officeDocumentPart(const ZipContainer &zip)
{
    Core::AttachmentLimits small;
    small.maxEntryBytes = 1 << 20;
    TextSink scratch(small, [](const Core::TextPlace &, QByteArrayView) {});
    QString error;
    const auto rels = zip.read(QStringLiteral("_rels/.rels"), scratch, &error);
    if (!rels)
        return {};
    const auto text = XmlTextWalker::relationshipTarget(*rels, u"/officeDocument");
    return text.startsWith(QLatin1Char('/')) ? text.mid(1) : text;
}

Format zipFormat(const ZipContainer &zip, const QByteArray &mimetype)
{
    // What the package says it is, first: its mimetype (ODF, HWPX) or its main part (OOXML).
    if (mimetype.startsWith("application/hwp+zip"))
        return Format::Hwpx;
    if (mimetype.startsWith("application/vnd.oasis.opendocument."))
        return Format::OpenDocument;
    const QString main = officeDocumentPart(zip);
    if (main.startsWith(QLatin1String("word/")))
        return Format::Docx;
    if (main.startsWith(QLatin1String("xl/")))
        return Format::Xlsx;
    if (main.startsWith(QLatin1String("ppt/")))
        return Format::Pptx;
    if (!main.isEmpty())
        return Format::Zip;
    if (zip.indexOf(QStringLiteral("word/document.xml")) >= 0)
        return Format::Docx;
    if (zip.indexOf(QStringLiteral("xl/workbook.xml")) >= 0)
        return Format::Xlsx;
    if (zip.indexOf(QStringLiteral("ppt/presentation.xml")) >= 0)
        return Format::Pptx;
    if (zip.indexOf(QStringLiteral("Contents/section0.xml")) >= 0)
        return Format::Hwpx;
    return Format::Zip;
}

// What macOS Finder adds to an archive it makes: a file's attributes (__MACOSX/._name, AppleDouble)
// and a folder's view settings (.DS_Store). Told by their bytes, not only their names.
bool isFinderMetadata(const QString &name, const QByteArray &bytes)
{
    const QString fileName = name.mid(name.lastIndexOf(QLatin1Char('/')) + 1);
    if (name.startsWith(QLatin1String("__MACOSX/")) && fileName.startsWith(QLatin1String("._")))
        return bytes.startsWith(QByteArrayView("\x00\x05\x16\x07", 4));
    return fileName == QLatin1String(".DS_Store") &&
        bytes.startsWith(QByteArrayView("\x00\x00\x00\x01"
                                        "Bud1",
                                        8));
}

// Whether bytes hold six digits in a row, as they are or with NUL bytes dropped (UTF-16 text).
bool holdsALongNumber(const QByteArray &bytes)
{
    int run = 0;
    int withoutNul = 0;
    for (const char c : bytes) {
        const bool digit = c >= '0' && c <= '9';
        run = digit ? run + 1 : 0;
        if (c != '\0')
            withoutNul = digit ? withoutNul + 1 : 0;
        if (run >= 6 || withoutNul >= 6)
            return true;
    }
    return false;
}

// Parts of a package that hold no text a person reads: its plumbing, styles, themes, fonts.
bool isPlumbing(const QString &name)
{
    const QString lower = name.toLower();
    static const QStringList parts {
        QStringLiteral("[content_types].xml"),  QStringLiteral("mimetype"),
        QStringLiteral("word/styles.xml"),      QStringLiteral("word/styleswitheffects.xml"),
        QStringLiteral("word/settings.xml"),    QStringLiteral("word/websettings.xml"),
        QStringLiteral("word/fonttable.xml"),   QStringLiteral("word/numbering.xml"),
        QStringLiteral("xl/styles.xml"),        QStringLiteral("xl/calcchain.xml"),
        QStringLiteral("ppt/presprops.xml"),    QStringLiteral("ppt/viewprops.xml"),
        QStringLiteral("ppt/tablestyles.xml"),  QStringLiteral("settings.xml"),
        QStringLiteral("manifest.rdf"),         QStringLiteral("contents/header.xml"),
        QStringLiteral("contents/content.hpf"), QStringLiteral("version.xml")};
    return parts.contains(lower) || lower.endsWith(QLatin1String(".rels")) ||
        lower.contains(QLatin1String("/theme/")) || lower.startsWith(QLatin1String("meta-inf/")) ||
        lower.contains(QLatin1String("printersettings")) || lower.endsWith(QLatin1String(".odttf")) ||
        lower.endsWith(QLatin1String(".fntdata"));
}

// Parts that hold again what the document shows elsewhere: SmartArt's drawing of its data
// (diagrams/drawing*.xml beside data*.xml), data bound to content controls (customXml/item*.xml),
// properties that fields show (docProps/custom.xml), and Excel's legacy copy of threaded comments
// (xl/comments*.xml beside xl/threadedComments/). Read, and masked, as copies
// (Core::TextCopies): what they repeat is counted once.
bool isCopyOfShownText(const ZipContainer &zip, const QString &name)
{
    static const QRegularExpression copies(
        QStringLiteral("(^|/)diagrams/drawing[^/]*\\.xml$|^customXml/item[0-9]*\\.xml$|"
                       "^docProps/custom\\.xml$"),
        QRegularExpression::CaseInsensitiveOption);
    if (copies.match(name).hasMatch())
        return true;
    static const QRegularExpression legacyComments(QStringLiteral("^xl/comments[0-9]*\\.xml$"),
                                                   QRegularExpression::CaseInsensitiveOption);
    return legacyComments.match(name).hasMatch() &&
        std::any_of(zip.entries().begin(), zip.entries().end(), [](const ZipContainer::Entry &entry) {
               return entry.name.startsWith(QLatin1String("xl/threadedComments/"), Qt::CaseInsensitive);
           });
}

// Pictures inside a document: not read (there is no OCR), and not counted against the document.
bool isEmbeddedPicture(const QString &name)
{
    static const QStringList suffixes {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                       QStringLiteral("gif"), QStringLiteral("bmp"), QStringLiteral("tif"),
                                       QStringLiteral("tiff"), QStringLiteral("emf"), QStringLiteral("wmf"),
                                       QStringLiteral("svg"), QStringLiteral("wdp"), QStringLiteral("jxr"),
                                       // StarView metafiles: LibreOffice's picture of a table on a slide.
                                       QStringLiteral("svm")};
    return suffixes.contains(QFileInfo(name).suffix().toLower());
}

// Whether a package holds a picture of its content: the document's own, not its preview or
// thumbnail (which every HWPX and many DOCX files carry), nor LibreOffice's picture of an object
// whose data its XML holds (a StarView metafile, ObjectReplacements/).
bool holdsAPicture(const ZipContainer &zip)
{
    return std::any_of(zip.entries().begin(), zip.entries().end(), [](const ZipContainer::Entry &entry) {
        const QString &name = entry.name;
        return !entry.directory && isEmbeddedPicture(name) &&
            !name.endsWith(QLatin1String(".svm"), Qt::CaseInsensitive) && !name.startsWith(QLatin1String("Preview/")) &&
            !name.startsWith(QLatin1String("docProps/")) && !name.startsWith(QLatin1String("Thumbnails/")) &&
            !name.startsWith(QLatin1String("ObjectReplacements/"));
    });
}

bool isImage(const QByteArray &bytes)
{
    // BMP: "BM", the size, then four reserved zero bytes (so a text starting "BM" stays text).
    const bool bitmap = bytes.size() > 14 && bytes.startsWith("BM") && bytes.mid(6, 4) == QByteArray(4, '\0');
    return bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.startsWith("\xFF\xD8\xFF") || bytes.startsWith("GIF87a") ||
        bytes.startsWith("GIF89a") || bitmap || bytes.startsWith(QByteArray("II*\0", 4)) ||
        bytes.startsWith(QByteArray("MM\0*", 4)) || bytes.startsWith("VCLMTF"); // StarView metafile
}

// A package's properties (title, author, dates): text about the document, not of it.
bool isProperties(const QString &name)
{
    return name.startsWith(QLatin1String("docProps/"), Qt::CaseInsensitive) ||
        name.compare(QLatin1String("meta.xml"), Qt::CaseInsensitive) == 0;
}

// Every part of a package no extractor read: XML parts for all their text (charts, diagrams,
// comments, drawings, properties, a second slide of the same number), other files as attachments
// of their own (an embedded workbook); so nothing a package holds is passed over in silence.
// Adds to *contentCharacters the characters read from parts that are no properties.
void readRemainingParts(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink, int depth,
                        qint64 *contentCharacters)
{
    for (int i = 0; i < zip.entries().size() && !sink.full(); ++i) {
        const ZipContainer::Entry &entry = zip.entries().at(i);
        if (zip.wasRead(i) || entry.directory || isPlumbing(entry.name) || isEmbeddedPicture(entry.name))
            continue;
        const qint64 charactersBefore = sink.characters();
        const auto counted = qScopeGuard([&] {
            if (!isProperties(entry.name))
                *contentCharacters += sink.characters() - charactersBefore;
        });
        Core::TextPlace place = base.then(Kind::Entry, entry.name);
        if (isCopyOfShownText(zip, entry.name))
            place = place.then(Kind::Alternative);
        QString error;
        const auto bytes = zip.read(i, sink, &error);
        if (!bytes) {
            sink.skip(place, error);
            continue;
        }
        // LibreOffice's picture of a chart or an object (ObjectReplacements/Object 1, a StarView
        // metafile without a suffix), whose data the object's own XML holds: a picture, passed over
        // as pictures named so are. Any other entry that only starts like a picture is named.
        if (entry.name.startsWith(QLatin1String("ObjectReplacements/")) && isImage(*bytes))
            continue;
        const QString suffix = QFileInfo(entry.name).suffix().toLower();
        if (suffix == QLatin1String("xml") || suffix == QLatin1String("vml")) {
            if (!XmlTextWalker::allText(*bytes, place, sink, &error, zip.originOf(entry.name)))
                sink.skip(place, error);
        } else if (suffix == QLatin1String("txt") && !bytes->contains('\0') &&
                   !Core::Utf8Validator::firstInvalidByte(
                       std::string_view(bytes->constData(), std::size_t(bytes->size())))) {
            // A package's own text (an HWPX's Preview/PrvText.txt, a copy of its first page): read,
            // and maskable where it lies, as the entry's bytes are its text.
            TextOrigin origin = zip.originOf(entry.name);
            origin.runs.push_back({0, 0, bytes->size(), bytes->size()});
            const bool preview = entry.name.compare(QLatin1String("Preview/PrvText.txt"), Qt::CaseInsensitive) == 0;
            sink.addUtf8(preview ? place.then(Kind::Preview) : place, *bytes, origin);
        } else if (depth + 1 > sink.limits().maxDepth) {
            sink.skip(place, QStringLiteral("nested more than %1 deep: not scanned").arg(sink.limits().maxDepth));
        } else {
            DocumentExtractor::extract(*bytes, entry.name, place, sink, depth + 1);
        }
    }
}

// The "mimetype" entry ODF and HWPX put first, stored: read without spending the budget.
QByteArray storedMimetype(const QByteArray &bytes)
{
    // Local header: signature, ..., name length at 26, extra length at 28, name at 30.
    if (bytes.size() < 38 || !bytes.startsWith("PK\x03\x04") || bytes.mid(30, 8) != "mimetype")
        return {};
    const int extra = quint8(bytes[28]) | (quint8(bytes[29]) << 8);
    return bytes.mid(38 + extra, 64);
}

void readZip(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink, int depth)
{
    // Comments archive programs show: the archive's, and each entry's beside it.
    sink.add(base.then(Kind::Comment, QStringLiteral("1")), zip.comment());
    for (int i = 0; i < zip.entries().size() && !sink.full(); ++i) {
        const ZipContainer::Entry &entry = zip.entries().at(i);
        const Core::TextPlace place = base.then(Kind::Entry, entry.name);
        sink.add(place.then(Kind::Comment, QStringLiteral("1")), entry.comment);
        if (entry.directory)
            continue;
        if (depth + 1 > sink.limits().maxDepth) {
            sink.addFileName(place, entry.name);
            sink.skip(place,
                      QStringLiteral("archives nested more than %1 deep: not scanned").arg(sink.limits().maxDepth));
            continue;
        }
        QString error;
        const auto bytes = zip.read(i, sink, &error);
        // Its name, once the entry is counted: past the entries' limit nothing more is added.
        sink.addFileName(place, entry.name);
        if (!bytes) {
            sink.skip(place, error);
            continue;
        }
        // Finder's metadata is passed over only when no number could hide in it; else it is what it
        // is, a file no reader knows: not scanned.
        if (!isFinderMetadata(entry.name, *bytes) || holdsALongNumber(*bytes))
            DocumentExtractor::extract(*bytes, entry.name, place, sink, depth + 1);
    }
}

// An ODF or HWPX package saved with a password: its manifest gives the parts' encryption (ODF
// 1.2, 3.8; HWPX keeps ODF's manifest), and those parts are no XML anyone can read.
bool hasEncryptedParts(const ZipContainer &zip, TextSink &sink)
{
    QString error;
    const int manifest = zip.indexOf(QStringLiteral("META-INF/manifest.xml"));
    const auto bytes = manifest >= 0 ? zip.read(manifest, sink, &error) : std::nullopt;
    return bytes && (bytes->contains(":encryption-data") || bytes->contains("<encryption-data"));
}

// The streams of a compound file; none when it does not open.
QStringList compoundFileStreams(const QByteArray &bytes)
{
    QString error;
    const auto file = CompoundFile::open(bytes, &error);
    return file ? file->streams() : QStringList();
}

// A compound file by its streams. HWP, Word, Excel and PowerPoint 97-2003 are read; one of no known kind goes
// to the HWP reader, which says what is wrong with it.
Format compoundFileFormat(const QByteArray &bytes)
{
    QString error;
    if (!CompoundFile::open(bytes, &error))
        return Format::BrokenCompoundFile;
    const QStringList streams = compoundFileStreams(bytes);
    if (streams.contains(QStringLiteral("FileHeader")))
        return Format::Hwp;
    if (streams.contains(QStringLiteral("EncryptedPackage")))
        return Format::EncryptedOffice;
    if (streams.contains(QStringLiteral("Workbook")) || streams.contains(QStringLiteral("Book")))
        return Format::Xls;
    if (streams.contains(QStringLiteral("WordDocument")))
        return Format::Doc;
    if (streams.contains(QStringLiteral("PowerPoint Document")))
        return Format::Ppt;
    return Format::Hwp;
}

// Why a compound file that does not open is not scanned: named as what its name says it is, since
// its streams cannot say.
QString brokenCompoundFileReason(const QByteArray &bytes, const QString &name)
{
    QString error;
    CompoundFile::open(bytes, &error);
    const QString suffix = QFileInfo(name).suffix().toLower();
    const QString what = suffix == QLatin1String("hwp")                    ? QStringLiteral("HWP file")
        : suffix == QLatin1String("doc") || suffix == QLatin1String("dot") ? QStringLiteral("Word document")
        : suffix == QLatin1String("xls") || suffix == QLatin1String("xlt") ? QStringLiteral("Excel workbook")
        : suffix == QLatin1String("ppt") || suffix == QLatin1String("pps")
        ? QStringLiteral("PowerPoint presentation")
        : QStringLiteral("HWP or Office 97-2003 file");
    return QStringLiteral("not a readable %1 (a damaged compound file: %2): not scanned").arg(what, error);
}

} // namespace

QString DocumentExtractor::formatName(Format format)
{
    switch (format) {
    case Format::Text:
        return QStringLiteral("text");
    case Format::Docx:
        return QStringLiteral("DOCX");
    case Format::Xlsx:
        return QStringLiteral("XLSX");
    case Format::Pptx:
        return QStringLiteral("PPTX");
    case Format::OpenDocument:
        return QStringLiteral("OpenDocument");
    case Format::Hwpx:
        return QStringLiteral("HWPX");
    case Format::Hwp:
        return QStringLiteral("HWP");
    case Format::Hwp97:
        return QStringLiteral("HWP 97");
    case Format::Xls:
        return QStringLiteral("XLS");
    case Format::Doc:
        return QStringLiteral("DOC");
    case Format::Ppt:
        return QStringLiteral("PPT");
    case Format::EncryptedOffice:
        return QStringLiteral("encrypted Office document");
    case Format::BrokenCompoundFile:
        return QStringLiteral("damaged compound file");
    case Format::Pdf:
        return QStringLiteral("PDF");
    case Format::Zip:
        return QStringLiteral("ZIP");
    case Format::Eml:
        return QStringLiteral("e-mail");
    case Format::Html:
        return QStringLiteral("HTML");
    case Format::Image:
        return QStringLiteral("image");
    case Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Format DocumentExtractor::sniff(const QByteArray &bytes, const QString &name)
{
    // A PDF starts with its header (after at most some white space or a byte-order mark): a
    // "%PDF-" further in is text that mentions one, or a document with a PDF inside.
    if (bytes.left(16).trimmed().startsWith("%PDF-") || bytes.startsWith("\xEF\xBB\xBF%PDF-"))
        return Format::Pdf;
    if (CompoundFile::hasSignature(bytes))
        return compoundFileFormat(bytes);
    if (HwpExtractor::isHwp97(bytes))
        return Format::Hwp97;
    if (bytes.startsWith("PK\x03\x04") || bytes.startsWith("PK\x05\x06")) {
        QString error;
        const auto zip = ZipContainer::open(bytes, &error);
        return zip ? zipFormat(*zip, storedMimetype(bytes)) : Format::Zip;
    }
    if (isImage(bytes))
        return Format::Image;
    // A .txt or .csv is read as the text it is, header-like lines and all.
    if (Core::AttachmentText::isPlainText(name))
        return Format::Text;
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == QLatin1String("eml") || (!bytes.contains('\0') && EmlExtractor::looksLikeEmail(bytes)))
        return Format::Eml;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") || suffix == QLatin1String("xhtml") ||
        Core::AttachmentText::looksLikeHtml(bytes))
        return Format::Html;
    return Format::Unknown;
}

void DocumentExtractor::extract(const QByteArray &bytes, const QString &name, const Core::TextPlace &base,
                                TextSink &sink, int depth)
{
    const Format format = sniff(bytes, name);
    // A file inside this one (an e-mail's attachment, an object embedded in an HWP), one level deeper.
    const auto readNested = [&](const QByteArray &inner, const QString &innerName, const Core::TextPlace &place) {
        if (depth + 1 > sink.limits().maxDepth)
            sink.skip(place, QStringLiteral("nested more than %1 deep: not scanned").arg(sink.limits().maxDepth));
        else
            extract(inner, innerName, place, sink, depth + 1);
    };
    switch (format) {
    case Format::Pdf:
        PdfExtractor::extract(bytes, base, sink, readNested);
        return;
    case Format::Hwp:
        HwpExtractor::extract(bytes, base, sink, readNested);
        return;
    case Format::Hwp97:
        sink.skip(base, QStringLiteral("HWP 97 (version 3): unsupported version"));
        return;
    case Format::Xls: {
        QString error;
        if (const auto file = CompoundFile::open(bytes, &error))
            XlsExtractor::extract(*file, base, sink, readNested);
        else
            sink.skip(base, QStringLiteral("not a readable Excel workbook (%1): not scanned").arg(error));
        return;
    }
    case Format::Doc: {
        QString error;
        if (const auto file = CompoundFile::open(bytes, &error))
            DocExtractor::extract(*file, base, sink, readNested);
        else
            sink.skip(base, QStringLiteral("not a readable Word document (%1): not scanned").arg(error));
        return;
    }
    case Format::Ppt: {
        QString error;
        if (const auto file = CompoundFile::open(bytes, &error))
            PptExtractor::extract(*file, base, sink, readNested);
        else
            sink.skip(base, QStringLiteral("not a readable PowerPoint presentation (%1): not scanned").arg(error));
        return;
    }
    case Format::EncryptedOffice:
        sink.skip(base, QStringLiteral("encrypted (an Office document with a password): not scanned"));
        return;
    case Format::BrokenCompoundFile:
        sink.skip(base, brokenCompoundFileReason(bytes, name));
        return;
    case Format::Eml:
        EmlExtractor::extract(bytes, base, sink, readNested);
        return;
    case Format::Text: {
        const Core::AttachmentText text = Core::AttachmentText::decode(name, bytes);
        std::string csv; // this text is for the scanner alone: a CSV's comes as it reads it
        if (text.status == Core::AttachmentText::Status::Text) {
            const std::string_view scanned = text.scannedText(csv);
            sink.addUtf8(base, QByteArrayView(scanned.data(), qsizetype(scanned.size())));
            if (!text.incomplete.isEmpty())
                sink.skip(base, text.incomplete);
        } else
            sink.skip(base, text.reason);
        return;
    }
    case Format::Html:
        if (const auto page = HtmlText::decode(bytes))
            sink.add(base, HtmlText::text(*page));
        else
            sink.skip(base, QStringLiteral("HTML that is not in its declared charset, UTF-8, UTF-16 or CP949"));
        return;
    case Format::Image:
        sink.skip(base, QStringLiteral("an image: not scanned"));
        return;
    case Format::Unknown:
        sink.skip(base, QStringLiteral("an unknown format: not scanned"));
        return;
    default:
        break;
    }
    QString error;
    const auto zip = ZipContainer::open(bytes, &error);
    if (!zip) {
        sink.skip(base, error);
        return;
    }
    if ((format == Format::OpenDocument || format == Format::Hwpx) && hasEncryptedParts(*zip, sink)) {
        sink.skip(base, QStringLiteral("encrypted (a document with a password): not scanned"));
        return;
    }
    const qint64 charactersBefore = sink.characters();
    switch (format) {
    case Format::Docx:
        WordprocessingExtractor::extract(*zip, officeDocumentPart(*zip), base, sink);
        break;
    case Format::Xlsx:
        SpreadsheetExtractor::extract(*zip, officeDocumentPart(*zip), base, sink);
        break;
    case Format::Pptx:
        PresentationExtractor::extract(*zip, base, sink);
        break;
    case Format::OpenDocument:
        OpenDocumentExtractor::extract(*zip, base, sink);
        break;
    case Format::Hwpx:
        HwpxExtractor::extract(*zip, base, sink);
        break;
    default:
        readZip(*zip, base, sink, depth);
        return;
    }
    qint64 contentCharacters = sink.characters() - charactersBefore;
    readRemainingParts(*zip, base, sink, depth, &contentCharacters);
    // A scanned form or identity card pasted into a document is its whole content: pictures are not
    // read, so such a document is never clean (as a PDF page of pictures alone is not). Its text may
    // be in a chart or a diagram, which the parts read last hold; its properties are no text of it.
    if (contentCharacters == 0 && !sink.full() && holdsAPicture(*zip))
        sink.skip(base, QStringLiteral("pictures with no text: not scanned"));
}

} // namespace SendGuard::Extract
