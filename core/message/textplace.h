// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SendGuard::Core {

// Where a piece of an attachment's text came from, as steps from the outside in: an entry of an
// archive, then a sheet and a cell, a page, a slide, a table's row and cell, a header... The
// extraction helper sends the steps as "kind=value" strings; describe() words them for people.
struct TextPlace
{
    enum class Kind {
        Entry, // a file inside an archive or an e-mail: value is its name
        Sheet, // value: the sheet's name
        Cell, // value: "C14" in a sheet; a table cell's number in a table
        Page,
        Slide,
        Notes, // the notes of slide value
        Paragraph,
        Table,
        Row,
        Header,
        Footer,
        Footnote,
        Endnote,
        Comment,
        Deleted, // text a tracked change deleted
        Section,
        TextBox,
        Preview, // a document's stored preview text (HWP PrvText)
        Subject, // an e-mail's subject line
        Alternative, // the same content again in another form (mc:Fallback, multipart/alternative)
        FormField, // a PDF form field's value, which its page shows as well unless the field is hidden; a
                   // drop-down's items, a cell's input prompt or list, a user field's value, a field's
                   // parameters (a click-here field's guide)
        Note, // a PDF annotation's text (a sticky note, a text box), which its page may draw as well; a
              // link's address or tooltip; a PDF's title and bookmarks; a ruby's or 덧말's reading over
              // the text; a picture's alternative text; a field's code
        FileName, // an attachment's own name, which travels with it ("홍길동_900101-1234568.pdf")
        Name, // a name a document shows beside its text: a sheet's on its tab
        AddressField, // an e-mail's From, To, Cc… line (its display names): value, the field's name
    };
    struct Step
    {
        Kind kind;
        QString value;
        friend bool operator==(const Step &, const Step &) = default;
    };

    QList<Step> steps;

    static constexpr qsizetype MaxSteps = 24; // deeper steps are left out
    static constexpr qsizetype MaxValueLength = 80; // longer values end in "…"

    bool isEmpty() const { return steps.isEmpty(); }
    // This place, one step further in (within the bounds above).
    TextPlace then(Kind kind, const QString &value = {}) const;
    // About how many characters it takes to write out: counted against a document's text budget.
    qsizetype size() const;

    // "sheet=Sheet2", "cell=C14", ...; empty when a step is unknown.
    QStringList toWire() const;
    static std::optional<TextPlace> fromWire(const QStringList &steps);

    // For people, in "ko" or "en": "명단.xlsx › Sheet2!C14", "table 1, row 3, cell 2".
    QString describe(QStringView language) const;

    friend bool operator==(const TextPlace &, const TextPlace &) = default;
};

} // namespace SendGuard::Core
