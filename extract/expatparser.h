// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "textorigin.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <expat.h>

namespace SendGuard::Extract {

// expat, set up the one way every XML part of a document is read here: UTF-8 in and out, element
// names as written ("w:p"), and no document type declaration (refused, so no entity is ever
// declared or expanded). Handlers are set on parser() by the caller; their user data is this
// parser, and context<T>(data) gives back what setContext() was given.
class ExpatParser
{
public:
    ExpatParser();
    ~ExpatParser();
    ExpatParser(const ExpatParser &) = delete;
    ExpatParser &operator=(const ExpatParser &) = delete;

    XML_Parser parser() const { return m_parser; }
    void setContext(void *context) { m_context = context; }
    template<typename T>
    static T &context(void *userData)
    {
        return *static_cast<T *>(static_cast<ExpatParser *>(userData)->m_context);
    }

    // Feeds all of xml (in blocks: expat takes an int length). False with error set when it is
    // not well formed or declares a DTD; false with error empty when a handler called stop().
    bool parse(const QByteArray &xml, QString *error);
    // Feeds the next block of a document read a block at a time (a ZIP entry as it is inflated);
    // last: nothing follows. False as parse() says. Without the whole document,
    // isVerbatim() is always false: such a walk records no origins.
    bool feed(QByteArrayView block, bool last, QString *error);
    // The same without a copy: room for the next `size` bytes (at most 1 GiB) inside expat's own
    // buffer, and then the parse of the first `length` bytes written there. room() is null when
    // expat has no memory for it or the parse has ended.
    char *room(qsizetype size);
    bool feedRoom(qsizetype length, bool last, QString *error);
    void stop();

    // "w:p" read as "p": names are matched by their local part, whatever prefix a file binds.
    static QByteArrayView localName(const char *qualified);
    // The value of the first attribute whose local name is `local`, in a start tag's handler's
    // attributes; empty when there is none.
    static QByteArray attribute(const char **attributes, QByteArrayView local);
    // Text or an attribute's value as expat gave it, written back into XML: the markup characters,
    // and a tab or line break (which XML reads as a space in a value) as references.
    static QByteArray escaped(QByteArray text);
    // The values of every attribute whose local name is `local`, in the order written.
    static QList<QByteArray> attributes(const char **attributes, QByteArrayView local);

    // Where the current event's bytes start in xml.
    qint64 byteIndex() const { return XML_GetCurrentByteIndex(m_parser); }
    // Whether character data expat just gave is the very bytes of xml at byteIndex(): false for a
    // character reference, an entity, or a line end XML normalised.
    bool isVerbatim(const char *text, int length) const;

    // Appends character data expat just gave to utf8; with origin, records where it came from:
    // a run when it is verbatim (one for what lies side by side: expat splits text at buffer
    // ends), or a reference run for a character reference or entity.
    void appendText(QByteArray &utf8, TextOrigin *origin, const char *text, int length) const;

    // In a start tag's handler: where the value expat gave for the attribute named `qualified`
    // (as written, "w:val") lies in xml, as runs of value: verbatim stretches and references. A
    // blank XML normalised (a tab or line break in the value) has no run. No runs at all when the
    // value cannot be found, or does not read as expat gave it.
    std::vector<TextOrigin::Run> attributeRuns(QByteArrayView qualified, QByteArrayView value) const;

private:
    // False, with error set to why the parse failed (left empty when a handler stopped it).
    bool failed(QString *error) const;

    XML_Parser m_parser;
    void *m_context = nullptr;
    const QByteArray *m_xml = nullptr;
    bool m_refused = false;
    bool m_stopped = false;
};

} // namespace SendGuard::Extract
