// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "textorigin.h"

#include "message/textplace.h"

#include <QHash>
#include <QSet>
#include <QString>

QT_BEGIN_NAMESPACE
class QXmlStreamReader;
QT_END_NAMESPACE

namespace SendGuard::Extract {

class TextSink;
class ZipContainer;

// Reads the text of one XML part of an office document (a DOCX, PPTX, HWPX or ODF part) paragraph
// by paragraph, with tables, rows and cells, notes and headers as places. Element names are local
// names (namespaces differ between transitional and strict OOXML). A document type declaration is
// refused: no entity is ever expanded.
class XmlTextWalker
{
public:
    struct Dialect
    {
        QSet<QString> paragraphs; // p, h
        QSet<QString> texts; // elements whose characters are text (w:t); empty: all characters in a paragraph
        QSet<QString> deletedTexts; // text a tracked change deleted (w:delText)
        QSet<QString> skipped; // elements whose characters are not text (field codes, ODF annotations' metadata)
        QSet<QString> lineBreaks;
        QSet<QString> tabs;
        QString spaces; // ODF text:s, with its count in attribute "c"
        QString symbol; // WordprocessingML w:sym: a character given as hex in attribute "char"
        // Empty elements that stand for a character a number may be written with: a hyphen that
        // does not break (w:noBreakHyphen, hp:hyphen), a space (hp:nbSpace), a tab (w:ptab).
        QHash<QString, QByteArray> marks;
        QString table, row, cell;
        // A table's cells are numbered by the columns of its grid, so that a column's title stands
        // over its values whatever is merged: a cell's width, as an element inside it with a "val"
        // (w:gridSpan) or as an attribute on it (table:number-columns-repeated); the merged cells
        // a grid writes in place of the ones covered (table:covered-table-cell); the columns a row
        // leaves out before its first cell (w:gridBefore, with a "val").
        QString cellWidthElement;
        QString cellWidthAttribute;
        QString coveredCell;
        QString columnsBefore;
        // An element inside a cell, after its text, that gives its place in the grid (hp:cellAddr,
        // with "colAddr" and "rowAddr" from 0): a grid that leaves out the cells a merge covers.
        // The cell's text waits for it, within a bound.
        QString cellAddress;
        // Elements that start a place of their own, and the attribute that numbers them (empty: counted).
        // One in `texts` too holds its characters itself (hp:subText, a 덧말's reading over the text).
        QHash<QString, std::pair<Core::TextPlace::Kind, QString>> containers;
        // Counted containers whose "type" attribute names one of these hold no text of a person's
        // (Word's footnote separators): neither numbered nor counted, so that the first note a
        // reader sees is note 1.
        QStringList uncountedTypes;
        // A container whose containerClassAttribute names one of these is of that kind, not its
        // element's: ODF's text:note, a footnote or (text:note-class="endnote") an endnote.
        QString containerClassAttribute;
        QHash<QString, Core::TextPlace::Kind> containerClasses;
        // Attributes whose values a reader sees, each a piece of its own at the element's place
        // under the given kind: a WordArt's text (v:textpath's "string"), a picture's alternative
        // text (docPr's "descr"), a link's tooltip, a drop-down's items.
        QMultiHash<QString, std::pair<Core::TextPlace::Kind, QString>> attributeTexts;
        bool numberParagraphs = true; // "paragraph 12" outside tables
    };

    // The Target of the relationship whose Type ends with typeSuffix, in a .rels part; empty when none.
    static QString relationshipTarget(const QByteArray &rels, QStringView typeSuffix);
    // The Targets of every relationship inside the package whose Type ends with typeSuffix, in order.
    static QStringList relationshipTargetsOfType(const QByteArray &rels, QStringView typeSuffix);
    // Every relationship of a .rels part: its Id -> its Target.
    static QHash<QString, QString> relationshipTargets(const QByteArray &rels);
    // The .rels part that holds `part`'s relationships (ppt/slides/slide3.xml ->
    // ppt/slides/_rels/slide3.xml.rels).
    static QString relationshipsPartOf(const QString &part);
    // The part a relationship of `part` targets: relative to the part's folder, or from the
    // package's root when it starts with '/'.
    static QString targetOf(const QString &part, const QString &target);

    // An attribute by its local name, whatever its prefix (text:c, w:id, table:name).
    static QString attribute(const QXmlStreamReader &reader, QStringView name);

    // Every piece of character data in xml, one line per element that holds some, as one piece
    // at place: for parts no extractor knows (charts, diagrams, comments, drawings, document
    // properties). False with error set as walk() says.
    static bool allText(const QByteArray &xml, const Core::TextPlace &place, TextSink &sink, QString *error,
                        const TextOrigin &part = {});

    // False with error set when the XML is not well formed or declares a DTD. part: the entry xml
    // was read from (ZipContainer::originOf()), when the sink records origins.
    static bool walk(const QByteArray &xml, const Dialect &dialect, const Core::TextPlace &base, TextSink &sink,
                     QString *error, const TextOrigin &part = {});

    // walk() over the named entry of zip, inflated and parsed a block at a time (a part is never
    // held whole, unless the sink records origins for masking). False with error set when the
    // entry cannot be read or its XML is not what walk() accepts.
    static bool walkEntry(const ZipContainer &zip, const QString &name, const Dialect &dialect,
                          const Core::TextPlace &base, TextSink &sink, QString *error);

    // walkEntry() over each part that part's relationships of a type ending with typeSuffix name
    // (a sheet's comments, a slide's), at base, once: a part read before is not read again. One
    // that cannot be read is said not scanned. How many such parts the relationships name.
    static int walkRelatedParts(const ZipContainer &zip, const QString &part, QStringView typeSuffix,
                                const Dialect &dialect, const Core::TextPlace &base, TextSink &sink);
};

} // namespace SendGuard::Extract
