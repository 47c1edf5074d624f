// SPDX-License-Identifier: GPL-2.0-or-later
#include "hwpxextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

XmlTextWalker::Dialect owpmlDialect()
{
    XmlTextWalker::Dialect dialect;
    dialect.paragraphs = {QStringLiteral("p")};
    // A 덧말: its text (mainText), and the reading over it (subText), a piece of its own.
    // An equation's script, as the page shows it (a number typed as an equation is drawn as typed),
    // and a drawing's comment, which Hangul shows as the object's description.
    dialect.texts = {QStringLiteral("t"),           QStringLiteral("mainText"), QStringLiteral("subText"),
                     QStringLiteral("stringParam"), QStringLiteral("script"),   QStringLiteral("shapeComment")};
    dialect.lineBreaks = {QStringLiteral("lineBreak")};
    dialect.tabs = {QStringLiteral("tab")};
    // As the HWP 5.0 reader maps the same controls (hwpextractor.cpp).
    dialect.marks = {
        {QStringLiteral("hyphen"), "-"}, {QStringLiteral("nbSpace"), " "}, {QStringLiteral("fwSpace"), " "}};
    dialect.table = QStringLiteral("tbl");
    dialect.row = QStringLiteral("tr");
    dialect.cell = QStringLiteral("tc");
    dialect.cellAddress = QStringLiteral("cellAddr");
    dialect.containers = {
        {QStringLiteral("header"), {Kind::Header, QString()}},
        {QStringLiteral("footer"), {Kind::Footer, QString()}},
        {QStringLiteral("footNote"), {Kind::Footnote, QString()}},
        {QStringLiteral("endNote"), {Kind::Endnote, QString()}},
        {QStringLiteral("subText"), {Kind::Note, QString()}},
        // A field's parameters: a click-here field's guide text, shown in the empty field.
        {QStringLiteral("stringParam"), {Kind::FormField, QString()}},
        {QStringLiteral("shapeComment"), {Kind::Note, QString()}},
    };
    // A TextArt's (글맵시) text is an attribute of its element.
    dialect.attributeTexts.insert(QStringLiteral("textart"), {Kind::TextBox, QStringLiteral("text")});
    return dialect;
}

} // namespace

void HwpxExtractor::extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    const auto sections = zip.numberedEntries(QStringLiteral("Contents/section([0-9]+)\\.xml"));
    if (sections.isEmpty())
        sink.skip(base, QStringLiteral("no Contents/section0.xml: not an HWPX document"));
    for (const auto &[number, name] : sections) {
        const Core::TextPlace place = base.then(Kind::Section, QString::number(number + 1));
        QString error;
        if (!XmlTextWalker::walkEntry(zip, name, owpmlDialect(), place, sink, &error))
            sink.skip(place, error);
    }
}

} // namespace SendGuard::Extract
