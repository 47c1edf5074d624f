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
    SendGuardPdfAnnotationsNotReadable = 3, // the pages were read; annotations and attached files could not be
    SendGuardPdfBookmarksCut = 4, // everything was read but bookmarks past the bounds below
};

// How many bookmarks are read, and how deep: a crafted outline cannot loop or flood.
constexpr int SendGuardPdfMaxBookmarks = 10000;
constexpr int SendGuardPdfMaxBookmarkDepth = 32;

// The interface's version: a module left from another build is refused, never called wrongly.
constexpr int SendGuardPdfReaderVersion = 8;
int sendguard_pdf_reader_version();
using SendGuardPdfReaderVersionFunction = decltype(&sendguard_pdf_reader_version);

// Where a page's note comes from. Either may be drawn on the page as well (an annotation's
// appearance, a visible field's value), or not (a sticky note shows an icon, a hidden field nothing).
enum SendGuardPdfNoteKind {
    SendGuardPdfAnnotation = 0, // an annotation's author, subject and text (a sticky note, a text box, a comment)
    SendGuardPdfFormField = 1, // a form field's value (text typed, a list's items) and tooltip
    SendGuardPdfLink = 2, // a link's address, which a viewer shows when the pointer rests on it
    SendGuardPdfDocumentNote = 3, // page 0: the document's title, author, subject and keywords, its bookmarks
};

// Hands each page's text (UTF-8, in reading order; page counts from 1) to page; utf8 is null for
// a page poppler cannot read (one with more than 10,000 annotations), which a viewer may show. A page without
// text is drawn small and looked at: drawn is 1 when it is a picture all the same (a scan, text
// turned into outlines, a chart), which nobody can check; 0 when it is blank, or nearly (a rule,
// a pale background).
using SendGuardPdfPageHandler = bool (*)(void *context, int page, const char *utf8, std::size_t length, int drawn);
// Then, page by page, in the order the page lists them: the text of its annotations and form
// fields and its links' addresses (UTF-8) to note, with its SendGuardPdfNoteKind, and the files
// attached to it (by a file-attachment annotation) to file; then what a viewer shows of the
// document itself (its properties, its bookmarks), with page 0.
using SendGuardPdfNoteHandler = bool (*)(void *context, int page, int kind, const char *utf8, std::size_t length);
// Last, the files attached to the document (its EmbeddedFiles) to file, with page 0. file gets a
// file's name (UTF-8) and bytes; data is null for one poppler cannot read, or one that says or
// turns out to be larger than maxFileBytes (size is then larger too), which is not unpacked
// further.
using SendGuardPdfFileHandler = bool (*)(void *context, int page, const char *name, std::size_t nameLength,
                                         const char *data, std::size_t size);
// Every handler returns false to stop. Never throws.
int sendguard_pdf_read(const char *data, std::size_t size, void *context, SendGuardPdfPageHandler page,
                       SendGuardPdfNoteHandler note, SendGuardPdfFileHandler file, std::size_t maxFileBytes);
using SendGuardPdfReadFunction = decltype(&sendguard_pdf_read);
}
