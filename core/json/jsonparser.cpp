// SPDX-License-Identifier: GPL-2.0-or-later
#include "jsonparser.h"

#include "common/hexdigit.h"
#include "common/utf8validator.h"

#include <charconv>
#include <set>

namespace SendGuard::Core {

namespace {

class Parser
{
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    {
    }

    std::optional<JsonNode> parseDocument()
    {
        skipWhitespace();
        JsonNode root;
        if (!parseValue(root, 0))
            return std::nullopt;
        skipWhitespace();
        if (m_offset != m_text.size())
            return fail(QStringLiteral("unexpected text after the end of the document"));
        return root;
    }

    JsonDiagnostic error() const { return m_error; }

private:
    bool atEnd() const { return m_offset >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_offset]; }

    // Moves one byte; columns count characters, so UTF-8 continuation bytes do not advance them.
    void advance()
    {
        const char c = m_text[m_offset++];
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++m_column;
        }
    }

    JsonPosition position() const { return {m_line, m_column}; }

    std::nullopt_t fail(const QString &message)
    {
        if (m_error.message.isEmpty())
            m_error = {JsonDiagnostic::Kind::Error, QString(), message, position()};
        return std::nullopt;
    }

    void skipWhitespace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            advance();
    }

    bool expect(char c, const char *what)
    {
        if (peek() != c) {
            fail(atEnd() ? QStringLiteral("unexpected end of the document, expected %1").arg(QLatin1String(what))
                         : QStringLiteral("expected %1").arg(QLatin1String(what)));
            return false;
        }
        advance();
        return true;
    }

    bool parseLiteral(std::string_view word)
    {
        if (m_text.substr(m_offset, word.size()) != word) {
            fail(QStringLiteral("invalid value"));
            return false;
        }
        for (std::size_t i = 0; i < word.size(); ++i)
            advance();
        return true;
    }

    bool parseValue(JsonNode &node, int depth)
    {
        node.position = position();
        if (atEnd()) {
            fail(QStringLiteral("unexpected end of the document, expected a value"));
            return false;
        }
        switch (peek()) {
        case '{':
            node.type = JsonNode::Type::Object;
            return parseObject(node, depth + 1);
        case '[':
            node.type = JsonNode::Type::Array;
            return parseArray(node, depth + 1);
        case '"':
            node.type = JsonNode::Type::String;
            return parseString(node.string);
        case 't':
            node.type = JsonNode::Type::Bool;
            node.boolean = true;
            return parseLiteral("true");
        case 'f':
            node.type = JsonNode::Type::Bool;
            return parseLiteral("false");
        case 'n':
            node.type = JsonNode::Type::Null;
            return parseLiteral("null");
        default:
            node.type = JsonNode::Type::Number;
            return parseNumber(node.number);
        }
    }

    bool enter(int depth)
    {
        if (depth > JsonParser::MaxDepth) {
            fail(QStringLiteral("nested more than %1 levels deep").arg(JsonParser::MaxDepth));
            return false;
        }
        return true;
    }

    bool parseObject(JsonNode &node, int depth)
    {
        if (!enter(depth))
            return false;
        advance(); // '{'
        skipWhitespace();
        if (peek() == '}') {
            advance();
            return true;
        }
        std::set<QString> keys;
        while (true) {
            skipWhitespace();
            JsonNode::Member member;
            member.keyPosition = position();
            if (peek() != '"') {
                fail(QStringLiteral("expected a member name in double quotes"));
                return false;
            }
            if (!parseString(member.key))
                return false;
            if (!keys.insert(member.key).second) {
                m_error = {JsonDiagnostic::Kind::Error, QString(),
                           QStringLiteral("duplicate member \"%1\"").arg(member.key), member.keyPosition};
                return false;
            }
            skipWhitespace();
            if (!expect(':', "':' after the member name"))
                return false;
            skipWhitespace();
            if (!parseValue(member.value, depth))
                return false;
            node.members.push_back(std::move(member));
            skipWhitespace();
            if (peek() == ',') {
                advance();
                skipWhitespace();
                if (peek() == '}') {
                    fail(QStringLiteral("trailing comma before '}'"));
                    return false;
                }
                continue;
            }
            return expect('}', "',' or '}'");
        }
    }

    bool parseArray(JsonNode &node, int depth)
    {
        if (!enter(depth))
            return false;
        advance(); // '['
        skipWhitespace();
        if (peek() == ']') {
            advance();
            return true;
        }
        while (true) {
            skipWhitespace();
            JsonNode element;
            if (!parseValue(element, depth))
                return false;
            node.elements.push_back(std::move(element));
            skipWhitespace();
            if (peek() == ',') {
                advance();
                skipWhitespace();
                if (peek() == ']') {
                    fail(QStringLiteral("trailing comma before ']'"));
                    return false;
                }
                continue;
            }
            return expect(']', "',' or ']'");
        }
    }

    std::optional<char16_t> parseHex4()
    {
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexDigitValue(peek());
            if (digit < 0)
                return fail(QStringLiteral("invalid \\u escape: expected four hexadecimal digits"));
            value = value * 16 + static_cast<unsigned>(digit);
            advance();
        }
        return static_cast<char16_t>(value);
    }

    bool parseString(QString &out)
    {
        advance(); // '"'
        std::string bytes;
        while (true) {
            if (atEnd()) {
                fail(QStringLiteral("unterminated string"));
                return false;
            }
            const char c = peek();
            if (c == '"') {
                advance();
                break;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                fail(QStringLiteral("control character in a string (write it as an escape such as \\n)"));
                return false;
            }
            if (c != '\\') {
                bytes += c;
                advance();
                continue;
            }
            advance(); // '\\'
            const char escape = peek();
            if (atEnd()) {
                fail(QStringLiteral("unterminated string"));
                return false;
            }
            advance();
            switch (escape) {
            case '"':
            case '\\':
            case '/':
                bytes += escape;
                break;
            case 'b':
                bytes += '\b';
                break;
            case 'f':
                bytes += '\f';
                break;
            case 'n':
                bytes += '\n';
                break;
            case 'r':
                bytes += '\r';
                break;
            case 't':
                bytes += '\t';
                break;
            case 'u': {
                const auto unit = parseHex4();
                if (!unit)
                    return false;
                char16_t units[2] = {*unit, 0};
                qsizetype count = 1;
                if (QChar::isHighSurrogate(*unit)) {
                    if (m_text.substr(m_offset, 2) != "\\u") {
                        fail(QStringLiteral("unpaired surrogate in a \\u escape"));
                        return false;
                    }
                    advance();
                    advance();
                    const auto low = parseHex4();
                    if (!low)
                        return false;
                    if (!QChar::isLowSurrogate(*low)) {
                        fail(QStringLiteral("unpaired surrogate in a \\u escape"));
                        return false;
                    }
                    units[1] = *low;
                    count = 2;
                } else if (QChar::isLowSurrogate(*unit)) {
                    fail(QStringLiteral("unpaired surrogate in a \\u escape"));
                    return false;
                }
                bytes += QStringView(units, count).toUtf8().toStdString();
                break;
            }
            default:
                fail(QStringLiteral("invalid escape sequence"));
                return false;
            }
        }
        out = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
        return true;
    }

    bool parseNumber(double &out)
    {
        const std::size_t begin = m_offset;
        auto digits = [this] {
            std::size_t count = 0;
            while (peek() >= '0' && peek() <= '9') {
                advance();
                ++count;
            }
            return count;
        };
        if (peek() == '-')
            advance();
        if (peek() == '0') {
            advance();
            if (peek() >= '0' && peek() <= '9') {
                fail(QStringLiteral("invalid number: leading zero"));
                return false;
            }
        } else if (digits() == 0) {
            fail(QStringLiteral("invalid value"));
            return false;
        }
        if (peek() == '.') {
            advance();
            if (digits() == 0) {
                fail(QStringLiteral("invalid number: digits expected after '.'"));
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            advance();
            if (peek() == '+' || peek() == '-')
                advance();
            if (digits() == 0) {
                fail(QStringLiteral("invalid number: digits expected in the exponent"));
                return false;
            }
        }
        const auto [end, status] = std::from_chars(m_text.data() + begin, m_text.data() + m_offset, out);
        if (status != std::errc() || end != m_text.data() + m_offset) {
            fail(QStringLiteral("number out of range"));
            return false;
        }
        return true;
    }

    std::string_view m_text;
    std::size_t m_offset = 0;
    int m_line = 1;
    int m_column = 1;
    JsonDiagnostic m_error;
};

// The line and column of a byte offset, for errors found before parsing starts.
JsonPosition positionOf(std::string_view text, std::size_t offset)
{
    JsonPosition position {1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

} // namespace

JsonParser::Result JsonParser::parse(std::string_view text)
{
    if (const auto invalid = Utf8Validator::firstInvalidByte(text)) {
        return {std::nullopt,
                {JsonDiagnostic::Kind::Error, QString(),
                 QStringLiteral("invalid UTF-8 at byte %1").arg(static_cast<qulonglong>(*invalid)),
                 positionOf(text, *invalid)}};
    }
    std::size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        start = 3; // a byte-order mark, as Windows editors write it; not part of the document
    Parser parser(text.substr(start));
    auto root = parser.parseDocument();
    if (!root)
        return {std::nullopt, parser.error()};
    return {std::move(root), {}};
}

} // namespace SendGuard::Core
