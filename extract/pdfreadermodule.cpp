// SPDX-License-Identifier: GPL-2.0-or-later
#include "pdfreadermodule.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

namespace {

// poppler reports problems of broken files on standard error: not ours to print.
void quiet(const std::string &, void *) { }

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
            if (!page(context, i + 1, utf8.data(), utf8.size()))
                break;
        }
        return SendGuardPdfRead;
    } catch (...) { // out of memory under the sandbox's limit, or poppler's own
        return SendGuardPdfNotReadable;
    }
}
