// SPDX-License-Identifier: GPL-2.0-or-later
#include "expatparser.h"

#include <cstring>

namespace SendGuard::Extract {

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

} // namespace SendGuard::Extract
