// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace SendGuard::Core {

// The characters a JSON or XML file writes as escapes ("\uc8fc\ubbfc", "&#51452;&#xBBFC;"), read as
// the characters they stand for. Python's json.dumps and many systems' exports write every Hangul
// syllable so: read as written, "주민번호" is twenty-four ASCII bytes and no label, while a person who
// opens the file in a browser or a viewer reads the word.
//
// Only what the syntax does not need escaped is written out: a quote, a backslash, '<', '&', ']',
// '%', control characters and line separators stay escapes, so the text is the same document, and
// a masked copy written from it reads the same. Nor is a character whose writing out would finish
// an escape begun before it ("\u003\u0037", "&#5&#53;;") or make markup of text after a '<': a
// second reading writes out nothing more. "&#…;" inside an XML comment, CDATA section or
// processing instruction is text, not a reference, and stays as it is; an entity's declared value
// is read, since a parser expands it where the entity is used.
class CharacterEscapes
{
public:
    enum class Syntax { None, Json, Xml };

    // By the file's name: .json (.jsonl, .ndjson) and .xml, the plain-text files that have escapes.
    static Syntax syntaxOf(const QString &fileName);

    // utf8 with its escapes written as their characters; nullopt when it has none to write out.
    // Never longer than utf8: an escape is longer than the UTF-8 of its character.
    static std::optional<QByteArray> decoded(QByteArrayView utf8, Syntax syntax);

    // JSON as the scanner reads it: the escapes of blank and control characters a string cannot
    // hold written ("\t", "\n", "\r", "\b", "\f"), which stay escaped in the text, read as the blank
    // they stand for, the same length (a blank, then the tab or line break itself, or two
    // blanks), in copy; json itself when it has none. "주민번호:\n2103154827360" is a label and its
    // number, not a letter glued to digits.
    static std::string_view blankedControls(std::string_view json, std::string &copy);
};

} // namespace SendGuard::Core
