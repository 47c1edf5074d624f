// SPDX-License-Identifier: GPL-2.0-or-later
#include "opendocumentextractor.h"

#include "expatparser.h"
#include "spreadsheetextractor.h"
#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

QByteArray escapedAttribute(QByteArray value)
{
    return value.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
}

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

// A spreadsheet's cells, sheet by sheet: the value a number cell holds, else the cell's text;
// with where each came from, so that "mask and send" can star a text cell's digits where they
// lie, and write a number cell again as a text cell that shows its masked form.
bool readSpreadsheet(const QByteArray &content, const Core::TextPlace &base, const TextOrigin &part, TextSink &sink,
                     QString *error)
{
    struct Read
    {
        ExpatParser &parser;
        const Core::TextPlace &base;
        TextOrigin part;
        TextSink &sink;
        QString sheet;
        int row = 0;
        int column = 0;
        int rowsRepeated = 1;
        int depth = 0; // inside a cell, or a paragraph outside any cell
        bool inCell = false;
        int repeated = 1;
        QByteArray type; // office:value-type
        QByteArray value; // office:value, of a number
        QByteArray stringValue; // office:string-value: what LibreOffice shows, when given
        // Whether the cell holds only its paragraphs' text, so that a text cell written in its
        // place loses nothing (a comment is an element inside the cell).
        bool plain = true;
        QByteArray shown; // the paragraphs' text
        TextOrigin origin;

        Core::TextPlace cellPlace() const
        {
            return base.then(Kind::Sheet, sheet)
                .then(Kind::Cell, SpreadsheetExtractor::columnName(column) + QString::number(row));
        }

        void cellStart(const char *name, const char **attributes)
        {
            depth = 1;
            inCell = true;
            repeated = qMax(1, ExpatParser::attribute(attributes, "number-columns-repeated").toInt());
            type = ExpatParser::attribute(attributes, "value-type");
            value = ExpatParser::attribute(attributes, "value");
            stringValue = ExpatParser::attribute(attributes, "string-value");
            plain = true;
            shown.clear();
            origin = part;
            origin.computed = !ExpatParser::attribute(attributes, "formula").isEmpty();
            if (!origin.isKnown() || !isNumber())
                return;
            // The same cell as a text cell: its value's attributes gone, its other ones kept.
            QByteArray tag = '<' + QByteArray(name);
            QByteArray valueType;
            for (const char **attribute = attributes; *attribute; attribute += 2) {
                const QByteArrayView local = ExpatParser::localName(attribute[0]);
                if (local == "value-type")
                    valueType += ' ' + QByteArray(attribute[0]) + "=\"string\"";
                else if (local != "value" && local != "date-value" && local != "time-value" &&
                         local != "boolean-value" && local != "string-value" && local != "currency")
                    tag += ' ' + QByteArray(attribute[0]) + "=\"" + escapedAttribute(attribute[1]) + '"';
            }
            origin.element.start = parser.byteIndex();
            origin.element.name = name;
            origin.element.textCellTag = tag + valueType + '>';
        }

        bool isNumber() const { return type == "float" || type == "percentage" || type == "currency"; }

        void cellEnd()
        {
            inCell = false;
            QString text;
            if (isNumber())
                text = SpreadsheetExtractor::numberText(QString::fromUtf8(value));
            else if (type == "string")
                text = QString::fromUtf8(stringValue);
            if (text.isEmpty()) {
                origin.element = {};
                sink.addUtf8(cellPlace(), shown, origin);
            } else {
                if (isNumber()) {
                    // A number has no characters to star: masked, the whole cell becomes text.
                    origin.runs.clear();
                    origin.element.end = parser.byteIndex() + XML_GetCurrentByteCount(parser.parser());
                    if (!plain || origin.element.paragraph.isEmpty())
                        origin.element = {};
                } else {
                    origin = {}; // the text is an attribute's as well as the paragraphs'
                }
                // The value, and what the cell shows when its format adds to it ("850315-"0000000).
                sink.addUtf8(cellPlace(), SpreadsheetExtractor::cellText(QString::fromUtf8(shown), text).toUtf8(),
                             origin);
            }
            column += qMin(repeated, 16384);
            if (sink.full())
                parser.stop();
        }

        // An element inside a cell: its paragraphs, and the marks that stand for blanks.
        void cellElement(const char *name, const char **attributes)
        {
            const QByteArrayView local = ExpatParser::localName(name);
            if (local == "p") {
                if (!shown.isEmpty())
                    shown += '\n';
                plain = plain && origin.element.paragraph.isEmpty(); // one paragraph, no more
                origin.element.paragraph = name;
            } else if (local == "line-break") {
                shown += '\n';
            } else if (local == "tab") {
                shown += '\t';
            } else if (local == "s") {
                shown += QByteArray(qBound(1, ExpatParser::attribute(attributes, "c").toInt(), 100), ' ');
            } else if (local != "span") {
                plain = false;
            }
        }
    };
    ExpatParser parser;
    Read read {parser, base, sink.recordsOrigins() ? part : TextOrigin {}, sink};
    parser.setContext(&read);
    XML_SetElementHandler(
        parser.parser(),
        [](void *data, const XML_Char *name, const XML_Char **attributes) {
            Read &r = ExpatParser::context<Read>(data);
            if (r.depth > 0) {
                ++r.depth;
                if (r.inCell)
                    r.cellElement(name, attributes);
                return;
            }
            const QByteArrayView local = ExpatParser::localName(name);
            if (local == "p" || local == "h") {
                // A paragraph outside any cell: a shape's or a text box's on the sheet.
                r.depth = 1;
                r.shown.clear();
                r.origin = r.part;
            } else if (local == "content-validation") {
                // A drop-down's list or a check's condition, as the cell offers it.
                r.sink.addUtf8(
                    r.base.then(Kind::FormField, QString::fromUtf8(ExpatParser::attribute(attributes, "name"))),
                    ExpatParser::attribute(attributes, "condition"));
            } else if (local == "table") {
                r.sheet = QString::fromUtf8(ExpatParser::attribute(attributes, "name"));
                r.sink.add(r.base.then(Kind::Sheet, r.sheet).then(Kind::Name), r.sheet); // the tab shows it
                r.row = 1;
            } else if (local == "table-row") {
                r.column = 1;
                r.rowsRepeated = qMax(1, ExpatParser::attribute(attributes, "number-rows-repeated").toInt());
            } else if (local == "table-cell" || local == "covered-table-cell") {
                r.cellStart(name, attributes);
            }
        },
        [](void *data, const XML_Char *name) {
            Read &r = ExpatParser::context<Read>(data);
            if (r.depth == 0) {
                if (ExpatParser::localName(name) == "table-row")
                    r.row += r.rowsRepeated;
                return;
            }
            if (--r.depth > 0)
                return;
            if (r.inCell)
                r.cellEnd();
            else
                r.sink.addUtf8(r.base.then(Kind::Sheet, r.sheet).then(Kind::TextBox), r.shown, r.origin);
            if (r.sink.full())
                r.parser.stop();
        });
    XML_SetCharacterDataHandler(parser.parser(), [](void *data, const XML_Char *text, int length) {
        Read &r = ExpatParser::context<Read>(data);
        if (r.depth > 0)
            r.parser.appendText(r.shown, r.origin.isKnown() ? &r.origin : nullptr, text, length);
    });
    return parser.parse(content, error) || sink.full();
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
        if (!readSpreadsheet(*content, base, zip.originOf(QStringLiteral("content.xml")), sink, &error))
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
