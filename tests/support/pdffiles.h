// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// PDFs printed with QPdfWriter (needs a QGuiApplication): pages of text lines in a Korean font,
// or pages that hold only a picture, as a scanner makes them.

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QPdfWriter>
#include <QStringList>

namespace SendGuard::Tests {

// One page per entry of pages, each line below the one before; the pages numbered in scanned
// (from 0) hold a grey picture of most of the page, as a scanner makes them, under their lines.
inline QByteArray printedPdfWithScans(const QList<QStringList> &pages, const QList<qsizetype> &scanned)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    QPainter painter(&writer);
    painter.setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 9));
    for (qsizetype page = 0; page < pages.size(); ++page) {
        if (page > 0)
            writer.newPage();
        if (scanned.contains(page)) {
            // Most of the page, as a scanner makes it; its lines, if any, drawn as text over it
            // (a page number a program added).
            QImage scan(500, 700, QImage::Format_RGB32);
            scan.fill(Qt::gray);
            painter.drawImage(QPoint(40, 60), scan);
        }
        for (qsizetype line = 0; line < pages[page].size(); ++line)
            painter.drawText(QPoint(20, 30 + int(line) * 12), pages[page][line]);
    }
    painter.end();
    return bytes;
}

// One page per entry of pages; imageOnly: every page a grey picture.
inline QByteArray printedPdf(const QList<QStringList> &pages, bool imageOnly = false)
{
    QList<qsizetype> scanned;
    for (qsizetype page = 0; imageOnly && page < pages.size(); ++page)
        scanned.append(page);
    return printedPdfWithScans(pages, scanned);
}

// Paragraphs wrapped at spaces into lines of at most width characters (no number cut in two),
// linesPerPage to a page.
inline QList<QStringList> pagesOf(const QStringList &paragraphs, int width = 55, int linesPerPage = 65)
{
    QList<QStringList> pages {{}};
    for (const QString &paragraph : paragraphs) {
        for (QString rest = paragraph; !rest.isEmpty();) {
            qsizetype cut = rest.size() <= width ? rest.size() : rest.lastIndexOf(QLatin1Char(' '), width);
            if (cut <= 0)
                cut = qMin<qsizetype>(rest.size(), width);
            if (pages.last().size() == linesPerPage)
                pages.append(QStringList());
            pages.last().append(rest.left(cut));
            rest = rest.mid(cut).trimmed();
        }
    }
    return pages;
}

} // namespace SendGuard::Tests
