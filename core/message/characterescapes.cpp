// SPDX-License-Identifier: GPL-2.0-or-later
#include "characterescapes.h"

#include "common/hexdigit.h"

#include <QFileInfo>

#include <string_view>

namespace SendGuard::Core {

namespace {

using Syntax = CharacterEscapes::Syntax;

// Whether the character an escape stands for is written out: text a person reads, nothing the
// syntax or a reader's normalisation gives a meaning of its own, and a character at all (not a
// surrogate, a noncharacter or beyond Unicode).
bool writtenOut(char32_t c, Syntax syntax)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0xD800 && c <= 0xDFFF) ||
        (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE || c > 0x10FFFF)
        return false;
    if (syntax == Syntax::Json)
        return c != '"' && c != '\\';
    // ']' too: written out after "]]", it would end a CDATA section no one opened; '%' would start
    // a parameter entity's reference inside a declaration.
    return c != '<' && c != '&' && c != '>' && c != '"' && c != '\'' && c != ']' && c != '%';
}

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// The code unit of the four hex digits at text[at], or -1.
long codeUnitAt(std::string_view text, std::size_t at)
{
    if (at + 4 > text.size())
        return -1;
    long unit = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const int digit = hexDigitValue(text[i]);
        if (digit < 0)
            return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

// Builds the text with some escapes written out, copying what lies between them once.
class Rewriter
{
public:
    explicit Rewriter(std::string_view text)
        : m_text(text)
    {
    }

    // The byte the text written so far has `back` bytes before `begin` (1: the last one), as it
    // stands once the escapes before it are written out; -1 before the start.
    int byteBefore(std::size_t begin, std::size_t back) const
    {
        const std::size_t raw = begin - m_copied; // bytes since the last escape written out
        if (back <= raw)
            return static_cast<unsigned char>(m_text[begin - back]);
        const std::size_t written = back - raw;
        return written <= std::size_t(m_out.size())
            ? static_cast<unsigned char>(m_out[m_out.size() - qsizetype(written)])
            : -1;
    }

    void replace(std::size_t begin, std::size_t end, char32_t c)
    {
        if (!m_any) {
            m_out.reserve(qsizetype(m_text.size()));
            m_any = true;
        }
        m_out.append(m_text.data() + m_copied, qsizetype(begin - m_copied));
        appendUtf8(m_out, c);
        m_copied = end;
    }

    std::optional<QByteArray> result()
    {
        if (!m_any)
            return std::nullopt;
        m_out.append(m_text.data() + m_copied, qsizetype(m_text.size() - m_copied));
        return std::move(m_out);
    }

private:
    std::string_view m_text;
    QByteArray m_out;
    std::size_t m_copied = 0;
    bool m_any = false;
};

bool isHexDigit(int c)
{
    return c >= 0 && hexDigitValue(char(c)) >= 0;
}

// How far back an unfinished escape is looked for: past it, a character is not written out.
constexpr std::size_t LongestEscapeLookBack = 64;

// Whether writing c out at `begin` would finish an escape the text before it started and left
// unfinished, so that a second reading (a viewer, SendGuard on a masked copy) would see a character
// the first did not: "\u003\u0037" is "\u0037" once written out, "&#5&#53;;" is "&#55;".
bool completesAnEscape(const Rewriter &text, std::size_t begin, char32_t c, Syntax syntax)
{
    if (syntax == Syntax::Json) {
        // A backslash, 'u' and up to three hex digits before it: c could be the next.
        if (!(c == 'u' || isHexDigit(int(c))))
            return false;
        for (std::size_t back = 1; back <= 5; ++back) {
            const int b = text.byteBefore(begin, back);
            if (b == '\\')
                return true;
            if (b != 'u' && !isHexDigit(b))
                return false;
        }
        return false;
    }
    // Right after a '<', any character makes markup of what was text ("<&#33;--" is a comment).
    if (text.byteBefore(begin, 1) == '<')
        return true;
    if (c != '#' && c != ';' && c != 'x' && !isHexDigit(int(c)))
        return false;
    // An '&' before a run of what a character reference holds: c could go on with it or end it.
    for (std::size_t back = 1; back <= LongestEscapeLookBack; ++back) {
        const int b = text.byteBefore(begin, back);
        if (b == '&')
            return true;
        if (b != '#' && b != 'x' && !isHexDigit(b))
            return false;
    }
    return true; // too long a run to tell: left as it is
}

// JSON (RFC 8259): \uXXXX, a character outside the Basic Multilingual Plane as a surrogate pair.
// A backslash escapes the next character, so only an odd run of them before 'u' starts one
// ("\\u0039" is a backslash and the text "u0039").
std::optional<QByteArray> decodedJson(std::string_view text)
{
    Rewriter rewriter(text);
    std::size_t i = text.find('\\');
    while (i < text.size()) {
        std::size_t run = i;
        while (run < text.size() && text[run] == '\\')
            ++run;
        std::size_t next = run;
        if ((run - i) % 2 == 1 && run < text.size() && text[run] == 'u') {
            const long unit = codeUnitAt(text, run + 1);
            std::size_t end = run + 5;
            char32_t c = char32_t(unit);
            if (unit >= 0xD800 && unit <= 0xDBFF && end + 6 <= text.size() && text[end] == '\\' &&
                text[end + 1] == 'u') {
                const long low = codeUnitAt(text, end + 2);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    c = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
                    end += 6;
                }
            }
            if (unit >= 0 && writtenOut(c, Syntax::Json) && !completesAnEscape(rewriter, run - 1, c, Syntax::Json)) {
                rewriter.replace(run - 1, end, c);
                next = end;
            }
        }
        i = text.find('\\', next);
    }
    return rewriter.result();
}

// Where the markup at text[at] ('<') ends: past a comment, a CDATA section or a processing
// instruction, whose "&#…;" are no references; right after the '<' of anything else, a tag (its
// attribute values may hold references) or a declaration (an entity's value holds them too, and a
// parser expands them where the entity is used).
std::size_t pastMarkup(std::string_view text, std::size_t at)
{
    const auto through = [&](std::string_view close, std::size_t from) {
        const std::size_t end = text.find(close, from);
        return end == std::string_view::npos ? text.size() : end + close.size();
    };
    const std::string_view rest = text.substr(at);
    if (rest.starts_with("<!--"))
        return through("-->", at + 4);
    if (rest.starts_with("<![CDATA["))
        return through("]]>", at + 9);
    if (rest.starts_with("<?"))
        return through("?>", at + 2);
    return at + 1;
}

// XML 1.0 character references: &#NNN; and &#xHHH;. Named entities (&amp;, &lt;) stand for what
// the syntax needs escaped, and stay.
std::optional<QByteArray> decodedXml(std::string_view text)
{
    Rewriter rewriter(text);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = text.find_first_of("&<", i);
        if (at == std::string_view::npos)
            break;
        if (text[at] == '<') {
            i = pastMarkup(text, at);
            continue;
        }
        i = at + 1;
        if (at + 3 >= text.size() || text[at + 1] != '#')
            continue;
        const bool hex = text[at + 2] == 'x';
        std::size_t j = at + (hex ? 3 : 2);
        const std::size_t digitsBegin = j;
        while (j < text.size() && text[j] == '0')
            ++j; // as many leading zeros as a writer likes
        char32_t c = 0;
        for (; j < text.size(); ++j) {
            const int digit = hex ? hexDigitValue(text[j]) : (text[j] >= '0' && text[j] <= '9' ? text[j] - '0' : -1);
            if (digit < 0 || c > 0x10FFFF)
                break;
            c = c * (hex ? 16 : 10) + char32_t(digit);
        }
        if (j == digitsBegin || j >= text.size() || text[j] != ';' || !writtenOut(c, Syntax::Xml) ||
            completesAnEscape(rewriter, at, c, Syntax::Xml))
            continue;
        rewriter.replace(at, j + 1, c);
        i = j + 1;
    }
    return rewriter.result();
}

} // namespace

CharacterEscapes::Syntax CharacterEscapes::syntaxOf(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("json") || suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return Syntax::Json;
    if (suffix == QLatin1String("xml"))
        return Syntax::Xml;
    return Syntax::None;
}

std::optional<QByteArray> CharacterEscapes::decoded(QByteArrayView utf8, Syntax syntax)
{
    const std::string_view text(utf8.data(), std::size_t(utf8.size()));
    switch (syntax) {
    case Syntax::Json:
        return decodedJson(text);
    case Syntax::Xml:
        return decodedXml(text);
    case Syntax::None:
        break;
    }
    return std::nullopt;
}

} // namespace SendGuard::Core
