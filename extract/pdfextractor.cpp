// SPDX-License-Identifier: GPL-2.0-or-later
#include "pdfextractor.h"

#include "pdfreadermodule.h"
#include "textsink.h"

#include <QCryptographicHash>
#include <QSet>

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

namespace SendGuard::Extract {

namespace {

int moduleDescriptor = -1;

// The module's file: beside the program that reads (the helper, installed or built, or a test);
// where the program's own path cannot be read, the installed one.
QByteArray modulePath()
{
    char self[4096];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof(self));
    if (length <= 0 || length >= ssize_t(sizeof(self)))
        return QByteArrayLiteral(SENDGUARD_PDF_READER_INSTALLED);
    const QByteArray program(self, length);
    return program.left(program.lastIndexOf('/') + 1) + "sendguard-pdf-reader.so";
}

struct Reader
{
    SendGuardPdfReadFunction read = nullptr;
    QString error; // why there is none
};

// Loaded once, the first time a PDF comes.
const Reader &reader()
{
    static const Reader loaded = [] {
        const QByteArray path =
            moduleDescriptor >= 0 ? "/proc/self/fd/" + QByteArray::number(moduleDescriptor) : modulePath();
        if (moduleDescriptor < 0 && ::access(path.constData(), R_OK) != 0)
            return Reader {nullptr, QStringLiteral("the PDF reader (sendguard-pdf-reader.so) is not installed")};
        void *module = ::dlopen(path.constData(), RTLD_NOW | RTLD_LOCAL);
        if (!module) // poppler or a library it needs is missing, or hidden from the sandbox
            return Reader {
                nullptr,
                QStringLiteral("the PDF reader could not be loaded (%1)").arg(QString::fromLocal8Bit(::dlerror()))};
        const auto version =
            reinterpret_cast<SendGuardPdfReaderVersionFunction>(::dlsym(module, "sendguard_pdf_reader_version"));
        const auto read = reinterpret_cast<SendGuardPdfReadFunction>(::dlsym(module, "sendguard_pdf_read"));
        if (!version || version() != SendGuardPdfReaderVersion || !read)
            return Reader {nullptr, QStringLiteral("the PDF reader is from another version of SendGuard")};
        return Reader {read, QString()};
    }();
    return loaded;
}

struct Pages
{
    const Core::TextPlace &base;
    TextSink &sink;
    const NestedFileReader &readAttached;
    bool anyText = false;
    int count = 0;
    QList<int> drawnWithoutText; // pages that show something but hold no text
    QList<int> unreadable; // pages poppler cannot read
    QList<int> unmapped; // pages drawn in part with characters that have no Unicode meaning
    int notesPage = 0; // the page the counts below are of
    int annotations = 0;
    int formFields = 0;
    QSet<QByteArray> filesRead; // digests: a file attached twice (to a page and the document) is read once
};

// Characters a font gives no Unicode meaning (a Type 3 or subset font without a text map): poppler
// hands a glyph it cannot name on as its code, which reads as a control character when the code
// is under 32 or from 128 to 159. A run of six or more, apart only by blanks or the separators of a
// number, could be any identifier's digits, which nobody can read. One here and there is a
// ligature or a large bracket of TeX's fonts, between letters.
constexpr int MinUnmappedRun = 6;

bool hasUnmappedRun(QStringView text)
{
    int run = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool blank = u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f';
        if (u < 0x20 ? !blank : (u >= 0x80 && u < 0xA0) || u == 0xFFFD) {
            if (++run >= MinUnmappedRun)
                return true;
        } else if (!blank && u != '-' && u != '.' && u != '/') {
            run = 0;
        }
    }
    return false;
}

// Where a page's annotation or form field lies: "page 2 › note 1". Both may be drawn on the page as
// well: copies, whose findings are not counted twice (Core::TextCopies).
Core::TextPlace notePlace(Pages &state, int page, int kind)
{
    using Kind = Core::TextPlace::Kind;
    if (page != state.notesPage) {
        state.notesPage = page;
        state.annotations = 0;
        state.formFields = 0;
    }
    // Page 0: the document's own (its properties, its bookmarks).
    const Core::TextPlace onPage = page > 0 ? state.base.then(Kind::Page, QString::number(page)) : state.base;
    return kind == SendGuardPdfFormField ? onPage.then(Kind::FormField, QString::number(++state.formFields))
                                         : onPage.then(Kind::Note, QString::number(++state.annotations));
}

} // namespace

int PdfExtractor::openReaderModule()
{
    const QByteArray path = modulePath();
    moduleDescriptor = path.isEmpty() ? -1 : ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    return moduleDescriptor;
}

void PdfExtractor::extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink,
                           const NestedFileReader &readAttached)
{
    const Reader &module = reader();
    if (!module.read) {
        sink.skip(base, QStringLiteral("%1: not scanned").arg(module.error));
        return;
    }
    const SendGuardPdfReadFunction read = module.read;
    Pages pages {base, sink, readAttached};
    const auto page = [](void *context, int number, const char *utf8, std::size_t length, int drawn) {
        Pages &state = *static_cast<Pages *>(context);
        ++state.count;
        if (!utf8) {
            state.unreadable.append(number);
            return true;
        }
        if (drawn)
            state.drawnWithoutText.append(number);
        // Decoded, not trusted: whatever poppler gives is valid text on the way out.
        const QString text = QString::fromUtf8(utf8, qsizetype(length));
        state.anyText = state.anyText || !text.trimmed().isEmpty();
        if (hasUnmappedRun(text))
            state.unmapped.append(number);
        state.sink.add(state.base.then(Core::TextPlace::Kind::Page, QString::number(number)), text);
        return !state.sink.full();
    };
    const auto note = [](void *context, int number, int kind, const char *utf8, std::size_t length) {
        Pages &state = *static_cast<Pages *>(context);
        const QString text = QString::fromUtf8(utf8, qsizetype(length));
        // A scanned form with typed fields: the fields are read, the pictures named. A scan's title,
        // bookmarks or links are no text of its pages.
        if (kind == SendGuardPdfAnnotation || kind == SendGuardPdfFormField)
            state.anyText = state.anyText || !text.trimmed().isEmpty();
        state.sink.add(notePlace(state, number, kind), text);
        return !state.sink.full();
    };
    const auto file = [](void *context, int number, const char *name, std::size_t nameLength, const char *data,
                         std::size_t size) {
        Pages &state = *static_cast<Pages *>(context);
        QString fileName = QString::fromUtf8(name, qsizetype(nameLength));
        const bool named = !fileName.isEmpty();
        if (!named)
            fileName = QStringLiteral("attached file");
        // A file attached to a page lies on that page; one attached to the document, in it.
        const Core::TextPlace place =
            (number > 0 ? state.base.then(Core::TextPlace::Kind::Page, QString::number(number)) : state.base)
                .then(Core::TextPlace::Kind::Entry, fileName);
        if (named)
            state.sink.addFileName(place, fileName);
        if (size > std::size_t(state.sink.limits().maxEntryBytes))
            state.sink.skip(place,
                            QStringLiteral("an attached file larger than %1 bytes: not scanned")
                                .arg(state.sink.limits().maxEntryBytes));
        else if (!data)
            state.sink.skip(place, QStringLiteral("an attached file that cannot be read: not scanned"));
        else if (const QByteArray attached(data, qsizetype(size)),
                 digest = QCryptographicHash::hash(attached, QCryptographicHash::Sha256);
                 !state.filesRead.contains(digest)) {
            state.filesRead.insert(digest);
            state.readAttached(attached, fileName, place);
        }
        return !state.sink.full();
    };
    const int result = read(bytes.constData(), std::size_t(bytes.size()), &pages, page, note, file,
                            std::size_t(sink.limits().maxEntryBytes));
    switch (result) {
    case SendGuardPdfAnnotationsNotReadable:
    case SendGuardPdfBookmarksCut:
    case SendGuardPdfRead:
        if (result == SendGuardPdfAnnotationsNotReadable)
            sink.skip(base,
                      QStringLiteral("its annotations, form fields and attached files could not be read: not scanned"));
        if (result == SendGuardPdfBookmarksCut)
            sink.skip(base,
                      QStringLiteral("bookmarks past the %1th or %2 levels deep: not scanned")
                          .arg(SendGuardPdfMaxBookmarks)
                          .arg(SendGuardPdfMaxBookmarkDepth));
        for (const int number : std::as_const(pages.unreadable))
            sink.skip(base.then(Core::TextPlace::Kind::Page, QString::number(number)),
                      QStringLiteral("a page that cannot be read: not scanned"));
        // What it shows is not what its text says: the page is never reported clean.
        for (const int number : std::as_const(pages.unmapped))
            sink.skip(base.then(Core::TextPlace::Kind::Page, QString::number(number)),
                      QStringLiteral("characters in a font with no text map, which cannot be read: not scanned"));
        if (pages.count == 0)
            sink.skip(base, QStringLiteral("no pages: not scanned"));
        else if (!pages.anyText && !sink.full())
            sink.skip(base, QStringLiteral("no text layer (images only): not scanned"));
        // A scanned page among typed ones: the rest is read, that page is not, and the attachment
        // is never reported clean.
        else if (!pages.drawnWithoutText.isEmpty())
            for (const int number : std::as_const(pages.drawnWithoutText))
                sink.skip(base.then(Core::TextPlace::Kind::Page, QString::number(number)),
                          QStringLiteral("a picture with no text layer (a scan?): not scanned"));
        return;
    case SendGuardPdfEncrypted:
        sink.skip(base, QStringLiteral("encrypted: not scanned"));
        return;
    default:
        sink.skip(base, QStringLiteral("not a readable PDF: not scanned"));
        return;
    }
}

} // namespace SendGuard::Extract
