// SPDX-License-Identifier: GPL-2.0-or-later
#include "pdfreadermodule.h"

#include "pdfannotationreader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <memory>

namespace {

// poppler reports problems of broken files on standard error: not ours to print.
void quiet(const std::string &, void *) { }

bool isBlank(const poppler::byte_array &utf8)
{
    return std::all_of(utf8.begin(), utf8.end(),
                       [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; });
}

// Whether a page without text is a picture all the same (a scan, text turned into outlines, a
// chart): drawn at 12 dots per inch at most (an A4 page is 99 by 140 dots), in grey, a hundredth of it or
// more in ink. Ink is darker than a pale background or the grey edge a thin rule leaves. A page
// that cannot be drawn counts as a picture: it is never taken for a blank one.
bool isPicture(const poppler::page &page)
{
    if (!poppler::page_renderer::can_render())
        return true;
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    // 12 dots per inch, or fewer for a page so large that its longer side would pass 200 dots
    // (poppler refuses a bitmap too large, and gives one white dot instead).
    const poppler::rectf box = page.page_rect();
    const double longer = std::max(box.width(), box.height());
    const double dpi = longer > 0 ? std::min(12.0, 200.0 * 72.0 / longer) : 12.0;
    const poppler::image image = renderer.render_page(&page, dpi, dpi);
    // As large as asked, either way round (a page may be turned).
    const auto near = [dpi](int dots, double points) { return std::abs(dots - int(points * dpi / 72.0)) <= 2; };
    const bool sized = (near(image.width(), box.width()) && near(image.height(), box.height())) ||
        (near(image.width(), box.height()) && near(image.height(), box.width()));
    if (!image.is_valid() || image.format() != poppler::image::format_gray8 || image.width() <= 0 ||
        image.height() <= 0 || !sized)
        return true; // not drawn as asked: nobody can say it is blank
    constexpr unsigned char Ink = 230;
    std::size_t inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const unsigned char *>(image.const_data() + y * image.bytes_per_row());
        for (int x = 0; x < image.width(); ++x)
            inked += row[x] < Ink;
    }
    return inked * 100 >= std::size_t(image.width()) * std::size_t(image.height());
}

} // namespace

extern "C" __attribute__((visibility("default"))) int sendguard_pdf_reader_version()
{
    return SendGuardPdfReaderVersion;
}

extern "C" __attribute__((visibility("default"))) int
sendguard_pdf_read(const char *data, std::size_t size, void *context, SendGuardPdfPageHandler page,
                   SendGuardPdfNoteHandler note, SendGuardPdfFileHandler file, std::size_t maxFileBytes)
{
    if (size > std::size_t(INT_MAX))
        return SendGuardPdfNotReadable;
    try {
        poppler::set_debug_error_function(quiet, nullptr);
        const std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(data, int(size)));
        if (!document)
            return SendGuardPdfNotReadable;
        if (document->is_locked())
            return SendGuardPdfEncrypted;
        const int pages = document->pages();
        for (int i = 0; i < pages; ++i) {
            const std::unique_ptr<poppler::page> one(document->create_page(i));
            if (!one) { // poppler refuses it (more than 10,000 annotations): a viewer shows it
                if (!page(context, i + 1, nullptr, 0, 0))
                    return SendGuardPdfRead;
                continue;
            }
            const poppler::byte_array utf8 = one->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
            // A page with text is read as text: telling a scan with a page number typed over it from
            // a cover with a logo needs the page's images, which poppler-cpp does not give.
            const bool drawn = isBlank(utf8) && isPicture(*one);
            if (!page(context, i + 1, utf8.data(), utf8.size(), drawn ? 1 : 0))
                return SendGuardPdfRead;
        }
        // The rest through poppler-glib: annotations, form fields, files attached to pages and to the
        // document (whose names poppler-cpp does not decode), each unpacked within maxFileBytes.
        const int attached = document->has_embedded_files() ? int(document->embedded_files().size()) : 0;
        switch (PdfAnnotationReader(context, note, file, maxFileBytes).read(data, size, attached)) {
        case PdfAnnotationReader::Result::NotReadable:
            return SendGuardPdfAnnotationsNotReadable;
        case PdfAnnotationReader::Result::BookmarksCut:
            return SendGuardPdfBookmarksCut;
        case PdfAnnotationReader::Result::Stopped:
        case PdfAnnotationReader::Result::Read:
            return SendGuardPdfRead;
        }
        return SendGuardPdfRead;
    } catch (...) { // out of memory under the sandbox's limit, or poppler's own
        return SendGuardPdfNotReadable;
    }
}
