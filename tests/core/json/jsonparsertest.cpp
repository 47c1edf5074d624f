// SPDX-License-Identifier: GPL-2.0-or-later
#include "json/jsonparser.h"

#include <QTest>

using namespace SendGuard::Core;

class JsonParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldKeepTheLineAndColumnOfEveryValue()
    {
        const std::string text = "{\n  \"이름\": \"김\",\n  \"list\": [1, true,\n    null]\n}";
        const auto result = JsonParser::parse(text);
        QVERIFY(result.root);
        const JsonNode &root = *result.root;
        QCOMPARE(root.type, JsonNode::Type::Object);
        QCOMPARE(root.members.size(), std::size_t(2));
        QCOMPARE(root.members[0].key, QStringLiteral("이름"));
        QCOMPARE(root.members[0].keyPosition.line, 2);
        QCOMPARE(root.members[0].keyPosition.column, 3);
        QCOMPARE(root.members[0].value.position.column, 9); // columns count characters, not bytes
        const JsonNode *list = root.member(u"list");
        QVERIFY(list);
        QCOMPARE(list->elements.size(), std::size_t(3));
        QCOMPARE(list->elements[1].boolean, true);
        QCOMPARE(list->elements[2].type, JsonNode::Type::Null);
        QCOMPARE(list->elements[2].position.line, 4);
        QCOMPARE(list->elements[2].position.column, 5);
    }

    void shouldDecodeEscapesAndNumbers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("string");
        QTest::addColumn<double>("number");
        QTest::newRow("escapes") << QByteArray("[\"a\\\"b\\\\c\\/d\\n\\t\", 0]") << QStringLiteral("a\"b\\c/d\n\t")
                                 << 0.0;
        QTest::newRow("bmp escape") << QByteArray("[\"\\uD55C\\uae00\", -1.5]") << QStringLiteral("한글") << -1.5;
        QTest::newRow("surrogate pair") << QByteArray("[\"\\ud83d\\ude00\", 2e3]") << QStringLiteral("😀") << 2000.0;
        QTest::newRow("raw UTF-8") << QByteArray("[\"전 직원\", 4812]") << QStringLiteral("전 직원") << 4812.0;
        QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF[\"x\", 1E-2]") << QStringLiteral("x") << 0.01;
    }

    void shouldDecodeEscapesAndNumbers()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, string);
        QFETCH(double, number);
        const auto result = JsonParser::parse(json.toStdString());
        QVERIFY2(result.root, qPrintable(result.error.message));
        QCOMPARE(result.root->elements.at(0).string, string);
        QCOMPARE(result.root->elements.at(1).number, number);
    }

    void shouldRejectWithThePositionOfTheFault_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("") << 1 << 1 << "unexpected end";
        QTest::newRow("trailing comma in object") << QByteArray("{\"a\": 1,\n}") << 2 << 1 << "trailing comma";
        QTest::newRow("trailing comma in array") << QByteArray("[1, 2, ]") << 1 << 8 << "trailing comma";
        QTest::newRow("duplicate key") << QByteArray("{\"a\": 1,\n \"a\": 2}") << 2 << 2 << "duplicate member \"a\"";
        QTest::newRow("comment") << QByteArray("{\n// no\n}") << 2 << 1 << "member name";
        QTest::newRow("single quotes") << QByteArray("{'a': 1}") << 1 << 2 << "member name";
        QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 3 << "leading zero";
        QTest::newRow("bare word") << QByteArray("[yes]") << 1 << 2 << "invalid value";
        QTest::newRow("unterminated string") << QByteArray("[\"abc") << 1 << 6 << "unterminated";
        QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << 1 << 4 << "control character";
        QTest::newRow("bad escape") << QByteArray("[\"\\x\"]") << 1 << 5 << "invalid escape";
        QTest::newRow("lone surrogate") << QByteArray("[\"\\udc00\"]") << 1 << 9 << "unpaired surrogate";
        QTest::newRow("text after document") << QByteArray("{} {}") << 1 << 4 << "after the end";
        QTest::newRow("invalid UTF-8") << QByteArray("[\"a\",\n \"\xC3\x28\"]") << 2 << 3 << "invalid UTF-8";
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 1 << 6 << "':'";
        QTest::newRow("too deep") << QByteArray(65, '[') + QByteArray(65, ']') << 1 << 65 << "nested";
        QTest::newRow("number out of range") << QByteArray("[1e999]") << 1 << 7 << "out of range";
    }

    void shouldRejectWithThePositionOfTheFault()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const auto result = JsonParser::parse(json.toStdString());
        QVERIFY(!result.root);
        QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
        QCOMPARE(result.error.position.line, line);
        QCOMPARE(result.error.position.column, column);
    }

    void shouldAcceptNestingUpToTheLimit()
    {
        const QByteArray json = QByteArray(JsonParser::MaxDepth, '[') + QByteArray(JsonParser::MaxDepth, ']');
        QVERIFY(JsonParser::parse(json.toStdString()).root);
    }
};

QTEST_GUILESS_MAIN(JsonParserTest)
#include "jsonparsertest.moc"
