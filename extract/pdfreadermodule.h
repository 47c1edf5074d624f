// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>

// The PDF reader module (sendguard-pdf-reader.so): poppler behind a C interface, in a module of its
// own so that only a PDF pays for loading poppler and its twenty libraries (half the helper's
// start). sendguard-extract loads it with dlopen() when it meets a PDF (PdfExtractor).
extern "C" {

// What sendguard_pdf_read() says of the document.
enum SendGuardPdfResult {
    SendGuardPdfRead = 0, // every page was handed on (or the handler stopped)
    SendGuardPdfNotReadable = 1, // not a PDF poppler can open
    SendGuardPdfEncrypted = 2, // locked by a password
};

// The interface's version: a module left from another build is refused, never called wrongly.
constexpr int SendGuardPdfReaderVersion = 3;
int sendguard_pdf_reader_version();
using SendGuardPdfReaderVersionFunction = decltype(&sendguard_pdf_reader_version);

// Hands each page's text (UTF-8, in reading order; page counts from 1) to page; page returns
// false to stop. A page without text is drawn small and looked at: drawn is 1 when it is a
// picture all the same (a scan, text turned into outlines, a chart), which nobody can check; 0
// when it is blank, or nearly (a rule, a pale background). Never throws.
using SendGuardPdfPageHandler = bool (*)(void *context, int page, const char *utf8, std::size_t length, int drawn);
// Then hands each file attached to the document (its EmbeddedFiles) to file: its name (UTF-8)
// and bytes; data is null for one poppler cannot read, or one that says it is larger than
// maxFileBytes (size is then what it says), which is never unpacked. file returns false to stop.
using SendGuardPdfFileHandler = bool (*)(void *context, const char *name, std::size_t nameLength, const char *data,
                                         std::size_t size);
int sendguard_pdf_read(const char *data, std::size_t size, void *context, SendGuardPdfPageHandler page,
                       SendGuardPdfFileHandler file, std::size_t maxFileBytes);
using SendGuardPdfReadFunction = decltype(&sendguard_pdf_read);
}
