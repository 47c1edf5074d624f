// SPDX-License-Identifier: GPL-2.0-or-later
#include "htmltext.h"

#include "common/koreancodepage.h"
#include "message/attachmenttext.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <limits>
#include <map>

namespace SendGuard::Extract {

namespace {

// The named character references (HTML5) that stand for what a number is written with: dashes,
// spaces, invisible characters and punctuation, and the markup characters.
const QHash<QString, QChar> &namedReferences()
{
    static const QHash<QString, QChar> names {
        {QStringLiteral("amp"), u'&'},
        {QStringLiteral("lt"), u'<'},
        {QStringLiteral("gt"), u'>'},
        {QStringLiteral("quot"), u'"'},
        {QStringLiteral("apos"), u'\''},
        {QStringLiteral("nbsp"), u' '},
        {QStringLiteral("hyphen"), u'\u2010'},
        {QStringLiteral("dash"), u'\u2010'},
        {QStringLiteral("ndash"), u'\u2013'},
        {QStringLiteral("mdash"), u'\u2014'},
        {QStringLiteral("horbar"), u'\u2015'},
        {QStringLiteral("minus"), u'\u2212'},
        {QStringLiteral("shy"), u'\u00AD'},
        {QStringLiteral("ensp"), u'\u2002'},
        {QStringLiteral("emsp"), u'\u2003'},
        {QStringLiteral("emsp13"), u'\u2004'},
        {QStringLiteral("emsp14"), u'\u2005'},
        {QStringLiteral("numsp"), u'\u2007'},
        {QStringLiteral("puncsp"), u'\u2008'},
        {QStringLiteral("thinsp"), u'\u2009'},
        {QStringLiteral("hairsp"), u'\u200A'},
        {QStringLiteral("ThinSpace"), u'\u2009'},
        {QStringLiteral("ZeroWidthSpace"), u'\u200B'},
        {QStringLiteral("zwnj"), u'\u200C'},
        {QStringLiteral("zwj"), u'\u200D'},
        {QStringLiteral("lrm"), u'\u200E'},
        {QStringLiteral("rlm"), u'\u200F'},
        {QStringLiteral("NoBreak"), u'\u2060'},
        {QStringLiteral("NegativeVeryThinSpace"), u'\u200B'},
        {QStringLiteral("NegativeThinSpace"), u'\u200B'},
        {QStringLiteral("NegativeMediumSpace"), u'\u200B'},
        {QStringLiteral("NegativeThickSpace"), u'\u200B'},
        {QStringLiteral("ApplyFunction"), u'\u2061'},
        {QStringLiteral("af"), u'\u2061'},
        {QStringLiteral("InvisibleTimes"), u'\u2062'},
        {QStringLiteral("it"), u'\u2062'},
        {QStringLiteral("InvisibleComma"), u'\u2063'},
        {QStringLiteral("ic"), u'\u2063'},
        {QStringLiteral("NonBreakingSpace"), u'\u00A0'},
        {QStringLiteral("MediumSpace"), u'\u205F'},
        {QStringLiteral("VeryThinSpace"), u'\u200A'},
        {QStringLiteral("period"), u'.'},
        {QStringLiteral("comma"), u','},
        {QStringLiteral("colon"), u':'},
        {QStringLiteral("sol"), u'/'},
        {QStringLiteral("lowbar"), u'_'},
        {QStringLiteral("lpar"), u'('},
        {QStringLiteral("rpar"), u')'},
        {QStringLiteral("lsqb"), u'['},
        {QStringLiteral("rsqb"), u']'},
        {QStringLiteral("plus"), u'+'},
        {QStringLiteral("num"), u'#'},
        {QStringLiteral("ast"), u'*'},
        {QStringLiteral("middot"), u'\u00B7'},
        {QStringLiteral("bull"), u'\u2022'},
        {QStringLiteral("tilde"), u'\u02DC'},
        {QStringLiteral("commat"), u'@'},
    };
    return names;
}

// The value of a tag's attribute (the name in any case), read as a browser reads the tag:
// name="value", name='value' or name=value, so that a name inside another value is none.
QString attributeValue(QStringView tag, QLatin1String wanted)
{
    qsizetype i = 1;
    while (i < tag.size() && !tag[i].isSpace() && tag[i] != u'>' && tag[i] != u'/')
        ++i; // the tag's own name
    while (i < tag.size()) {
        while (i < tag.size() && (tag[i].isSpace() || tag[i] == u'/'))
            ++i;
        const qsizetype nameStart = i;
        while (i < tag.size() && !tag[i].isSpace() && tag[i] != u'=' && tag[i] != u'>' && tag[i] != u'/')
            ++i;
        const QStringView name = tag.mid(nameStart, i - nameStart);
        if (name.isEmpty())
            break;
        while (i < tag.size() && tag[i].isSpace())
            ++i;
        QStringView value;
        if (i < tag.size() && tag[i] == u'=') {
            for (++i; i < tag.size() && tag[i].isSpace();)
                ++i;
            if (i < tag.size() && (tag[i] == u'"' || tag[i] == u'\'')) {
                const qsizetype close = tag.indexOf(tag[i], i + 1);
                const qsizetype end = close < 0 ? tag.size() : close;
                value = tag.mid(i + 1, end - i - 1);
                i = end + 1;
            } else {
                const qsizetype start = i;
                while (i < tag.size() && !tag[i].isSpace() && tag[i] != u'>')
                    ++i;
                value = tag.mid(start, i - start);
            }
        }
        if (name.compare(wanted, Qt::CaseInsensitive) == 0)
            return value.toString();
    }
    return {};
}

// Code points 0x80-0x9F written as references, read as Windows-1252 reads those bytes, as
// browsers do ("&#150;" is an en dash); 0 where it has no character.
constexpr char16_t windows1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// What a numeric reference reads as: its code point, a C1 code as Windows-1252 reads it, and
// U+FFFD for a value past Unicode (as many leading zeros as it likes).
QString numericReference(QStringView digits, bool hex)
{
    while (digits.size() > 1 && digits.front() == u'0')
        digits = digits.sliced(1);
    bool ok = false;
    const uint code = digits.size() > 8 ? 0x110000 : digits.toUInt(&ok, hex ? 16 : 10);
    if (code == 0 || code > 0x10FFFF || QChar::isSurrogate(code))
        return QString(QChar::ReplacementCharacter);
    if (code >= 0x80 && code <= 0x9F && windows1252[code - 0x80] != 0)
        return QString(QChar(windows1252[code - 0x80]));
    const char32_t character = code;
    return QString::fromUcs4(&character, 1);
}

// Character references decoded: "&#56;" is an 8 to whoever reads the page, and "&ndash;" a dash;
// a numeric one without its semicolon too, as browsers read it, and the markup names and nbsp.
// An unknown name stays as it is written, as a browser leaves it.
QString decodedReferences(const QString &text)
{
    static const QRegularExpression references(
        QStringLiteral("&(?:#([xX])([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]{1,31});|"
                       "(nbsp|amp|lt|gt|quot|shy)(?![A-Za-z;]))"));
    QString decoded;
    qsizetype last = 0;
    for (auto it = references.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        if (match.capturedLength(2) > 0) {
            decoded += numericReference(match.capturedView(2), true);
        } else if (match.capturedLength(3) > 0) {
            decoded += numericReference(match.capturedView(3), false);
        } else {
            const QString name = match.capturedLength(4) > 0 ? match.captured(4) : match.captured(5);
            const auto named = namedReferences().constFind(name);
            decoded += named == namedReferences().constEnd() ? match.captured(0) : QString(*named);
        }
    }
    decoded += QStringView(text).mid(last);
    return decoded;
}

// The text as a browser lays it out: runs of blanks one space (but in a <pre> or a <textarea>),
// none at a line's or a cell's start; a line break where a block ends, one only, however many
// blocks end there (a blank line would end a table for ColumnHeaders). A table's rows are lines
// and its cells apart by a tab, as many as a cell spans, an empty one counted; what breaks a line
// inside a cell (a <br>, a paragraph, a table inside it) is a space there, so that the cells after
// it stay under their titles. References are decoded as the text comes, so that "&#10;" is a blank
// to collapse, as a browser reads it.
class Layout
{
public:
    void text(QStringView raw, bool asWritten)
    {
        const QString text = decodedReferences(raw.toString());
        // Text inside a table but in no cell: a browser draws it above the table, apart.
        if (!m_tables.empty() && !m_tables.back().cellOpen && !inOuterCell() &&
            std::any_of(text.begin(), text.end(), [](QChar c) { return !c.isSpace(); }))
            lineBreak(false);
        if (asWritten && !inCell()) {
            m_out += text;
            return;
        }
        for (const QChar c : text) {
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f')
                space();
            else
                m_out += c;
        }
    }
    // A value the page shows beside its text (a form field's, a picture's alternative text).
    void word(const QString &word)
    {
        space();
        text(word, false);
        space();
    }
    void lineBreak(bool always)
    {
        if (inCell()) {
            space();
            return;
        }
        trim();
        if (always || (!m_out.isEmpty() && !m_out.endsWith(u'\n')))
            m_out += u'\n';
    }
    void tableStart()
    {
        lineBreak(false);
        m_tables.push_back({});
    }
    void tableEnd()
    {
        if (!m_tables.empty()) {
            closeCell();
            m_tables.pop_back();
        }
        lineBreak(false);
    }
    // A row starts or ends (a browser ignores one outside any table: a line ends, no more).
    void row()
    {
        if (!m_tables.empty()) {
            closeCell();
            m_tables.back().cells = m_tables.back().spanned = 0;
        }
        lineBreak(false);
    }
    void cell(int span)
    {
        if (m_tables.empty() || inOuterCell()) { // outside a table, ignored; a table in a cell: words
            space();
            return;
        }
        Table &table = m_tables.back();
        if (table.cells == 0)
            lineBreak(false); // a row on a line of its own, after any text drawn above the table
        trim();
        if (table.cells > 0)
            m_out += QString(1 + table.spanned, u'\t');
        table.spanned = qBound(1, span, 100) - 1;
        ++table.cells;
        if (!table.cellOpen)
            ++m_openCells;
        table.cellOpen = true;
    }
    void cellEnd()
    {
        if (!m_tables.empty() && !inOuterCell())
            closeCell();
    }
    const QString &result() const { return m_out; }

private:
    struct Table
    {
        int cells = 0; // of the row
        int spanned = 0; // cells the last one spans beyond itself
        bool cellOpen = false;
    };

    // Counted, not looked for: a page of tables never closed is read in one pass.
    bool inCell() const { return m_openCells > 0; }
    bool inOuterCell() const { return m_openCells - (!m_tables.empty() && m_tables.back().cellOpen ? 1 : 0) > 0; }
    void closeCell()
    {
        if (m_tables.back().cellOpen)
            --m_openCells;
        m_tables.back().cellOpen = false;
    }
    void space()
    {
        if (!m_out.isEmpty() && !m_out.endsWith(u' ') && !m_out.endsWith(u'\n') && !m_out.endsWith(u'\t'))
            m_out += u' ';
    }
    void trim()
    {
        while (m_out.endsWith(u' '))
            m_out.chop(1);
    }

    QString m_out;
    std::vector<Table> m_tables;
    int m_openCells = 0;
};

// A tag at html[lt] ('<'), read as a browser reads one: '<', a name (a letter first; "<2" is
// text), then its attributes up to the '>' that ends it: a value quoted right after '=' (a '>'
// inside it does not end the tag) or unquoted up to a blank (a quote or '=' inside it is part of
// it: "align=center\"", "href=/x?a=\""). Searched by hand, and a search that finds nothing is not
// made again, so that a page of broken tags is read in one pass (a pattern matched at each '<'
// checked the whole page again every time).
class TagReader
{
public:
    explicit TagReader(const QString &html)
        : m_html(html)
        , m_lastClose(html.lastIndexOf(u'>'))
    {
    }

    struct Tag
    {
        qsizetype end = -1; // after its '>'; -1: no tag here
        bool closing = false;
        bool unended = false; // the page ends inside it: no tag after it ends either
        QString name; // lower case
    };

    Tag at(qsizetype lt)
    {
        Tag tag;
        const qsizetype size = m_html.size();
        qsizetype i = lt + 1;
        if (i < size && m_html[i] == u'/') {
            tag.closing = true;
            ++i;
        }
        const qsizetype nameStart = i;
        while (i < size && (isAsciiLetter(m_html[i]) || (i > nameStart && m_html[i] >= u'0' && m_html[i] <= u'9')))
            ++i;
        if (i == nameStart)
            return tag;
        tag.unended = true;
        if (i > m_lastClose)
            return tag;
        tag.name = m_html.sliced(nameStart, i - nameStart).toLower();
        bool named = false; // an attribute's name read, which '=' may give a value
        while (i < size && i <= m_lastClose) {
            const QChar c = m_html[i];
            if (c == u'>') {
                tag.end = i + 1;
                tag.unended = false;
                return tag;
            }
            ++i;
            if (c == u'/') {
                named = false;
                continue;
            }
            if (c != u'=' || !named) { // a '=' where a name starts is part of that name
                named = named || !isBlank(c) || c == u'=';
                if (isBlank(c) && named && i < size && !isBlank(m_html[i]) && m_html[i] != u'=')
                    named = false; // the next attribute's name starts
                continue;
            }
            named = false;
            while (i < size && isBlank(m_html[i]))
                ++i;
            if (i < size && (m_html[i] == u'"' || m_html[i] == u'\'')) {
                const qsizetype close = find(m_html[i], i + 1);
                i = close < 0 ? size : close + 1; // an unclosed quote runs to the end
            } else {
                while (i < size && !isBlank(m_html[i]) && m_html[i] != u'>')
                    ++i;
            }
        }
        return tag;
    }

private:
    static bool isAsciiLetter(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
    static bool isBlank(QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f'; }

    // The next `quote` at or after from, or -1; a search that found none is not made again.
    qsizetype find(QChar quote, qsizetype from)
    {
        qsizetype &none = quote == u'"' ? m_noDoubleFrom : m_noSingleFrom;
        if (from >= none)
            return -1;
        const qsizetype found = m_html.indexOf(quote, from);
        if (found < 0)
            none = from;
        return found;
    }

    const QString &m_html;
    qsizetype m_lastClose;
    qsizetype m_noDoubleFrom = std::numeric_limits<qsizetype>::max();
    qsizetype m_noSingleFrom = std::numeric_limits<qsizetype>::max();
};

// The first of a marker at or after a position, each search remembered: the next search from
// within [from, found] has the same answer, so a page of markers is searched once.
class MarkerSearch
{
public:
    MarkerSearch(const QString &html, QString marker, Qt::CaseSensitivity sensitivity = Qt::CaseSensitive)
        : m_html(html)
        , m_marker(std::move(marker))
        , m_sensitivity(sensitivity)
    {
    }

    qsizetype from(qsizetype position)
    {
        if (m_searchedFrom >= 0 && position >= m_searchedFrom && (m_found < 0 || position <= m_found))
            return m_found;
        m_searchedFrom = position;
        m_found = m_html.indexOf(m_marker, position, m_sensitivity);
        return m_found;
    }

private:
    const QString &m_html;
    QString m_marker;
    Qt::CaseSensitivity m_sensitivity;
    qsizetype m_searchedFrom = -1;
    qsizetype m_found = -1;
};

} // namespace

QString HtmlText::text(const QString &html)
{
    // Tags that break the text as a reader shows it; any other tag (span, b, font, a) leaves the
    // text on either side joined, as the reader shows it: "<span>851011-</span><span>2345673" is
    // one number.
    static const QSet<QString> lineTags {
        QStringLiteral("p"),        QStringLiteral("div"),      QStringLiteral("li"),
        QStringLiteral("ul"),       QStringLiteral("ol"),       QStringLiteral("h1"),
        QStringLiteral("h2"),       QStringLiteral("h3"),       QStringLiteral("h4"),
        QStringLiteral("h5"),       QStringLiteral("h6"),       QStringLiteral("blockquote"),
        QStringLiteral("pre"),      QStringLiteral("hr"),       QStringLiteral("title"),
        QStringLiteral("section"),  QStringLiteral("article"),  QStringLiteral("header"),
        QStringLiteral("footer"),   QStringLiteral("dt"),       QStringLiteral("dd"),
        QStringLiteral("dl"),       QStringLiteral("caption"),  QStringLiteral("body"),
        QStringLiteral("html"),     QStringLiteral("option"),   QStringLiteral("select"),
        QStringLiteral("textarea"), QStringLiteral("figure"),   QStringLiteral("figcaption"),
        QStringLiteral("center"),   QStringLiteral("details"),  QStringLiteral("summary"),
        QStringLiteral("address"),  QStringLiteral("main"),     QStringLiteral("nav"),
        QStringLiteral("aside"),    QStringLiteral("fieldset"), QStringLiteral("legend"),
        QStringLiteral("form"),     QStringLiteral("menu"),     QStringLiteral("noscript"),
        QStringLiteral("dir"),      QStringLiteral("dialog"),   QStringLiteral("xmp"),
        QStringLiteral("listing"),  QStringLiteral("plaintext")};
    // Text laid out as it is written.
    static const QSet<QString> preformatted {QStringLiteral("pre"), QStringLiteral("textarea"), QStringLiteral("xmp"),
                                             QStringLiteral("listing")};
    Layout layout;
    TagReader tags(html);
    MarkerSearch commentEnd(html, QStringLiteral("-->"));
    MarkerSearch bangCommentEnd(html, QStringLiteral("--!>"));
    // Elements whose text runs to their closing tag, markup and all: scripts and style sheets (not
    // shown), a text area's and the title's text (shown as text).
    std::map<QString, MarkerSearch> closings;
    std::map<QString, std::pair<qsizetype, qsizetype>> closeEnds;
    static const QHash<QString, QString> closingTags {{QStringLiteral("script"), QStringLiteral("</script")},
                                                      {QStringLiteral("style"), QStringLiteral("</style")},
                                                      {QStringLiteral("textarea"), QStringLiteral("</textarea")},
                                                      {QStringLiteral("title"), QStringLiteral("</title")},
                                                      {QStringLiteral("xmp"), QStringLiteral("</xmp")},
                                                      {QStringLiteral("listing"), QStringLiteral("</listing")}};
    int asWritten = 0;
    // A ruby's reading (<rt>, and <rp>'s fallback parentheses) stands above its text, not in it:
    // "<ruby>900101<rt>x</rt></ruby>-1234568" reads 900101-1234568. Each reading is read on a line
    // of its own after the page.
    bool inReading = false;
    QStringList readings;
    const auto text = [&](QStringView written, bool asItIs) {
        if (!inReading) {
            layout.text(written, asItIs);
            return;
        }
        readings.last() += written;
    };
    qsizetype at = 0;
    while (at < html.size()) {
        const qsizetype lt = html.indexOf(u'<', at);
        if (lt < 0) {
            text(QStringView(html).sliced(at), asWritten > 0);
            break;
        }
        text(QStringView(html).sliced(at, lt - at), asWritten > 0);
        const QStringView rest = QStringView(html).sliced(lt);
        if (rest.startsWith(u"<!--")) {
            // A comment is not shown: to "-->" (or "--!>"); "<!-->" and "<!--->" are empty ones. What
            // Outlook shows inside "<!--[if mso]>" is read, its markers dropped ("<!--[if !mso]><!-->",
            // which every other reader shows, is such a marker and an empty comment). One never
            // closed ends at its first '>'.
            if (rest.startsWith(u"<!-->") || rest.startsWith(u"<!--->")) {
                at = lt + (rest.startsWith(u"<!-->") ? 5 : 6);
                continue;
            }
            const qsizetype dashes = commentEnd.from(lt + 4);
            const qsizetype bang = bangCommentEnd.from(lt + 4);
            const qsizetype close = dashes < 0 ? bang : bang < 0 ? dashes : std::min(dashes, bang);
            if (close >= 0 && !rest.sliced(4).startsWith(u"[if", Qt::CaseInsensitive)) {
                at = close + (close == dashes ? 3 : 4);
                continue;
            }
        }
        if (rest.startsWith(u"<!") || rest.startsWith(u"<?")) {
            const qsizetype gt = html.indexOf(u'>', lt);
            at = gt < 0 ? html.size() : gt + 1;
            continue;
        }
        const TagReader::Tag tag = tags.at(lt);
        if (tag.end < 0) {
            if (tag.unended) { // the rest of the page inside one tag: read as text, not lost
                layout.text(rest, asWritten > 0);
                break;
            }
            layout.text(u"<", asWritten > 0);
            at = lt + 1;
            continue;
        }
        at = tag.end;
        const QString &name = tag.name;
        const bool closing = tag.closing;
        if (name == QLatin1String("rt") || name == QLatin1String("rp") || name == QLatin1String("ruby")) {
            // A reading ends at its own end tag, at the next one's start, or with its ruby.
            inReading = !closing && name != QLatin1String("ruby");
            if (inReading)
                readings.append(QString());
            continue;
        }
        // What a reader sees of a form field (its value, or its placeholder while empty), and of
        // a picture that is not loaded (its alternative text).
        const QStringView written = QStringView(html).sliced(lt, tag.end - lt);
        QStringList shown;
        if (name == QLatin1String("input") || name == QLatin1String("textarea"))
            shown << attributeValue(written, QLatin1String("value"))
                  << attributeValue(written, QLatin1String("placeholder"));
        if (name == QLatin1String("img") || name == QLatin1String("area") || name == QLatin1String("input"))
            shown << attributeValue(written, QLatin1String("alt"));
        for (const QString &value : std::as_const(shown)) {
            if (!value.isEmpty())
                layout.word(value);
        }
        if (name == QLatin1String("br"))
            layout.lineBreak(true);
        else if (name == QLatin1String("table"))
            closing ? layout.tableEnd() : layout.tableStart();
        else if (name == QLatin1String("tr"))
            layout.row();
        else if (lineTags.contains(name))
            layout.lineBreak(false);
        else if (name == QLatin1String("td") || name == QLatin1String("th"))
            closing ? layout.cellEnd() : layout.cell(attributeValue(written, QLatin1String("colspan")).toInt());
        if (preformatted.contains(name))
            asWritten = std::max(0, asWritten + (closing ? -1 : 1));
        if (!closing && name == QLatin1String("plaintext")) { // the rest of the page, as it is written
            layout.text(QStringView(html).sliced(at), true);
            break;
        }
        const auto raw = closingTags.constFind(name);
        if (closing || raw == closingTags.constEnd())
            continue;
        // Text up to the closing tag; one left open is read on as markup, so that nothing after
        // it goes unread.
        const auto search = closings.try_emplace(name, html, *raw, Qt::CaseInsensitive).first;
        const qsizetype close = search->second.from(at);
        // The '>' that ends the closing tag, found once for each closing tag.
        auto &[endOf, endAt] = closeEnds[name];
        if (close >= 0 && endOf != close)
            std::tie(endOf, endAt) = std::pair(close, html.indexOf(u'>', close));
        const qsizetype closeEnd = close < 0 ? -1 : endAt;
        if (closeEnd < 0)
            continue;
        if (name != QLatin1String("script") && name != QLatin1String("style")) {
            // A text area's, a title's or an <xmp>'s text, markup and all.
            const bool asItIs = name != QLatin1String("title");
            layout.text(QStringView(html).sliced(at, close - at), asItIs);
            layout.lineBreak(false);
        }
        if (preformatted.contains(name))
            asWritten = std::max(0, asWritten - 1);
        at = closeEnd + 1;
    }
    QString result = layout.result();
    for (const QString &reading : std::as_const(readings)) {
        const QString trimmed = reading.simplified();
        if (trimmed.isEmpty())
            continue;
        if (!result.isEmpty() && !result.endsWith(QLatin1Char('\n')))
            result += QLatin1Char('\n');
        result += trimmed + QLatin1Char('\n');
    }
    return result;
}

std::optional<QString> HtmlText::decode(const QByteArray &bytes)
{
    // The charset a <meta> declares near the top, when it is one a browser reads a Korean page in
    // (EUC-KR and its aliases, which browsers read as Windows-949) or a legacy Western one. Any
    // other name (an EBCDIC page, a UTF-16 label, which browsers read as UTF-8) is not taken:
    // the text itself tells Unicode (a byte order mark, UTF-8 that decodes, UTF-16's zero bytes).
    static const QRegularExpression declared(
        QStringLiteral("<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{1,40})"),
        QRegularExpression::CaseInsensitiveOption);
    static const QSet<QByteArray> western {"iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii"};
    const QRegularExpressionMatch match = declared.match(QString::fromLatin1(bytes.left(4096)));
    const QByteArray charset = match.hasMatch() ? match.captured(1).toLatin1().toLower() : QByteArray();
    const bool marked =
        bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    const bool korean = Core::KoreanCodePage::isKoreanLabel(charset);
    if (!marked && korean) {
        if (const Core::KoreanCodePage::Decoded page = Core::KoreanCodePage::decode(bytes); page.clean)
            return page.text;
    } else if (!marked && western.contains(charset)) {
        QStringDecoder decoder("windows-1252");
        if (decoder.isValid()) {
            QString text = decoder.decode(bytes);
            if (!decoder.hasError())
                return text;
        }
    }
    const auto utf8 = Core::AttachmentText::decodeText(bytes);
    if (!utf8)
        return std::nullopt;
    return QString::fromUtf8(*utf8);
}

} // namespace SendGuard::Extract
