// SPDX-License-Identifier: GPL-2.0-or-later
#include "htmltext.h"

#include "message/attachmenttext.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

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

// The page without its scripts and style sheets, whose text no reader sees: each from its
// opening tag to its closing one. One left open stays as text, so that nothing after it goes
// unread. Searched for, rather than matched by a pattern that looks for the closing tag from each
// opening one, which takes quadratic time on a page of opening tags.
QString withoutScripts(const QString &html)
{
    QString kept;
    qsizetype from = 0;
    qsizetype nextScript = -2; // not searched yet
    qsizetype nextStyle = -2;
    const auto next = [&](qsizetype &cached, QLatin1String tag) {
        if (cached != -1 && cached < from)
            cached = html.indexOf(tag, from, Qt::CaseInsensitive);
        return cached;
    };
    while (true) {
        const qsizetype script = next(nextScript, QLatin1String("<script"));
        const qsizetype style = next(nextStyle, QLatin1String("<style"));
        if (script < 0 && style < 0)
            break;
        const bool isScript = style < 0 || (script >= 0 && script < style);
        const qsizetype open = isScript ? script : style;
        const QLatin1String name = isScript ? QLatin1String("script") : QLatin1String("style");
        const qsizetype afterName = open + 1 + name.size();
        // "<scripts>" or "<styled>" is another tag.
        if (afterName < html.size() && (html[afterName].isLetterOrNumber() || html[afterName] == u'-')) {
            kept += QStringView(html).mid(from, afterName - from);
            from = afterName;
            continue;
        }
        const qsizetype close = html.indexOf(QLatin1String("</") + name, afterName, Qt::CaseInsensitive);
        const qsizetype closeEnd = close < 0 ? -1 : html.indexOf(u'>', close);
        if (closeEnd < 0)
            break;
        kept += QStringView(html).mid(from, open - from);
        from = closeEnd + 1;
    }
    kept += QStringView(html).mid(from);
    return kept;
}

} // namespace

QString HtmlText::text(const QString &html)
{
    // A tag starts with a letter, '/' or '!' ("<2" is text). A comment's markers are dropped and
    // its text kept: Outlook shows what "<!--[if mso]>" holds.
    // A '>' inside a quoted attribute value does not end the tag.
    static const QRegularExpression tags(
        QStringLiteral("<(?:(/?)([A-Za-z][A-Za-z0-9]*)(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+|![^>]*)>"));
    static const QRegularExpression references(
        QStringLiteral("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});"));
    // Tags that break the text as a mail reader shows it; any other tag (span, b, font, a) leaves
    // the text on either side joined, as the reader shows it: "<span>851011-</span><span>2345673"
    // is one number.
    static const QSet<QString> lineTags {
        QStringLiteral("br"),      QStringLiteral("p"),      QStringLiteral("div"),        QStringLiteral("tr"),
        QStringLiteral("li"),      QStringLiteral("ul"),     QStringLiteral("ol"),         QStringLiteral("table"),
        QStringLiteral("h1"),      QStringLiteral("h2"),     QStringLiteral("h3"),         QStringLiteral("h4"),
        QStringLiteral("h5"),      QStringLiteral("h6"),     QStringLiteral("blockquote"), QStringLiteral("pre"),
        QStringLiteral("hr"),      QStringLiteral("title"),  QStringLiteral("section"),    QStringLiteral("article"),
        QStringLiteral("header"),  QStringLiteral("footer"), QStringLiteral("dt"),         QStringLiteral("dd"),
        QStringLiteral("caption"), QStringLiteral("body"),   QStringLiteral("html")};
    static const QSet<QString> cellTags {QStringLiteral("td"), QStringLiteral("th")};
    QString text = withoutScripts(html);
    QString joined;
    qsizetype from = 0;
    for (auto it = tags.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch tag = it.next();
        joined += QStringView(text).mid(from, tag.capturedStart() - from);
        const QString name = tag.captured(2).toLower();
        // What a reader sees of a form field (its value), and of a picture the mail program does not
        // load (its alternative text).
        const QString shown = name == QLatin1String("input")
            ? attributeValue(tag.capturedView(0), QLatin1String("value"))
            : name == QLatin1String("img") ? attributeValue(tag.capturedView(0), QLatin1String("alt"))
                                           : QString();
        if (!shown.isEmpty())
            joined += QLatin1Char(' ') + shown + QLatin1Char(' ');
        if (lineTags.contains(name))
            joined += QLatin1Char('\n');
        else if (cellTags.contains(name) && tag.captured(1).isEmpty()) // between a row's cells
            joined += QLatin1Char('\t');
        from = tag.capturedEnd();
    }
    joined += QStringView(text).mid(from);
    text = joined;
    // Character references: "&#56;" is an 8 to whoever reads the mail, and "&ndash;" a dash. An
    // unknown name stays as it is written, as a browser leaves it.
    QString decoded;
    qsizetype last = 0;
    for (auto it = references.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const QString reference = match.captured(1);
        if (!reference.startsWith(QLatin1Char('#'))) {
            const auto named = namedReferences().constFind(reference);
            decoded += named == namedReferences().constEnd() ? match.captured(0) : QString(*named);
            continue;
        }
        bool ok = false;
        const uint code = reference.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
            ? reference.mid(2).toUInt(&ok, 16)
            : reference.mid(1).toUInt(&ok);
        if (ok && code > 0 && code <= 0x10FFFF && !QChar::isSurrogate(code)) {
            const char32_t character = code;
            decoded += QString::fromUcs4(&character, 1);
        }
    }
    decoded += QStringView(text).mid(last);
    return decoded;
}

bool HtmlText::looksLikeHtml(const QByteArray &bytes)
{
    // After a byte order mark and blank space: a document type, or the page's first tag.
    QByteArray start = bytes.left(1024);
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.sliced(3);
    start = start.trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

std::optional<QString> HtmlText::decode(const QByteArray &bytes)
{
    // The charset a <meta> declares near the top, unless it is Unicode, which the text itself
    // tells (a byte order mark, UTF-8 that decodes, or UTF-16's zero bytes).
    static const QRegularExpression declared(
        QStringLiteral("<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{1,40})"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = declared.match(QString::fromLatin1(bytes.left(4096)));
    const QByteArray charset = match.hasMatch() ? match.captured(1).toLatin1().toLower() : QByteArray();
    if (!charset.isEmpty() && !charset.startsWith("utf-") && !charset.startsWith("unicode") &&
        !bytes.startsWith("\xEF\xBB\xBF") && !bytes.startsWith("\xFF\xFE") && !bytes.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(charset.constData());
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
