// SPDX-License-Identifier: GPL-2.0-or-later
#include "spreadsheetextractor.h"

#include "expatparser.h"
#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

// Reads xml with reader, refusing a DTD; calls onElement at each start element. False with error
// when the XML is not well formed.
template<typename OnElement>
bool readXml(const QByteArray &xml, QString *error, OnElement onElement)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::DTD) {
            *error = QStringLiteral("an XML part declares a DTD: refused");
            return false;
        }
        if (token == QXmlStreamReader::StartElement && !onElement(reader))
            break;
    }
    if (reader.hasError()) {
        *error = QStringLiteral("not well-formed XML: %1").arg(reader.errorString());
        return false;
    }
    return true;
}

// The local name of an element as expat gives it ("x:c" -> "c").
// The text of <si> (shared strings) and <c> (cells): every <t> and <v> inside, rich-text runs
// and phonetic guides joined; with the origin of each run.
struct CollectedText
{
    QByteArray utf8;
    TextOrigin origin;
};

struct Sheet
{
    QString name;
    QString part;
};

// The parts a workbook's relationships name, where a writer may name them as it likes.
struct WorkbookParts
{
    QString sharedStrings = QStringLiteral("xl/sharedStrings.xml");
    QString styles = QStringLiteral("xl/styles.xml");
};

// The sheets in workbook order, with the part each lives in (the workbook's relationships,
// xl/_rels/workbook.xml.rels as Excel names them).
// recalculated: whether Excel recalculates every formula when it opens the workbook
// (calcPr's fullCalcOnLoad), so that a formula's stored result says nothing of what it shows.
QList<Sheet> sheetsOf(const ZipContainer &zip, const QString &workbookPart, const Core::TextPlace &base, TextSink &sink,
                      QString *error, bool *recalculated, WorkbookParts *parts)
{
    const auto workbook = zip.read(workbookPart, sink, error);
    // Read here, so read for its text too, as any part no extractor knows is: a defined name's
    // value, which a cell that names it shows (=주민).
    if (workbook) {
        const Core::TextPlace place = base.then(Kind::Entry, workbookPart);
        QString walkError;
        if (!XmlTextWalker::allText(*workbook, place, sink, &walkError, zip.originOf(workbookPart)))
            sink.skip(place, walkError);
    }
    const auto relations = zip.read(XmlTextWalker::relationshipsPartOf(workbookPart), sink, error);
    if (!workbook || !relations)
        return {};
    QHash<QString, QString> targets;
    if (!readXml(*relations, error, [&](QXmlStreamReader &reader) {
            if (reader.name() == QLatin1String("Relationship")) {
                const QString target = XmlTextWalker::attribute(reader, u"Target");
                const QString part = XmlTextWalker::targetOf(workbookPart, target);
                targets.insert(XmlTextWalker::attribute(reader, u"Id"), part);
                const QString type = XmlTextWalker::attribute(reader, u"Type");
                if (type.endsWith(QLatin1String("/sharedStrings")) && zip.indexOf(part) >= 0)
                    parts->sharedStrings = part;
                else if (type.endsWith(QLatin1String("/styles")) && zip.indexOf(part) >= 0)
                    parts->styles = part;
            }
            return true;
        }))
        return {};
    QList<Sheet> sheets;
    if (!readXml(*workbook, error, [&](QXmlStreamReader &reader) {
            if (reader.name() == QLatin1String("sheet")) {
                const QString id = XmlTextWalker::attribute(reader, u"id"); // r:id, whatever the prefix
                sheets.append({XmlTextWalker::attribute(reader, u"name"), targets.value(id)});
            } else if (reader.name() == QLatin1String("calcPr")) {
                const QString full = XmlTextWalker::attribute(reader, u"fullCalcOnLoad");
                *recalculated = full == QLatin1String("1") || full == QLatin1String("true");
            }
            return true;
        }))
        return {};
    return sheets;
}

// The shared string table, <si> by <si>.
bool readSharedStrings(const QByteArray &xml, const TextOrigin &part, TextSink &sink,
                       std::vector<CollectedText> &strings, QString *error)
{
    struct Read
    {
        ExpatParser &parser;
        std::vector<CollectedText> &strings;
        TextOrigin part;
        TextSink &sink;
        int depth = 0; // inside <si>
        bool inText = false;
    };
    ExpatParser parser;
    Read read {parser, strings, sink.recordsOrigins() ? part : TextOrigin {}, sink};
    parser.setContext(&read);
    XML_SetElementHandler(
        parser.parser(),
        [](void *data, const XML_Char *name, const XML_Char **) {
            Read &r = ExpatParser::context<Read>(data);
            const QByteArrayView local = ExpatParser::localName(name);
            if (r.depth == 0 && local == "si") {
                r.strings.push_back({{}, r.part});
                r.depth = 1;
            } else if (r.depth > 0) {
                ++r.depth;
                r.inText = local == "t" || local == "v";
            }
        },
        [](void *data, const XML_Char *) {
            Read &r = ExpatParser::context<Read>(data);
            r.inText = false;
            if (r.depth > 0)
                --r.depth;
        });
    XML_SetCharacterDataHandler(parser.parser(), [](void *data, const XML_Char *text, int length) {
        Read &r = ExpatParser::context<Read>(data);
        if (r.depth == 0 || !r.inText)
            return;
        CollectedText &string = r.strings.back();
        r.parser.appendText(string.utf8, string.origin.isKnown() ? &string.origin : nullptr, text, length);
    });
    return parser.parse(xml, error);
}

// Excel keeps a formula to 8,192 characters.
constexpr qsizetype MaxFormulaBytes = 8192 * 3;

// One sheet's cells and printed headers and footers.
bool readSheet(const QByteArray &xml, const Core::TextPlace &place, const TextOrigin &part,
               const QList<QString> &styleFormats, const std::vector<CollectedText> &shared, bool recalculated,
               TextSink &sink, QString *error)
{
    struct Read
    {
        ExpatParser &parser;
        const Core::TextPlace &place;
        TextOrigin part;
        const QList<QString> &styleFormats;
        const std::vector<CollectedText> &shared;
        bool recalculated;
        TextSink &sink;
        int depth = 0; // inside a cell or a header/footer
        bool inText = false;
        bool inCell = false;
        Kind headerOrFooter = Kind::Header;
        CollectedText value;
        bool inValidation = false; // a data validation, its list in formula1
        Core::TextPlace validationPlace;
        // A formula, and whether the file keeps its result (<v>): Excel and LibreOffice show what it
        // computes, which a file written by a library may not hold.
        bool hasFormula = false;
        bool inFormula = false;
        bool hasValue = false;
        QByteArray formula;
        QByteArray type;
        int style = 0;
        QString reference;
        // Where the next cell is, for cells written without their reference (r is optional).
        int row = 0;
        int column = 0;

        void cellEnd()
        {
            QByteArray text;
            TextOrigin origin = value.origin;
            if (type == "s") {
                bool ok = false;
                const int index = value.utf8.trimmed().toInt(&ok);
                if (ok && index >= 0 && std::size_t(index) < shared.size()) {
                    text = shared[std::size_t(index)].utf8;
                    origin = shared[std::size_t(index)].origin;
                } else if (!value.utf8.trimmed().isEmpty()) {
                    // A string the file does not hold (its table missing or cut short): what the
                    // cell shows is not known, and the sheet is never read as clean.
                    sink.skip(place.then(Kind::Cell, reference),
                              QStringLiteral("a shared string the file does not hold"));
                    if (sink.full())
                        parser.stop();
                    return;
                }
            } else if (type.isEmpty() || type == "n") {
                const QString raw = QString::fromUtf8(value.utf8.trimmed());
                QString number = SpreadsheetExtractor::numberText(raw);
                // What the cell shows, when its format adds text to the number.
                const QString shown = SpreadsheetExtractor::formatted(raw, styleFormats.value(style));
                // What a format shows is rounded: so is the number read beside it.
                number = SpreadsheetExtractor::cellText(
                    shown, shown.isEmpty() ? number : SpreadsheetExtractor::roundedToWhole(raw));
                text = number.toUtf8();
                // A number has no characters to star: masked, the whole cell becomes text.
                origin.runs.clear();
                if (origin.isKnown())
                    origin.element.end = parser.byteIndex() + XML_GetCurrentByteCount(parser.parser());
            } else {
                text = value.utf8; // inlineStr, str (a formula's text), e (an error), b (a boolean)
            }
            if (type != "n" && !type.isEmpty())
                origin.element = {};
            // A formula whose result the file does not keep (no <v>, an empty one), or one Excel
            // computes again on opening: its text may hold the value ("=\"850315-\"&\"1234566\""), and
            // what it shows is not known.
            const bool kept = hasValue && !value.utf8.trimmed().isEmpty();
            if (hasFormula && (!kept || recalculated)) {
                const Core::TextPlace cell = place.then(Kind::Cell, reference);
                sink.addUtf8(cell, formula);
                sink.skip(cell,
                          kept ? QStringLiteral("a formula computed again when the workbook opens")
                               : QStringLiteral("a formula whose result the file does not keep"));
                if (sink.full())
                    parser.stop();
                if (!kept)
                    return;
            }
            sink.addUtf8(place.then(Kind::Cell, reference), text, origin);
            if (sink.full())
                parser.stop();
        }
    };
    ExpatParser parser;
    Read read {parser, place, sink.recordsOrigins() ? part : TextOrigin {}, styleFormats, shared, recalculated, sink};
    parser.setContext(&read);
    XML_SetElementHandler(
        parser.parser(),
        [](void *data, const XML_Char *name, const XML_Char **attributes) {
            Read &r = ExpatParser::context<Read>(data);
            const QByteArrayView local = ExpatParser::localName(name);
            if (r.depth > 0) {
                ++r.depth;
                r.inText = !r.inCell || local == "t" || local == "v";
                if (r.inCell && local == "f") {
                    r.value.origin.computed = true;
                    r.hasFormula = r.inFormula = true;
                }
                r.hasValue = r.hasValue || (r.inCell && local == "v");
                return;
            }
            // Printed headers and footers (oddHeader, evenFooter, firstHeader…), "&L&\"Arial\"…" codes and all.
            if (local != "headerFooter" && (local.endsWith("Header") || local.endsWith("Footer"))) {
                r.depth = 1;
                r.inCell = false;
                r.inValidation = false;
                r.inText = true;
                r.headerOrFooter = local.endsWith("Header") ? Kind::Header : Kind::Footer;
                r.value = {{}, r.part};
            } else if (local == "dataValidation" || local == "hyperlink") {
                // What the sheet shows beside its cells: a cell's input prompt and error message, a
                // drop-down's list (its formula1, read below), a link's tooltip and text.
                const Core::TextPlace where = r.place.then(
                    Kind::FormField,
                    QString::fromUtf8(ExpatParser::attribute(attributes, local == "hyperlink" ? "ref" : "sqref"))
                        .left(32));
                for (const char *shown : {"promptTitle", "prompt", "errorTitle", "error", "tooltip", "display"})
                    r.sink.add(where, QString::fromUtf8(ExpatParser::attribute(attributes, shown)));
                if (local == "dataValidation") {
                    r.depth = 1;
                    r.inCell = false;
                    r.inValidation = true;
                    r.inText = false;
                    r.validationPlace = where;
                    r.value = {{}, {}};
                }
            } else if (local == "row") {
                const int number = ExpatParser::attribute(attributes, "r").toInt();
                r.row = number > 0 ? number : r.row + 1;
                r.column = 0;
            } else if (local == "c") {
                r.depth = 1;
                r.inCell = true;
                r.inText = false;
                r.reference = QString::fromUtf8(ExpatParser::attribute(attributes, "r"));
                // "C14": its column is where the next cell without a reference goes after it.
                int column = 0;
                for (const QChar c : std::as_const(r.reference)) {
                    if (c < u'A' || c > u'Z' || column > 16384)
                        break;
                    column = column * 26 + (c.unicode() - u'A' + 1);
                }
                r.column = column > 0 ? column : r.column + 1;
                if (r.reference.isEmpty())
                    r.reference = SpreadsheetExtractor::columnName(r.column) + QString::number(qMax(1, r.row));
                r.type = ExpatParser::attribute(attributes, "t");
                r.style = ExpatParser::attribute(attributes, "s").toInt();
                r.value = {{}, r.part};
                r.hasFormula = r.inFormula = r.hasValue = false;
                r.formula.clear();
                if (r.part.isKnown())
                    r.value.origin.element = {r.parser.byteIndex(), -1, QByteArray(name),
                                              ExpatParser::attribute(attributes, "r"),
                                              ExpatParser::attribute(attributes, "s")};
            }
        },
        [](void *data, const XML_Char *) {
            Read &r = ExpatParser::context<Read>(data);
            if (r.depth == 0)
                return;
            r.inText = !r.inCell && r.depth > 1;
            r.inFormula = false;
            if (--r.depth > 0)
                return;
            if (r.inCell) {
                r.cellEnd();
            } else if (r.inValidation) {
                r.inValidation = false;
                r.sink.addUtf8(r.validationPlace, r.value.utf8);
            } else {
                TextOrigin origin = r.value.origin;
                bool unsure = false;
                const Core::TextPlace where = r.place.then(r.headerOrFooter);
                r.sink.addUtf8(where, SpreadsheetExtractor::headerFooterText(r.value.utf8, &origin, &unsure), origin);
                // A font size run into digits: the other readings too (sizes of one and three digits),
                // which cannot be masked in place.
                for (const int sizeDigits : {1, 3}) {
                    if (!unsure)
                        break;
                    TextOrigin none;
                    r.sink.addUtf8(where,
                                   SpreadsheetExtractor::headerFooterText(r.value.utf8, &none, nullptr, sizeDigits));
                }
            }
        });
    XML_SetCharacterDataHandler(parser.parser(), [](void *data, const XML_Char *text, int length) {
        Read &r = ExpatParser::context<Read>(data);
        if (r.inFormula && r.formula.size() < MaxFormulaBytes)
            r.formula.append(text, length);
        if (r.depth == 0 || !r.inText)
            return;
        r.parser.appendText(r.value.utf8, r.value.origin.isKnown() ? &r.value.origin : nullptr, text, length);
    });
    return parser.parse(xml, error) || sink.full();
}

// A pivot table's cache (xl/pivotCache/): a copy of the rows it summarises, kept in the workbook
// after their own sheet is deleted, and shown again by a double click on a total. Values are
// attributes (<s v="홍길동"/>); a record's <x v="2"/> is its field's third shared item. Read as a
// table: the fields' names, then one line per record, cells apart by tabs, so that a field named
// 주민등록번호 labels its column. Text built here, so not masked where it lies.
void readPivotCache(const ZipContainer &zip, const QString &definition, const Core::TextPlace &base, TextSink &sink)
{
    QString error;
    const Core::TextPlace place = base.then(Kind::Entry, definition);
    const auto xml = zip.read(definition, sink, &error);
    struct Field
    {
        QString name;
        QStringList items;
    };
    QList<Field> fields;
    const auto isValue = [](QStringView name) {
        return name == u"s" || name == u"n" || name == u"d" || name == u"b" || name == u"e";
    };
    // The parts' own text, as for any part no extractor knows, besides the values read below.
    const auto readText = [&](const QByteArray &part, const QString &name) {
        const Core::TextPlace at = base.then(Kind::Entry, name);
        QString textError;
        if (!XmlTextWalker::allText(part, at, sink, &textError, zip.originOf(name)))
            sink.skip(at, textError);
    };
    if (xml)
        readText(*xml, definition);
    if (!xml || !readXml(*xml, &error, [&](QXmlStreamReader &reader) {
            if (reader.name() == QLatin1String("cacheField"))
                fields.append({XmlTextWalker::attribute(reader, u"name"), {}});
            else if (!fields.isEmpty() && (isValue(reader.name()) || reader.name() == QLatin1String("m")))
                fields.last().items.append(XmlTextWalker::attribute(reader, u"v"));
            return true;
        })) {
        sink.skip(place, error);
        return;
    }
    QString table;
    for (const Field &field : std::as_const(fields))
        table += field.name + QLatin1Char('\t');
    table.chop(1);
    // The records: the part the definition's relationship names.
    const QString rels = XmlTextWalker::relationshipsPartOf(definition);
    QString target;
    if (zip.indexOf(rels) >= 0) {
        if (const auto relations = zip.read(rels, sink, &error))
            target = XmlTextWalker::relationshipTarget(*relations, u"/pivotCacheRecords");
    }
    const QString records = target.isEmpty() ? QString() : XmlTextWalker::targetOf(definition, target);
    bool recordsRead = false;
    if (!records.isEmpty() && zip.indexOf(records) >= 0) {
        const auto recordsXml = zip.read(records, sink, &error);
        if (recordsXml)
            readText(*recordsXml, records);
        int column = 0;
        recordsRead = recordsXml && readXml(*recordsXml, &error, [&](QXmlStreamReader &reader) {
                          const QStringView name = reader.name();
                          if (name == u"r") {
                              table += QLatin1Char('\n');
                              column = 0;
                              // Past the text budget: stop, and let the sink say the text was cut.
                              return table.size() <= sink.limits().maxCharacters;
                          }
                          if (!isValue(name) && name != u"x" && name != u"m")
                              return true;
                          const QString value = XmlTextWalker::attribute(reader, u"v");
                          if (column > 0)
                              table += QLatin1Char('\t');
                          if (name == u"x") {
                              const int item = value.toInt();
                              if (column < fields.size() && item >= 0 && item < fields[column].items.size())
                                  table += fields[column].items[item];
                          } else {
                              table += value;
                          }
                          ++column;
                          return true;
                      });
        if (!recordsRead)
            sink.skip(base.then(Kind::Entry, records), error);
    }
    if (!recordsRead) {
        // No records: the values the fields share, a field a column.
        for (qsizetype row = 0;; ++row) {
            QString line;
            bool any = false;
            for (const Field &field : std::as_const(fields)) {
                any = any || row < field.items.size();
                line += field.items.value(row) + QLatin1Char('\t');
            }
            if (!any || table.size() > sink.limits().maxCharacters)
                break;
            line.chop(1);
            table += QLatin1Char('\n') + line;
        }
    }
    sink.add(place, table);
}

constexpr qsizetype MaxFormatCodeLength = 255;

// The sections of a number format, split at ';' outside quotes and escapes.
QStringList sectionsOf(const QString &formatCode)
{
    QStringList sections {QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar c = formatCode.at(i);
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (c == QLatin1Char(';') && !quoted) {
            sections.append(QString());
            continue;
        }
        sections.last() += c;
        if (c == QLatin1Char('\\') && !quoted && i + 1 < formatCode.size())
            sections.last() += formatCode.at(++i);
    }
    return sections;
}

bool isColour(QStringView tag)
{
    static constexpr QStringView colours[] = {u"black",   u"blue", u"cyan",  u"green",
                                              u"magenta", u"red",  u"white", u"yellow"};
    return std::any_of(std::begin(colours), std::end(colours),
                       [tag](QStringView colour) { return tag.compare(colour, Qt::CaseInsensitive) == 0; }) ||
        (tag.startsWith(u"color", Qt::CaseInsensitive) && tag.size() > 5);
}

bool isCondition(QStringView tag)
{
    return tag.startsWith(QLatin1Char('<')) || tag.startsWith(QLatin1Char('>')) || tag.startsWith(QLatin1Char('='));
}

// Whether a condition tag ("<=9999999", ">=1000000000") holds for n; false for one it cannot read.
bool conditionHolds(QStringView tag, qint64 n)
{
    qsizetype length = 0;
    while (length < tag.size() && QStringView(u"<>=").contains(tag.at(length)))
        ++length;
    const QStringView op = tag.left(length);
    bool ok = false;
    const double limit = tag.mid(length).toDouble(&ok);
    if (!ok)
        return false;
    const auto value = double(n);
    if (op == u"<")
        return value < limit;
    if (op == u"<=")
        return value <= limit;
    if (op == u">")
        return value > limit;
    if (op == u">=")
        return value >= limit;
    if (op == u"=")
        return value == limit;
    if (op == u"<>")
        return value != limit;
    return false;
}

// The condition a section starts with ("[<=9999999]###-####"), or none.
QStringView conditionOf(const QString &section)
{
    for (qsizetype i = 0; i + 1 < section.size() && section.at(i) == QLatin1Char('[');) {
        const qsizetype close = section.indexOf(QLatin1Char(']'), i);
        if (close < 0)
            break;
        const QStringView tag = QStringView(section).mid(i + 1, close - i - 1);
        if (isCondition(tag))
            return tag;
        i = close + 1;
    }
    return {};
}

// The section that shows a positive whole number: the first, unless sections carry conditions
// ("[<=9999999]###-####;(0##) ###-####", Excel's phone format), when the first whose condition
// holds, or the one after the conditions.
QString sectionFor(qint64 n, const QString &formatCode)
{
    const QStringList sections = sectionsOf(formatCode);
    const QStringView first = conditionOf(sections.value(0));
    if (first.isEmpty() || conditionHolds(first, n))
        return sections.value(0);
    const QStringView second = conditionOf(sections.value(1));
    if (second.isEmpty())
        return sections.value(1);
    return conditionHolds(second, n) ? sections.value(1) : sections.value(2);
}

// A sheet's comments, each named by the cell it is on ("명단 › comment B3"): the notes of every
// version (xl/commentsN.xml: <comment ref="B3"><text><r><t>…), and the threaded comments of Excel
// 365 (<threadedComment ref="B3"><text>…), replies too. Beside threaded comments the notes part
// holds their copy for older versions: it is left to the reading of the package's other parts,
// which reads it as a copy.
void readSheetComments(const ZipContainer &zip, const QString &sheetPart, const Core::TextPlace &sheet, TextSink &sink)
{
    static const XmlTextWalker::Dialect notes = [] {
        XmlTextWalker::Dialect d;
        d.paragraphs = {QStringLiteral("text")};
        d.texts = {QStringLiteral("t")};
        d.containers = {{QStringLiteral("comment"), {Kind::Comment, QStringLiteral("ref")}}};
        d.numberParagraphs = false;
        return d;
    }();
    static const XmlTextWalker::Dialect threaded = [] {
        XmlTextWalker::Dialect d = notes;
        d.texts.clear(); // a threaded comment's text element holds its characters
        d.containers = {{QStringLiteral("threadedComment"), {Kind::Comment, QStringLiteral("ref")}}};
        return d;
    }();
    if (XmlTextWalker::walkRelatedParts(zip, sheetPart, u"/threadedComment", threaded, sheet, sink) == 0)
        XmlTextWalker::walkRelatedParts(zip, sheetPart, u"/comments", notes, sheet, sink);
}

} // namespace

QByteArray SpreadsheetExtractor::headerFooterText(const QByteArray &codes, TextOrigin *origin, bool *unsure,
                                                  int sizeDigitsWhenUnsure)
{
    QByteArray text;
    std::vector<TextOrigin::Run> runs;
    // Keeps codes[from, to): its text, and the parts of the origin's runs that cover it (a
    // reference, one character written as "&amp;", only whole).
    const auto keep = [&](qsizetype from, qsizetype to) {
        if (from >= to)
            return;
        for (const TextOrigin::Run &run : origin->runs) {
            const qsizetype begin = std::max(from, run.text);
            const qsizetype end = std::min(to, run.text + run.length);
            if (begin >= end || (run.isReference() && (begin != run.text || end != run.text + run.length)))
                continue;
            const qsizetype skipped = run.isReference() ? 0 : begin - run.text;
            runs.push_back({text.size() + (begin - from), run.source + skipped, end - begin,
                            run.isReference() ? run.sourceLength : end - begin});
        }
        text.append(codes.constData() + from, to - from);
    };
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    const auto isHex = [&](char c) { return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); };
    const auto all = [&](qsizetype from, qsizetype count, auto &&test) {
        if (from + count > codes.size())
            return false;
        for (qsizetype k = from; k < from + count; ++k) {
            if (!test(codes[k]))
                return false;
        }
        return true;
    };
    // The single-letter codes of ECMA-376 18.3.1.39: sections, fields, styles.
    static constexpr std::string_view letters = "LCRPNDTFAZGBIUESXYOH";
    qsizetype plain = 0; // where the text since the last code starts
    for (qsizetype i = 0; i < codes.size();) {
        if (codes[i] != '&' || i + 1 == codes.size()) {
            ++i;
            continue;
        }
        const char code = codes[i + 1];
        qsizetype next = -1; // past the code; -1: no code, the '&' is text
        if (code == '&') {
            next = i + 1; // "&&": the second '&' is text, and starts no code
        } else if (code == '"') { // &"font,style"; unclosed, no code
            const qsizetype close = codes.indexOf('"', i + 2);
            next = close < 0 ? -1 : close + 1;
        } else if (isDigit(code)) {
            // A font size. Excel writes a space after one that text starting with a digit follows;
            // a writer that did not leaves four digits or more: sizeDigitsWhenUnsure of them.
            qsizetype digits = 1;
            while (i + 1 + digits < codes.size() && isDigit(codes[i + 1 + digits]))
                ++digits;
            if (digits > 3 && unsure)
                *unsure = true;
            next = i + 1 + (digits <= 3 ? digits : sizeDigitsWhenUnsure);
        } else if (code == 'K') { // a colour: six hex digits, or a theme's "xx+nnn" / "xx-nnn"
            const bool theme = all(i + 2, 2, isDigit) && i + 4 < codes.size() &&
                (codes[i + 4] == '+' || codes[i + 4] == '-') && all(i + 5, 3, isDigit);
            next = theme || all(i + 2, 6, isHex) ? i + 8 : -1;
        } else if (letters.find(code) != std::string_view::npos) {
            next = i + 2;
        }
        if (next < 0) { // not a code (a letter of no code, a Hangul character): text, '&' and all
            ++i;
            continue;
        }
        keep(plain, i);
        if (code == 'L' || code == 'C' || code == 'R') {
            if (!text.isEmpty() && !text.endsWith('\n'))
                text += '\n'; // a section of its own on the page
        }
        plain = next;
        i = code == '&' ? i + 2 : next;
    }
    keep(plain, codes.size());
    origin->runs = std::move(runs);
    return text;
}

QString SpreadsheetExtractor::columnName(int column)
{
    QString name;
    for (; column > 0; column = (column - 1) / 26)
        name.prepend(QChar(u'A' + (column - 1) % 26));
    return name;
}

QString SpreadsheetExtractor::cellText(const QString &shown, const QString &number)
{
    // The digits, leading zeros aside: a format's zeros ("000-0000-0000") show what the number
    // lost when it was typed ("010…" kept as 10…).
    const auto digitsOf = [](const QString &text) {
        QString digits;
        for (const QChar c : text) {
            if (c.isDigit() && !(digits.isEmpty() && c == QLatin1Char('0')))
                digits += c;
        }
        return digits;
    };
    if (shown.isEmpty() || number.isEmpty() || shown == number)
        return number.isEmpty() ? shown : number;
    // Grouped by thousands ("8,503,152,345,678", "8.503.152.345.678", "8 503 152…" in any locale),
    // or broken over lines, the digits are the number's, but no one reads them as one: the value is
    // read beside them. A hyphen or parentheses a format adds ("850315-2345678") read as the number.
    bool grouped = false;
    for (qsizetype i = 1; i + 1 < shown.size() && !grouped; ++i) {
        const QChar c = shown.at(i);
        grouped = shown.at(i - 1).isDigit() && shown.at(i + 1).isDigit() && !c.isDigit() && c != QLatin1Char('-') &&
            c != QLatin1Char('(') && c != QLatin1Char(')');
    }
    return digitsOf(shown) == digitsOf(number) && !grouped ? shown : shown + QLatin1Char('\n') + number;
}

QString SpreadsheetExtractor::numberText(const QString &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    // Whole numbers of up to 15 digits are exact in a double, as Excel keeps them.
    if (ok && std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 1e15)
        return QString::number(qint64(number));
    return value;
}

QString SpreadsheetExtractor::roundedToWhole(const QString &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !std::isfinite(number) || std::fabs(number) >= 1e15)
        return value;
    return QString::number(qint64(std::round(number))); // half away from zero, as Excel rounds
}

QString SpreadsheetExtractor::formatted(const QString &value, const QString &formatCode)
{
    // A format without decimals shows the number rounded: a formula's 9001011234567.9999 shows
    // 900101-1234568.
    const QString number = roundedToWhole(value);
    bool whole = false;
    const qint64 amount = number.toLongLong(&whole);
    if (!whole || number.startsWith(QLatin1Char('-')))
        return {};
    if (formatCode.size() > MaxFormatCodeLength)
        return {}; // longer than Excel writes one
    const QString section = sectionFor(amount, formatCode);
    // The section's parts as literal text or digit placeholders.
    QString literalBefore;
    QStringList literals; // literal text after each placeholder run
    int firstZero = -1; // the first "0" placeholder: from it on, every placeholder shows a digit
    int placeholders = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < section.size(); ++i) {
        const QChar c = section.at(i);
        QString *literal = placeholders == 0 ? &literalBefore : &literals.last();
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (quoted) {
            *literal += c;
        } else if (c == QLatin1Char('\\') && i + 1 < section.size()) {
            *literal += section.at(++i);
        } else if (c == QLatin1Char('_') && i + 1 < section.size()) {
            ++i;
            *literal += QLatin1Char(' '); // a blank as wide as the next character ("_)")
        } else if (c == QLatin1Char('*') && i + 1 < section.size()) {
            ++i; // the next character repeated to fill the cell: no digit
        } else if (c == QLatin1Char('[')) {
            // A colour ("[Blue]", "[Color10]") shows nothing, a condition chose the section, a
            // locale shows its currency symbol ("[$₩-412]", "[$-ko-KR]"); anything else
            // ("[DBNum1]": Hangul numerals, elapsed time) is not rendered.
            const qsizetype close = section.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return {};
            const QStringView tag = QStringView(section).mid(i + 1, close - i - 1);
            if (tag.startsWith(QLatin1Char('$')))
                *literal += tag.mid(1, qMax<qsizetype>(0, tag.indexOf(QLatin1Char('-')) - 1)).toString();
            else if (!isColour(tag) && !isCondition(tag))
                return {};
            i = close;
        } else if (c == QLatin1Char('0') || c == QLatin1Char('#')) {
            if (c == QLatin1Char('0') && firstZero < 0)
                firstZero = placeholders;
            ++placeholders;
            if (literals.size() < placeholders)
                literals.append(QString());
        } else if (c == QLatin1Char('-') || c == QLatin1Char(' ') || c == QLatin1Char('(') || c == QLatin1Char(')')) {
            *literal += c;
        } else {
            return {}; // dates, decimals: not rendered
        }
    }
    if (placeholders == 0)
        return {};
    // Digits fill the placeholders from the right: extra digits go before the first, "0"
    // placeholders without a digit show 0, and so does every "#" after one ("0##-####-####", how
    // Korean spreadsheets keep a mobile's leading 0), and leading "#" placeholders show nothing.
    const QString digits = number.rightJustified(firstZero < 0 ? 0 : placeholders - firstZero, QLatin1Char('0'));
    const qsizetype extra = qMax<qsizetype>(0, digits.size() - placeholders);
    const qsizetype empty = qMax<qsizetype>(0, placeholders - digits.size());
    QString result = literalBefore + digits.left(extra);
    qsizetype at = extra;
    for (qsizetype p = 0; p < placeholders; ++p) {
        if (p >= empty)
            result += digits.at(at++);
        result += literals.at(p);
    }
    return result;
}

void SpreadsheetExtractor::extract(const ZipContainer &zip, const QString &mainPart, const Core::TextPlace &base,
                                   TextSink &sink)
{
    QString error;
    bool recalculated = false;
    WorkbookParts parts;
    const QString workbook =
        mainPart.isEmpty() || zip.indexOf(mainPart) < 0 ? QStringLiteral("xl/workbook.xml") : mainPart;
    const QList<Sheet> sheets = sheetsOf(zip, workbook, base, sink, &error, &recalculated, &parts);
    if (sheets.isEmpty() && !error.isEmpty())
        sink.skip(base, QStringLiteral("workbook: %1").arg(error));
    // Custom number formats (styles.xml): the cell style's index -> its format code.
    QList<QString> styleFormats;
    if (zip.indexOf(parts.styles) >= 0) {
        QHash<QString, QString> codes;
        const auto styles = zip.read(parts.styles, sink, &error);
        bool inCellFormats = false;
        if (styles)
            (void)readXml(*styles, &error, [&](QXmlStreamReader &reader) {
                if (reader.name() == QLatin1String("numFmt"))
                    codes.insert(XmlTextWalker::attribute(reader, u"numFmtId"),
                                 XmlTextWalker::attribute(reader, u"formatCode"));
                else if (reader.name() == QLatin1String("cellXfs"))
                    inCellFormats = true;
                else if (reader.name() == QLatin1String("cellStyleXfs") || reader.name() == QLatin1String("dxfs"))
                    inCellFormats = false;
                else if (inCellFormats && reader.name() == QLatin1String("xf"))
                    styleFormats.append(codes.value(XmlTextWalker::attribute(reader, u"numFmtId")));
                return true;
            });
    }
    std::vector<CollectedText> shared;
    if (zip.indexOf(parts.sharedStrings) >= 0) {
        const auto strings = zip.read(parts.sharedStrings, sink, &error);
        if (!strings || !readSharedStrings(*strings, zip.originOf(parts.sharedStrings), sink, shared, &error))
            sink.skip(base, QStringLiteral("shared strings: %1").arg(error));
    }
    for (const Sheet &sheet : sheets) {
        const Core::TextPlace place = base.then(Kind::Sheet, sheet.name);
        sink.add(place.then(Kind::Name), sheet.name); // the tab shows it: a sheet named after a person's number
        const auto xml = zip.read(sheet.part, sink, &error);
        if (!xml || !readSheet(*xml, place, zip.originOf(sheet.part), styleFormats, shared, recalculated, sink, &error))
            sink.skip(place, error);
        readSheetComments(zip, sheet.part, place, sink);
    }
    for (const auto &[number, definition] :
         zip.numberedEntries(QStringLiteral("xl/pivotCache/pivotCacheDefinition([0-9]*)\\.xml")))
        readPivotCache(zip, definition, base, sink);
}

} // namespace SendGuard::Extract
