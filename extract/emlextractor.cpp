// SPDX-License-Identifier: GPL-2.0-or-later
#include "emlextractor.h"

#include "htmltext.h"
#include "textsink.h"

#include "common/koreancodepage.h"
#include "common/utf8validator.h"
#include "message/attachmenttext.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

struct Part
{
    QList<std::pair<QByteArray, QByteArray>> headers; // lower-case names, unfolded values, in order
    QByteArray body;

    // The first header of that name: a second Content-Type cannot change how the part is read.
    QByteArray header(const QByteArray &name, const QByteArray &fallback = {}) const
    {
        for (const auto &[key, value] : headers) {
            if (key == name)
                return value;
        }
        return fallback;
    }
};

Part splitPart(const QByteArray &bytes)
{
    Part part;
    // A part that starts with an empty line has no headers at all: all of it is body.
    if (bytes.startsWith("\r\n") || bytes.startsWith('\n')) {
        part.body = bytes.mid(bytes.startsWith("\r\n") ? 2 : 1);
        return part;
    }
    // Header fields (a name of printable ASCII without spaces, then ':') and their folded lines, up
    // to an empty line; a line that is neither ends them too, and is the body's first (a sender
    // that left out the empty line, or text that only began like a mail: nothing is lost).
    qsizetype bodyAt = bytes.size();
    for (qsizetype at = 0; at < bytes.size();) {
        qsizetype next = bytes.indexOf('\n', at);
        if (next < 0)
            next = bytes.size();
        QByteArray line = bytes.mid(at, next - at);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            bodyAt = next + 1;
            break;
        }
        if ((line.startsWith(' ') || line.startsWith('\t')) && !part.headers.isEmpty()) {
            part.headers.last().second += ' ' + line.trimmed();
            at = next + 1;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const bool field =
            colon > 0 && std::all_of(line.begin(), line.begin() + colon, [](char c) { return c > ' ' && c < 0x7F; });
        if (!field) {
            bodyAt = at;
            break;
        }
        part.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        at = next + 1;
    }
    part.body = bodyAt < bytes.size() ? bytes.mid(bodyAt) : QByteArray();
    return part;
}

// Bytes in `charset` as a mail program shows them. *unread, when given, says what could not be read
// as text (empty when all could): a part with bytes no charset reads is never called clean.
QString decodeCharset(const QByteArray &bytes, const QByteArray &charset, QString *unread = nullptr)
{
    // What a decoder left out, said once for the part.
    const auto decoded = [&](QStringDecoder &decoder, const QByteArray &label, QByteArrayView from) {
        QString text = decoder.decode(from);
        // Qt's UTF-16 decoder drops a last odd byte without a word.
        const bool cut = label == "UTF-16" && from.size() % 2 != 0;
        if ((decoder.hasError() || cut) && unread)
            *unread = QStringLiteral("bytes that are not %1 text: read without them").arg(QString::fromLatin1(label));
        return text;
    };
    // UTF-16 under the labels mail programs read as the encoding standard (WHATWG) says: "ucs-2",
    // "unicode" and a bare "utf-16" are little-endian, as Windows writes them, unless a byte order
    // mark or the text itself says otherwise (ICU reads "ucs-2" big-endian, and the text would turn
    // to noise).
    const QByteArray label = charset.trimmed().toLower();
    static const QSet<QByteArray> littleEndian {"utf-16",    "utf-16le",        "ucs-2",      "unicode",
                                                "csunicode", "iso-10646-ucs-2", "unicodefeff"};
    static const QSet<QByteArray> bigEndian {"utf-16be", "unicodefffe"};
    if (littleEndian.contains(label) || bigEndian.contains(label)) {
        QStringDecoder little(QStringDecoder::Utf16LE, QStringDecoder::Flag::Stateless);
        QStringDecoder big(QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
        if (bytes.startsWith("\xFF\xFE"))
            return decoded(little, "UTF-16", QByteArrayView(bytes).sliced(2));
        if (bytes.startsWith("\xFE\xFF"))
            return decoded(big, "UTF-16", QByteArrayView(bytes).sliced(2));
        // Without a mark, where the zero bytes of ASCII characters (digits, spaces, hyphens) fall
        // tells the order: first in big-endian, second in little-endian.
        qsizetype zerosFirst = 0;
        qsizetype zerosSecond = 0;
        for (qsizetype i = 0; i + 1 < qMin<qsizetype>(bytes.size(), 1 << 16); i += 2) {
            zerosFirst += bytes[i] == 0;
            zerosSecond += bytes[i + 1] == 0;
        }
        const bool isBig = zerosFirst != zerosSecond ? zerosFirst > zerosSecond : bigEndian.contains(label);
        return decoded(isBig ? big : little, "UTF-16", bytes);
    }
    if (label.isEmpty()) {
        // No charset: 8-bit Korean mail is CP949 as often as UTF-8 (older mail systems, Outlook
        // Express), and what is no UTF-8 would lose its every Hangul label to replacement characters.
        const std::string_view view(bytes.constData(), std::size_t(bytes.size()));
        if (Core::Utf8Validator::firstInvalidByte(view)) {
            // A byte or two broken in transit stays broken, as a mail program shows it, in the
            // encoding the rest is written in: read as UTF-8, CP949's every syllable would be.
            Core::AttachmentText::Undecodable broken;
            if (const auto text = Core::AttachmentText::decodeText(bytes, &broken)) {
                if (unread)
                    *unread = broken.describe();
                return QString::fromUtf8(*text);
            }
        }
    }
    // A charset ICU does not know is read as UTF-8, and said to be when that is no UTF-8 either.
    // Stateless: a part that ends inside a character says so, rather than keeping it for more.
    // EUC-KR's labels as mail programs read them: code page 949, whose added syllables ICU's
    // EUC-KR does not read.
    if (Core::KoreanCodePage::isKoreanLabel(charset)) {
        const Core::KoreanCodePage::Decoded text = Core::KoreanCodePage::decode(bytes);
        if (!text.clean && unread)
            *unread = QStringLiteral("bytes that are not %1 text: read without them")
                          .arg(QString::fromLatin1(charset.trimmed()));
        return text.text;
    }
    QStringDecoder decoder(charset.isEmpty() ? "UTF-8" : charset.constData(), QStringDecoder::Flag::Stateless);
    const bool known = decoder.isValid();
    if (!known)
        decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    return decoded(decoder, known && !charset.isEmpty() ? charset.trimmed() : QByteArray("UTF-8"), bytes);
}

// A header parameter (boundary, charset, name, filename): parameters are split at semicolons
// outside quotes, so a "boundary=" inside another parameter's quoted value is not one.
QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    QList<QByteArray> parameters;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const char c = header[i];
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            parameters.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parameters.append(current);
    // RFC 2231: "name*" is in its own charset ("EUC-KR''%B8%ED…", what Korean mail programs write),
    // and a long value comes in sections, "name*0*", "name*1*"…, as Thunderbird and Apple Mail
    // write a Korean file name. Either is what a mail program shows, before a plain "name".
    QByteArray plain;
    QByteArray extended;
    std::map<int, std::pair<QByteArray, bool>> sections; // number -> (value, percent-encoded)
    constexpr int MaxSections = 1000;
    for (qsizetype i = 1; i < parameters.size(); ++i) { // the first is the value itself
        const QByteArray parameter = parameters[i].trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals <= 0)
            continue;
        QByteArray key = parameter.left(equals).trimmed().toLower();
        QByteArray value = parameter.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        const bool encoded = key.endsWith('*');
        if (encoded)
            key.chop(1);
        const qsizetype star = key.indexOf('*');
        if (star > 0) {
            bool isNumber = false;
            const int number = key.mid(star + 1).toInt(&isNumber);
            if (key.left(star) == name && isNumber && number >= 0 && number < MaxSections)
                sections.emplace(number, std::pair {value, encoded});
        } else if (key == name) {
            (encoded ? extended : plain) = value;
        }
    }
    // Percent-encoded bytes after "charset'language'", decoded in that charset, given on as UTF-8.
    const auto decoded = [](const QByteArray &charset, const QByteArray &bytes) {
        return charset.isEmpty() ? bytes : decodeCharset(bytes, charset).toUtf8();
    };
    if (sections.count(0)) {
        QByteArray charset;
        QByteArray bytes;
        for (int number = 0; sections.count(number); ++number) {
            auto [value, encoded] = sections.at(number);
            if (encoded && number == 0) {
                const QList<QByteArray> parts = value.split('\'');
                if (parts.size() == 3) {
                    charset = parts[0].isEmpty() ? QByteArray("UTF-8") : parts[0];
                    value = parts[2];
                }
            }
            bytes += encoded ? QByteArray::fromPercentEncoding(value) : value;
        }
        return decoded(charset, bytes);
    }
    if (!extended.isEmpty()) {
        const QList<QByteArray> parts = extended.split('\'');
        if (parts.size() == 3)
            return decoded(parts[0].isEmpty() ? QByteArray("UTF-8") : parts[0],
                           QByteArray::fromPercentEncoding(parts[2]));
        return extended;
    }
    return plain;
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

// RFC 2047: =?charset?B|Q?text?= words in a header. Bytes outside them are read as a part without
// a charset is (older Korean mail programs write CP949 there too); *unread, when given, says what
// could not be read, in them or in the words.
QString decodeHeader(const QByteArray &value, QString *unread = nullptr)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?="));
    const QString text = decodeCharset(value, {}, unread);
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
        result += decodeCharset(raw, match.captured(1).toLatin1(), unread && unread->isEmpty() ? unread : nullptr);
        last = match.capturedEnd();
    }
    return result + text.mid(last);
}

// What a mail program shows of an address field (From, To, Cc…): its display names, group names
// and comments, RFC 2047 words decoded. The addresses themselves are left out: the e-mail
// detector would report every mail's own sender and recipients.
QString displayNames(const QByteArray &value, QString *unread)
{
    QByteArray shown;
    QByteArray token; // an unquoted word, with any quoted string inside it
    bool tokenIsAddress = false;
    const auto flush = [&] {
        if (!tokenIsAddress)
            shown += token;
        token.clear();
        tokenIsAddress = false;
    };
    bool quoted = false;
    // The first '>' after a '<': looked for again only past the last one found, and never once
    // none is left (-1), so that a line of '<' costs one pass.
    qsizetype close = 0;
    const auto closes = [&](qsizetype at) {
        if (close >= 0 && close <= at)
            close = value.indexOf('>', at);
        return close > at;
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted) {
            if (c == '\\' && i + 1 < value.size())
                token += value[++i];
            else if (c == '"')
                quoted = false;
            else
                token += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == '<' && closes(i)) {
            flush();
            shown += ' ';
            i = close;
        } else if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')') {
            // A comment glued to an address ("kim@korea.kr(홍길동)") is no part of it.
            flush();
            shown += c;
        } else {
            tokenIsAddress = tokenIsAddress || c == '@';
            token += c;
        }
    }
    flush();
    return decodeHeader(shown, unread).simplified();
}

QByteArray transferDecoded(const Part &part)
{
    const QByteArray encoding = part.header("content-transfer-encoding").trimmed().toLower();
    if (encoding == "base64") {
        // What is not base64 (a sender that named the wrong encoding) is read as it is: decoded
        // loosely, its text would turn to noise and be passed over.
        QByteArray compact = part.body;
        compact.replace("\r", "").replace("\n", "").replace(" ", "").replace("\t", "");
        const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        return decoded ? *decoded : part.body;
    }
    if (encoding == "quoted-printable")
        return quotedPrintable(part.body, false);
    return part.body;
}

struct InlineFile
{
    QString name;
    QByteArray bytes;
};

// One line of a uuencoded file: a length character, then four characters for every three bytes,
// and perhaps a checksum character. nullopt when the line is not one: a line of text after a
// "begin" line ("850315-2345678" is all uuencode's characters) is not taken for data.
std::optional<QByteArray> uudecodedLine(QByteArrayView line)
{
    const auto valid = [](char c) { return c >= 0x20 && c <= 0x60; };
    const auto value = [](char c) { return std::uint32_t(c - 0x20) & 0x3F; };
    if (line.isEmpty())
        return QByteArray(); // the last line, a length of zero written as a space that was dropped
    if (!valid(line[0]))
        return std::nullopt;
    const qsizetype count = value(line[0]);
    const qsizetype characters = (count + 2) / 3 * 4;
    if (line.size() != 1 + characters && line.size() != 1 + characters + 1)
        return std::nullopt;
    QByteArray bytes;
    bytes.reserve(count);
    for (qsizetype group = 0; bytes.size() < count; group += 4) {
        std::uint32_t bits = 0;
        for (qsizetype k = 0; k < 4; ++k) {
            const qsizetype at = 1 + group + k;
            const char c = line[at];
            if (!valid(c))
                return std::nullopt;
            bits = bits << 6 | value(c);
        }
        for (int shift = 16; shift >= 0 && bytes.size() < count; shift -= 8)
            bytes += char(bits >> shift & 0xFF);
    }
    return bytes;
}

// A text part's inline uuencoded files ("begin 644 명단.hwp" … "end"), which Outlook Express and
// Thunderbird show as attachments. The text stays whole: a mail program that decodes no uuencode
// shows the lines as they are, and a line of text after a "begin" line may read as data.
QList<InlineFile> uuencodedFiles(const QByteArray &text)
{
    QList<InlineFile> files;
    if (!text.contains("begin "))
        return files;
    static const QRegularExpression begin(QStringLiteral("^begin [0-7]{3,4} +(\\S.*)$"));
    const auto lineAt = [&text](qsizetype at, qsizetype *next) {
        *next = text.indexOf('\n', at);
        if (*next < 0)
            *next = text.size();
        QByteArrayView line = QByteArrayView(text).sliced(at, *next - at);
        return line.endsWith('\r') ? line.chopped(1) : line;
    };
    for (qsizetype at = 0; at < text.size();) {
        qsizetype next = 0;
        const QByteArrayView line = lineAt(at, &next);
        at = next + 1;
        if (!line.startsWith("begin "))
            continue;
        const QRegularExpressionMatch match = begin.match(QString::fromUtf8(line));
        QByteArray bytes;
        bool decoded = match.hasMatch();
        qsizetype cursor = at;
        bool ended = false;
        while (decoded && !ended && cursor < text.size()) {
            qsizetype end = 0;
            const QByteArrayView data = lineAt(cursor, &end);
            cursor = end + 1;
            ended = data == "end";
            const auto piece = ended ? std::optional<QByteArray>(QByteArray()) : uudecodedLine(data);
            decoded = piece.has_value();
            bytes += piece.value_or(QByteArray());
        }
        if (decoded) { // ended, or the text ended first: what was sent is read
            files.append({match.captured(1).trimmed(), bytes});
            at = cursor;
        }
    }
    return files;
}

// text/plain; format=flowed (RFC 3676), as Thunderbird writes it: a line ending in a space goes
// on in the next line, which is how the reader shows it ("주민등록번호 900101 " / "1234568").
// delsp=yes: that space was added for the wrap, and goes. A space-stuffed line loses its first space.
QString unflowed(const QString &text, bool deleteSpace)
{
    QString result;
    result.reserve(text.size());
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringView line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.startsWith(u' '))
            line = line.mid(1);
        const bool soft = line.endsWith(u' ') && line != u"-- " && i + 1 < lines.size();
        result += soft && deleteSpace ? line.chopped(1) : line;
        if (!soft && i + 1 < lines.size())
            result += QLatin1Char('\n');
    }
    return result;
}

void readPart(const QByteArray &bytes, const Core::TextPlace &place, TextSink &sink,
              const NestedFileReader &readAttachment, int depth)
{
    if (sink.full())
        return;
    if (depth > 20) {
        sink.skip(place, QStringLiteral("MIME parts nested too deep"));
        return;
    }
    const Part part = splitPart(bytes);
    const QByteArray type = part.header("content-type", "text/plain");
    const qsizetype semicolon = type.indexOf(';');
    const QByteArray mime = (semicolon < 0 ? type : type.left(semicolon)).trimmed().toLower();
    const QByteArray disposition = part.header("content-disposition");
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
        // Line by line without splitting the body: boundary lines may carry trailing white space
        // (RFC 2046), and a last part whose closing line is missing is still read.
        qsizetype partStart = -1;
        bool closed = false;
        // multipart/alternative: the same message in several forms (plain text, HTML). The first is
        // read as the message; the others are copies, read and counted only where they differ.
        const bool alternative = mime == "multipart/alternative";
        int parts = 0;
        const auto readNext = [&](const QByteArray &partBytes) {
            readPart(partBytes, alternative && parts++ > 0 ? place.then(Kind::Alternative) : place, sink,
                     readAttachment, depth + 1);
        };
        for (qsizetype at = 0; at < part.body.size() && !closed;) {
            qsizetype next = part.body.indexOf('\n', at);
            if (next < 0)
                next = part.body.size();
            const QByteArrayView line = QByteArrayView(part.body).sliced(at, next - at).trimmed();
            const bool opening = line == QByteArrayView(delimiter);
            closed = line.size() == delimiter.size() + 2 && line.startsWith(delimiter) && line.endsWith("--");
            if (opening || closed) {
                if (partStart >= 0)
                    readNext(part.body.mid(partStart, qMax<qsizetype>(0, at - partStart - 1)));
                partStart = opening ? next + 1 : -1;
            }
            at = next + 1;
        }
        if (partStart >= 0 && partStart < part.body.size())
            readNext(part.body.mid(partStart));
        return;
    }
    const QByteArray content = transferDecoded(part);
    if (!fileName.isEmpty() || disposition.trimmed().toLower().startsWith("attachment") || mime == "message/rfc822") {
        QString unread;
        const QString name = decodeHeader(fileName.isEmpty() ? QByteArray("attachment.eml") : fileName, &unread);
        if (!unread.isEmpty())
            sink.skip(place.then(Kind::Entry, name), QStringLiteral("its name: ") + unread);
        if (!fileName.isEmpty())
            sink.addFileName(place.then(Kind::Entry, name), name);
        readAttachment(content, name, place.then(Kind::Entry, name));
        return;
    }
    if (mime == "text/plain" || mime.isEmpty()) {
        QString unread;
        const QString text = decodeCharset(content, parameter(type, "charset"), &unread);
        if (!unread.isEmpty())
            sink.skip(place, unread);
        sink.add(place,
                 parameter(type, "format").toLower() == "flowed"
                     ? unflowed(text, parameter(type, "delsp").toLower() == "yes")
                     : text);
        for (const InlineFile &file : uuencodedFiles(content)) {
            const Core::TextPlace filePlace = place.then(Kind::Entry, file.name);
            sink.addFileName(filePlace, file.name);
            readAttachment(file.bytes, file.name, filePlace);
        }
    } else if (mime == "text/html") {
        // Without a charset in its header, a page says its own in a <meta> (as a browser reads it),
        // unless it is UTF-8, which a single-byte charset's <meta> would turn to noise.
        const QByteArray charset = parameter(type, "charset");
        const bool utf8 =
            !Core::Utf8Validator::firstInvalidByte(std::string_view(content.constData(), std::size_t(content.size())));
        const std::optional<QString> page = charset.isEmpty() && !utf8 ? HtmlText::decode(content) : std::nullopt;
        QString unread;
        sink.add(place, HtmlText::text(page ? *page : decodeCharset(content, charset, &unread)));
        if (!unread.isEmpty())
            sink.skip(place, unread);
    } else
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
                           const NestedFileReader &readAttachment)
{
    const Part top = splitPart(bytes);
    // A header with bytes it cannot read is read in part, as a body part is.
    const auto addHeader = [&](const Core::TextPlace &place, const QString &text, const QString &unread) {
        if (!unread.isEmpty())
            sink.skip(place, unread);
        sink.add(place, text);
    };
    QString unread;
    const QString subject = decodeHeader(top.header("subject"), &unread);
    addHeader(base.then(Kind::Subject), subject, unread);
    // The address lines a mail program shows above the text, each field as often as it is written.
    for (const char *field : {"From", "Sender", "Reply-To", "To", "Cc", "Bcc"}) {
        const QByteArray key = QByteArray(field).toLower();
        for (const auto &[name, value] : top.headers) {
            if (name != key)
                continue;
            unread.clear();
            const QString names = displayNames(value, &unread);
            addHeader(base.then(Kind::AddressField, QLatin1String(field)), names, unread);
        }
    }
    readPart(bytes, base, sink, readAttachment, 0);
}

} // namespace SendGuard::Extract
