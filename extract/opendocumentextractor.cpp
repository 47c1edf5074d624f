// SPDX-License-Identifier: GPL-2.0-or-later
#include "opendocumentextractor.h"

#include "expatparser.h"
#include "spreadsheetextractor.h"
#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include <QHash>

#include <algorithm>

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
QByteArray mimetypeOf(const ZipContainer &zip, TextSink &sink)
{
    QString error;
    const auto mimetype = zip.read(QStringLiteral("mimetype"), sink, &error);
    return mimetype ? mimetype->trimmed() : QByteArray();
}

// A spreadsheet's cells, sheet by sheet: the value a number cell holds, else the cell's text;
// with where each came from, so that "mask and send" can star a text cell's digits where they
// lie, and write a number cell again as a text cell that shows its masked form.
bool readSpreadsheet(const QByteArray &content, const Core::TextPlace &base, const TextOrigin &part, TextSink &sink,
                     QString *error)
{
    // The cells an array formula fills (number-matrix-*-spanned on its first cell): computed, all
    // of them, though only the first holds the formula.
    struct Range
    {
        int firstRow;
        int lastRow;
        int firstColumn;
        int lastColumn;
    };
    constexpr std::size_t MaxRanges = 256; // past it, every cell after is taken as computed
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
        // Every value-type, value and string-value attribute, whatever its prefix: LibreOffice
        // writes office:value-type and calcext:value-type, and a file may bind the office namespace
        // to two prefixes. All are read, so that no value hides behind another.
        QList<QByteArray> types;
        QList<QByteArray> values;
        QList<QByteArray> stringValues;
        // Whether the cell holds only its paragraphs' text, so that a text cell written in its
        // place loses nothing (a comment is an element inside the cell).
        bool plain = true;
        // After a paragraph, or around what is no paragraph's text (a comment's author and date, a
        // picture's title): what comes next is another line, never glued to the number before it.
        bool breakPending = false;
        int paragraphDepth = 0; // inside a paragraph of the cell
        int asideDepth = 0; // inside a comment, a picture or a shape in the cell
        QByteArray aside; // their text
        bool asideBreak = false;
        QByteArray shown; // the paragraphs' text
        TextOrigin origin;
        std::vector<Range> arrays;
        bool tooManyArrays = false;
        // The least count of integer digits each automatic number style shows
        // (number:min-integer-digits), and the number style of each cell style: a registration
        // number of the 2000s typed as a number (102033456788) is shown with its leading zero.
        QHash<QByteArray, int> leastDigits;
        QHash<QByteArray, QByteArray> cellNumberStyles;
        QByteArray numberStyle; // the number style being read
        QByteArray cellStyle; // the cell's table:style-name

        Core::TextPlace cellPlace() const
        {
            return base.then(Kind::Sheet, sheet)
                .then(Kind::Cell, SpreadsheetExtractor::columnName(column) + QString::number(row));
        }

        bool isNumber() const
        {
            return std::any_of(types.begin(), types.end(), [](const QByteArray &type) {
                return type == "float" || type == "percentage" || type == "currency";
            });
        }

        // Two readings of the cell's kind or value: nothing is masked where it cannot be told which
        // one a spreadsheet program shows.
        bool ambiguous() const
        {
            return values.size() > 1 || stringValues.size() > 1 ||
                std::any_of(types.begin(), types.end(), [&](const QByteArray &type) { return type != types.front(); });
        }

        bool inArray() const
        {
            if (tooManyArrays)
                return true;
            return std::any_of(arrays.begin(), arrays.end(), [&](const Range &range) {
                return row >= range.firstRow && row <= range.lastRow && column + repeated - 1 >= range.firstColumn &&
                    column <= range.lastColumn;
            });
        }

        void cellStart(const char *name, const char **attributes)
        {
            depth = 1;
            inCell = true;
            repeated = qBound(1, ExpatParser::attribute(attributes, "number-columns-repeated").toInt(), 16384);
            types = ExpatParser::attributes(attributes, "value-type");
            cellStyle = ExpatParser::attribute(attributes, "style-name");
            values = ExpatParser::attributes(attributes, "value");
            stringValues = ExpatParser::attributes(attributes, "string-value");
            plain = true;
            breakPending = false;
            paragraphDepth = 0;
            asideDepth = 0;
            aside.clear();
            asideBreak = false;
            shown.clear();
            const int arrayColumns = ExpatParser::attribute(attributes, "number-matrix-columns-spanned").toInt();
            const int arrayRows = ExpatParser::attribute(attributes, "number-matrix-rows-spanned").toInt();
            if ((arrayColumns > 0 || arrayRows > 0) && arrays.size() == MaxRanges)
                tooManyArrays = true;
            else if (arrayColumns > 0 || arrayRows > 0)
                arrays.push_back({row, row + qBound(1, arrayRows, 1 << 20) - 1, column,
                                  column + qBound(1, arrayColumns, 16384) - 1});
            origin = part;
            origin.computed = !ExpatParser::attribute(attributes, "formula").isEmpty() || inArray();
            if (!origin.isKnown() || !isNumber() || ambiguous())
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
                    tag += ' ' + QByteArray(attribute[0]) + "=\"" + ExpatParser::escaped(attribute[1]) + '"';
            }
            origin.element.start = parser.byteIndex();
            origin.element.name = name;
            origin.element.textCellTag = tag + valueType + '>';
        }

        void cellEnd()
        {
            inCell = false;
            QStringList texts;
            const int least = leastDigits.value(cellNumberStyles.value(cellStyle));
            for (const QByteArray &given : isNumber() ? values : stringValues) {
                const QString text =
                    isNumber() ? SpreadsheetExtractor::numberText(QString::fromUtf8(given)) : QString::fromUtf8(given);
                if (!text.isEmpty() && !texts.contains(text))
                    texts.append(text);
                // As its style shows it, when that adds leading zeros the file's paragraph may lack.
                if (isNumber() && !text.isEmpty() && text.size() < least && text.front().isDigit() &&
                    std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
                    texts.append(QString(least - text.size(), QLatin1Char('0')) + text);
            }
            if (texts.isEmpty()) {
                origin.element = {};
                // A text cell that also holds a value attribute, which masking would leave as it is.
                if (!values.isEmpty())
                    origin.runs.clear();
                sink.addUtf8(cellPlace(), shown, origin);
            } else {
                if (isNumber()) {
                    // A number has no characters to star: masked, the whole cell becomes text.
                    origin.runs.clear();
                    origin.element.end = parser.byteIndex() + XML_GetCurrentByteCount(parser.parser());
                    if (!plain || origin.element.paragraph.isEmpty() || ambiguous())
                        origin.element = {};
                } else {
                    const bool computed = origin.computed;
                    origin = {}; // the text is an attribute's as well as the paragraphs'
                    origin.computed = computed;
                }
                // The value, and what the cell shows when its format adds to it ("850315-"0000000);
                // then any other reading of it not already there.
                QString text = SpreadsheetExtractor::cellText(QString::fromUtf8(shown), texts.front());
                for (qsizetype i = 1; i < texts.size(); ++i) {
                    if (!text.split(QLatin1Char('\n')).contains(texts.at(i)))
                        text += QLatin1Char('\n') + texts.at(i);
                }
                sink.addUtf8(cellPlace(), text.toUtf8(), origin);
            }
            if (!aside.isEmpty())
                sink.addUtf8(cellPlace().then(Kind::Comment, QStringLiteral("1")), aside);
            column += repeated;
            if (sink.full())
                parser.stop();
        }

        // An element inside a cell: its paragraphs, and the marks that stand for blanks; anything
        // else is no paragraph's text, and stands apart from it.
        void cellElement(const char *name, const char **attributes)
        {
            const QByteArrayView local = ExpatParser::localName(name);
            if (asideDepth > 0) {
                asideDepth += isAside(local) ? 1 : 0;
                asideBreak = true;
                return;
            }
            if (local == "p" || local == "h") {
                if (!shown.isEmpty())
                    shown += '\n';
                breakPending = false;
                ++paragraphDepth;
                // One paragraph, no more, and none that declares a prefix the text cell written in
                // the cell's place would lose.
                plain = plain && origin.element.paragraph.isEmpty();
                for (const char **attribute = attributes; *attribute; attribute += 2)
                    plain = plain && !QByteArrayView(*attribute).startsWith("xmlns");
                origin.element.paragraph = name;
            } else if (local == "line-break") {
                shown += '\n';
                plain = false; // a text cell in its place would show one line
            } else if (local == "tab") {
                shown += '\t';
            } else if (local == "s") {
                shown += QByteArray(qBound(1, ExpatParser::attribute(attributes, "c").toInt(), 100), ' ');
            } else if (isAside(local)) {
                ++asideDepth;
                plain = false;
                asideBreak = true;
            } else if (paragraphDepth == 0) {
                plain = false;
                breakPending = true;
            }
            // Anything else inside a paragraph (a span, a link, a bookmark, a page break, a change
            // mark) leaves its text joined to what is around it, as the cell shows it.
        }

        void cellElementEnd(const char *name)
        {
            const QByteArrayView local = ExpatParser::localName(name);
            if (asideDepth > 0) {
                asideDepth -= isAside(local) ? 1 : 0;
                asideBreak = true;
            } else if ((local == "p" || local == "h") && paragraphDepth > 0) {
                --paragraphDepth;
                breakPending = true;
            } else if (paragraphDepth == 0) {
                breakPending = true;
            }
        }

        // What a cell holds beside its text, whose own text is no paragraph's of the cell: a
        // comment (its author, date and paragraphs), a picture or a shape with its title, a note,
        // a ruby's reading. Read as a piece of its own, so that the paragraph's text on either side
        // of it (LibreOffice anchors a comment inside the paragraph) stays one number.
        static bool isAside(QByteArrayView local)
        {
            return local == "annotation" || local == "frame" || local == "title" || local == "desc" ||
                local == "note" || local == "ruby-text";
        }

        void text(const char *data, int length)
        {
            const bool blank = std::all_of(data, data + length,
                                           [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
            if (inCell && asideDepth > 0) {
                if (blank)
                    return;
                if (asideBreak && !aside.isEmpty())
                    aside += '\n';
                asideBreak = false;
                aside.append(data, length);
                return;
            }
            if (inCell && blank && (breakPending || paragraphDepth == 0))
                return; // the blanks between elements, which no one sees
            if (inCell && breakPending) {
                if (!shown.isEmpty())
                    shown += '\n';
                breakPending = false;
            }
            parser.appendText(shown, origin.isKnown() ? &origin : nullptr, data, length);
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
                r.arrays.clear();
                r.tooManyArrays = false;
            } else if (local == "table-row") {
                r.column = 1;
                r.rowsRepeated = qBound(1, ExpatParser::attribute(attributes, "number-rows-repeated").toInt(), 1 << 20);
            } else if (local == "table-cell" || local == "covered-table-cell") {
                r.cellStart(name, attributes);
            } else if (local == "number-style") {
                r.numberStyle = ExpatParser::attribute(attributes, "name");
            } else if (local == "number" && !r.numberStyle.isEmpty()) {
                const int least = ExpatParser::attribute(attributes, "min-integer-digits").toInt();
                if (least > 0 && r.leastDigits.size() < 10000)
                    r.leastDigits.insert(r.numberStyle, qMin(least, 32));
            } else if (local == "style" && ExpatParser::attribute(attributes, "family") == "table-cell" &&
                       r.cellNumberStyles.size() < 10000) {
                r.cellNumberStyles.insert(ExpatParser::attribute(attributes, "name"),
                                          ExpatParser::attribute(attributes, "data-style-name"));
            }
        },
        [](void *data, const XML_Char *name) {
            Read &r = ExpatParser::context<Read>(data);
            if (r.depth == 0) {
                if (ExpatParser::localName(name) == "table-row")
                    r.row = std::min(r.row + r.rowsRepeated, 1 << 30); // no overflow, however many
                else if (ExpatParser::localName(name) == "number-style")
                    r.numberStyle.clear();
                return;
            }
            if (--r.depth > 0) {
                if (r.inCell)
                    r.cellElementEnd(name);
                return;
            }
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
            r.text(text, length);
    });
    return parser.parse(content, error) || sink.full();
}

// A text document's text boxes (draw:text-box) are containers, their paragraphs counted apart from
// the body's; a presentation's or a drawing's are where all of a page's text is, and stay as they are.
XmlTextWalker::Dialect contentDialect(const QByteArray &mimetype)
{
    XmlTextWalker::Dialect dialect = textDialect();
    if (mimetype.startsWith("application/vnd.oasis.opendocument.text"))
        dialect.containers.insert(QStringLiteral("text-box"), {Kind::TextBox, QString()});
    return dialect;
}

} // namespace

void OpenDocumentExtractor::extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    QString error;
    const QByteArray mimetype = mimetypeOf(zip, sink);
    if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
        const auto content = zip.read(QStringLiteral("content.xml"), sink, &error);
        if (!content) {
            sink.skip(base, QStringLiteral("content.xml: %1").arg(error));
            return;
        }
        if (!readSpreadsheet(*content, base, zip.originOf(QStringLiteral("content.xml")), sink, &error))
            sink.skip(base, QStringLiteral("content.xml: %1").arg(error));
    } else if (!XmlTextWalker::walkEntry(zip, QStringLiteral("content.xml"), contentDialect(mimetype), base, sink,
                                         &error)) {
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
