// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pdfreadermodule.h"

#include <cstddef>
#include <string>

typedef struct _PopplerAttachment PopplerAttachment;
typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;

// Part of the PDF reader module: what poppler-cpp does not give, read through poppler-glib (the
// same poppler, a second parse of the same bytes): the text of each page's annotations (a sticky
// note holds a registration number that no page shows) and form fields, and the files attached to
// pages and to the document, with their names decoded.
class PdfAnnotationReader
{
public:
    enum class Result {
        Read, // every page's annotations were handed on
        BookmarksCut, // and everything else, but the bookmarks past the bounds
        Stopped, // a handler asked to stop
        NotReadable, // poppler-glib could not open what poppler-cpp did
    };

    PdfAnnotationReader(void *context, SendGuardPdfNoteHandler note, SendGuardPdfFileHandler file,
                        std::size_t maxFileBytes);

    // attachedFiles: how many files poppler-cpp says the document has attached (its
    // EmbeddedFiles); those poppler-glib passes over (a broken file specification) are handed on
    // as files that cannot be read.
    Result read(const char *data, std::size_t size, int attachedFiles);

private:
    bool readPage(PopplerPage *page, int number);
    bool readFormFields(PopplerPage *page, int number);
    bool readLinks(PopplerPage *page, int number);
    // The document's properties and bookmarks, which a viewer shows beside its pages. False when a
    // handler stopped; *cut: bookmarks were left past the bounds.
    bool readDocumentNotes(PopplerDocument *document, bool *cut);
    bool handOn(int page, SendGuardPdfNoteKind kind, const std::string &utf8);
    bool handOnFile(int page, PopplerAttachment *attachment);

    void *m_context;
    SendGuardPdfNoteHandler m_note;
    SendGuardPdfFileHandler m_file;
    std::size_t m_maxFileBytes;
};
