// SPDX-License-Identifier: GPL-2.0-or-later
#include "wordprocessingextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

XmlTextWalker::Dialect wordDialect()
{
    XmlTextWalker::Dialect dialect;
    dialect.paragraphs = {QStringLiteral("p")};
    dialect.texts = {QStringLiteral("t")};
    dialect.deletedTexts = {QStringLiteral("delText")};
    dialect.skipped = {QStringLiteral("instrText"), QStringLiteral("delInstrText")};
    dialect.lineBreaks = {QStringLiteral("br"), QStringLiteral("cr")};
    dialect.tabs = {QStringLiteral("tab")};
    dialect.symbol = QStringLiteral("sym");
    dialect.table = QStringLiteral("tbl");
    dialect.row = QStringLiteral("tr");
    dialect.cell = QStringLiteral("tc");
    dialect.containers = {
        {QStringLiteral("footnote"), {Kind::Footnote, QStringLiteral("id")}},
        {QStringLiteral("endnote"), {Kind::Endnote, QStringLiteral("id")}},
        {QStringLiteral("comment"), {Kind::Comment, QStringLiteral("id")}},
        {QStringLiteral("txbxContent"), {Kind::TextBox, QString()}},
    };
    return dialect;
}

void walkPart(const ZipContainer &zip, const QString &name, const Core::TextPlace &place, TextSink &sink)
{
    QString error;
    if (!XmlTextWalker::walkEntry(zip, name, wordDialect(), place, sink, &error))
        sink.skip(place.isEmpty() ? Core::TextPlace {}.then(Kind::Entry, name) : place, error);
}

} // namespace

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
