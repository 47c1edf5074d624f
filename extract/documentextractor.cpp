// SPDX-License-Identifier: GPL-2.0-or-later
#include "documentextractor.h"

#include "compoundfile.h"
#include "emlextractor.h"
#include "hwpextractor.h"
#include "hwpxextractor.h"
#include "opendocumentextractor.h"
#include "pdfextractor.h"
#include "presentationextractor.h"
#include "spreadsheetextractor.h"
#include "textsink.h"
#include "wordprocessingextractor.h"
#include "zipcontainer.h"

#include "message/attachmenttext.h"

#include <QFileInfo>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;
using Format = DocumentExtractor::Format;

Format zipFormat(const ZipContainer &zip, const QByteArray &mimetype)
{
    if (mimetype.startsWith("application/hwp+zip") || zip.indexOf(QStringLiteral("Contents/section0.xml")) >= 0)
        return Format::Hwpx;
    if (mimetype.startsWith("application/vnd.oasis.opendocument."))
        return Format::OpenDocument;
    if (zip.indexOf(QStringLiteral("word/document.xml")) >= 0)
        return Format::Docx;
    if (zip.indexOf(QStringLiteral("xl/workbook.xml")) >= 0)
        return Format::Xlsx;
    if (zip.indexOf(QStringLiteral("ppt/presentation.xml")) >= 0)
        return Format::Pptx;
    return Format::Zip;
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

bool isImage(const QByteArray &bytes)
{
    return bytes.startsWith("\x89PNG") || bytes.startsWith("\xFF\xD8\xFF") || bytes.startsWith("GIF8") ||
        bytes.startsWith("BM") || bytes.startsWith("II*") || bytes.startsWith("MM\x00*");
}

void readZip(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink, int depth)
{
    for (int i = 0; i < zip.entries().size() && !sink.full(); ++i) {
        const ZipContainer::Entry &entry = zip.entries().at(i);
        if (entry.directory)
            continue;
        const Core::TextPlace place = base.then(Kind::Entry, entry.name);
        if (depth + 1 > sink.limits().maxDepth) {
            sink.skip(place,
                      QStringLiteral("archives nested more than %1 deep: not scanned").arg(sink.limits().maxDepth));
            continue;
        }
        QString error;
        const auto bytes = zip.read(i, sink, &error);
        if (!bytes) {
            sink.skip(place, error);
            continue;
        }
        DocumentExtractor::extract(*bytes, entry.name, place, sink, depth + 1);
    }
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
    case Format::Pdf:
        return QStringLiteral("PDF");
    case Format::Zip:
        return QStringLiteral("ZIP");
    case Format::Eml:
        return QStringLiteral("e-mail");
    case Format::Image:
        return QStringLiteral("image");
    case Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Format DocumentExtractor::sniff(const QByteArray &bytes, const QString &name)
{
    if (bytes.startsWith("%PDF-") || bytes.left(1024).contains("%PDF-"))
        return Format::Pdf;
    if (CompoundFile::hasSignature(bytes))
        return Format::Hwp; // the only compound-file format read; others fail its header check
    if (HwpExtractor::isHwp97(bytes))
        return Format::Hwp97;
    if (bytes.startsWith("PK\x03\x04") || bytes.startsWith("PK\x05\x06")) {
        QString error;
        const auto zip = ZipContainer::open(bytes, &error);
        return zip ? zipFormat(*zip, storedMimetype(bytes)) : Format::Zip;
    }
    if (isImage(bytes))
        return Format::Image;
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == QLatin1String("eml") || (!bytes.contains('\0') && EmlExtractor::looksLikeEmail(bytes)))
        return Format::Eml;
    if (Core::AttachmentText::isPlainText(name))
        return Format::Text;
    return Format::Unknown;
}

void DocumentExtractor::extract(const QByteArray &bytes, const QString &name, const Core::TextPlace &base,
                                TextSink &sink, int depth)
{
    const Format format = sniff(bytes, name);
    switch (format) {
    case Format::Pdf:
        PdfExtractor::extract(bytes, base, sink);
        return;
    case Format::Hwp:
        HwpExtractor::extract(bytes, base, sink);
        return;
    case Format::Hwp97:
        sink.skip(base, QStringLiteral("HWP 97 (version 3): unsupported version"));
        return;
    case Format::Eml:
        EmlExtractor::extract(
            bytes, base, sink, [&](const QByteArray &part, const QString &partName, const Core::TextPlace &place) {
                if (depth + 1 > sink.limits().maxDepth)
                    sink.skip(place,
                              QStringLiteral("nested more than %1 deep: not scanned").arg(sink.limits().maxDepth));
                else
                    extract(part, partName, place, sink, depth + 1);
            });
        return;
    case Format::Text: {
        const Core::AttachmentText text = Core::AttachmentText::decode(name, bytes);
        if (text.status == Core::AttachmentText::Status::Text)
            sink.add(base, QString::fromUtf8(text.utf8));
        else
            sink.skip(base, text.reason);
        return;
    }
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
    switch (format) {
    case Format::Docx:
        WordprocessingExtractor::extract(*zip, base, sink);
        break;
    case Format::Xlsx:
        SpreadsheetExtractor::extract(*zip, base, sink);
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
        break;
    }
}

} // namespace SendGuard::Extract
