// SPDX-License-Identifier: GPL-2.0-or-later
#include "presentationextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include <QXmlStreamReader>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

XmlTextWalker::Dialect drawingDialect()
{
    XmlTextWalker::Dialect dialect;
    dialect.paragraphs = {QStringLiteral("p")};
    dialect.texts = {QStringLiteral("t")};
    dialect.lineBreaks = {QStringLiteral("br")};
    dialect.table = QStringLiteral("tbl");
    dialect.row = QStringLiteral("tr");
    dialect.cell = QStringLiteral("tc");
    dialect.numberParagraphs = false; // a slide is place enough
    // What a slide shows from attributes: a shape's or picture's alternative text, a link's tooltip.
    dialect.attributeTexts.insert(QStringLiteral("cNvPr"), {Kind::Note, QStringLiteral("descr")});
    dialect.attributeTexts.insert(QStringLiteral("cNvPr"), {Kind::Note, QStringLiteral("title")});
    dialect.attributeTexts.insert(QStringLiteral("hlinkClick"), {Kind::Note, QStringLiteral("tooltip")});
    return dialect;
}

void walkPart(const ZipContainer &zip, const QString &name, const Core::TextPlace &place, TextSink &sink)
{
    QString error;
    if (!XmlTextWalker::walkEntry(zip, name, drawingDialect(), place, sink, &error))
        sink.skip(place, error);
}

// The relationships of `part`: their Ids -> their Targets.
QHash<QString, QString> relationshipsOf(const ZipContainer &zip, const QString &part, TextSink &sink)
{
    const QString rels = XmlTextWalker::relationshipsPartOf(part);
    QString error;
    const auto xml = zip.indexOf(rels) >= 0 ? zip.read(rels, sink, &error) : std::nullopt;
    return xml ? XmlTextWalker::relationshipTargets(*xml) : QHash<QString, QString> {};
}

// The slides in the order the presentation shows them: p:sldIdLst's r:id, through the
// presentation's relationships. A file's number says nothing once slides have been moved.
QStringList slidesInOrder(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    const QString presentation = QStringLiteral("ppt/presentation.xml");
    QString error;
    const auto xml = zip.indexOf(presentation) >= 0 ? zip.read(presentation, sink, &error) : std::nullopt;
    if (!xml)
        return {};
    // Read here, so read for its text too, as any part no extractor knows is.
    const Core::TextPlace place = base.then(Kind::Entry, presentation);
    if (!XmlTextWalker::allText(*xml, place, sink, &error, zip.originOf(presentation)))
        sink.skip(place, error);
    // The sections' names, which the slide pane shows over their slides (p14:section).
    XmlTextWalker::Dialect sections;
    sections.attributeTexts.insert(QStringLiteral("section"), {Kind::Section, QStringLiteral("name")});
    if (!XmlTextWalker::walk(*xml, sections, place, sink, &error, zip.originOf(presentation)))
        sink.skip(place, error);
    const QHash<QString, QString> targets = relationshipsOf(zip, presentation, sink);
    QStringList slides;
    QXmlStreamReader reader(*xml);
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::DTD)
            return {};
        if (token == QXmlStreamReader::StartElement && reader.name() == QLatin1String("sldId")) {
            // r:id, the relationship; the plain id is the slide's own number.
            QString relationship;
            for (const QXmlStreamAttribute &attribute : reader.attributes()) {
                if (attribute.name() == QLatin1String("id") && !attribute.namespaceUri().isEmpty())
                    relationship = attribute.value().toString();
            }
            const QString target = targets.value(relationship);
            if (!target.isEmpty() && zip.indexOf(XmlTextWalker::targetOf(presentation, target)) >= 0)
                slides.append(XmlTextWalker::targetOf(presentation, target));
        }
    }
    return slides;
}

// The notes part a slide's relationships name; empty when none.
QString notesOf(const ZipContainer &zip, const QString &slide, TextSink &sink)
{
    const QHash<QString, QString> targets = relationshipsOf(zip, slide, sink);
    for (const QString &target : targets) {
        if (target.contains(QLatin1String("notesSlide")))
            return XmlTextWalker::targetOf(slide, target);
    }
    return {};
}

// The comments on a slide, each "slide 2 › comment 1", its replies with it: the parts its
// relationships name as comments, PowerPoint's (p:cm, its p:text) and PowerPoint 365's modern
// ones (p188:cm, its a:p paragraphs and replies; their relationship's type ends the same).
void readComments(const ZipContainer &zip, const QString &slide, const Core::TextPlace &place, TextSink &sink)
{
    static const XmlTextWalker::Dialect comments = [] {
        XmlTextWalker::Dialect d;
        d.paragraphs = {QStringLiteral("text"), QStringLiteral("p")}; // their characters are the text
        d.lineBreaks = {QStringLiteral("br")};
        d.containers = {{QStringLiteral("cm"), {Kind::Comment, QString()}}};
        d.numberParagraphs = false;
        return d;
    }();
    XmlTextWalker::walkRelatedParts(zip, slide, u"/comments", comments, place, sink);
}

} // namespace

void PresentationExtractor::extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    // Slide n is the n-th the presentation shows, with the notes its relationships name.
    int shown = 0;
    for (const QString &slide : slidesInOrder(zip, base, sink)) {
        const QString number = QString::number(++shown);
        if (zip.wasRead(zip.indexOf(slide)))
            continue; // listed twice
        walkPart(zip, slide, base.then(Kind::Slide, number), sink);
        readComments(zip, slide, base.then(Kind::Slide, number), sink);
        const QString notes = notesOf(zip, slide, sink);
        if (!notes.isEmpty() && zip.indexOf(notes) >= 0 && !zip.wasRead(zip.indexOf(notes)))
            walkPart(zip, notes, base.then(Kind::Notes, number), sink);
    }
    // Slides the list does not name (a file written by hand): by their file's number, with the notes
    // of the same number.
    const auto notes = zip.numberedEntries(QStringLiteral("ppt/notesSlides/notesSlide([0-9]+)\\.xml"));
    for (const auto &[number, name] : zip.numberedEntries(QStringLiteral("ppt/slides/slide([0-9]+)\\.xml"))) {
        if (zip.wasRead(zip.indexOf(name)))
            continue;
        walkPart(zip, name, base.then(Kind::Slide, QString::number(number)), sink);
        readComments(zip, name, base.then(Kind::Slide, QString::number(number)), sink);
        for (const auto &[noteNumber, note] : notes) {
            if (noteNumber == number && !zip.wasRead(zip.indexOf(note)))
                walkPart(zip, note, base.then(Kind::Notes, QString::number(number)), sink);
        }
    }
}

} // namespace SendGuard::Extract
