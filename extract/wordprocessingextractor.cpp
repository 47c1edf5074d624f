// SPDX-License-Identifier: GPL-2.0-or-later
#include "wordprocessingextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include <utility>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

void walkPart(const ZipContainer &zip, const QString &name, const Core::TextPlace &place, TextSink &sink)
{
    QString error;
    if (!XmlTextWalker::walkEntry(zip, name, WordprocessingExtractor::dialect(), place, sink, &error))
        sink.skip(place.isEmpty() ? Core::TextPlace {}.then(Kind::Entry, name) : place, error);
}

// The headers' or footers' parts: header1.xml, header2.xml ... as Word names them, then any other
// the main part's relationships name (a writer may name a part as it likes).
QStringList partsOf(const ZipContainer &zip, const QString &mainPart, const QString &type, TextSink &sink)
{
    QStringList parts;
    for (const auto &[number, name] : zip.numberedEntries(QStringLiteral("word/%1([0-9]*)\\.xml").arg(type)))
        parts.append(name);
    const QString rels = XmlTextWalker::relationshipsPartOf(mainPart);
    QString error;
    const auto xml = zip.indexOf(rels) >= 0 ? zip.read(rels, sink, &error) : std::nullopt;
    if (!xml)
        return parts;
    for (const QString &target : XmlTextWalker::relationshipTargetsOfType(*xml, QLatin1Char('/') + type)) {
        const int index = zip.indexOf(XmlTextWalker::targetOf(mainPart, target));
        if (index >= 0 && !parts.contains(zip.entries().at(index).name))
            parts.append(zip.entries().at(index).name);
    }
    return parts;
}

} // namespace

const XmlTextWalker::Dialect &WordprocessingExtractor::dialect()
{
    static const XmlTextWalker::Dialect word = [] {
        XmlTextWalker::Dialect d;
        d.paragraphs = {QStringLiteral("p")};
        // A field's code (w:instrText: QUOTE "…", MERGEFIELD …) is a piece of its own, beside the
        // result Word shows in the paragraph: a code whose result is not stored shows its text.
        d.texts = {QStringLiteral("t"), QStringLiteral("instrText")};
        d.deletedTexts = {QStringLiteral("delText")};
        d.skipped = {QStringLiteral("delInstrText")};
        d.lineBreaks = {QStringLiteral("br"), QStringLiteral("cr")};
        d.tabs = {QStringLiteral("tab")};
        d.uncountedTypes = {QStringLiteral("separator"), QStringLiteral("continuationSeparator"),
                            QStringLiteral("continuationNotice")};
        d.symbol = QStringLiteral("sym");
        d.marks = {{QStringLiteral("noBreakHyphen"), "-"}, {QStringLiteral("ptab"), "\t"}};
        d.table = QStringLiteral("tbl");
        d.row = QStringLiteral("tr");
        d.cell = QStringLiteral("tc");
        d.cellWidthElement = QStringLiteral("gridSpan");
        d.columnsBefore = QStringLiteral("gridBefore");
        // Notes and comments numbered as a reader counts them, from 1 (their ids are Word's own:
        // comments from 0, notes after the two separators, from 1 or 2).
        d.containers = {
            {QStringLiteral("footnote"), {Kind::Footnote, QString()}},
            {QStringLiteral("endnote"), {Kind::Endnote, QString()}},
            {QStringLiteral("comment"), {Kind::Comment, QString()}},
            {QStringLiteral("txbxContent"), {Kind::TextBox, QString()}},
            // A tracked move keeps the moved text where it was, too: a copy of what w:moveTo holds.
            {QStringLiteral("moveFrom"), {Kind::Alternative, QString()}},
            // A ruby's reading over its text: a piece of its own, never inside the number below it.
            {QStringLiteral("rt"), {Kind::Note, QString()}},
            {QStringLiteral("instrText"), {Kind::Note, QString()}},
        };
        // What Word shows from attributes: a WordArt's text, a picture's alternative text, a
        // link's tooltip, the items of a drop-down (a content control's, a legacy form field's).
        d.attributeTexts.insert(QStringLiteral("textpath"), {Kind::TextBox, QStringLiteral("string")});
        d.attributeTexts.insert(QStringLiteral("docPr"), {Kind::Note, QStringLiteral("descr")});
        d.attributeTexts.insert(QStringLiteral("docPr"), {Kind::Note, QStringLiteral("title")});
        d.attributeTexts.insert(QStringLiteral("hyperlink"), {Kind::Note, QStringLiteral("tooltip")});
        d.attributeTexts.insert(QStringLiteral("hlinkClick"), {Kind::Note, QStringLiteral("tooltip")}); // a drawing's
        d.attributeTexts.insert(QStringLiteral("shape"), {Kind::Note, QStringLiteral("alt")}); // a VML picture's
        d.attributeTexts.insert(QStringLiteral("listItem"), {Kind::FormField, QStringLiteral("displayText")});
        d.attributeTexts.insert(QStringLiteral("listEntry"), {Kind::FormField, QStringLiteral("val")});
        d.attributeTexts.insert(QStringLiteral("fldSimple"), {Kind::Note, QStringLiteral("instr")});
        // A document variable (settings.xml), which a DOCVARIABLE field shows when it is updated.
        d.attributeTexts.insert(QStringLiteral("docVar"), {Kind::FormField, QStringLiteral("val")});
        return d;
    }();
    return word;
}

void WordprocessingExtractor::extract(const ZipContainer &zip, const QString &mainPart, const Core::TextPlace &base,
                                      TextSink &sink)
{
    const QString main = mainPart.isEmpty() ? QStringLiteral("word/document.xml") : mainPart;
    walkPart(zip, main, base, sink);
    for (const auto &[kind, type] :
         {std::pair {Kind::Header, QStringLiteral("header")}, std::pair {Kind::Footer, QStringLiteral("footer")}}) {
        for (const QString &name : partsOf(zip, main, type, sink))
            walkPart(zip, name, base.then(kind), sink);
    }
    for (const char *part : {"word/footnotes.xml", "word/endnotes.xml", "word/comments.xml", "word/settings.xml"}) {
        if (zip.indexOf(QLatin1String(part)) >= 0)
            walkPart(zip, QLatin1String(part), base, sink);
    }
}

} // namespace SendGuard::Extract
