// SPDX-License-Identifier: GPL-2.0-or-later
#include "pdfextractor.h"

#include "pdfreadermodule.h"
#include "textsink.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

namespace SendGuard::Extract {

namespace {

int moduleDescriptor = -1;

// The module's file: beside the program that reads (the helper, installed or built, or a test).
QByteArray modulePath()
{
    char self[4096];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (length <= 0)
        return {};
    const QByteArray program(self, length);
    return program.left(program.lastIndexOf('/') + 1) + "sendguard-pdf-reader.so";
}

SendGuardPdfReadFunction reader()
{
    static const SendGuardPdfReadFunction read = [] {
        const QByteArray path =
            moduleDescriptor >= 0 ? "/proc/self/fd/" + QByteArray::number(moduleDescriptor) : modulePath();
        void *module = path.isEmpty() ? nullptr : ::dlopen(path.constData(), RTLD_NOW | RTLD_LOCAL);
        return module ? reinterpret_cast<SendGuardPdfReadFunction>(::dlsym(module, "sendguard_pdf_read")) : nullptr;
    }();
    return read;
}

struct Pages
{
    const Core::TextPlace &base;
    TextSink &sink;
    bool anyText = false;
};

} // namespace

int PdfExtractor::openReaderModule()
{
    const QByteArray path = modulePath();
    moduleDescriptor = path.isEmpty() ? -1 : ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    return moduleDescriptor;
}

void PdfExtractor::extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink)
{
    const SendGuardPdfReadFunction read = reader();
    if (!read) {
        sink.skip(base, QStringLiteral("the PDF reader (sendguard-pdf-reader.so) is not installed: not scanned"));
        return;
    }
    Pages pages {base, sink};
    const auto page = [](void *context, int number, const char *utf8, std::size_t length) {
        Pages &state = *static_cast<Pages *>(context);
        // Decoded, not trusted: whatever poppler gives is valid text on the way out.
        const QString text = QString::fromUtf8(utf8, qsizetype(length));
        state.anyText = state.anyText || !text.trimmed().isEmpty();
        state.sink.add(state.base.then(Core::TextPlace::Kind::Page, QString::number(number)), text);
        return !state.sink.full();
    };
    switch (read(bytes.constData(), std::size_t(bytes.size()), &pages, page)) {
    case SendGuardPdfRead:
        if (!pages.anyText && !sink.full())
            sink.skip(base, QStringLiteral("no text layer (images only): not scanned"));
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
