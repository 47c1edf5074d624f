// SPDX-License-Identifier: GPL-2.0-or-later
#include "xmltextwalker.h"

#include "textsink.h"

#include <QXmlStreamReader>

#include <vector>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

struct Paragraph
{
    Core::TextPlace place;
    QString text;
    QString deleted;
};

struct Table
{
    int number = 0;
    int rows = 0;
    int cells = 0;
};

} // namespace

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
    QXmlStreamReader reader(xml);
    std::vector<Core::TextPlace> containers {base};
    std::vector<Paragraph> paragraphs;
    std::vector<Table> tables;
    QHash<QString, int> containerCounts;
    QString element; // the innermost element, for text
    int textDepth = 0; // inside elements whose characters are text
    int deletedDepth = 0;
    int skippedDepth = 0;
    int paragraphCount = 0;
    int tableCount = 0;
    std::vector<QString> open; // element names, to know what an end closes

    const auto here = [&]() {
        Core::TextPlace place = containers.back();
        if (!tables.empty()) {
            const Table &table = tables.back();
            place = place.then(Kind::Table, QString::number(table.number))
                        .then(Kind::Row, QString::number(table.rows))
                        .then(Kind::Cell, QString::number(table.cells));
        }
        return place;
    };

    while (!reader.atEnd() && !sink.full()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
            *error = QStringLiteral("an XML part declares a DTD: refused");
            return false;
        case QXmlStreamReader::StartElement: {
            const QString name = reader.name().toString();
            open.push_back(name);
            if (const auto container = dialect.containers.constFind(name); container != dialect.containers.constEnd()) {
                const QString id = container->second.isEmpty() ? QString::number(++containerCounts[name])
                                                               : attribute(reader, container->second);
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
                    paragraphs.back().text += QLatin1Char('\n');
                else if (dialect.tabs.contains(name))
                    paragraphs.back().text += QLatin1Char('\t');
                else if (name == dialect.spaces)
                    paragraphs.back().text +=
                        QString(qBound(1, attribute(reader, u"c").toInt(), 100), QLatin1Char(' '));
            }
            break;
        }
        case QXmlStreamReader::EndElement: {
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
                sink.add(paragraph.place, paragraph.text);
                sink.add(paragraph.place.then(Kind::Deleted), paragraph.deleted);
            } else if (dialect.skipped.contains(name)) {
                --skippedDepth;
            } else if (dialect.texts.contains(name)) {
                --textDepth;
            } else if (dialect.deletedTexts.contains(name)) {
                --deletedDepth;
            }
            break;
        }
        case QXmlStreamReader::Characters:
            if (paragraphs.empty() || skippedDepth > 0)
                break;
            if (deletedDepth > 0)
                paragraphs.back().deleted += reader.text();
            else if (textDepth > 0 || dialect.texts.isEmpty())
                paragraphs.back().text += reader.text();
            break;
        default:
            break;
        }
    }
    if (reader.hasError()) {
        *error = QStringLiteral("not well-formed XML: %1").arg(reader.errorString());
        return false;
    }
    return true;
}

} // namespace SendGuard::Extract
