// SPDX-License-Identifier: GPL-2.0-or-later
#include "xmltextwalker.h"

#include "expatparser.h"
#include "textsink.h"
#include "zipcontainer.h"

#include <QDir>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>
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
    TextOrigin origin;
    TextOrigin deletedOrigin;
    std::size_t containerDepth = 0; // containers open when it began
    bool loose = false; // a container's text outside its own paragraphs
};

struct Table
{
    int number = 0;
    int rows = 0;
    int cells = 0; // the current cell's column in the grid, from 1
    int width = 1; // how many columns it takes
    bool inCell = false;
    std::size_t heldFrom = 0; // where the current cell's held paragraphs begin (and its tables')
};

// A paragraph of a cell whose place in the grid comes after its text (Dialect::cellAddress).
struct HeldParagraph
{
    Paragraph paragraph;
    qsizetype cost = 0; // what it counts toward MaxHeldBytes
};

// How much of a cell's text may wait for its address: a document laid out in one big cell (a
// frame, as many HWP forms are) goes on with its cells as counted. Each paragraph counts its text
// and this much besides, so that a flood of empty ones is bounded too.
constexpr qsizetype MaxHeldBytes = 1 << 20;
constexpr qsizetype HeldParagraphCost = 256;

// The last column a cell is numbered with: past it, cells share it (a hostile grid); and the last
// row an address may name.
constexpr int MaxColumn = 1 << 16;
constexpr int MaxRow = 1 << 24;

// A count of columns from an attribute: at least `least`, and no more than a table can usefully have.
int columnCount(const QString &value, int least = 1)
{
    constexpr int MaxColumns = 1024;
    return qBound(least, value.toInt(), MaxColumns);
}

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

// The walk's state, shared with expat's callbacks.
struct Walk
{
    const XmlTextWalker::Dialect &dialect;
    TextSink &sink;
    ExpatParser &parser;
    const TextOrigin &part; // unknown: no origins are kept
    std::vector<Core::TextPlace> containers;
    std::vector<Paragraph> paragraphs;
    std::vector<Table> tables;
    std::vector<QString> open; // element local names, to know what an end closes
    QHash<std::pair<QString, int>, int> containerCounts; // by element and kind
    int textDepth = 0;
    int deletedDepth = 0;
    int skippedDepth = 0;
    // Beside containers: the paragraphs counted in each, so that a text box's or a note's do not
    // move the numbers of the body's around it ("paragraph 3" is the third the body shows), nor a
    // separator's (Dialect::uncountedTypes) a note's.
    std::vector<int> paragraphCounts {0};
    int tableCount = 0;
    int attributeTextCount = 0;
    std::vector<HeldParagraph> held;
    qsizetype heldBytes = 0;
    bool holding = true; // false once the bound was passed: the rest goes out as counted

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

    // Office Open XML's markup compatibility: what an mc:AlternateContent's mc:Choice holds again
    // for programs that cannot read it (a text box's VML form). Read, and masked, as a copy.
    bool isFallback(const QString &name) const
    {
        return name == QLatin1String("Fallback") && open.size() >= 2 &&
            open[open.size() - 2] == QLatin1String("AlternateContent");
    }

    void openContainer(Kind kind, const QString &id)
    {
        // A text box, or a copy, has no number of its own: it is found by the body paragraph it
        // stands in ("paragraph 1 › text box › paragraph 2"). In a table, by the table's cell.
        const bool anchored =
            (kind == Kind::TextBox || kind == Kind::Alternative) && !paragraphs.empty() && tables.empty();
        containers.push_back((anchored ? paragraphs.back().place : containers.back()).then(kind, id));
        paragraphCounts.push_back(0);
        // Inside a paragraph, what the container holds outside its own paragraphs (an ODF
        // comment's author and date, text a writer put there directly) is a piece of its own:
        // never joined to the paragraph around it, never lost.
        if (!paragraphs.empty())
            paragraphs.push_back({containers.back(), {}, {}, part, part, containers.size(), true});
    }

    void closeContainer()
    {
        if (!paragraphs.empty() && paragraphs.back().loose && paragraphs.back().containerDepth == containers.size())
            finishParagraph();
        containers.pop_back();
        paragraphCounts.pop_back();
    }

    // The values of an element's attributes a reader sees (Dialect::attributeTexts), each a piece.
    // Every attribute of that local name, whatever its prefix ("x:val" beside "w:val": a writer
    // may add its own, and a reader shows one of them). Each is masked where its value lies in the
    // start tag, when masking asks.
    void attributeTexts(const QString &name, const char **attributes)
    {
        for (auto it = dialect.attributeTexts.constFind(name);
             it != dialect.attributeTexts.constEnd() && it.key() == name; ++it) {
            for (const char **attribute = attributes; attribute && *attribute; attribute += 2) {
                if (localName(attribute[0]) != it->second)
                    continue;
                const QByteArray value(attribute[1]);
                if (value.trimmed().isEmpty())
                    continue;
                const Core::TextPlace place = here().then(it->first, QString::number(++attributeTextCount));
                TextOrigin origin;
                if (part.isKnown()) {
                    origin = part;
                    origin.runs = parser.attributeRuns(attribute[0], value);
                }
                paragraphs.push_back({place, value, {}, std::move(origin), {}, containers.size(), true});
                finishParagraph();
            }
        }
    }

    void start(const char *qualified, const char **attributes)
    {
        const QString name = localName(qualified);
        open.push_back(name);
        if (!dialect.attributeTexts.isEmpty())
            attributeTexts(name, attributes);
        if (isFallback(name)) {
            openContainer(Kind::Alternative, {});
        } else if (const auto container = dialect.containers.constFind(name);
                   container != dialect.containers.constEnd()) {
            QString id;
            const bool uncounted = container->second.isEmpty() && !dialect.uncountedTypes.isEmpty() &&
                dialect.uncountedTypes.contains(attributeOf(attributes, u"type"));
            Kind kind = container->first;
            if (!dialect.containerClasses.isEmpty())
                kind = dialect.containerClasses.value(attributeOf(attributes, dialect.containerClassAttribute), kind);
            if (!container->second.isEmpty())
                id = attributeOf(attributes, container->second);
            else if (!uncounted)
                id = QString::number(++containerCounts[{name, int(kind)}]); // endnotes apart from footnotes
            const auto &steps = containers.back().steps;
            if (kind == Kind::Notes && !steps.isEmpty() && steps.back().kind == Kind::Slide)
                id = steps.back().value; // "notes of slide 3", inside slide 3, whichever slides have notes
            openContainer(kind, id);
            textDepth += dialect.texts.contains(name) ? 1 : 0;
        } else if (name == dialect.table) {
            tables.push_back({++tableCount, 0, 0, 1});
        } else if (!tables.empty() && name == dialect.row) {
            ++tables.back().rows;
            tables.back().cells = 0;
            tables.back().width = 1;
        } else if (!tables.empty() && (name == dialect.cell || name == dialect.coveredCell)) {
            Table &table = tables.back();
            table.inCell = name == dialect.cell;
            table.heldFrom = held.size();
            table.cells = std::min(table.cells + table.width, MaxColumn);
            table.width = dialect.cellWidthAttribute.isEmpty()
                ? 1
                : columnCount(attributeOf(attributes, dialect.cellWidthAttribute));
        } else if (!tables.empty() && name == dialect.cellWidthElement) {
            tables.back().width = columnCount(attributeOf(attributes, u"val"));
        } else if (!tables.empty() && name == dialect.cellAddress) {
            placeHeld(attributeOf(attributes, u"rowAddr"), attributeOf(attributes, u"colAddr"));
        } else if (!tables.empty() && name == dialect.columnsBefore && tables.back().cells == 0) {
            tables.back().cells = columnCount(attributeOf(attributes, u"val"), 0);
        } else if (dialect.paragraphs.contains(name)) {
            Core::TextPlace place = here();
            ++paragraphCounts.back();
            if (tables.empty() && dialect.numberParagraphs)
                place = place.then(Kind::Paragraph, QString::number(paragraphCounts.back()));
            paragraphs.push_back({place, {}, {}, part, part, containers.size()});
        } else if (dialect.skipped.contains(name)) {
            ++skippedDepth;
        } else if (dialect.texts.contains(name)) {
            ++textDepth;
        } else if (dialect.deletedTexts.contains(name)) {
            ++deletedDepth;
        } else if (inParagraph()) {
            if (dialect.lineBreaks.contains(name))
                paragraphs.back().text += '\n';
            else if (dialect.tabs.contains(name))
                paragraphs.back().text += '\t';
            else if (!dialect.symbol.isEmpty() && name == dialect.symbol)
                paragraphs.back().text += symbolCharacter(attributeOf(attributes, u"char"));
            else if (name == dialect.spaces)
                paragraphs.back().text += QByteArray(qBound(1, attributeOf(attributes, u"c").toInt(), 100), ' ');
            else if (const auto mark = dialect.marks.constFind(name); mark != dialect.marks.constEnd())
                paragraphs.back().text += *mark;
        }
    }

    void end()
    {
        const QString name = open.empty() ? QString() : open.back();
        const bool fallback = isFallback(name);
        if (!open.empty())
            open.pop_back();
        if ((fallback || dialect.containers.contains(name)) && containers.size() > 1) {
            closeContainer();
            textDepth -= !fallback && dialect.texts.contains(name) ? 1 : 0;
        } else if (name == dialect.table && !tables.empty()) {
            tables.pop_back();
        } else if (name == dialect.cell && !tables.empty()) {
            // The cell's paragraphs, and its nested tables', have their places now; an outer
            // cell's, held before them, wait for the outer cell's address.
            tables.back().inCell = false;
            releaseHeld(tables.back().heldFrom);
        } else if (dialect.paragraphs.contains(name) && !paragraphs.empty() && !paragraphs.back().loose) {
            finishParagraph();
        } else if (dialect.skipped.contains(name)) {
            --skippedDepth;
        } else if (dialect.texts.contains(name)) {
            --textDepth;
        } else if (dialect.deletedTexts.contains(name)) {
            --deletedDepth;
        }
    }

    // Hands expat's events for parser to this walk.
    void listen()
    {
        parser.setContext(this);
        XML_SetElementHandler(
            parser.parser(),
            [](void *data, const XML_Char *name, const XML_Char **attributes) {
                ExpatParser::context<Walk>(data).start(name, attributes);
            },
            [](void *data, const XML_Char *) { ExpatParser::context<Walk>(data).end(); });
        XML_SetCharacterDataHandler(parser.parser(), [](void *data, const XML_Char *text, int length) {
            ExpatParser::context<Walk>(data).characters(text, length);
        });
    }

    // Hands the innermost paragraph on.
    void finishParagraph()
    {
        Paragraph paragraph = std::move(paragraphs.back());
        paragraphs.pop_back();
        if (!dialect.cellAddress.isEmpty() && holding && !tables.empty() && tables.back().inCell) {
            const qsizetype cost = HeldParagraphCost + paragraph.text.size() + paragraph.deleted.size();
            heldBytes += cost;
            held.push_back({std::move(paragraph), cost});
            if (heldBytes > MaxHeldBytes) {
                holding = false;
                releaseHeld();
            }
            return;
        }
        send(paragraph);
    }

    // The paragraphs held for the innermost table's current cell move to the cell's place in the
    // grid: row and column from 0, as hp:cellAddr gives them. A nested table's cells have handed
    // theirs on when they ended, so all held from the cell's start are its own, and each place
    // ends with the row and cell here() gave it.
    void placeHeld(const QString &row, const QString &column)
    {
        bool rowOk = false;
        bool columnOk = false;
        const int rowIndex = row.toInt(&rowOk);
        const int columnIndex = column.toInt(&columnOk);
        if (!rowOk || !columnOk || rowIndex < 0 || rowIndex >= MaxRow || columnIndex < 0 || columnIndex >= MaxColumn)
            return;
        const QString rowNumber = QString::number(rowIndex + 1);
        const QString cellNumber = QString::number(columnIndex + 1);
        for (std::size_t i = tables.back().heldFrom; i < held.size(); ++i) {
            QList<Core::TextPlace::Step> &steps = held[i].paragraph.place.steps;
            const qsizetype n = steps.size();
            if (n >= 2 && steps[n - 2].kind == Kind::Row && steps[n - 1].kind == Kind::Cell) {
                steps[n - 2].value = rowNumber;
                steps[n - 1].value = cellNumber;
            }
        }
    }

    // Hands on the held paragraphs from `from` on, in the order they came.
    void releaseHeld(std::size_t from = 0)
    {
        for (std::size_t i = from; i < held.size(); ++i) {
            heldBytes -= held[i].cost;
            send(held[i].paragraph);
        }
        held.erase(held.begin() + qsizetype(std::min(from, held.size())), held.end());
    }

    void send(const Paragraph &paragraph)
    {
        sink.addUtf8(paragraph.place, paragraph.text, paragraph.origin);
        if (!paragraph.deleted.isEmpty())
            sink.addUtf8(paragraph.place.then(Kind::Deleted), paragraph.deleted, paragraph.deletedOrigin);
        if (sink.full())
            parser.stop();
    }

    // Whether what comes now belongs to the innermost paragraph: not when a container opened
    // inside it holds it (an ODF comment's author and date, before the comment's own paragraphs,
    // would run into the digits after it).
    bool inParagraph() const
    {
        return !paragraphs.empty() && skippedDepth == 0 && paragraphs.back().containerDepth == containers.size();
    }

    void characters(const char *text, int length)
    {
        if (!inParagraph())
            return;
        Paragraph &paragraph = paragraphs.back();
        const bool origins = part.isKnown();
        if (deletedDepth > 0)
            parser.appendText(paragraph.deleted, origins ? &paragraph.deletedOrigin : nullptr, text, length);
        else if (textDepth > 0 || dialect.texts.isEmpty())
            parser.appendText(paragraph.text, origins ? &paragraph.origin : nullptr, text, length);
    }
};

} // namespace

bool XmlTextWalker::allText(const QByteArray &xml, const Core::TextPlace &place, TextSink &sink, QString *error,
                            const TextOrigin &part)
{
    struct Collect
    {
        ExpatParser &parser;
        QByteArray text;
        TextOrigin origin;
        bool origins;
        void lineEnd()
        {
            if (!text.isEmpty() && !text.endsWith('\n'))
                text += '\n';
        }
    };
    ExpatParser parser;
    Collect collect {parser, {}, part, part.isKnown() && sink.recordsOrigins()};
    parser.setContext(&collect);
    XML_SetElementHandler(
        parser.parser(),
        [](void *data, const XML_Char *, const XML_Char **) { ExpatParser::context<Collect>(data).lineEnd(); },
        [](void *data, const XML_Char *) { ExpatParser::context<Collect>(data).lineEnd(); });
    XML_SetCharacterDataHandler(parser.parser(), [](void *data, const XML_Char *text, int length) {
        Collect &c = ExpatParser::context<Collect>(data);
        c.parser.appendText(c.text, c.origins ? &c.origin : nullptr, text, length);
    });
    if (!parser.parse(xml, error))
        return false;
    // Trimmed as a person would read it; the runs move with the text.
    qsizetype first = 0;
    while (first < collect.text.size() && std::isspace(uchar(collect.text.at(first))))
        ++first;
    qsizetype last = collect.text.size();
    while (last > first && std::isspace(uchar(collect.text.at(last - 1))))
        --last;
    for (TextOrigin::Run &run : collect.origin.runs)
        run.text -= first;
    sink.addUtf8(place, QByteArrayView(collect.text).sliced(first, last - first), collect.origin);
    return true;
}

namespace {

// Hands each <Relationship> of a .rels part to visit (its reader), until visit returns false. False
// when the part declares a DTD: nothing of it is read.
template<typename Visit>
bool forEachRelationship(const QByteArray &rels, Visit &&visit)
{
    QXmlStreamReader reader(rels);
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::DTD)
            return false;
        if (token == QXmlStreamReader::StartElement && reader.name() == QLatin1String("Relationship") && !visit(reader))
            return true;
    }
    return true;
}

} // namespace

QString XmlTextWalker::relationshipTarget(const QByteArray &rels, QStringView typeSuffix)
{
    QString target;
    const bool read = forEachRelationship(rels, [&](const QXmlStreamReader &reader) {
        if (!attribute(reader, u"Type").endsWith(typeSuffix))
            return true;
        target = attribute(reader, u"Target");
        return false;
    });
    return read ? target : QString();
}

QStringList XmlTextWalker::relationshipTargetsOfType(const QByteArray &rels, QStringView typeSuffix)
{
    QStringList targets;
    const bool read = forEachRelationship(rels, [&](const QXmlStreamReader &reader) {
        if (attribute(reader, u"Type").endsWith(typeSuffix) && attribute(reader, u"TargetMode") != u"External")
            targets.append(attribute(reader, u"Target"));
        return true;
    });
    return read ? targets : QStringList();
}

QHash<QString, QString> XmlTextWalker::relationshipTargets(const QByteArray &rels)
{
    QHash<QString, QString> targets;
    const bool read = forEachRelationship(rels, [&](const QXmlStreamReader &reader) {
        targets.insert(attribute(reader, u"Id"), attribute(reader, u"Target"));
        return true;
    });
    return read ? targets : QHash<QString, QString>();
}

QString XmlTextWalker::relationshipsPartOf(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(QLatin1Char('/'));
    return part.left(slash + 1) + QStringLiteral("_rels/") + part.mid(slash + 1) + QStringLiteral(".rels");
}

QString XmlTextWalker::targetOf(const QString &part, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(part.left(part.lastIndexOf(QLatin1Char('/')) + 1) + target);
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
                         QString *error, const TextOrigin &part)
{
    // expat: several times QXmlStreamReader's speed on office XML. Element names are matched by
    // local name.
    ExpatParser parser;
    const TextOrigin noOrigin;
    Walk walk {dialect, sink, parser, sink.recordsOrigins() ? part : noOrigin, {base}, {}, {}, {}};
    walk.listen();
    const bool parsed = parser.parse(xml, error);
    walk.releaseHeld(); // a cell the part never closed: its text as counted
    // Stopped at a full sink: what was read stands, the sink says why it stopped.
    return parsed || sink.full();
}

bool XmlTextWalker::walkEntry(const ZipContainer &zip, const QString &name, const Dialect &dialect,
                              const Core::TextPlace &base, TextSink &sink, QString *error)
{
    // Masking finds each character where it lies in the whole part: that walk reads it whole.
    if (sink.recordsOrigins()) {
        const auto xml = zip.read(name, sink, error);
        return xml && walk(*xml, dialect, base, sink, error, zip.originOf(name));
    }
    ExpatParser parser;
    const TextOrigin noOrigin;
    Walk walk {dialect, sink, parser, noOrigin, {base}, {}, {}, {}};
    walk.listen();
    bool parsed = true;
    // Each block is inflated into expat's own buffer and parsed where it lies.
    const bool read = zip.readBlocks(
        name, sink, error, [&](QByteArrayView block) { return parsed = parser.feedRoom(block.size(), false, error); },
        [&parser](qsizetype size) { return parser.room(size); });
    if (read && parsed)
        parsed = parser.feed({}, true, error);
    walk.releaseHeld();
    return (read && parsed) || sink.full();
}

int XmlTextWalker::walkRelatedParts(const ZipContainer &zip, const QString &part, QStringView typeSuffix,
                                    const Dialect &dialect, const Core::TextPlace &base, TextSink &sink)
{
    const QString rels = relationshipsPartOf(part);
    QString error;
    const auto relations = zip.indexOf(rels) >= 0 ? zip.read(rels, sink, &error) : std::nullopt;
    if (!relations)
        return 0; // none, or said when the package's other parts are read
    const QStringList targets = relationshipTargetsOfType(*relations, typeSuffix);
    for (const QString &target : targets) {
        const QString related = targetOf(part, target);
        const int index = zip.indexOf(related);
        if (index >= 0 && !zip.wasRead(index) && !walkEntry(zip, related, dialect, base, sink, &error))
            sink.skip(base.then(Core::TextPlace::Kind::Entry, related), error);
    }
    return int(targets.size());
}

} // namespace SendGuard::Extract
