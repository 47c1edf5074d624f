// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// PDFs written object by object from the format's specification (ISO 32000-1, 7.5 and 12.5): any
// objects with their cross-reference table, or pages with a line of text and the annotations, form
// fields and attached files a test gives.

#include <QByteArray>
#include <QList>
#include <QString>

namespace SendGuard::Tests {

struct PdfPage
{
    QByteArray text; // one line of ASCII drawn in Helvetica
    QList<int> annotations; // numbers of the objects that are its annotations
    QByteArray drawing = {}; // operators drawn under it ("0 g 0 0 595 842 re f": a page of ink, as a scan)
};

// A PDF string of any text: UTF-16BE with its byte order mark, in hexadecimal.
inline QByteArray pdfText(const QString &text)
{
    QByteArray utf16 = "\xfe\xff";
    for (const QChar c : text) {
        utf16 += char(c.unicode() >> 8);
        utf16 += char(c.unicode() & 0xff);
    }
    return '<' + utf16.toHex() + '>';
}

// A stream object of content with dictionary's entries.
inline QByteArray pdfStream(const QByteArray &dictionary, const QByteArray &content)
{
    return "<< " + dictionary + " /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
        "\nendstream";
}

// A PDF of objects (objects[i] is object i + 1; 1 is the catalog), with a correct
// cross-reference table.
inline QByteArray pdfOf(const QList<QByteArray> &objects, const QByteArray &trailerEntries = {})
{
    QByteArray pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype table = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R " + trailerEntries +
        " >>\nstartxref\n" + QByteArray::number(table) + "\n%%EOF\n";
    return pdf;
}

// Object 1 is the catalog (with catalogEntries, an /AcroForm), 2 the page tree, 3 the font F1;
// objects[i] is object 4 + i, for annotations and what they refer to; the pages and their
// contents follow. With a correct cross-reference table, and trailerEntries (an /Info).
inline QByteArray annotatedPdf(const QList<PdfPage> &pages, const QList<QByteArray> &objects,
                               const QByteArray &catalogEntries = {}, const QByteArray &trailerEntries = {})
{
    const int firstPage = 4 + int(objects.size());
    QByteArray kids;
    for (int i = 0; i < pages.size(); ++i)
        kids += QByteArray::number(firstPage + 2 * i) + " 0 R ";
    QList<QByteArray> all {"<< /Type /Catalog /Pages 2 0 R " + catalogEntries + " >>",
                           "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size()) + " >>",
                           "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    all += objects;
    for (int i = 0; i < pages.size(); ++i) {
        QByteArray annotations;
        for (const int object : pages[i].annotations)
            annotations += QByteArray::number(object) + " 0 R ";
        all << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
               "/Contents " +
                QByteArray::number(firstPage + 2 * i + 1) + " 0 R /Annots [" + annotations + "] >>"
            << pdfStream({}, pages[i].drawing + " BT /F1 12 Tf 72 760 Td (" + pages[i].text + ") Tj ET");
    }
    return pdfOf(all, trailerEntries);
}

} // namespace SendGuard::Tests
