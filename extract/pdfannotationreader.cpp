// SPDX-License-Identifier: GPL-2.0-or-later
#include "pdfannotationreader.h"

#include "pdfunpacking.h"

#include <poppler.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

struct GObjectUnref
{
    void operator()(gpointer object) const { g_object_unref(object); }
};
template<typename T>
using GObjectPointer = std::unique_ptr<T, GObjectUnref>;

// A file's bytes as poppler unpacks them, until there are more than fit.
struct Unpacked
{
    std::string bytes;
    std::size_t limit;
    bool tooLarge = false;
};

gboolean keep(const gchar *buffer, gsize count, gpointer data, GError **error)
{
    Unpacked &unpacked = *static_cast<Unpacked *>(data);
    if (count > unpacked.limit - unpacked.bytes.size()) {
        unpacked.tooLarge = true;
        g_set_error_literal(error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "larger than allowed");
        return FALSE;
    }
    unpacked.bytes.append(buffer, count);
    return TRUE;
}

// poppler-glib warns of a broken file (an attachment without its stream) on standard error: not
// ours to print, as for poppler-cpp.
void quiet(const gchar *, GLogLevelFlags, const gchar *, gpointer) { }

// Lines of what a viewer shows, each taken from poppler (and freed), the empty ones left out.
struct Lines
{
    std::string joined;
    void add(gchar *line)
    {
        if (line && *line)
            joined.append(joined.empty() ? "" : "\n").append(line);
        g_free(line);
    }
};

// What a viewer shows of a form field, a line each: its value (text typed, or every item of a list,
// chosen or offered), then its tooltip.
std::string fieldTextOf(PopplerFormField *field)
{
    Lines text;
    switch (poppler_form_field_get_field_type(field)) {
    case POPPLER_FORM_FIELD_TEXT:
        text.add(poppler_form_field_text_get_text(field));
        break;
    case POPPLER_FORM_FIELD_CHOICE: {
        text.add(poppler_form_field_choice_get_text(field)); // typed into an editable list
        const int items = poppler_form_field_choice_get_n_items(field);
        for (int i = 0; i < items; ++i)
            text.add(poppler_form_field_choice_get_item(field, i));
        break;
    }
    default: // a button's or a signature's state holds nothing typed
        break;
    }
    text.add(poppler_form_field_get_alternate_ui_name(field));
    return text.joined;
}

// What a viewer shows of an annotation, a line each: who wrote it (its label) and its subject,
// for the markup kinds that have them, then its text.
std::string textOf(PopplerAnnot *annotation)
{
    Lines text;
    if (POPPLER_IS_ANNOT_MARKUP(annotation)) {
        text.add(poppler_annot_markup_get_label(POPPLER_ANNOT_MARKUP(annotation)));
        text.add(poppler_annot_markup_get_subject(POPPLER_ANNOT_MARKUP(annotation)));
    }
    text.add(poppler_annot_get_contents(annotation));
    return text.joined;
}

} // namespace

PdfAnnotationReader::PdfAnnotationReader(void *context, SendGuardPdfNoteHandler note, SendGuardPdfFileHandler file,
                                         std::size_t maxFileBytes)
    : m_context(context)
    , m_note(note)
    , m_file(file)
    , m_maxFileBytes(maxFileBytes)
{
}

PdfAnnotationReader::Result PdfAnnotationReader::read(const char *data, std::size_t size, int attachedFiles)
{
    g_log_set_default_handler(quiet, nullptr);
    GBytes *bytes = g_bytes_new_static(data, size);
    GError *error = nullptr;
    const GObjectPointer<PopplerDocument> document(poppler_document_new_from_bytes(bytes, nullptr, &error));
    g_bytes_unref(bytes); // the document holds its own reference
    if (error)
        g_error_free(error);
    if (!document)
        return Result::NotReadable;
    const int pages = poppler_document_get_n_pages(document.get());
    for (int i = 0; i < pages; ++i) {
        const GObjectPointer<PopplerPage> page(poppler_document_get_page(document.get(), i));
        if (page && !readPage(page.get(), i + 1))
            return Result::Stopped;
    }
    bool cut = false;
    if (!readDocumentNotes(document.get(), &cut))
        return Result::Stopped;
    GList *attachments = poppler_document_get_attachments(document.get());
    int handedOn = 0;
    bool goOn = true;
    for (GList *item = attachments; item && goOn; item = item->next, ++handedOn)
        goOn = handOnFile(0, POPPLER_ATTACHMENT(item->data));
    g_list_free_full(attachments, g_object_unref);
    for (; handedOn < attachedFiles && goOn; ++handedOn)
        goOn = m_file(m_context, 0, nullptr, 0, nullptr, 0);
    if (!goOn)
        return Result::Stopped;
    return cut ? Result::BookmarksCut : Result::Read;
}

bool PdfAnnotationReader::readPage(PopplerPage *page, int number)
{
    GList *annotations = poppler_page_get_annot_mapping(page);
    bool goOn = true;
    for (GList *item = annotations; item && goOn; item = item->next) {
        PopplerAnnot *annotation = static_cast<PopplerAnnotMapping *>(item->data)->annot;
        switch (poppler_annot_get_annot_type(annotation)) {
        case POPPLER_ANNOT_WIDGET: // a form field: its value is read below
        case POPPLER_ANNOT_POPUP: // the window of another annotation, whose text it shows
        case POPPLER_ANNOT_LINK: // a link's text is its address
            break;
        case POPPLER_ANNOT_FILE_ATTACHMENT: {
            goOn = handOn(number, SendGuardPdfAnnotation, textOf(annotation));
            const GObjectPointer<PopplerAttachment> attachment(
                poppler_annot_file_attachment_get_attachment(POPPLER_ANNOT_FILE_ATTACHMENT(annotation)));
            goOn = goOn && handOnFile(number, attachment.get());
            break;
        }
        default: // a sticky note, a text box, a highlight's or a stamp's comment...
            goOn = handOn(number, SendGuardPdfAnnotation, textOf(annotation));
            break;
        }
    }
    poppler_page_free_annot_mapping(annotations);
    return goOn && readFormFields(page, number) && readLinks(page, number);
}

bool PdfAnnotationReader::readLinks(PopplerPage *page, int number)
{
    // A link's address, which a viewer shows when the pointer rests on it.
    GList *links = poppler_page_get_link_mapping(page);
    bool goOn = true;
    for (GList *item = links; item && goOn; item = item->next) {
        const PopplerAction *action = static_cast<PopplerLinkMapping *>(item->data)->action;
        if (action && action->type == POPPLER_ACTION_URI && action->uri.uri)
            goOn = handOn(number, SendGuardPdfLink, action->uri.uri);
    }
    poppler_page_free_link_mapping(links);
    return goOn;
}

bool PdfAnnotationReader::readDocumentNotes(PopplerDocument *document, bool *cut)
{
    bool goOn = true;
    for (gchar *(*property)(PopplerDocument *) : {poppler_document_get_title, poppler_document_get_author,
                                                  poppler_document_get_subject, poppler_document_get_keywords}) {
        gchar *value = property(document);
        if (value && goOn)
            goOn = handOn(0, SendGuardPdfDocumentNote, value);
        g_free(value);
    }
    // The bookmarks, depth first, within the interface's bounds.
    int bookmarks = 0;
    std::vector<PopplerIndexIter *> open;
    if (PopplerIndexIter *top = poppler_index_iter_new(document))
        open.push_back(top);
    while (!open.empty() && goOn) {
        PopplerIndexIter *iter = open.back();
        if (PopplerAction *action = poppler_index_iter_get_action(iter)) {
            if (action->any.title)
                goOn = handOn(0, SendGuardPdfDocumentNote, action->any.title);
            poppler_action_free(action);
        }
        PopplerIndexIter *child = poppler_index_iter_get_child(iter);
        if (++bookmarks >= SendGuardPdfMaxBookmarks) {
            // Past the bound: said, never passed over in silence, when any bookmark is left.
            *cut = child || poppler_index_iter_next(iter) ||
                std::any_of(open.begin(), open.end() - 1,
                            [](PopplerIndexIter *up) { return poppler_index_iter_next(up); });
            if (child)
                poppler_index_iter_free(child);
            break;
        }
        if (child && int(open.size()) < SendGuardPdfMaxBookmarkDepth) {
            open.push_back(child);
            continue;
        }
        if (child) {
            *cut = true; // deeper than the bound
            poppler_index_iter_free(child);
        }
        // On to the next sibling, or up to the parent's next.
        while (!open.empty() && !poppler_index_iter_next(open.back())) {
            poppler_index_iter_free(open.back());
            open.pop_back();
        }
    }
    for (PopplerIndexIter *iter : open)
        poppler_index_iter_free(iter);
    return goOn;
}

bool PdfAnnotationReader::readFormFields(PopplerPage *page, int number)
{
    // poppler lists a page's fields last first (its annotations, in order).
    GList *fields = g_list_reverse(poppler_page_get_form_field_mapping(page));
    bool goOn = true;
    for (GList *item = fields; item && goOn; item = item->next) {
        PopplerFormField *field = static_cast<PopplerFormFieldMapping *>(item->data)->field;
        goOn = handOn(number, SendGuardPdfFormField, fieldTextOf(field));
    }
    poppler_page_free_form_field_mapping(fields);
    return goOn;
}

bool PdfAnnotationReader::handOn(int page, SendGuardPdfNoteKind kind, const std::string &utf8)
{
    return utf8.empty() || m_note(m_context, page, kind, utf8.data(), utf8.size());
}

bool PdfAnnotationReader::handOnFile(int page, PopplerAttachment *attachment)
{
    if (!attachment)
        return m_file(m_context, page, nullptr, 0, nullptr, 0);
    const std::string name = attachment->name ? attachment->name : "";
    // What it says it holds, before anything is unpacked (poppler's -1: it does not say).
    if (gssize(attachment->size) >= 0 && attachment->size > m_maxFileBytes)
        return m_file(m_context, page, name.data(), name.size(), nullptr, attachment->size);
    Unpacked unpacked {{}, m_maxFileBytes};
    GError *error = nullptr;
    const bool saved = poppler_attachment_save_to_callback(attachment, keep, &unpacked, &error);
    if (error)
        g_error_free(error);
    if (unpacked.tooLarge)
        return m_file(m_context, page, name.data(), name.size(), nullptr, m_maxFileBytes + 1);
    const bool whole = saved && unpackedWhole(unpacked.bytes.size(), gssize(attachment->size));
    return m_file(m_context, page, name.data(), name.size(), whole ? unpacked.bytes.data() : nullptr,
                  unpacked.bytes.size());
}
