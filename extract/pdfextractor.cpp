// SPDX-License-Identifier: GPL-2.0-or-later
#include "pdfextractor.h"

#include "textsink.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

namespace SendGuard::Extract {

namespace {

// poppler reports problems of broken files on standard error: not ours to print.
void quiet(const std::string &, void *) { }

} // namespace

void PdfExtractor::extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink)
{
    poppler::set_debug_error_function(quiet, nullptr);
    const std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    if (!document) {
        sink.skip(base, QStringLiteral("not a readable PDF: not scanned"));
        return;
    }
    if (document->is_locked()) {
        sink.skip(base, QStringLiteral("encrypted: not scanned"));
        return;
    }
    const int pages = document->pages();
    bool anyText = false;
    for (int i = 0; i < pages && !sink.full(); ++i) {
        const std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page)
            continue;
        const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        const QString text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
        anyText = anyText || !text.trimmed().isEmpty();
        sink.add(base.then(Core::TextPlace::Kind::Page, QString::number(i + 1)), text);
    }
    if (pages > 0 && !anyText)
        sink.skip(base, QStringLiteral("no text layer (images only): not scanned"));
}

} // namespace SendGuard::Extract
