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

bool isHexDigit(char c)
{
    return hexDigitValue(c) >= 0;
}

bool isDecimalDigit(char c)
{
    return c >= '0' && c <= '9';
}

// What the text written so far leaves unfinished at its end: an escape begun ("\u00", "&#5") that a
// character written out next could go on with or finish, so that a second reading (a viewer,
// SendGuard on a masked copy) would see a character the first did not. Read a byte at a time,
// each once.
class UnfinishedEscape
{
public:
    explicit UnfinishedEscape(Syntax syntax)
        : m_syntax(syntax)
    {
    }

    void read(char c) { m_state = m_syntax == Syntax::Json ? afterJson(c) : afterXml(c); }

    // Whether c, written out next, would go on with or finish the escape begun.
    bool wouldGoOnWith(char32_t c) const
    {
        const char ascii = c < 0x80 ? char(c) : '\0';
        switch (m_state) {
        case State::Plain:
            return false;
        case State::Backslash:
            return ascii == 'u';
        case State::HexDigits0:
        case State::HexDigits1:
        case State::HexDigits2:
        case State::HexDigits3:
            return isHexDigit(ascii);
        case State::Ampersand:
            return ascii == '#';
        case State::Hash:
            return isDecimalDigit(ascii) || ascii == 'x';
        case State::HashX:
            return isHexDigit(ascii);
        case State::Decimal:
            return isDecimalDigit(ascii) || ascii == ';';
        case State::Hexadecimal:
            return isHexDigit(ascii) || ascii == ';';
        case State::LessThan:
            return true; // "<&#33;--": markup made of text
        }
        return false;
    }

private:
    enum class State {
        Plain,
        Backslash, // JSON: an odd run of backslashes
        HexDigits0, // "\u" and as many hex digits
        HexDigits1,
        HexDigits2,
        HexDigits3,
        Ampersand, // XML
        Hash, // "&#"
        HashX, // "&#x"
        Decimal, // "&#" and decimal digits
        Hexadecimal, // "&#x" and hex digits
        LessThan,
    };

    State afterJson(char c) const
    {
        if (m_state == State::Backslash)
            return c == 'u' ? State::HexDigits0 : State::Plain; // "\\", "\n": finished
        if (c == '\\')
            return State::Backslash;
        if (!isHexDigit(c))
            return State::Plain;
        switch (m_state) {
        case State::HexDigits0:
            return State::HexDigits1;
        case State::HexDigits1:
            return State::HexDigits2;
        case State::HexDigits2:
            return State::HexDigits3;
        default:
            return State::Plain; // a fourth digit finishes it
        }
    }

    State afterXml(char c) const
    {
        if (c == '&')
            return State::Ampersand;
        if (c == '<')
            return State::LessThan;
        switch (m_state) {
        case State::Ampersand:
            return c == '#' ? State::Hash : State::Plain;
        case State::Hash:
            return isDecimalDigit(c) ? State::Decimal : c == 'x' ? State::HashX : State::Plain;
        case State::HashX:
        case State::Hexadecimal:
            return isHexDigit(c) ? State::Hexadecimal : State::Plain;
        case State::Decimal:
            return isDecimalDigit(c) ? State::Decimal : State::Plain;
        default:
            return State::Plain;
        }
    }

    Syntax m_syntax;
    State m_state = State::Plain;
};

// Builds the text with some escapes written out, copying what lies between them once.
class Rewriter
{
public:
    Rewriter(std::string_view text, Syntax syntax)
        : m_text(text)
        , m_unfinished(syntax)
    {
    }

    // Whether writing c out in place of the escape at `begin` would go on with or finish an escape
    // the text before it left unfinished ("\u003\u0037", "&#5&#53;;"): then it stays as it is.
    bool wouldFinishAnEscape(std::size_t begin, char32_t c)
    {
        for (; m_read < begin; ++m_read)
            m_unfinished.read(m_text[m_read]);
        return m_unfinished.wouldGoOnWith(c);
    }

    // Writes c out in place of text[begin, end); wouldFinishAnEscape(begin, c) was asked first.
    void replace(std::size_t begin, std::size_t end, char32_t c)
    {
        if (!m_any) {
            m_out.reserve(qsizetype(m_text.size()));
            m_any = true;
        }
        m_out.append(m_text.data() + m_copied, qsizetype(begin - m_copied));
        const qsizetype written = m_out.size();
        appendUtf8(m_out, c);
        for (qsizetype k = written; k < m_out.size(); ++k)
            m_unfinished.read(m_out[k]);
        m_copied = m_read = end;
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
    std::size_t m_read = 0; // text[0, m_read) is read by m_unfinished
    UnfinishedEscape m_unfinished;
    bool m_any = false;
};

// JSON (RFC 8259): \uXXXX, a character outside the Basic Multilingual Plane as a surrogate pair.
// A backslash escapes the next character, so only an odd run of them before 'u' starts one
// ("\\u0039" is a backslash and the text "u0039").
std::optional<QByteArray> decodedJson(std::string_view text)
{
    Rewriter rewriter(text, Syntax::Json);
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
            if (unit >= 0 && writtenOut(c, Syntax::Json) && !rewriter.wouldFinishAnEscape(run - 1, c)) {
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
    Rewriter rewriter(text, Syntax::Xml);
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
            rewriter.wouldFinishAnEscape(at, c))
            continue;
        rewriter.replace(at, j + 1, c);
        i = j + 1;
    }
    return rewriter.result();
}

} // namespace

std::string_view CharacterEscapes::blankedControls(std::string_view json, std::string &copy)
{
    bool copied = false;
    // Writes `blanks` over json[at, at + blanks.size()).
    const auto blank = [&](std::size_t at, std::string_view blanks) {
        if (!copied) {
            copy.assign(json);
            copied = true;
        }
        copy.replace(at, blanks.size(), blanks);
    };
    std::size_t i = json.find('\\');
    while (i < json.size()) {
        std::size_t run = i;
        while (run < json.size() && json[run] == '\\')
            ++run;
        std::size_t next = run + 1;
        if ((run - i) % 2 == 1 && run < json.size()) {
            const std::size_t at = run - 1;
            // The line break or tab first, then blanks: "-\n" stays a number wrapped after its
            // hyphen, its next line indented ("-⏎ 4827360").
            switch (json[run]) {
            case 'n':
                blank(at, "\n ");
                break;
            case 'r':
                // "\r\n" whole: a line break and the next line's indent.
                if (json.substr(run + 1).starts_with("\\n")) {
                    blank(at, "\r\n  ");
                    next = run + 3;
                } else {
                    blank(at, "\r ");
                }
                break;
            case 't':
                blank(at, "\t ");
                break;
            case 'b':
            case 'f':
                blank(at, "  ");
                break;
            case 'u': {
                // What decoded() leaves escaped but is no text: a control character or a line
                // separator; a quote or a backslash stays what it is.
                const long unit = codeUnitAt(json, run + 1);
                if (unit >= 0 && unit != '"' && unit != '\\' && !writtenOut(char32_t(unit), Syntax::Json) &&
                    !(unit >= 0xD800 && unit <= 0xDFFF)) {
                    const bool lineBreak =
                        unit == 0x0A || unit == 0x0D || unit == 0x85 || unit == 0x2028 || unit == 0x2029;
                    blank(at, lineBreak ? "\n     " : unit == 0x09 ? "\t     " : "      ");
                    next = run + 5;
                }
                break;
            }
            default:
                break;
            }
        }
        i = json.find('\\', next);
    }
    return copied ? std::string_view(copy) : json;
}

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
