// SPDX-License-Identifier: GPL-2.0-or-later
#include "spreadsheetextractor.h"

#include "textsink.h"
#include "xmltextwalker.h"
#include "zipcontainer.h"

#include <QDir>
#include <QXmlStreamReader>

#include <cmath>

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

// The text of the element reader is on, with every <t> inside it (rich text runs, phonetic
// guides) joined; leaves the reader on its end element.
QString allText(QXmlStreamReader &reader)
{
    QString text;
    int depth = 1;
    bool inText = false;
    while (depth > 0 && !reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            inText = reader.name() == QLatin1String("t") || reader.name() == QLatin1String("v");
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            inText = false;
            break;
        case QXmlStreamReader::Characters:
            if (inText)
                text += reader.text();
            break;
        default:
            break;
        }
    }
    return text;
}

struct Sheet
{
    QString name;
    QString part;
};

// The sheets in workbook order, with the part each lives in (xl/_rels/workbook.xml.rels).
QList<Sheet> sheetsOf(const ZipContainer &zip, TextSink &sink, QString *error)
{
    const auto workbook = zip.read(QStringLiteral("xl/workbook.xml"), sink, error);
    const auto relations = zip.read(QStringLiteral("xl/_rels/workbook.xml.rels"), sink, error);
    if (!workbook || !relations)
        return {};
    QHash<QString, QString> targets;
    if (!readXml(*relations, error, [&](QXmlStreamReader &reader) {
            if (reader.name() == QLatin1String("Relationship")) {
                const QString target = XmlTextWalker::attribute(reader, u"Target");
                targets.insert(XmlTextWalker::attribute(reader, u"Id"),
                               target.startsWith(QLatin1Char('/')) ? target.mid(1)
                                                                   : QDir::cleanPath(QStringLiteral("xl/") + target));
            }
            return true;
        }))
        return {};
    QList<Sheet> sheets;
    if (!readXml(*workbook, error, [&](QXmlStreamReader &reader) {
            if (reader.name() == QLatin1String("sheet")) {
                const QString id = XmlTextWalker::attribute(reader, u"id"); // r:id, whatever the prefix
                sheets.append({XmlTextWalker::attribute(reader, u"name"), targets.value(id)});
            }
            return true;
        }))
        return {};
    return sheets;
}

} // namespace

QString SpreadsheetExtractor::numberText(const QString &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    // Whole numbers of up to 15 digits are exact in a double, as Excel keeps them.
    if (ok && std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 1e15)
        return QString::number(qint64(number));
    return value;
}

QString SpreadsheetExtractor::formatted(const QString &value, const QString &formatCode)
{
    const QString number = numberText(value);
    bool whole = false;
    number.toLongLong(&whole);
    if (!whole || number.startsWith(QLatin1Char('-')))
        return {};
    // The first section (positive numbers), its parts as literal text or digit placeholders.
    QString literalBefore;
    QStringList literals; // literal text after each placeholder run
    int zeros = 0;
    int placeholders = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar c = formatCode.at(i);
        QString *literal = placeholders == 0 ? &literalBefore : &literals.last();
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (quoted) {
            *literal += c;
        } else if (c == QLatin1Char(';')) {
            break;
        } else if (c == QLatin1Char('\\') && i + 1 < formatCode.size()) {
            *literal += formatCode.at(++i);
        } else if (c == QLatin1Char('0') || c == QLatin1Char('#')) {
            zeros += c == QLatin1Char('0');
            ++placeholders;
            if (literals.size() < placeholders)
                literals.append(QString());
        } else if (c == QLatin1Char('-') || c == QLatin1Char(' ') || c == QLatin1Char('(') || c == QLatin1Char(')')) {
            *literal += c;
        } else {
            return {}; // dates, decimals, colours, conditions: not rendered
        }
    }
    if (placeholders == 0)
        return {};
    // Digits fill the placeholders from the right: extra digits go before the first, and leading
    // "#" placeholders without a digit show nothing.
    const QString digits = number.rightJustified(zeros, QLatin1Char('0'));
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

void SpreadsheetExtractor::extract(const ZipContainer &zip, const Core::TextPlace &base, TextSink &sink)
{
    QString error;
    // Custom number formats (styles.xml): the cell style's index -> its format code.
    QList<QString> styleFormats;
    if (zip.indexOf(QStringLiteral("xl/styles.xml")) >= 0) {
        QHash<QString, QString> codes;
        const auto styles = zip.read(QStringLiteral("xl/styles.xml"), sink, &error);
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
    QStringList shared;
    if (zip.indexOf(QStringLiteral("xl/sharedStrings.xml")) >= 0) {
        const auto strings = zip.read(QStringLiteral("xl/sharedStrings.xml"), sink, &error);
        if (!strings || !readXml(*strings, &error, [&](QXmlStreamReader &reader) {
                if (reader.name() == QLatin1String("si"))
                    shared.append(allText(reader));
                return !sink.full();
            })) {
            sink.skip(base, QStringLiteral("shared strings: %1").arg(error));
        }
    }
    const QList<Sheet> sheets = sheetsOf(zip, sink, &error);
    if (sheets.isEmpty() && !error.isEmpty())
        sink.skip(base, QStringLiteral("workbook: %1").arg(error));
    for (const Sheet &sheet : sheets) {
        const Core::TextPlace place = base.then(Kind::Sheet, sheet.name);
        const auto xml = zip.read(sheet.part, sink, &error);
        if (!xml) {
            sink.skip(place, error);
            continue;
        }
        const bool read = readXml(*xml, &error, [&](QXmlStreamReader &reader) {
            // Printed headers and footers: "&L&\"Arial\"…" codes and all.
            const QStringView name = reader.name();
            if (name.endsWith(QLatin1String("Header")) || name.endsWith(QLatin1String("Footer"))) {
                sink.add(place.then(name.endsWith(QLatin1String("Header")) ? Kind::Header : Kind::Footer),
                         reader.readElementText(QXmlStreamReader::IncludeChildElements));
                return !sink.full();
            }
            if (name != QLatin1String("c"))
                return true;
            const QString reference = XmlTextWalker::attribute(reader, u"r");
            const QString type = XmlTextWalker::attribute(reader, u"t");
            const int style = XmlTextWalker::attribute(reader, u"s").toInt();
            const QString value = allText(reader);
            QString text;
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int index = value.trimmed().toInt(&ok);
                text = ok ? shared.value(index) : QString();
            } else if (type.isEmpty() || type == QLatin1String("n")) {
                text = numberText(value.trimmed());
                // What the cell shows, when its format adds text to the number.
                const QString shown = formatted(value.trimmed(), styleFormats.value(style));
                if (!shown.isEmpty() && shown != text)
                    text = shown + QLatin1Char('\n') + text;
            } else {
                text = value; // inlineStr, str (a formula's text), e (an error), b (a boolean)
            }
            sink.add(place.then(Kind::Cell, reference), text);
            return !sink.full();
        });
        if (!read)
            sink.skip(place, error);
    }
}

} // namespace SendGuard::Extract
