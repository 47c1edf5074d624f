// SPDX-License-Identifier: GPL-2.0-or-later
#include "pdfreadermodule.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

namespace {

// poppler reports problems of broken files on standard error: not ours to print.
void quiet(const std::string &, void *) { }

// How many bytes of the text are not white space.
std::size_t inkedBytes(const poppler::byte_array &utf8)
{
    std::size_t count = 0;
    for (const char c : utf8)
        count += c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    return count;
}

// The share of a page that is ink: drawn at 12 dots per inch (an A4 page is 99 by 140 dots), in
// grey, smoothed so that a thin line still darkens the dots it crosses. A page that cannot be
// drawn counts as all ink: it is never taken for a blank one.
double inkShare(const poppler::page &page)
{
    if (!poppler::page_renderer::can_render())
        return 1;
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    const poppler::image image = renderer.render_page(&page, 12, 12);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8 || image.width() <= 0 ||
        image.height() <= 0)
        return 1;
    constexpr unsigned char White = 250; // paper, not ink: anti-aliasing leaves the edges a little grey
    std::size_t inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const unsigned char *>(image.const_data() + y * image.bytes_per_row());
        for (int x = 0; x < image.width(); ++x)
            inked += row[x] < White;
    }
    return double(inked) / (double(image.width()) * image.height());
}

// Whether a page is a picture nobody can read as text: one without text that shows anything, or
// one with no more text than a page number and a sixth of it or more in ink (a scan, numbered).
bool isPicture(const poppler::page &page, const poppler::byte_array &utf8)
{
    constexpr std::size_t PageNumberBytes = 32;
    const std::size_t text = inkedBytes(utf8);
    if (text > PageNumberBytes)
        return false;
    const double ink = inkShare(page);
    return text == 0 ? ink > 0 : ink >= 1.0 / 6;
}

} // namespace

extern "C" __attribute__((visibility("default"))) int sendguard_pdf_reader_version()
{
    return SendGuardPdfReaderVersion;
}

extern "C" __attribute__((visibility("default"))) int sendguard_pdf_read(const char *data, std::size_t size,
                                                                         void *context, SendGuardPdfPageHandler page)
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
            if (!one)
                continue;
            const poppler::byte_array utf8 = one->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
            const bool drawn = isPicture(*one, utf8);
            if (!page(context, i + 1, utf8.data(), utf8.size(), drawn ? 1 : 0))
                break;
        }
        return SendGuardPdfRead;
    } catch (...) { // out of memory under the sandbox's limit, or poppler's own
        return SendGuardPdfNotReadable;
    }
}
