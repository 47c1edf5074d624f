// SPDX-License-Identifier: GPL-2.0-or-later
// CharacterEscapes: a JSON or XML file's escaped characters written out, what the syntax needs
// escaped left alone, so that the text is the same document.
#include "message/characterescapes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QXmlStreamReader>

using namespace SendGuard::Core;
using Syntax = CharacterEscapes::Syntax;

namespace {

// The text of every element and attribute value, as an XML reader reports it.
QString xmlText(const QByteArray &xml, bool *wellFormed)
{
    QXmlStreamReader reader(xml);
    QString text;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isCharacters() || reader.isComment())
            text += reader.text();
        if (reader.isStartElement()) {
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                text += attribute.value();
        }
    }
    *wellFormed = !reader.hasError();
    return text;
}

} // namespace

class CharacterEscapesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldTellTheSyntaxByTheFilesName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Syntax>("syntax");
        QTest::newRow("json") << u"명단.json"_qs << Syntax::Json;
        QTest::newRow("JSON in capitals") << u"EXPORT.JSON"_qs << Syntax::Json;
        QTest::newRow("JSON Lines") << u"rows.jsonl"_qs << Syntax::Json;
        QTest::newRow("newline-delimited JSON") << u"rows.ndjson"_qs << Syntax::Json;
        QTest::newRow("xml") << u"dir/신청서.xml"_qs << Syntax::Xml;
        QTest::newRow("text") << u"notes.txt"_qs << Syntax::None;
        QTest::newRow("csv") << u"roster.csv"_qs << Syntax::None;
        QTest::newRow("no suffix") << u"json"_qs << Syntax::None;
    }
    void shouldTellTheSyntaxByTheFilesName()
    {
        QFETCH(QString, name);
        QFETCH(Syntax, syntax);
        QCOMPARE(CharacterEscapes::syntaxOf(name), syntax);
    }

    void shouldWriteOutWhatAJsonEscapeStandsFor_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("a label, as Python writes it")
            << QByteArray("{\"\\uc8fc\\ubbfc\\ubc88\\ud638\": \"x\"}") << QByteArray("{\"주민번호\": \"x\"}");
        QTest::newRow("upper-case hex") << QByteArray("[\"\\uC131\\uBA85\"]") << QByteArray("[\"성명\"]");
        QTest::newRow("digits and a hyphen") << QByteArray("[\"\\u0039\\u0030\\u002d1\"]") << QByteArray("[\"90-1\"]");
        QTest::newRow("a surrogate pair") << QByteArray("[\"\\ud835\\udfd7\"]") << QByteArray("[\"\xF0\x9D\x9F\x97\"]");
        QTest::newRow("an escaped backslash further back")
            << QByteArray("[\"\\\\ \\u0039\"]") << QByteArray("[\"\\\\ 9\"]");
        // After a finished escape ("\\\\", a backslash) the text is plain: hex digits and a 'u' there
        // start nothing (from a review: the label's number was cut in two).
        QTest::newRow("a 'u' after an escaped backslash")
            << QByteArray("[\"\\\\\\u0075\"]") << QByteArray("[\"\\\\u\"]");
        QTest::newRow("a digit after an escaped backslash and digits")
            << QByteArray("{\"memo\":\"주민번호 \\\\210\\u0033154827360\"}")
            << QByteArray("{\"memo\":\"주민번호 \\\\2103154827360\"}");
        QTest::newRow("a digit after an escaped backslash and hex letters")
            << QByteArray("[\"\\\\ab\\u0032\"]") << QByteArray("[\"\\\\ab2\"]");
        QTest::newRow("a quote and a backslash stay")
            << QByteArray("[\"\\u0022\\u005c\\u005C\\u0041\"]") << QByteArray("[\"\\u0022\\u005c\\u005CA\"]");
        QTest::newRow("control characters and separators stay")
            << QByteArray("[\"\\u0000\\u000a\\u001f\\u007f\\u0085\\u2028\\u2029\\u00e9\"]")
            << QByteArray("[\"\\u0000\\u000a\\u001f\\u007f\\u0085\\u2028\\u2029\xC3\xA9\"]");

        QTest::newRow("a noncharacter stays")
            << QByteArray("[\"\\uffff\\ufdd0A\\u0041\"]") << QByteArray("[\"\\uffff\\ufdd0AA\"]");
    }
    void shouldWriteOutWhatAJsonEscapeStandsFor()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, written);
        const auto decoded = CharacterEscapes::decoded(json, Syntax::Json);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, written);
        // The same document, and nothing more to write out.
        QJsonParseError error;
        const QJsonDocument original = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(QJsonDocument::fromJson(*decoded), original);
        QVERIFY(!CharacterEscapes::decoded(*decoded, Syntax::Json).has_value());
    }

    void shouldLeaveJsonWithoutEscapesToWriteOutAlone_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("none") << QByteArray("{\"주민번호\": \"900101-1234567\"}");
        QTest::newRow("an escaped backslash before u") << QByteArray("[\"\\\\u0039\"]");
        QTest::newRow("other escapes") << QByteArray("[\"\\n\\t\\\"\\/\\\\\"]");
        QTest::newRow("too few hex digits") << QByteArray("[\"\\u39\", \"\\u12g4\", \"\\u\"]");
        // Written out, the character would finish an escape begun before it: a second reading (a
        // viewer, SendGuard on a masked copy) would see a character the first did not.
        QTest::newRow("it would finish an escape") << QByteArray("[\"\\u003\\u0037\"]");
        QTest::newRow("an unpaired surrogate") << QByteArray("[\"\\ud835x\\udfd7\"]");
        QTest::newRow("at the very end") << QByteArray("\\u00");
        QTest::newRow("empty") << QByteArray();
    }
    void shouldLeaveJsonWithoutEscapesToWriteOutAlone()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!CharacterEscapes::decoded(json, Syntax::Json).has_value());
    }

    void shouldWriteOutXmlCharacterReferences_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("decimal") << QByteArray("<a>&#51452;&#48124;&#48264;&#54840;</a>")
                                 << QByteArray("<a>주민번호</a>");
        QTest::newRow("hex") << QByteArray("<a>&#x39;00101&#x2D;1234567</a>") << QByteArray("<a>900101-1234567</a>");
        QTest::newRow("in an attribute") << QByteArray("<a b=\"&#xC131;&#xBA85;\"/>") << QByteArray("<a b=\"성명\"/>");
        QTest::newRow("leading zeros") << QByteArray("<a>&#0000057;</a>") << QByteArray("<a>9</a>");
        QTest::newRow("markup and whitespace stay")
            << QByteArray("<a>&#60;&#38;&#62;&#34;&#39;&#93;&#9;&#10;&#13;&#x41;</a>")
            << QByteArray("<a>&#60;&#38;&#62;&#34;&#39;&#93;&#9;&#10;&#13;A</a>");
        QTest::newRow("named entities stay") << QByteArray("<a>&amp;&lt;&#65;</a>") << QByteArray("<a>&amp;&lt;A</a>");
        // An entity's value holds references a parser expands where the entity is used.
        QTest::newRow("comments, CDATA and instructions stay, an entity's value is read")
            << QByteArray("<?xml version=\"1.0\"?><?p &#65;?><!DOCTYPE a [<!ENTITY e \"&#66;>\">]><a><!-- &#67; "
                          "--><![CDATA[&#68;]]>&#69;</a>")
            << QByteArray("<?xml version=\"1.0\"?><?p &#65;?><!DOCTYPE a [<!ENTITY e \"B>\">]><a><!-- &#67; "
                          "--><![CDATA[&#68;]]>E</a>");
        // Right after a '<', a character would make markup of what is text: "<!--" would hide the rest.
        QTest::newRow("it would make markup of text")
            << QByteArray("<a><&#33;-- &#57; --></a>") << QByteArray("<a><&#33;-- 9 --></a>");
        QTest::newRow("many leading zeros")
            << QByteArray("<a>&#000000051452;&#x0000000C131;</a>") << QByteArray("<a>주성</a>");
        QTest::newRow("an apostrophe in a declaration's comment")
            << QByteArray("<!DOCTYPE r [<!-- the form's root -->]><r>&#51452;</r>")
            << QByteArray("<!DOCTYPE r [<!-- the form's root -->]><r>주</r>");
        QTest::newRow("an entity's value") << QByteArray("<!DOCTYPE r [<!ENTITY n \"&#51452;&#48124;\">]><r>&n;</r>")
                                           << QByteArray("<!DOCTYPE r [<!ENTITY n \"주민\">]><r>&n;</r>");
        QTest::newRow("beyond Unicode and surrogates stay")
            << QByteArray("<a>&#x110000;&#xD800;&#99999999999;&#x41;</a>")
            << QByteArray("<a>&#x110000;&#xD800;&#99999999999;A</a>");
    }
    void shouldWriteOutXmlCharacterReferences()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QByteArray, written);
        const auto decoded = CharacterEscapes::decoded(xml, Syntax::Xml);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, written);
    }

    void shouldLeaveXmlWithoutReferencesToWriteOutAlone_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("none") << QByteArray("<a>주민번호 900101-1234567</a>");
        QTest::newRow("entities only") << QByteArray("<a>&amp; &lt;</a>");
        QTest::newRow("not closed") << QByteArray("<a>&#57 &#x39</a>");
        QTest::newRow("no digits") << QByteArray("<a>&#; &#x;</a>");
        QTest::newRow("upper-case X is no reference") << QByteArray("<a>&#X39;</a>");
        QTest::newRow("inside a comment") << QByteArray("<a><!-- &#57; --></a>");
        QTest::newRow("a comment never closed") << QByteArray("<a><!-- &#57;");
        QTest::newRow("it would finish a reference") << QByteArray("<a>&#5&#53;;</a>");
        QTest::newRow("it would start one") << QByteArray("<a>&&#35;57;</a>");
        QTest::newRow("it would end one") << QByteArray("<a>&#57&#59;</a>");
    }
    void shouldLeaveXmlWithoutReferencesToWriteOutAlone()
    {
        QFETCH(QByteArray, xml);
        QVERIFY(!CharacterEscapes::decoded(xml, Syntax::Xml).has_value());
    }

    // JSON's escapes of a tab or a line break read as the blanks they are, the same length, the
    // break first ("-\\n" is a number wrapped after its hyphen), and only where a backslash starts one.
    void shouldReadJsonBlankEscapesAsBlanks_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("scanned");
        QTest::newRow("a line break") << QByteArray("[\"주민번호:\\n2103154827360\"]")
                                      << QByteArray("[\"주민번호:\n 2103154827360\"]");
        QTest::newRow("a tab") << QByteArray("[\"a\\tb\"]") << QByteArray("[\"a\t b\"]");
        QTest::newRow("a carriage return, a backspace, a form feed")
            << QByteArray("[\"\\r\\b\\f\"]") << QByteArray("[\"\r     \"]");
        QTest::newRow("an escaped backslash before n") << QByteArray("[\"\\\\n1\"]") << QByteArray("[\"\\\\n1\"]");
        QTest::newRow("a backslash's escape, then a tab's")
            << QByteArray("[\"\\\\\\t\"]") << QByteArray("[\"\\\\\t \"]");
        QTest::newRow("a number wrapped after its hyphen, CRLF")
            << QByteArray("[\"210315-\\r\\n4827360\"]") << QByteArray("[\"210315-\r\n  4827360\"]");
        QTest::newRow("a line break as u000a, a tab as u0009, a separator as u2028")
            << QByteArray("[\"a\\u000Ab\\u0009c\\u2028d\\u0001e\"]")
            << QByteArray("[\"a\n     b\t     c\n     d      e\"]");
        QTest::newRow("other escapes stay")
            << QByteArray("[\"\\\"\\/\\u0022\\u005c\\ud835\"]") << QByteArray("[\"\\\"\\/\\u0022\\u005c\\ud835\"]");
    }
    void shouldReadJsonBlankEscapesAsBlanks()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, scanned);
        std::string copy;
        const std::string_view view =
            CharacterEscapes::blankedControls(std::string_view(json.constData(), std::size_t(json.size())), copy);
        QCOMPARE(QByteArray(view.data(), qsizetype(view.size())), scanned);
        QCOMPARE(view.data() == json.constData(), json == scanned); // no copy when nothing is blanked
    }

    // Whatever a file holds, what is written out is the same document: the same JSON values, the same
    // XML text (a reference to a character the syntax needs escaped left alone); and whatever it
    // holds, well formed or not, it is never longer, and a second reading writes out nothing more
    // (escapes begun and left unfinished are among the pieces).
    void shouldKeepEveryDocumentTheSame()
    {
        QRandomGenerator random(20261203);
        const QList<QByteArray> jsonPieces {"\\u0039", "\\u0022", "\\\\",    "\\u005c", "\\ud835\\udfd7", "\\ud835",
                                            "\\uc8fc", "\\n",     "\\u000a", "a",       "\\\\u0041",      "\\u2028",
                                            "\\u003",  "\\u00",   "\\u",     "\\",      "\\u0037",        "u00"};
        const QList<QByteArray> xmlPieces {"&#57;",
                                           "&#60;",
                                           "&#x26;",
                                           "&amp;",
                                           "&#93;&#93;&#62;",
                                           "]]",
                                           "&#10;",
                                           "&#xC8FC;",
                                           "가",
                                           "<!-- &#57; -->",
                                           "<![CDATA[&#57;]]>",
                                           "<b c=\"&#57;&#34;\"/>",
                                           ">",
                                           "&#5",
                                           "&",
                                           "&#",
                                           "&#53;",
                                           "&#35;",
                                           "&#59;",
                                           "<",
                                           "&#33;",
                                           "&#0000057;",
                                           "<?p &#57;?>",
                                           "5;"};
        const QList<QByteArray> prologues {"", "<!DOCTYPE a [<!-- it's a form -->]>",
                                           "<!DOCTYPE a [<!ENTITY e \"&#57;&#x41;\">]>"};
        int comparedJson = 0;
        int comparedXml = 0;
        for (int round = 0; round < 2000; ++round) {
            QByteArray json = "[\"";
            QByteArray xml = prologues.at(random.bounded(int(prologues.size()))) + "<a>";
            for (int i = 0; i < 12; ++i) {
                json += jsonPieces.at(random.bounded(int(jsonPieces.size())));
                xml += xmlPieces.at(random.bounded(int(xmlPieces.size())));
            }
            json += "\"]";
            xml += "</a>";
            for (const auto &[text, syntax] : {std::pair {json, Syntax::Json}, std::pair {xml, Syntax::Xml}}) {
                const QByteArray written = CharacterEscapes::decoded(text, syntax).value_or(text);
                QVERIFY2(written.size() <= text.size(), text.constData());
                QVERIFY2(!CharacterEscapes::decoded(written, syntax).has_value(), text.constData());
            }
            const QJsonDocument original = QJsonDocument::fromJson(json);
            if (!original.isNull()) {
                ++comparedJson;
                QVERIFY2(QJsonDocument::fromJson(CharacterEscapes::decoded(json, Syntax::Json).value_or(json)) ==
                             original,
                         json.constData());
            }
            bool wellFormed = false;
            const QString text = xmlText(xml, &wellFormed);
            if (!wellFormed)
                continue; // no document to compare with
            ++comparedXml;
            const QByteArray written = CharacterEscapes::decoded(xml, Syntax::Xml).value_or(xml);
            bool stillWellFormed = false;
            QCOMPARE(xmlText(written, &stillWellFormed), text);
            QVERIFY2(stillWellFormed, written.constData());
        }
        // Enough of both were documents to compare.
        QVERIFY2(comparedJson >= 100 && comparedXml >= 100,
                 qPrintable(QStringLiteral("%1 JSON, %2 XML").arg(comparedJson).arg(comparedXml)));
    }
};

QTEST_GUILESS_MAIN(CharacterEscapesTest)
#include "characterescapestest.moc"
