// SPDX-License-Identifier: GPL-2.0-or-later
#include "opendocumentextractor.h"

#include "spreadsheetextractor.h"
#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include <QXmlStreamReader>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

XmlTextWalker::Dialect textDialect()
{
    XmlTextWalker::Dialect dialect;
    dialect.paragraphs = {QStringLiteral("p"), QStringLiteral("h")};
    dialect.lineBreaks = {QStringLiteral("line-break")};
    dialect.tabs = {QStringLiteral("tab")};
    dialect.spaces = QStringLiteral("s");
    dialect.table = QStringLiteral("table");
    dialect.row = QStringLiteral("table-row");
    dialect.cell = QStringLiteral("table-cell");
    dialect.cellWidthAttribute = QStringLiteral("number-columns-repeated");
    dialect.coveredCell = QStringLiteral("covered-table-cell");
    dialect.containerClassAttribute = QStringLiteral("note-class");
    dialect.containerClasses = {{QStringLiteral("endnote"), Kind::Endnote}};
    dialect.containers = {
        {QStringLiteral("note"), {Kind::Footnote, QString()}},
        {QStringLiteral("annotation"), {Kind::Comment, QString()}},
        {QStringLiteral("page"), {Kind::Slide, QString()}}, // draw:page, in a presentation
        {QStringLiteral("notes"), {Kind::Notes, QString()}}, // presentation:notes, a slide's speaker notes
        // styles.xml: a page style's headers and footers, the first page's and left pages' too.
        {QStringLiteral("header"), {Kind::Header, QString()}},
        {QStringLiteral("header-first"), {Kind::Header, QString()}},
        {QStringLiteral("header-left"), {Kind::Header, QString()}},
        {QStringLiteral("footer"), {Kind::Footer, QString()}},
        {QStringLiteral("footer-first"), {Kind::Footer, QString()}},
        {QStringLiteral("footer-left"), {Kind::Footer, QString()}},
        // A ruby's reading over its text: a piece of its own, never inside the number below it.
        {QStringLiteral("ruby-text"), {Kind::Note, QString()}},
    };
    // A user field's value, declared once and shown wherever the field is (text:user-field-get).
    dialect.attributeTexts.insert(QStringLiteral("user-field-decl"), {Kind::FormField, QStringLiteral("string-value")});
    // Fields whose text is an attribute, shown as their condition says (text:hidden-text,
    // text:conditional-text), and a drop-down field's items (text:label in text:drop-down).
    dialect.attributeTexts.insert(QStringLiteral("hidden-text"), {Kind::FormField, QStringLiteral("string-value")});
    dialect.attributeTexts.insert(QStringLiteral("conditional-text"),
                                  {Kind::FormField, QStringLiteral("string-value-if-true")});
    dialect.attributeTexts.insert(QStringLiteral("conditional-text"),
                                  {Kind::FormField, QStringLiteral("string-value-if-false")});
    dialect.attributeTexts.insert(QStringLiteral("label"), {Kind::FormField, QStringLiteral("value")});
    // A form's text boxes (office:forms, drawn on the page by draw:control): the value typed in, and
    // the one the form starts with.
    for (const char *control : {"text", "textarea", "formatted-text", "combobox"}) {
        for (const char *value : {"current-value", "value"})
            dialect.attributeTexts.insert(QLatin1String(control), {Kind::FormField, QLatin1String(value)});
    }
    return dialect;
}

// By the package's mimetype, never by what the content mentions.
bool isSpreadsheet(const ZipContainer &zip, TextSink &sink)
{
    QString error;
    const auto mimetype = zip.read(QStringLiteral("mimetype"), sink, &error);
    return mimetype && mimetype->trimmed().startsWith("application/vnd.oasis.opendocument.spreadsheet");
}

// A spreadsheet's cells, sheet by sheet: the value a number cell holds, else the cell's text.
bool readSpreadsheet(const QByteArray &content, const Core::TextPlace &base, TextSink &sink, QString *error)
{
    QXmlStreamReader reader(content);
    QString sheet;
    int row = 0;
    int column = 0;
    int rowsRepeated = 1;
    while (!reader.atEnd() && !sink.full()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::DTD) {
            *error = QStringLiteral("an XML part declares a DTD: refused");
            return false;
        }
        if (token == QXmlStreamReader::EndElement && reader.name() == QLatin1String("table-row"))
            row += rowsRepeated;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("p") || reader.name() == QLatin1String("h")) {
            // A paragraph outside any cell: a shape's or a text box's on the sheet.
            sink.add(base.then(Kind::Sheet, sheet).then(Kind::TextBox),
                     reader.readElementText(QXmlStreamReader::IncludeChildElements));
        } else if (reader.name() == QLatin1String("content-validation")) {
            // A drop-down's list or a check's condition, as the cell offers it.
            sink.add(base.then(Kind::FormField, XmlTextWalker::attribute(reader, u"name")),
                     XmlTextWalker::attribute(reader, u"condition"));
        } else if (reader.name() == QLatin1String("table")) {
            sheet = XmlTextWalker::attribute(reader, u"name");
            sink.add(base.then(Kind::Sheet, sheet).then(Kind::Name), sheet); // the tab shows it
            row = 1;
        } else if (reader.name() == QLatin1String("table-row")) {
            column = 1;
            rowsRepeated = qMax(1, XmlTextWalker::attribute(reader, u"number-rows-repeated").toInt());
        } else if (reader.name() == QLatin1String("table-cell") ||
                   reader.name() == QLatin1String("covered-table-cell")) {
            const int repeated = qMax(1, XmlTextWalker::attribute(reader, u"number-columns-repeated").toInt());
            const QString type = XmlTextWalker::attribute(reader, u"value-type");
            QString text;
            if (type == QLatin1String("float") || type == QLatin1String("percentage") ||
                type == QLatin1String("currency"))
                text = SpreadsheetExtractor::numberText(XmlTextWalker::attribute(reader, u"value"));
            else if (type == QLatin1String("string"))
                text = XmlTextWalker::attribute(reader, u"string-value"); // what LibreOffice shows, when given
            // The cell's paragraphs (read even for numbers, to move past them).
            QString shown;
            for (int depth = 1; depth > 0 && !reader.atEnd();) {
                const auto inner = reader.readNext();
                if (inner == QXmlStreamReader::StartElement) {
                    ++depth;
                    if ((reader.name() == QLatin1String("p") && !shown.isEmpty()) ||
                        reader.name() == QLatin1String("line-break"))
                        shown += QLatin1Char('\n');
                    else if (reader.name() == QLatin1String("tab"))
                        shown += QLatin1Char('\t');
                    else if (reader.name() == QLatin1String("s"))
                        shown += QString(qBound(1, XmlTextWalker::attribute(reader, u"c").toInt(), 100), u' ');
                } else if (inner == QXmlStreamReader::EndElement) {
                    --depth;
                } else if (inner == QXmlStreamReader::Characters) {
                    shown += reader.text();
                }
            }
            // The value, and what the cell shows when its format adds to it ("850315-"0000000).
            sink.add(base.then(Kind::Sheet, sheet)
                         .then(Kind::Cell, SpreadsheetExtractor::columnName(column) + QString::number(row)),
                     SpreadsheetExtractor::cellText(shown, text));
            column += qMin(repeated, 16384);
        }
    }
    if (reader.hasError()) {
        *error = QStringLiteral("not well-formed XML: %1").arg(reader.errorString());
        return false;
    }
    return true;
}

} // namespace

void OpenDocumentExtractor::extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    QString error;
    if (isSpreadsheet(zip, sink)) {
        const auto content = zip.read(QStringLiteral("content.xml"), sink, &error);
        if (!content) {
            sink.skip(base, QStringLiteral("content.xml: %1").arg(error));
            return;
        }
        if (!readSpreadsheet(*content, base, sink, &error))
            sink.skip(base, QStringLiteral("content.xml: %1").arg(error));
    } else if (!XmlTextWalker::walkEntry(zip, QStringLiteral("content.xml"), textDialect(), base, sink, &error)) {
        sink.skip(base, QStringLiteral("content.xml: %1").arg(error));
        if (zip.indexOf(QStringLiteral("content.xml")) < 0)
            return;
    }
    if (zip.indexOf(QStringLiteral("styles.xml")) < 0)
        return;
    // Headers and footers live in the master pages; other paragraphs there are style samples.
    XmlTextWalker::Dialect dialect = textDialect();
    dialect.numberParagraphs = false;
    if (!XmlTextWalker::walkEntry(zip, QStringLiteral("styles.xml"), dialect, base, sink, &error))
        sink.skip(base, QStringLiteral("styles.xml: %1").arg(error));
}

} // namespace SendGuard::Extract
