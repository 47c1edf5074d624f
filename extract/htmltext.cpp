// SPDX-License-Identifier: GPL-2.0-or-later
#include "htmltext.h"

#include "message/attachmenttext.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <limits>

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
                       "(nbsp|amp|lt|gt|quot)(?![A-Za-z0-9;]))"));
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
// blocks end there (a blank line would end a table for ColumnHeaders); a tab between a row's
// cells, an empty cell counted.
class Layout
{
public:
    void text(QStringView text, bool asWritten)
    {
        if (asWritten) {
            m_out += text;
            return;
        }
        for (const QChar c : text) {
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f') {
                if (!m_out.isEmpty() && !m_out.endsWith(u' ') && !m_out.endsWith(u'\n') && !m_out.endsWith(u'\t'))
                    m_out += u' ';
            } else {
                m_out += c;
            }
        }
    }
    // A value the page shows beside its text (a form field's, a picture's alternative text).
    void word(const QString &word)
    {
        text(u" ", false);
        m_out += word;
        m_out += u' ';
    }
    void lineBreak(bool always)
    {
        trim();
        if (always || (!m_out.isEmpty() && !m_out.endsWith(u'\n')))
            m_out += u'\n';
        m_cells = 0;
    }
    void cell()
    {
        trim();
        if (m_cells++ > 0)
            m_out += u'\t';
    }
    const QString &result() const { return m_out; }

private:
    void trim()
    {
        while (m_out.endsWith(u' '))
            m_out.chop(1);
    }

    QString m_out;
    int m_cells = 0; // of the row the last line break started
};

// A tag at html[lt] ('<'), read as a browser reads one: '<', a name (a letter first; "<2" is
// text), then anything up to the '>' that ends it; a quote opens a value only after '=' (a stray
// one, "align=center\"", is part of the value) and a '>' inside a quoted value does not end it.
// Searched by hand, each search remembered when it finds nothing, so that a page of broken tags
// is read in one pass (a pattern matched at each '<' checked the whole page again every time).
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
        while (i < size && (isAsciiLetter(m_html[i]) || (i > nameStart && m_html[i].isDigit() && m_html[i] < u'\x80')))
            ++i;
        if (i == nameStart || i > m_lastClose)
            return tag;
        tag.name = m_html.sliced(nameStart, i - nameStart).toLower();
        while (i < size) {
            const QChar c = m_html[i];
            if (c == u'>') {
                tag.end = i + 1;
                return tag;
            }
            ++i;
            if (c != u'=')
                continue;
            while (i < size && (m_html[i] == u' ' || m_html[i] == u'\t' || m_html[i] == u'\n' || m_html[i] == u'\r'))
                ++i;
            if (i < size && (m_html[i] == u'"' || m_html[i] == u'\'')) {
                const qsizetype close = find(m_html[i], i + 1);
                if (close >= 0)
                    i = close + 1;
            }
        }
        return tag;
    }

private:
    static bool isAsciiLetter(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }

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

} // namespace

QString HtmlText::text(const QString &html)
{
    // Tags that break the text as a reader shows it; any other tag (span, b, font, a) leaves the
    // text on either side joined, as the reader shows it: "<span>851011-</span><span>2345673" is
    // one number.
    static const QSet<QString> lineTags {
        QStringLiteral("p"),        QStringLiteral("div"),        QStringLiteral("tr"),
        QStringLiteral("li"),       QStringLiteral("ul"),         QStringLiteral("ol"),
        QStringLiteral("table"),    QStringLiteral("h1"),         QStringLiteral("h2"),
        QStringLiteral("h3"),       QStringLiteral("h4"),         QStringLiteral("h5"),
        QStringLiteral("h6"),       QStringLiteral("blockquote"), QStringLiteral("pre"),
        QStringLiteral("hr"),       QStringLiteral("title"),      QStringLiteral("section"),
        QStringLiteral("article"),  QStringLiteral("header"),     QStringLiteral("footer"),
        QStringLiteral("dt"),       QStringLiteral("dd"),         QStringLiteral("dl"),
        QStringLiteral("caption"),  QStringLiteral("body"),       QStringLiteral("html"),
        QStringLiteral("option"),   QStringLiteral("select"),     QStringLiteral("textarea"),
        QStringLiteral("figure"),   QStringLiteral("figcaption"), QStringLiteral("center"),
        QStringLiteral("details"),  QStringLiteral("summary"),    QStringLiteral("address"),
        QStringLiteral("main"),     QStringLiteral("nav"),        QStringLiteral("aside"),
        QStringLiteral("fieldset"), QStringLiteral("legend"),     QStringLiteral("form"),
        QStringLiteral("menu"),     QStringLiteral("noscript")};
    // Text laid out as it is written.
    static const QSet<QString> preformatted {QStringLiteral("pre"), QStringLiteral("textarea"), QStringLiteral("xmp"),
                                             QStringLiteral("listing")};
    Layout layout;
    TagReader tags(html);
    int asWritten = 0;
    qsizetype at = 0;
    qsizetype noCommentEnd = html.size() + 1; // no "-->" from here on
    // Nor a closing tag of a script or a style sheet: a page of opening tags is read in one pass.
    QHash<QString, qsizetype> noCloseFrom;
    const auto skipTo = [&](qsizetype close, QLatin1String marker) {
        return close < 0 ? qsizetype(-1) : close + marker.size();
    };
    while (at < html.size()) {
        const qsizetype lt = html.indexOf(u'<', at);
        if (lt < 0) {
            layout.text(QStringView(html).sliced(at), asWritten > 0);
            break;
        }
        layout.text(QStringView(html).sliced(at, lt - at), asWritten > 0);
        const QStringView rest = QStringView(html).sliced(lt);
        if (rest.startsWith(u"<!--")) {
            // A comment is not shown; but what Outlook shows inside "<!--[if mso]>" is read, its
            // markers dropped. One never closed ends at its first '>', as it did before.
            const qsizetype close = lt + 4 >= noCommentEnd ? -1 : html.indexOf(QLatin1String("-->"), lt + 4);
            if (close < 0)
                noCommentEnd = std::min(noCommentEnd, lt + 4);
            const bool conditional = rest.sliced(4).startsWith(u"[if", Qt::CaseInsensitive);
            if (close >= 0 && !conditional) {
                at = skipTo(close, QLatin1String("-->"));
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
            layout.text(u"<", asWritten > 0);
            at = lt + 1;
            continue;
        }
        at = tag.end;
        const QString &name = tag.name;
        const bool closing = tag.closing;
        if (!closing && (name == QLatin1String("script") || name == QLatin1String("style"))) {
            // Its text is not shown, up to its closing tag; one left open stays as text, so that
            // nothing after it goes unread.
            const qsizetype known = noCloseFrom.value(name, html.size() + 1);
            const qsizetype close =
                at >= known ? -1 : html.indexOf(QLatin1String("</") + name, at, Qt::CaseInsensitive);
            const qsizetype closeEnd = close < 0 ? -1 : html.indexOf(u'>', close);
            if (closeEnd >= 0)
                at = closeEnd + 1;
            else
                noCloseFrom.insert(name, std::min(known, at));
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
        if (preformatted.contains(name))
            asWritten = std::max(0, asWritten + (closing ? -1 : 1));
        if (name == QLatin1String("br"))
            layout.lineBreak(true);
        else if (lineTags.contains(name))
            layout.lineBreak(false);
        else if (!closing && (name == QLatin1String("td") || name == QLatin1String("th")))
            layout.cell();
    }
    return decodedReferences(layout.result());
}

bool HtmlText::looksLikeHtml(const QByteArray &bytes)
{
    // After a byte order mark and blank space: a document type, or a tag a page starts with (a
    // web system's "Excel download" is often a page of one table, named .xls), or the comment
    // Internet Explorer put at the top of a saved page.
    QByteArray start = bytes.left(1024);
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.sliced(3);
    start = start.trimmed().toLower();
    for (const char *opening :
         {"<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<title", "<!-- saved from url="}) {
        if (start.startsWith(opening))
            return true;
    }
    return false;
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
    static const QSet<QByteArray> korean {"euc-kr",   "ks_c_5601-1987", "ks_c_5601",   "ksc5601",
                                          "ksc_5601", "cp949",          "windows-949", "x-windows-949",
                                          "korean",   "csksc56011987",  "iso-ir-149",  "cseuckr"};
    static const QSet<QByteArray> western {"iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii"};
    const QRegularExpressionMatch match = declared.match(QString::fromLatin1(bytes.left(4096)));
    const QByteArray charset = match.hasMatch() ? match.captured(1).toLatin1().toLower() : QByteArray();
    const bool marked =
        bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    if (!marked && (korean.contains(charset) || western.contains(charset))) {
        QStringDecoder decoder(korean.contains(charset) ? "CP949" : "windows-1252");
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
