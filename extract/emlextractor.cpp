// SPDX-License-Identifier: GPL-2.0-or-later
#include "emlextractor.h"

#include "textsink.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

struct Part
{
    QMultiHash<QByteArray, QByteArray> headers; // lower-case names, unfolded values
    QByteArray body;
};

Part splitPart(const QByteArray &bytes)
{
    Part part;
    qsizetype end = bytes.indexOf("\r\n\r\n");
    qsizetype bodyAt = end + 4;
    const qsizetype lf = bytes.indexOf("\n\n");
    if (lf >= 0 && (end < 0 || lf < end)) {
        end = lf;
        bodyAt = lf + 2;
    }
    if (end < 0) {
        end = bytes.size();
        bodyAt = bytes.size();
    }
    QByteArray name;
    for (QByteArray line : bytes.left(end).split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !name.isEmpty()) {
            auto it = part.headers.find(name);
            if (it != part.headers.end())
                *it += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.left(colon).trimmed().toLower();
        part.headers.insert(name, line.mid(colon + 1).trimmed());
    }
    part.body = bytes.mid(bodyAt);
    return part;
}

// A header parameter (boundary, charset, name, filename), quoted or not.
QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    const QRegularExpression expression(QStringLiteral("(?:^|;)\\s*%1\\*?=\\s*(\"([^\"]*)\"|[^;\\s]+)")
                                            .arg(QRegularExpression::escape(QString::fromLatin1(name))),
                                        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = expression.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return {};
    return (match.captured(2).isNull() ? match.captured(1) : match.captured(2)).toLatin1();
}

QString decodeCharset(const QByteArray &bytes, const QByteArray &charset)
{
    QStringDecoder decoder(charset.isEmpty() ? "UTF-8" : charset.constData());
    if (!decoder.isValid())
        decoder = QStringDecoder(QStringDecoder::Utf8);
    return decoder.decode(bytes);
}

QByteArray quotedPrintable(const QByteArray &bytes, bool underscoreIsSpace)
{
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '=' && i + 1 < bytes.size() && (bytes[i + 1] == '\n' || bytes[i + 1] == '\r')) {
            i += (bytes[i + 1] == '\r' && i + 2 < bytes.size() && bytes[i + 2] == '\n') ? 2 : 1; // soft break
        } else if (c == '=' && i + 2 < bytes.size()) {
            bool ok = false;
            const int value = bytes.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out += char(value);
                i += 2;
            } else {
                out += c;
            }
        } else {
            out += (underscoreIsSpace && c == '_') ? ' ' : c;
        }
    }
    return out;
}

// RFC 2047: =?charset?B|Q?text?= words in a header.
QString decodeHeader(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?="));
    QString text = QString::fromUtf8(value);
    QString result;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString between = text.mid(last, match.capturedStart() - last);
        if (!(last > 0 && between.trimmed().isEmpty())) // spaces between encoded words vanish
            result += between;
        const QByteArray encoded = match.captured(3).toLatin1();
        const QByteArray raw = match.captured(2).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0
            ? QByteArray::fromBase64(encoded)
            : quotedPrintable(encoded, true);
        result += decodeCharset(raw, match.captured(1).toLatin1());
        last = match.capturedEnd();
    }
    return result + text.mid(last);
}

QByteArray transferDecoded(const Part &part)
{
    const QByteArray encoding = part.headers.value("content-transfer-encoding").trimmed().toLower();
    if (encoding == "base64")
        return QByteArray::fromBase64(part.body);
    if (encoding == "quoted-printable")
        return quotedPrintable(part.body, false);
    return part.body;
}

QString withoutTags(const QString &html)
{
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(scripts);
    text.replace(tags, QStringLiteral(" "));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

void readPart(const QByteArray &bytes, const Core::TextPlace &place, TextSink &sink,
              const EmlExtractor::AttachmentReader &readAttachment, int depth)
{
    if (sink.full())
        return;
    if (depth > 20) {
        sink.skip(place, QStringLiteral("MIME parts nested too deep"));
        return;
    }
    const Part part = splitPart(bytes);
    const QByteArray type = part.headers.value("content-type", "text/plain");
    const QByteArray mime = type.left(type.indexOf(';')).trimmed().toLower();
    const QByteArray disposition = part.headers.value("content-disposition");
    QByteArray fileName = parameter(disposition, "filename");
    if (fileName.isEmpty())
        fileName = parameter(type, "name");
    if (mime.startsWith("multipart/")) {
        const QByteArray boundary = parameter(type, "boundary");
        if (boundary.isEmpty()) {
            sink.skip(place, QStringLiteral("a multipart part without a boundary"));
            return;
        }
        const QByteArray delimiter = "--" + boundary;
        const QList<QByteArray> pieces = part.body.split('\n');
        QByteArray current;
        bool inside = false;
        for (const QByteArray &rawLine : pieces) {
            const QByteArray line = rawLine.endsWith('\r') ? rawLine.chopped(1) : rawLine;
            if (line == delimiter || line == delimiter + "--") {
                if (inside)
                    readPart(current, place, sink, readAttachment, depth + 1);
                current.clear();
                inside = line == delimiter;
                if (!inside)
                    break;
                continue;
            }
            if (inside)
                current += rawLine + '\n';
        }
        return;
    }
    const QByteArray content = transferDecoded(part);
    if (!fileName.isEmpty() || disposition.trimmed().toLower().startsWith("attachment") || mime == "message/rfc822") {
        const QString name = decodeHeader(fileName.isEmpty() ? QByteArray("attachment.eml") : fileName);
        readAttachment(content, name, place.then(Kind::Entry, name));
        return;
    }
    if (mime == "text/plain" || mime.isEmpty())
        sink.add(place, decodeCharset(content, parameter(type, "charset")));
    else if (mime == "text/html")
        sink.add(place, withoutTags(decodeCharset(content, parameter(type, "charset"))));
    else
        sink.skip(place, QStringLiteral("a %1 part: not scanned").arg(QString::fromLatin1(mime)));
}

} // namespace

bool EmlExtractor::looksLikeEmail(const QByteArray &bytes)
{
    static const QRegularExpression header(QStringLiteral("^(From|To|Subject|Date|Received|Return-Path|"
                                                          "MIME-Version|Message-ID|Content-Type):"),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::MultilineOption);
    const QString head = QString::fromLatin1(bytes.left(4096));
    int headers = 0;
    for (auto it = header.globalMatch(head); it.hasNext(); it.next())
        ++headers;
    return headers >= 2;
}

void EmlExtractor::extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink,
                           const AttachmentReader &readAttachment)
{
    const Part top = splitPart(bytes);
    sink.add(base.then(Kind::Subject), decodeHeader(top.headers.value("subject")));
    readPart(bytes, base, sink, readAttachment, 0);
}

} // namespace SendGuard::Extract
