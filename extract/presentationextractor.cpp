// SPDX-License-Identifier: GPL-2.0-or-later
#include "presentationextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

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
    return dialect;
}

void walkPart(const ZipContainer &zip, const QString &name, const Core::TextPlace &place, TextSink &sink)
{
    QString error;
    if (!XmlTextWalker::walkEntry(zip, name, drawingDialect(), place, sink, &error))
        sink.skip(place, error);
}

} // namespace

void PresentationExtractor::extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    // A slide's notes are named after the slide in its relationships; "notesSlideN" usually is slide N.
    const auto notes = zip.numberedEntries(QStringLiteral("ppt/notesSlides/notesSlide([0-9]+)\\.xml"));
    for (const auto &[number, name] : zip.numberedEntries(QStringLiteral("ppt/slides/slide([0-9]+)\\.xml"))) {
        walkPart(zip, name, base.then(Kind::Slide, QString::number(number)), sink);
        for (const auto &[noteNumber, note] : notes) {
            if (noteNumber == number && !zip.wasRead(zip.indexOf(note)))
                walkPart(zip, note, base.then(Kind::Notes, QString::number(number)), sink);
        }
    }
}

} // namespace SendGuard::Extract
