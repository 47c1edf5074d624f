// SPDX-License-Identifier: GPL-2.0-or-later
#include "wordprocessingextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

void walkPart(const ZipContainer &zip, const QString &name, const Core::TextPlace &place, TextSink &sink)
{
    QString error;
    if (!XmlTextWalker::walkEntry(zip, name, WordprocessingExtractor::dialect(), place, sink, &error))
        sink.skip(place.isEmpty() ? Core::TextPlace {}.then(Kind::Entry, name) : place, error);
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
        d.symbol = QStringLiteral("sym");
        d.marks = {{QStringLiteral("noBreakHyphen"), "-"}, {QStringLiteral("ptab"), "\t"}};
        d.table = QStringLiteral("tbl");
        d.row = QStringLiteral("tr");
        d.cell = QStringLiteral("tc");
        d.cellWidthElement = QStringLiteral("gridSpan");
        d.columnsBefore = QStringLiteral("gridBefore");
        d.containers = {
            {QStringLiteral("footnote"), {Kind::Footnote, QStringLiteral("id")}},
            {QStringLiteral("endnote"), {Kind::Endnote, QStringLiteral("id")}},
            {QStringLiteral("comment"), {Kind::Comment, QStringLiteral("id")}},
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
        d.attributeTexts.insert(QStringLiteral("listItem"), {Kind::FormField, QStringLiteral("displayText")});
        d.attributeTexts.insert(QStringLiteral("listEntry"), {Kind::FormField, QStringLiteral("val")});
        d.attributeTexts.insert(QStringLiteral("fldSimple"), {Kind::Note, QStringLiteral("instr")});
        return d;
    }();
    return word;
}

void WordprocessingExtractor::extract(const ZipContainer &zip, const QString &mainPart, const Core::TextPlace &base,
                                      TextSink &sink)
{
    walkPart(zip, mainPart.isEmpty() ? QStringLiteral("word/document.xml") : mainPart, base, sink);
    for (const auto &[number, name] : zip.numberedEntries(QStringLiteral("word/header([0-9]*)\\.xml")))
        walkPart(zip, name, base.then(Kind::Header), sink);
    for (const auto &[number, name] : zip.numberedEntries(QStringLiteral("word/footer([0-9]*)\\.xml")))
        walkPart(zip, name, base.then(Kind::Footer), sink);
    for (const char *part : {"word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"}) {
        if (zip.indexOf(QLatin1String(part)) >= 0)
            walkPart(zip, QLatin1String(part), base, sink);
    }
}

} // namespace SendGuard::Extract
