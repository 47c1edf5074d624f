// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Real attachment files, written by the tests from the formats' specifications: ZIP archives
// (libzip), the OOXML, ODF and HWPX parts inside them, HWP 5.0 compound files with compressed
// sections (zlib), and e-mails. Each builder writes only what its format requires.

#include "annotatedpdf.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtEndian>

#include <functional>
#include <utility>
#include <zip.h>
#include <zlib.h>

namespace SendGuard::Tests {

using Entries = QList<std::pair<QString, QByteArray>>;

// The bytes of a ZIP archive that fill writes into.
inline QByteArray zipBuiltBy(const std::function<void(zip_t *)> &fill)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    fill(archive);
    zip_close(archive);
    QByteArray result;
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    result.resize(qsizetype(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, result.data(), zip_uint64_t(result.size()));
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return result;
}

// A ZIP archive of entries whose names are bytes in the given encoding (ZIP_FL_ENC_CP437 writes
// them as they are, without the UTF-8 flag: what Windows Explorer does with CP949 names).
inline QByteArray zipWithNames(const QList<std::pair<QByteArray, QByteArray>> &entries, zip_flags_t encoding,
                               const QStringList &stored)
{
    return zipBuiltBy([&](zip_t *archive) {
        for (const auto &[name, bytes] : entries) {
            zip_source_t *source = zip_source_buffer(archive, bytes.constData(), zip_uint64_t(bytes.size()), 0);
            const zip_int64_t index = zip_file_add(archive, name.constData(), source, encoding);
            zip_set_file_compression(archive, zip_uint64_t(index),
                                     stored.contains(QString::fromUtf8(name)) ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
        }
    });
}

// A ZIP archive of entries with comments: the archive's, and each entry's (by name).
inline QByteArray zipWithComments(const Entries &entries, const QByteArray &comment,
                                  const QHash<QString, QByteArray> &entryComments)
{
    return zipBuiltBy([&](zip_t *archive) {
        for (const auto &[name, bytes] : entries) {
            zip_source_t *source = zip_source_buffer(archive, bytes.constData(), zip_uint64_t(bytes.size()), 0);
            const zip_int64_t index = zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
            const QByteArray entryComment = entryComments.value(name);
            if (!entryComment.isEmpty())
                zip_file_set_comment(archive, zip_uint64_t(index), entryComment.constData(),
                                     zip_uint16_t(entryComment.size()), ZIP_FL_ENC_UTF_8);
        }
        zip_set_archive_comment(archive, comment.constData(), zip_uint16_t(comment.size()));
    });
}

// A ZIP archive of entries, deflated (or stored, as ODF and HWPX keep "mimetype").
inline QByteArray zipOf(const Entries &entries, const QStringList &stored = {QStringLiteral("mimetype")})
{
    QList<std::pair<QByteArray, QByteArray>> named;
    for (const auto &[name, bytes] : entries)
        named.append({name.toUtf8(), bytes});
    return zipWithNames(named, ZIP_FL_ENC_UTF_8, stored);
}

inline QByteArray xmlDocument(const QString &body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body.toUtf8();
}

constexpr auto wordNamespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// <w:p> with one run per part: a number split across runs, as Word writes it after an edit.
inline QString wordParagraph(const QStringList &runs)
{
    QString paragraph = QStringLiteral("<w:p>");
    for (const QString &run : runs)
        paragraph += QStringLiteral("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">%1</w:t></w:r>").arg(run);
    return paragraph + QStringLiteral("</w:p>");
}

// <w:tbl> of one row, a paragraph in each cell.
inline QString wordTable(const QStringList &cells)
{
    QString row;
    for (const QString &cell : cells)
        row += QStringLiteral("<w:tc>%1</w:tc>").arg(wordParagraph({cell}));
    return QStringLiteral("<w:tbl><w:tr>%1</w:tr></w:tbl>").arg(row);
}

// An OOXML package's [Content_Types].xml and _rels/.rels, naming mainPart (of contentType) as
// the office document: what an office suite needs to open it.
inline Entries packageParts(const QString &mainPart, const QString &contentType)
{
    return {{QStringLiteral("[Content_Types].xml"),
             xmlDocument(QStringLiteral("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                        "<Default Extension=\"rels\" ContentType=\"application/"
                                        "vnd.openxmlformats-package.relationships+xml\"/>"
                                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                        "<Override PartName=\"/%1\" ContentType=\"application/"
                                        "vnd.openxmlformats-officedocument.%2\"/></Types>")
                             .arg(mainPart, contentType))},
            {QStringLiteral("_rels/.rels"),
             xmlDocument(QStringLiteral("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                        "relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                                        "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                                        "Target=\"%1\"/></Relationships>")
                             .arg(mainPart))}};
}

// A DOCX: body XML (inside <w:body>), and optional header, footnotes and comments parts, and
// further entries as they are.
inline QByteArray docx(const QString &body, const QString &header = {}, const QString &footnotes = {},
                       const QString &comments = {}, const Entries &extra = {})
{
    Entries entries =
        packageParts(QStringLiteral("word/document.xml"), QStringLiteral("wordprocessingml.document.main+xml"));
    entries.append({QStringLiteral("word/document.xml"),
                    xmlDocument(QStringLiteral("<w:document %1><w:body>%2</w:body></w:document>")
                                    .arg(QLatin1String(wordNamespace), body))});
    if (!header.isEmpty())
        entries.append({QStringLiteral("word/header1.xml"),
                        xmlDocument(QStringLiteral("<w:hdr %1>%2</w:hdr>").arg(QLatin1String(wordNamespace), header))});
    if (!footnotes.isEmpty())
        entries.append(
            {QStringLiteral("word/footnotes.xml"),
             xmlDocument(
                 QStringLiteral("<w:footnotes %1>%2</w:footnotes>").arg(QLatin1String(wordNamespace), footnotes))});
    if (!comments.isEmpty())
        entries.append(
            {QStringLiteral("word/comments.xml"),
             xmlDocument(
                 QStringLiteral("<w:comments %1>%2</w:comments>").arg(QLatin1String(wordNamespace), comments))});
    entries.append(extra);
    return zipOf(entries);
}

// An XLSX: sheets (name, cells XML inside <sheetData>), and the shared strings; headerFooter: the
// first sheet's printed headers and footers (XML inside <headerFooter>); workbookExtra: XML after
// the workbook's sheets (its calcPr).
inline QByteArray xlsx(const QList<std::pair<QString, QString>> &sheets, const QStringList &shared,
                       const QString &headerFooter = {}, const Entries &extra = {}, const QString &workbookExtra = {})
{
    const QString ns =
        QStringLiteral("xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"");
    QString sheetList;
    QString relations;
    Entries entries;
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        sheetList +=
            QStringLiteral("<sheet name=\"%1\" sheetId=\"%2\" r:id=\"rId%2\"/>").arg(sheets[i].first).arg(i + 1);
        relations += QStringLiteral("<Relationship Id=\"rId%1\" Type=\"http://schemas.openxmlformats.org/"
                                    "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%1.xml\"/>")
                         .arg(i + 1);
        entries.append({QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1),
                        xmlDocument(QStringLiteral("<worksheet %1><sheetData>%2</sheetData>%3</worksheet>")
                                        .arg(ns, sheets[i].second,
                                             i == 0 && !headerFooter.isEmpty()
                                                 ? QStringLiteral("<headerFooter>%1</headerFooter>").arg(headerFooter)
                                                 : QString()))});
    }
    relations += QStringLiteral("<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/"
                                "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
    QString strings;
    for (const QString &s : shared)
        strings += QStringLiteral("<si><t>%1</t></si>").arg(s);
    entries.append(
        {QStringLiteral("xl/workbook.xml"),
         xmlDocument(
             QStringLiteral("<workbook %1><sheets>%2</sheets>%3</workbook>").arg(ns, sheetList, workbookExtra))});
    entries.append({QStringLiteral("xl/_rels/workbook.xml.rels"),
                    xmlDocument(QStringLiteral("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                               "relationships\">%1</Relationships>")
                                    .arg(relations))});
    entries.append(
        {QStringLiteral("xl/sharedStrings.xml"),
         xmlDocument(QStringLiteral("<sst %1 count=\"%2\">%3</sst>").arg(ns).arg(shared.size()).arg(strings))});
    entries += packageParts(QStringLiteral("xl/workbook.xml"), QStringLiteral("spreadsheetml.sheet.main+xml"));
    entries.append(extra);
    return zipOf(entries);
}

// A PPTX: each slide's paragraphs, and notes for some slides (by slide number); presentationBody:
// XML inside <p:presentation>.
inline QByteArray pptx(const QStringList &slides, const QList<std::pair<int, QString>> &notes = {},
                       const QString &presentationBody = {}, const Entries &extra = {})
{
    const QString ns = QStringLiteral("xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
                                      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"");
    Entries entries {{QStringLiteral("ppt/presentation.xml"),
                      xmlDocument(QStringLiteral("<p:presentation %1>%2</p:presentation>").arg(ns, presentationBody))}};
    const auto shape = [&](const QString &text) {
        return QStringLiteral("<p:sp><p:txBody><a:p><a:r><a:t>%1</a:t></a:r></a:p></p:txBody></p:sp>").arg(text);
    };
    for (qsizetype i = 0; i < slides.size(); ++i)
        entries.append({QStringLiteral("ppt/slides/slide%1.xml").arg(i + 1),
                        xmlDocument(QStringLiteral("<p:sld %1><p:cSld><p:spTree>%2</p:spTree></p:cSld></p:sld>")
                                        .arg(ns, shape(slides[i])))});
    for (const auto &[number, text] : notes)
        entries.append({QStringLiteral("ppt/notesSlides/notesSlide%1.xml").arg(number),
                        xmlDocument(QStringLiteral("<p:notes %1><p:cSld><p:spTree>%2</p:spTree></p:cSld></p:notes>")
                                        .arg(ns, shape(text)))});
    return zipOf(entries + extra);
}

// An OpenDocument file of mimetype with content (inside <office:body>).
inline QByteArray openDocument(const QString &mimetype, const QString &body)
{
    const QString ns = QStringLiteral("xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                                      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                                      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                                      "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"");
    return zipOf({{QStringLiteral("mimetype"), mimetype.toUtf8()},
                  {QStringLiteral("content.xml"),
                   xmlDocument(QStringLiteral("<office:document-content %1><office:body>%2</office:body>"
                                              "</office:document-content>")
                                   .arg(ns, body))}});
}

// An HWPX (OWPML) document: one section per entry of sections (XML inside <hs:sec>), and the
// preview of its first page Hancom writes beside them, when given.
inline QByteArray hwpx(const QStringList &sections, const QString &preview = {})
{
    const QString ns = QStringLiteral("xmlns:hs=\"http://www.hancom.co.kr/hwpml/2011/section\" "
                                      "xmlns:hp=\"http://www.hancom.co.kr/hwpml/2011/paragraph\"");
    Entries entries {{QStringLiteral("mimetype"), "application/hwp+zip"},
                     {QStringLiteral("version.xml"), xmlDocument(QStringLiteral("<hv:HCFVersion/>"))}};
    for (qsizetype i = 0; i < sections.size(); ++i)
        entries.append({QStringLiteral("Contents/section%1.xml").arg(i),
                        xmlDocument(QStringLiteral("<hs:sec %1>%2</hs:sec>").arg(ns, sections[i]))});
    if (!preview.isEmpty())
        entries.append({QStringLiteral("Preview/PrvText.txt"), preview.toUtf8()});
    return zipOf(entries);
}

inline QString owpmlParagraph(const QString &text)
{
    return QStringLiteral("<hp:p><hp:run><hp:t>%1</hp:t></hp:run></hp:p>").arg(text);
}

// ---- HWP 5.0 ----

// One record: tag, level and size in a 32-bit header (a size of 4095 or more follows it).
inline QByteArray hwpRecord(quint32 tag, quint32 level, const QByteArray &payload)
{
    QByteArray record(4, '\0');
    const quint32 size = quint32(payload.size());
    qToLittleEndian<quint32>(tag | (level << 10) | (qMin<quint32>(size, 0xFFF) << 20), record.data());
    if (size >= 0xFFF) {
        QByteArray extended(4, '\0');
        qToLittleEndian<quint32>(size, extended.data());
        record += extended;
    }
    return record + payload;
}

constexpr quint32 HwpParaHeader = 0x42, HwpParaText = 0x43, HwpCtrlHeader = 0x47, HwpListHeader = 0x48, HwpTable = 0x4D;

// PARA_TEXT's payload: UTF-16LE text, ending with the paragraph break (13).
inline QByteArray hwpText(const QString &text)
{
    QByteArray payload;
    for (const QChar c : text + QChar(13)) {
        char unit[2];
        qToLittleEndian<quint16>(c.unicode(), unit);
        payload.append(unit, 2);
    }
    return payload;
}

// A paragraph at level: PARA_HEADER, then PARA_TEXT one level deeper.
inline QByteArray hwpParagraph(const QString &text, quint32 level = 0)
{
    return hwpRecord(HwpParaHeader, level, QByteArray(22, '\0')) + hwpRecord(HwpParaText, level + 1, hwpText(text));
}

inline QByteArray hwpControlId(const char id[4])
{
    QByteArray bytes(4, '\0');
    qToLittleEndian<quint32>((quint32(quint8(id[0])) << 24) | (quint32(quint8(id[1])) << 16) |
                                 (quint32(quint8(id[2])) << 8) | quint32(quint8(id[3])),
                             bytes.data());
    return bytes;
}

// A table in a paragraph of its own: the table control, then a cell (LIST_HEADER with its column
// and row) holding each text, row by row. The cell's list header is laid out as Hangul writes it:
// the paragraph count, two more bytes, the properties (eight bytes), then column and row.
// A caption, when given, comes before the table's body, in a list of its own.
inline QByteArray hwpTableRows(const QList<QStringList> &rows, const QString &caption = {})
{
    QByteArray records = hwpRecord(HwpParaHeader, 0, QByteArray(22, '\0'));
    records += hwpRecord(HwpCtrlHeader, 1, hwpControlId("tbl ") + QByteArray(40, '\0'));
    if (!caption.isEmpty()) {
        QByteArray list(22, '\0');
        qToLittleEndian<quint16>(1, list.data()); // one paragraph
        qToLittleEndian<quint32>(3, list.data() + 8); // below the table
        records += hwpRecord(HwpListHeader, 2, list);
        records += hwpParagraph(caption, 2);
    }
    records += hwpRecord(HwpTable, 2, QByteArray(18, '\0'));
    for (qsizetype row = 0; row < rows.size(); ++row) {
        for (qsizetype column = 0; column < rows[row].size(); ++column) {
            QByteArray list(34, '\0');
            qToLittleEndian<quint16>(1, list.data()); // one paragraph
            qToLittleEndian<quint16>(quint16(column), list.data() + 8);
            qToLittleEndian<quint16>(quint16(row), list.data() + 10);
            qToLittleEndian<quint16>(1, list.data() + 12); // spans one column
            qToLittleEndian<quint16>(1, list.data() + 14); // and one row
            records += hwpRecord(HwpListHeader, 2, list);
            records += hwpParagraph(rows[row][column], 2);
        }
    }
    return records;
}

// A one-row table.
inline QByteArray hwpTable(const QStringList &cells)
{
    return hwpTableRows({cells});
}

inline QByteArray rawDeflate(const QByteArray &bytes)
{
    z_stream stream {};
    deflateInit2(&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(bytes.size()))), '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

// A compound file (MS-CFB, version 3, 512-byte sectors) holding streams at the root or in one
// storage level ("BodyText/Section0"). Streams under 4096 bytes go to the mini stream, as the
// format requires.
inline QByteArray compoundFile(const Entries &streams)
{
    constexpr quint32 End = 0xFFFFFFFE, Free = 0xFFFFFFFF, FatSector = 0xFFFFFFFD;
    struct Node
    {
        QString name;
        int type; // 1 storage, 2 stream, 5 root
        QByteArray data;
        QList<int> children;
        quint32 start = End;
    };
    QList<Node> nodes {{QStringLiteral("Root Entry"), 5, {}, {}}};
    for (const auto &[path, data] : streams) {
        int parent = 0;
        const QStringList parts = path.split(QLatin1Char('/'));
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            int found = -1;
            for (const int child : nodes[parent].children) {
                if (nodes[child].name == parts[i])
                    found = child;
            }
            if (found < 0) {
                nodes.append({parts[i], 1, {}, {}});
                found = int(nodes.size() - 1);
                nodes[parent].children.append(found);
            }
            parent = found;
        }
        nodes.append({parts.last(), 2, data, {}});
        nodes[parent].children.append(int(nodes.size() - 1));
    }
    // Mini stream: small streams in 64-byte mini sectors.
    QByteArray mini;
    QList<quint32> miniFat;
    for (Node &node : nodes) {
        if (node.type != 2 || node.data.size() >= 4096 || node.data.isEmpty())
            continue;
        node.start = quint32(mini.size() / 64);
        const qsizetype sectors = (node.data.size() + 63) / 64;
        for (qsizetype i = 0; i < sectors; ++i)
            miniFat.append(i + 1 < sectors ? quint32(mini.size() / 64 + i + 1) : End);
        mini += node.data + QByteArray(sectors * 64 - node.data.size(), '\0');
    }
    // Regular sectors: big streams, the mini stream, the mini FAT, the directory, then the FAT.
    QByteArray body;
    QList<quint32> fat;
    const auto place = [&](const QByteArray &data) -> quint32 {
        if (data.isEmpty())
            return End;
        const quint32 start = quint32(body.size() / 512);
        const qsizetype sectors = (data.size() + 511) / 512;
        for (qsizetype i = 0; i < sectors; ++i)
            fat.append(i + 1 < sectors ? start + quint32(i) + 1 : End);
        body += data + QByteArray(sectors * 512 - data.size(), '\0');
        return start;
    };
    for (Node &node : nodes) {
        if (node.type == 2 && node.data.size() >= 4096)
            node.start = place(node.data);
    }
    nodes[0].start = place(mini);
    nodes[0].data = mini; // its size is the mini stream's
    QByteArray miniFatBytes;
    for (const quint32 entry : miniFat) {
        char word[4];
        qToLittleEndian<quint32>(entry, word);
        miniFatBytes.append(word, 4);
    }
    const quint32 miniFatStart = place(miniFatBytes);
    // Directory: siblings as a right-leaning chain (a valid, if unbalanced, tree).
    QByteArray directory;
    for (int i = 0; i < nodes.size(); ++i) {
        QByteArray entry(128, '\0');
        const QString &name = nodes[i].name;
        for (qsizetype c = 0; c < name.size(); ++c)
            qToLittleEndian<quint16>(name[c].unicode(), entry.data() + 2 * c);
        qToLittleEndian<quint16>(quint16((name.size() + 1) * 2), entry.data() + 0x40);
        entry[0x42] = char(nodes[i].type);
        entry[0x43] = 1; // black
        quint32 right = Free;
        for (const Node &parent : nodes) {
            const qsizetype at = parent.children.indexOf(i);
            if (at >= 0 && at + 1 < parent.children.size())
                right = quint32(parent.children[at + 1]);
        }
        qToLittleEndian<quint32>(Free, entry.data() + 0x44);
        qToLittleEndian<quint32>(right, entry.data() + 0x48);
        qToLittleEndian<quint32>(nodes[i].children.isEmpty() ? Free : quint32(nodes[i].children.first()),
                                 entry.data() + 0x4C);
        qToLittleEndian<quint32>(nodes[i].type == 1 ? 0 : nodes[i].start, entry.data() + 0x74);
        qToLittleEndian<quint32>(nodes[i].type == 1 ? 0 : quint32(nodes[i].data.size()), entry.data() + 0x78);
        directory += entry;
    }
    const quint32 directoryStart = place(directory);
    // The FAT itself, in as many sectors as it needs (each holds 128 entries).
    const quint32 fatStart = quint32(body.size() / 512);
    qsizetype fatSectors = 1;
    while (fat.size() + fatSectors > fatSectors * 128)
        ++fatSectors;
    for (qsizetype i = 0; i < fatSectors; ++i)
        fat.append(FatSector);
    while (fat.size() % 128)
        fat.append(Free);
    for (const quint32 entry : fat) {
        char word[4];
        qToLittleEndian<quint32>(entry, word);
        body.append(word, 4);
    }
    QByteArray header(512, '\0');
    header.replace(0, 8, QByteArray::fromHex("D0CF11E0A1B11AE1"));
    qToLittleEndian<quint16>(0x3E, header.data() + 0x18);
    qToLittleEndian<quint16>(3, header.data() + 0x1A);
    qToLittleEndian<quint16>(0xFFFE, header.data() + 0x1C);
    qToLittleEndian<quint16>(9, header.data() + 0x1E);
    qToLittleEndian<quint16>(6, header.data() + 0x20);
    qToLittleEndian<quint32>(quint32(fatSectors), header.data() + 0x2C);
    qToLittleEndian<quint32>(directoryStart, header.data() + 0x30);
    qToLittleEndian<quint32>(4096, header.data() + 0x38);
    qToLittleEndian<quint32>(miniFatBytes.isEmpty() ? End : miniFatStart, header.data() + 0x3C);
    qToLittleEndian<quint32>(quint32((miniFatBytes.size() + 511) / 512), header.data() + 0x40);
    qToLittleEndian<quint32>(End, header.data() + 0x44);
    for (int i = 0; i < 109; ++i)
        qToLittleEndian<quint32>(i < fatSectors ? fatStart + quint32(i) : Free, header.data() + 0x4C + 4 * i);
    return header + body;
}

// An HWP 5.0 document: FileHeader (version 5.0.3.0, the given properties), an empty DocInfo, and
// one BodyText section per entry (its records), DEFLATE-compressed when properties says so; and
// further streams as they are (BinData/BIN0001.OLE).
inline QByteArray hwp(const QList<QByteArray> &sections, quint32 properties = 1, const QString &preview = {},
                      const Entries &extra = {})
{
    QByteArray header(256, '\0');
    header.replace(0, 17, "HWP Document File");
    qToLittleEndian<quint32>(0x05000300, header.data() + 32);
    qToLittleEndian<quint32>(properties, header.data() + 36);
    Entries streams {{QStringLiteral("FileHeader"), header}, {QStringLiteral("DocInfo"), QByteArray(16, '\0')}};
    for (qsizetype i = 0; i < sections.size(); ++i)
        streams.append(
            {QStringLiteral("BodyText/Section%1").arg(i), (properties & 1) ? rawDeflate(sections[i]) : sections[i]});
    if (!preview.isEmpty()) {
        QByteArray text;
        for (const QChar c : preview) {
            char unit[2];
            qToLittleEndian<quint16>(c.unicode(), unit);
            text.append(unit, 2);
        }
        streams.append({QStringLiteral("PrvText"), text});
    }
    streams.append(extra);
    return compoundFile(streams);
}

// A one-page PDF written by hand (objects, cross-reference table, trailer) whose page content is
// contentStream, FlateDecode-compressed: a hostile page is easy to make this way.
inline QByteArray flatePdf(const QByteArray &contentStream)
{
    uLongf size = compressBound(uLong(contentStream.size()));
    QByteArray compressed(qsizetype(size), '\0');
    compress2(reinterpret_cast<Bytef *>(compressed.data()), &size,
              reinterpret_cast<const Bytef *>(contentStream.constData()), uLong(contentStream.size()), 9);
    compressed.resize(qsizetype(size));
    return pdfOf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                  pdfStream("/Filter /FlateDecode", compressed)});
}

} // namespace SendGuard::Tests
