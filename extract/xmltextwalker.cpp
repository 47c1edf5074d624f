// SPDX-License-Identifier: GPL-2.0-or-later
#include "xmltextwalker.h"

#include "textsink.h"

#include <QXmlStreamReader>

#include <expat.h>

#include <cstring>
#include <vector>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

struct Paragraph
{
    Core::TextPlace place;
    QByteArray text; // UTF-8, as expat gives it
    QByteArray deleted;
};

struct Table
{
    int number = 0;
    int rows = 0;
    int cells = 0;
};

// "w:p" -> "p": element and attribute names are compared by local name.
QString localName(const char *qualified)
{
    const char *colon = std::strrchr(qualified, ':');
    return QString::fromUtf8(colon ? colon + 1 : qualified);
}

QString attributeOf(const char **attributes, QStringView name)
{
    for (const char **attribute = attributes; attribute && *attribute; attribute += 2) {
        if (localName(attribute[0]) == name)
            return QString::fromUtf8(attribute[1]);
    }
    return {};
}

// A w:sym character: Unicode as hex, where symbol fonts put ASCII at U+F020..U+F0FF.
QByteArray symbolCharacter(const QString &hex)
{
    bool ok = false;
    char32_t code = hex.toUInt(&ok, 16);
    if (!ok || code == 0 || code > 0x10FFFF || QChar::isSurrogate(code))
        return {};
    if (code >= 0xF020 && code <= 0xF0FF)
        code -= 0xF000;
    return QString::fromUcs4(&code, 1).toUtf8();
}

// Feeds all of xml to parser, in pieces of at most 1 MiB (expat takes an int length). False when
// expat stopped: an error, or a callback that stopped it.
bool parseAll(XML_Parser parser, const QByteArray &xml)
{
    constexpr qsizetype Block = 1 << 20;
    for (qsizetype at = 0;;) {
        const qsizetype length = qMin(Block, xml.size() - at);
        const bool last = at + length >= xml.size();
        if (XML_Parse(parser, xml.constData() + at, int(length), last) != XML_STATUS_OK)
            return false;
        if (last)
            return true;
        at += length;
    }
}

// The walk's state, shared with expat's callbacks.
struct Walk
{
    const XmlTextWalker::Dialect &dialect;
    TextSink &sink;
    XML_Parser parser;
    std::vector<Core::TextPlace> containers;
    std::vector<Paragraph> paragraphs;
    std::vector<Table> tables;
    std::vector<QString> open; // element local names, to know what an end closes
    QHash<QString, int> containerCounts;
    int textDepth = 0;
    int deletedDepth = 0;
    int skippedDepth = 0;
    int paragraphCount = 0;
    int tableCount = 0;
    QString refused; // why the walk was stopped (a DTD)

    Core::TextPlace here() const
    {
        Core::TextPlace place = containers.back();
        if (!tables.empty()) {
            const Table &table = tables.back();
            place = place.then(Kind::Table, QString::number(table.number))
                        .then(Kind::Row, QString::number(table.rows))
                        .then(Kind::Cell, QString::number(table.cells));
        }
        return place;
    }

    void start(const char *qualified, const char **attributes)
    {
        const QString name = localName(qualified);
        open.push_back(name);
        if (const auto container = dialect.containers.constFind(name); container != dialect.containers.constEnd()) {
            const QString id = container->second.isEmpty() ? QString::number(++containerCounts[name])
                                                           : attributeOf(attributes, container->second);
            containers.push_back(containers.back().then(container->first, id));
        } else if (name == dialect.table) {
            tables.push_back({++tableCount, 0, 0});
        } else if (!tables.empty() && name == dialect.row) {
            ++tables.back().rows;
            tables.back().cells = 0;
        } else if (!tables.empty() && name == dialect.cell) {
            ++tables.back().cells;
        } else if (dialect.paragraphs.contains(name)) {
            Core::TextPlace place = here();
            ++paragraphCount;
            if (tables.empty() && dialect.numberParagraphs)
                place = place.then(Kind::Paragraph, QString::number(paragraphCount));
            paragraphs.push_back({place, {}, {}});
        } else if (dialect.skipped.contains(name)) {
            ++skippedDepth;
        } else if (dialect.texts.contains(name)) {
            ++textDepth;
        } else if (dialect.deletedTexts.contains(name)) {
            ++deletedDepth;
        } else if (!paragraphs.empty() && !skippedDepth) {
            if (dialect.lineBreaks.contains(name))
                paragraphs.back().text += '\n';
            else if (dialect.tabs.contains(name))
                paragraphs.back().text += '\t';
            else if (!dialect.symbol.isEmpty() && name == dialect.symbol)
                paragraphs.back().text += symbolCharacter(attributeOf(attributes, u"char"));
            else if (name == dialect.spaces)
                paragraphs.back().text += QByteArray(qBound(1, attributeOf(attributes, u"c").toInt(), 100), ' ');
        }
    }

    void end()
    {
        const QString name = open.empty() ? QString() : open.back();
        if (!open.empty())
            open.pop_back();
        if (dialect.containers.contains(name) && containers.size() > 1) {
            containers.pop_back();
        } else if (name == dialect.table && !tables.empty()) {
            tables.pop_back();
        } else if (dialect.paragraphs.contains(name) && !paragraphs.empty()) {
            Paragraph paragraph = std::move(paragraphs.back());
            paragraphs.pop_back();
            sink.add(paragraph.place, QString::fromUtf8(paragraph.text));
            if (!paragraph.deleted.isEmpty())
                sink.add(paragraph.place.then(Kind::Deleted), QString::fromUtf8(paragraph.deleted));
            if (sink.full())
                XML_StopParser(parser, XML_FALSE);
        } else if (dialect.skipped.contains(name)) {
            --skippedDepth;
        } else if (dialect.texts.contains(name)) {
            --textDepth;
        } else if (dialect.deletedTexts.contains(name)) {
            --deletedDepth;
        }
    }

    void characters(const char *text, int length)
    {
        if (paragraphs.empty() || skippedDepth > 0)
            return;
        if (deletedDepth > 0)
            paragraphs.back().deleted.append(text, length);
        else if (textDepth > 0 || dialect.texts.isEmpty())
            paragraphs.back().text.append(text, length);
    }
};

} // namespace

std::optional<QString> XmlTextWalker::allText(const QByteArray &xml, QString *error)
{
    struct Collect
    {
        XML_Parser parser;
        QByteArray text;
        bool refused = false;
    } collect {XML_ParserCreate("UTF-8"), {}, false};
    XML_SetUserData(collect.parser, &collect);
    XML_SetElementHandler(
        collect.parser,
        [](void *data, const XML_Char *, const XML_Char **) {
            auto *c = static_cast<Collect *>(data);
            if (!c->text.isEmpty() && !c->text.endsWith('\n'))
                c->text += '\n';
        },
        [](void *data, const XML_Char *) {
            auto *c = static_cast<Collect *>(data);
            if (!c->text.isEmpty() && !c->text.endsWith('\n'))
                c->text += '\n';
        });
    XML_SetCharacterDataHandler(collect.parser, [](void *data, const XML_Char *text, int length) {
        static_cast<Collect *>(data)->text.append(text, length);
    });
    XML_SetStartDoctypeDeclHandler(collect.parser,
                                   [](void *data, const XML_Char *, const XML_Char *, const XML_Char *, int) {
                                       auto *c = static_cast<Collect *>(data);
                                       c->refused = true;
                                       XML_StopParser(c->parser, XML_FALSE);
                                   });
    bool ok = parseAll(collect.parser, xml);
    if (!ok)
        *error = collect.refused ? QStringLiteral("an XML part declares a DTD: refused")
                                 : QStringLiteral("not well-formed XML: %1")
                                       .arg(QString::fromUtf8(XML_ErrorString(XML_GetErrorCode(collect.parser))));
    XML_ParserFree(collect.parser);
    if (!ok)
        return std::nullopt;
    return QString::fromUtf8(collect.text).trimmed();
}

QString XmlTextWalker::relationshipTarget(const QByteArray &rels, QStringView typeSuffix)
{
    QXmlStreamReader reader(rels);
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::DTD)
            return {};
        if (token == QXmlStreamReader::StartElement && reader.name() == QLatin1String("Relationship") &&
            attribute(reader, u"Type").endsWith(typeSuffix))
            return attribute(reader, u"Target");
    }
    return {};
}

QString XmlTextWalker::attribute(const QXmlStreamReader &reader, QStringView name)
{
    for (const QXmlStreamAttribute &attribute : reader.attributes()) {
        if (attribute.name() == name)
            return attribute.value().toString();
    }
    return {};
}

bool XmlTextWalker::walk(const QByteArray &xml, const Dialect &dialect, const Core::TextPlace &base, TextSink &sink,
                         QString *error)
{
    // expat: several times QXmlStreamReader's speed on office XML. Element names are matched by
    // local name; no document type declaration is accepted, so no entity is ever declared.
    XML_Parser parser = XML_ParserCreate("UTF-8");
    Walk walk {dialect, sink, parser, {base}, {}, {}, {}, {}};
    XML_SetUserData(parser, &walk);
    XML_SetElementHandler(
        parser,
        [](void *data, const XML_Char *name, const XML_Char **attributes) {
            static_cast<Walk *>(data)->start(name, attributes);
        },
        [](void *data, const XML_Char *) { static_cast<Walk *>(data)->end(); });
    XML_SetCharacterDataHandler(parser, [](void *data, const XML_Char *text, int length) {
        static_cast<Walk *>(data)->characters(text, length);
    });
    XML_SetStartDoctypeDeclHandler(parser, [](void *data, const XML_Char *, const XML_Char *, const XML_Char *, int) {
        auto *state = static_cast<Walk *>(data);
        state->refused = QStringLiteral("an XML part declares a DTD: refused");
        XML_StopParser(state->parser, XML_FALSE);
    });
    bool ok = parseAll(parser, xml);
    if (!walk.refused.isEmpty()) {
        *error = walk.refused;
        ok = false;
    } else if (!ok && !sink.full()) {
        *error = QStringLiteral("not well-formed XML: %1 (line %2)")
                     .arg(QString::fromUtf8(XML_ErrorString(XML_GetErrorCode(parser))))
                     .arg(XML_GetCurrentLineNumber(parser));
    } else {
        ok = true; // stopped at a full sink: what was read stands, the sink says why it stopped
    }
    XML_ParserFree(parser);
    return ok;
}

} // namespace SendGuard::Extract
