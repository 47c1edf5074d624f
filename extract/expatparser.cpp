// SPDX-License-Identifier: GPL-2.0-or-later
#include "expatparser.h"

#include <QString>

#include <cstring>

namespace SendGuard::Extract {

namespace {

bool isXmlBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// What a reference in an attribute value reads as, in UTF-8 ("&amp;", "&#56;", "&#x38;"); empty
// when it is none of those (XML has no other entity here: a DTD is refused).
QByteArray referenceText(QByteArrayView reference)
{
    static const std::pair<const char *, char> named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (const auto &[name, character] : named) {
        if (reference == QByteArrayView(name))
            return QByteArray(1, character);
    }
    if (!reference.startsWith("&#") || reference.size() < 4)
        return {};
    const bool hex = reference.at(2) == 'x';
    bool ok = false;
    const uint code =
        QByteArrayView(reference).sliced(hex ? 3 : 2, reference.size() - (hex ? 4 : 3)).toUInt(&ok, hex ? 16 : 10);
    if (!ok || code == 0 || code > 0x10FFFF || QChar::isSurrogate(code))
        return {};
    const char32_t character = code;
    return QString::fromUcs4(&character, 1).toUtf8();
}

} // namespace

ExpatParser::ExpatParser()
    : m_parser(XML_ParserCreate("UTF-8"))
{
    XML_SetUserData(m_parser, this);
    XML_SetStartDoctypeDeclHandler(m_parser, [](void *data, const XML_Char *, const XML_Char *, const XML_Char *, int) {
        auto *self = static_cast<ExpatParser *>(data);
        self->m_refused = true;
        XML_StopParser(self->m_parser, XML_FALSE);
    });
}

ExpatParser::~ExpatParser()
{
    XML_ParserFree(m_parser);
}

QByteArrayView ExpatParser::localName(const char *qualified)
{
    const QByteArrayView name(qualified);
    const qsizetype colon = name.lastIndexOf(':');
    return colon < 0 ? name : name.sliced(colon + 1);
}

QByteArray ExpatParser::attribute(const char **attributes, QByteArrayView local)
{
    for (const char **attribute = attributes; attribute && *attribute; attribute += 2) {
        if (localName(attribute[0]) == local)
            return QByteArray(attribute[1]);
    }
    return {};
}

QByteArray ExpatParser::escaped(QByteArray text)
{
    return text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;");
}

QList<QByteArray> ExpatParser::attributes(const char **attributes, QByteArrayView local)
{
    QList<QByteArray> values;
    for (const char **attribute = attributes; attribute && *attribute; attribute += 2) {
        if (localName(attribute[0]) == local)
            values.append(QByteArray(attribute[1]));
    }
    return values;
}

void ExpatParser::stop()
{
    m_stopped = true;
    XML_StopParser(m_parser, XML_FALSE);
}

bool ExpatParser::parse(const QByteArray &xml, QString *error)
{
    m_xml = &xml;
    constexpr qsizetype Block = 1 << 20;
    bool ok = true;
    for (qsizetype at = 0; ok;) {
        const qsizetype length = qMin(Block, xml.size() - at);
        const bool last = at + length >= xml.size();
        ok = feed(QByteArrayView(xml).sliced(at, length), last, error);
        if (last)
            break;
        at += length;
    }
    m_xml = nullptr;
    return ok;
}

bool ExpatParser::feed(QByteArrayView block, bool last, QString *error)
{
    // expat takes an int length: a larger block goes in parts.
    constexpr qsizetype Most = 1 << 30;
    for (; block.size() > Most; block = block.sliced(Most)) {
        if (XML_Parse(m_parser, block.data(), int(Most), false) != XML_STATUS_OK)
            return failed(error);
    }
    if (XML_Parse(m_parser, block.data(), int(block.size()), last) == XML_STATUS_OK)
        return true;
    return failed(error);
}

char *ExpatParser::room(qsizetype size)
{
    return size > 0 && size <= (1 << 30) ? static_cast<char *>(XML_GetBuffer(m_parser, int(size))) : nullptr;
}

bool ExpatParser::feedRoom(qsizetype length, bool last, QString *error)
{
    return XML_ParseBuffer(m_parser, int(length), last) == XML_STATUS_OK || failed(error);
}

bool ExpatParser::failed(QString *error) const
{
    if (m_refused)
        *error = QStringLiteral("an XML part declares a DTD: refused");
    else if (!m_stopped)
        *error = QStringLiteral("not well-formed XML: %1 (line %2)")
                     .arg(QString::fromUtf8(XML_ErrorString(XML_GetErrorCode(m_parser))))
                     .arg(XML_GetCurrentLineNumber(m_parser));
    return false;
}

bool ExpatParser::isVerbatim(const char *text, int length) const
{
    const qint64 index = byteIndex();
    return m_xml && index >= 0 && XML_GetCurrentByteCount(m_parser) == length && index + length <= m_xml->size() &&
        std::memcmp(m_xml->constData() + index, text, std::size_t(length)) == 0;
}

void ExpatParser::appendText(QByteArray &utf8, TextOrigin *origin, const char *text, int length) const
{
    if (origin) {
        std::vector<TextOrigin::Run> &runs = origin->runs;
        const qint64 source = byteIndex();
        const int count = XML_GetCurrentByteCount(m_parser);
        if (isVerbatim(text, length)) {
            if (!runs.empty() && !runs.back().isReference() && runs.back().text + runs.back().length == utf8.size() &&
                runs.back().source + runs.back().length == source) {
                runs.back().length += length;
                runs.back().sourceLength += length;
            } else {
                runs.push_back({utf8.size(), source, length, length});
            }
        } else if (m_xml && count > 2 && source >= 0 && source + count <= m_xml->size() && m_xml->at(source) == '&' &&
                   m_xml->at(source + count - 1) == ';') {
            runs.push_back({utf8.size(), source, length, count});
        }
    }
    utf8.append(text, length);
}

std::vector<TextOrigin::Run> ExpatParser::attributeRuns(QByteArrayView qualified, QByteArrayView value) const
{
    const qint64 index = byteIndex();
    const qint64 count = XML_GetCurrentByteCount(m_parser);
    if (!m_xml || qualified.isEmpty() || index < 0 || count <= 0 || index + count > m_xml->size())
        return {};
    const QByteArrayView tag = QByteArrayView(*m_xml).sliced(index, count);
    // The tag read attribute by attribute, as expat did: "<name", then name="value" or
    // name='value' pairs, so that a name written inside another attribute's value is no match.
    qsizetype i = 1;
    while (i < tag.size() && !isXmlBlank(tag[i]) && tag[i] != '>' && tag[i] != '/')
        ++i;
    while (true) {
        while (i < tag.size() && isXmlBlank(tag[i]))
            ++i;
        const qsizetype nameStart = i;
        while (i < tag.size() && !isXmlBlank(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/')
            ++i;
        const QByteArrayView name = tag.sliced(nameStart, i - nameStart);
        while (i < tag.size() && isXmlBlank(tag[i]))
            ++i;
        if (name.isEmpty() || i >= tag.size() || tag[i] != '=')
            return {};
        for (++i; i < tag.size() && isXmlBlank(tag[i]);)
            ++i;
        if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\''))
            return {};
        const qsizetype close = tag.indexOf(tag[i], i + 1);
        if (close < 0)
            return {};
        if (name != qualified) {
            i = close + 1;
            continue;
        }
        std::vector<TextOrigin::Run> runs;
        qsizetype text = 0;
        for (qsizetype raw = i + 1; raw < close;) {
            if (tag[raw] == '&') {
                const qsizetype semicolon = tag.indexOf(';', raw);
                if (semicolon < 0 || semicolon > close)
                    return {};
                const QByteArray character = referenceText(tag.sliced(raw, semicolon + 1 - raw));
                if (character.isEmpty() || !value.sliced(qMin(text, value.size())).startsWith(character))
                    return {};
                runs.push_back({text, index + raw, character.size(), semicolon + 1 - raw});
                text += character.size();
                raw = semicolon + 1;
            } else if (tag[raw] == '\t' || tag[raw] == '\n' || tag[raw] == '\r') {
                // Read as a space (a CR LF as one), and not where it was written.
                raw += tag[raw] == '\r' && raw + 1 < close && tag[raw + 1] == '\n' ? 2 : 1;
                text += 1;
            } else {
                qsizetype end = raw;
                while (end < close && tag[end] != '&' && tag[end] != '\t' && tag[end] != '\n' && tag[end] != '\r')
                    ++end;
                const qsizetype length = end - raw;
                if (text + length > value.size() ||
                    std::memcmp(value.data() + text, tag.data() + raw, std::size_t(length)))
                    return {};
                runs.push_back({text, index + raw, length, length});
                text += length;
                raw = end;
            }
        }
        return text == value.size() ? runs : std::vector<TextOrigin::Run> {};
    }
}

} // namespace SendGuard::Extract
