// SPDX-License-Identifier: GPL-2.0-or-later
#include "presentationextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include <QRegularExpression>

#include <map>

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

// ppt/slides/slide12.xml -> 12, in number order.
std::map<int, QString> numbered(const ZipContainer &zip, const QString &pattern)
{
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
    std::map<int, QString> parts;
    for (const ZipContainer::Entry &entry : zip.entries()) {
        const QRegularExpressionMatch match = expression.match(entry.name);
        if (match.hasMatch())
            parts.emplace(match.captured(1).toInt(), entry.name);
    }
    return parts;
}

void walkPart(const ZipContainer &zip, const QString &name, const Core::TextPlace &place, TextSink &sink)
{
    QString error;
    const auto xml = zip.read(name, sink, &error);
    if (!xml || !XmlTextWalker::walk(*xml, drawingDialect(), place, sink, &error))
        sink.skip(place, error);
}

} // namespace

void PresentationExtractor::extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    // A slide's notes are named after the slide in its relationships; "notesSlideN" usually is slide N.
    const auto notes = numbered(zip, QStringLiteral("ppt/notesSlides/notesSlide([0-9]+)\\.xml"));
    for (const auto &[number, name] : numbered(zip, QStringLiteral("ppt/slides/slide([0-9]+)\\.xml"))) {
        walkPart(zip, name, base.then(Kind::Slide, QString::number(number)), sink);
        if (const auto note = notes.find(number); note != notes.end())
            walkPart(zip, note->second, base.then(Kind::Notes, QString::number(number)), sink);
    }
}

} // namespace SendGuard::Extract
