// SPDX-License-Identifier: GPL-2.0-or-later
// PolicyComposer: layers merge over the built-in policy, and a bad layer is reported at its own
// line and column.
#include "policy/policycomposer.h"
#include "policy/builtinpolicy.h"
#include "json/jsonparser.h"

#include "scannerfortests.h"

#include <QFile>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testToday;

namespace {

const JsonNode &builtIn()
{
    return PolicyComposer::builtIn();
}

JsonNode tree(const QByteArray &json)
{
    auto parsed = JsonParser::parse({json.constData(), std::size_t(json.size())});
    if (!parsed.root)
        qFatal("test JSON does not parse: %s", qPrintable(parsed.error.toString(QStringLiteral("tree"))));
    return std::move(*parsed.root);
}

// Compact JSON in member order, to compare trees (positions aside).
QString text(const JsonNode &node)
{
    switch (node.type) {
    case JsonNode::Type::Null:
        return QStringLiteral("null");
    case JsonNode::Type::Bool:
        return node.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case JsonNode::Type::Number:
        return QString::number(node.number, 'g', 17);
    case JsonNode::Type::String:
        return QLatin1Char('"') + node.string + QLatin1Char('"');
    case JsonNode::Type::Array: {
        QStringList elements;
        for (const JsonNode &element : node.elements)
            elements.append(text(element));
        return QLatin1Char('[') + elements.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    case JsonNode::Type::Object: {
        QStringList members;
        for (const JsonNode::Member &member : node.members)
            members.append(QLatin1Char('"') + member.key + QLatin1String("\":") + text(member.value));
        return QLatin1Char('{') + members.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    }
    return {};
}

// The node at a field path ("a.b[1]"), or the deepest part of the path the tree has: where the
// reader reports a field that is missing (at the object that should hold it).
const JsonNode &nodeAt(const JsonNode &root, const QString &path)
{
    const JsonNode *node = &root;
    // "a.b[1]" -> a, b, 1]
    for (const QString &part : QString(path).replace(QLatin1Char('['), QLatin1Char('.')).split(QLatin1Char('.'))) {
        if (part.isEmpty())
            continue;
        const JsonNode *next = nullptr;
        if (part.endsWith(QLatin1Char(']'))) {
            const std::size_t index = part.chopped(1).toULongLong();
            next = index < node->elements.size() ? &node->elements[index] : nullptr;
        } else {
            next = node->member(part);
        }
        if (!next)
            break;
        node = next;
    }
    return *node;
}

} // namespace

class PolicyComposerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMergeObjectsAndReplaceEverythingElse()
    {
        const JsonNode below = tree(R"({"a": {"x": 1, "y": [1, 2]}, "b": "keep", "c": 3})");
        const JsonNode above = tree(R"({"a": {"y": [9], "z": true}, "c": {"now": "object"}})");
        QCOMPARE(text(PolicyComposer::merge(below, above)),
                 text(tree(R"({"a": {"x": 1, "y": [9], "z": true}, "b": "keep", "c": {"now": "object"}})")));
        QCOMPARE(text(PolicyComposer::merge(below, tree("{}"))), text(below));
    }

    void shouldReplaceAnObjectWithANonObject_data()
    {
        QTest::addColumn<QByteArray>("above");
        QTest::addColumn<QString>("merged");
        QTest::newRow("number") << QByteArray(R"({"a": 5})") << R"({"a":5,"b":2})";
        QTest::newRow("string") << QByteArray(R"({"a": "s"})") << R"({"a":"s","b":2})";
        QTest::newRow("array") << QByteArray(R"({"a": [{"x": 1}]})") << R"({"a":[{"x":1}],"b":2})";
        QTest::newRow("null") << QByteArray(R"({"a": null})") << R"({"a":null,"b":2})";
        QTest::newRow("boolean") << QByteArray(R"({"a": false})") << R"({"a":false,"b":2})";
        QTest::newRow("object over a number") << QByteArray(R"({"b": {"y": 1}})") << R"({"a":{"x":1},"b":{"y":1}})";
        QTest::newRow("the root") << QByteArray("[1]") << "[1]";
    }
    void shouldReplaceAnObjectWithANonObject()
    {
        QFETCH(QByteArray, above);
        QFETCH(QString, merged);
        const JsonNode layer = tree(above);
        const JsonNode result = PolicyComposer::merge(tree(R"({"a": {"x": 1}, "b": 2})"), layer);
        QCOMPARE(text(result), merged);
        QCOMPARE(result.position.column, layer.position.column);
    }

    void shouldKeepTheLayersPositionsAndPlaceTheRestAtTheNearestFieldItSets()
    {
        const JsonNode below = tree("{\n"
                                    "      \"a\": {\"x\": {\"deep\": [1, {\"deeper\": 2}]}, \"y\": 1},\n"
                                    "      \"b\": {\"z\": 3}\n"
                                    "}");
        const JsonNode above = tree("{\n"
                                    "  \"a\": {\"y\": 2, \"new\": [true]},\n"
                                    "  \"c\": 4\n"
                                    "}");
        const JsonNode merged = PolicyComposer::merge(below, above);
        QCOMPARE(text(merged),
                 QStringLiteral(R"({"a":{"x":{"deep":[1,{"deeper":2}]},"y":2,"new":[true]},"b":{"z":3},"c":4})"));
        const auto at = [&](const char *path) {
            const JsonPosition position = nodeAt(merged, QString::fromLatin1(path)).position;
            return QPair<int, int>(position.line, position.column);
        };
        // What the layer sets: its own positions.
        QCOMPARE(at(""), qMakePair(1, 1));
        QCOMPARE(at("a"), qMakePair(2, 8));
        QCOMPARE(at("a.y"), qMakePair(2, 14));
        QCOMPARE(at("a.new"), qMakePair(2, 24));
        QCOMPARE(at("a.new[0]"), qMakePair(2, 25));
        QCOMPARE(at("c"), qMakePair(3, 8));
        // What only below sets: the nearest enclosing field the layer sets.
        QCOMPARE(at("a.x"), qMakePair(2, 8));
        QCOMPARE(at("a.x.deep[1].deeper"), qMakePair(2, 8));
        QCOMPARE(at("b"), qMakePair(1, 1));
        QCOMPARE(at("b.z"), qMakePair(1, 1));
        QCOMPARE(merged.members[0].keyPosition.line, 2); // "a"
        QCOMPARE(merged.members[0].value.members[0].keyPosition.column, 8); // "x", below only
        QCOMPARE(merged.members[1].keyPosition.line, 1); // "b", below only
    }

    void shouldApplyALayerOverTheBuiltInPolicy()
    {
        const QByteArray layer = "{\n"
                                 "  \"id\": \"incheon\",\n"
                                 "  \"version\": 7,\n"
                                 "  \"audience\": {\"memberThreshold\": 30},\n"
                                 "  \"justification\": {\"minLength\": 20}\n"
                                 "}\n";
        const auto check = PolicyComposer::check(builtIn(), layer, testToday());
        QVERIFY(check.accepted);
        QVERIFY(check.diagnostics.empty());
        const auto result = PolicyComposer::read(PolicyComposer::merge(builtIn(), *check.root), testToday());
        QVERIFY(result.policy);
        QCOMPARE(result.policy->id, QStringLiteral("incheon"));
        QCOMPARE(result.policy->version, 7);
        QCOMPARE(result.policy->audience.memberThreshold, 30);
        QCOMPARE(result.policy->audience.audienceThreshold, 50); // from below
        QCOMPARE(result.policy->justificationMinLength, 20);
        QCOMPARE(result.policy->rules.size(), BuiltInPolicy::read().policy->rules.size());
    }

    void shouldReadTheBuiltInTree()
    {
        const auto result = PolicyComposer::read(builtIn(), testToday());
        QVERIFY(result.policy);
        QVERIFY(result.diagnostics.empty());
        QVERIFY(*result.policy == *BuiltInPolicy::read().policy);
    }

    void shouldComposeTheShippedManagedPolicyExample()
    {
        QFile file(QStringLiteral(SENDGUARD_RESOURCES "/managed-policy.example.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto check = PolicyComposer::check(builtIn(), file.readAll(), testToday());
        QVERIFY(check.accepted);
        QVERIFY(check.diagnostics.empty());
        const auto result = PolicyComposer::read(PolicyComposer::merge(builtIn(), *check.root), testToday());
        QCOMPARE(result.policy->remote.url, QStringLiteral("https://policy.incheon.go.kr/sendguard/bundle.json"));
        QCOMPARE(result.policy->audience.memberThreshold, 30);
        QVERIFY(!result.policy->rules.empty()); // from the built-in policy
    }

    void shouldReportABadLayerAtItsOwnLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("layer");
        QTest::addColumn<QString>("expected"); // FILE:LINE:COLUMN: error: field: message (start of it)
        QTest::newRow("syntax") << QByteArray("{\n  \"version\": 2,\n  \"audience\": {,}\n}")
                                << "layer.json:3:16: error:";
        QTest::newRow("threshold") << QByteArray("{\n  \"version\": 2,\n  \"audience\": {\"memberThreshold\": 1}\n}")
                                   << "layer.json:3:35: error: audience.memberThreshold: must be between 2 and";
        QTest::newRow("rule") << QByteArray("{\n  \"rules\": [\n    {\"id\": \"r\", \"detectors\": [\"kr-ssn\"], "
                                            "\"audience\": \"any\", \"verdict\": \"warn\", \"reason\": {\"ko\": "
                                            "\"가\", \"en\": \"a\"}}\n  ]\n}")
                              << "layer.json:3:31: error: rules[0].detectors[0]: unknown detector id";
        QTest::newRow("not an object") << QByteArray("[1]") << "layer.json:1:1: error: expected a policy object";
        // Parsed once, strictly: what QJsonDocument would quietly accept is an error where it stands.
        QTest::newRow("duplicate key") << QByteArray("{\n  \"version\": 2,\n  \"version\": 3\n}")
                                       << "layer.json:3:3: error: duplicate member \"version\"";
        QTest::newRow("trailing comma") << QByteArray(
                                               "{\n  \"version\": 2,\n  \"audience\": {\"memberThreshold\": 30,}\n}")
                                        << "layer.json:3:38: error: trailing comma before '}'";
    }
    void shouldReportABadLayerAtItsOwnLineAndColumn()
    {
        QFETCH(QByteArray, layer);
        QFETCH(QString, expected);
        const auto check = PolicyComposer::check(builtIn(), layer, testToday());
        QVERIFY(!check.accepted);
        QVERIFY(!check.diagnostics.empty());
        const QString first = check.diagnostics.front().toString(QStringLiteral("layer.json"));
        QVERIFY2(first.startsWith(expected), qPrintable(first));
    }

    void shouldAcceptALayerWithAWarning()
    {
        const auto check =
            PolicyComposer::check(builtIn(), "{\n  \"version\": 2,\n  \"justfication\": {}\n}", testToday());
        QVERIFY(check.accepted);
        QCOMPARE(check.diagnostics.size(), std::size_t(1));
        QCOMPARE(check.diagnostics.front().kind, JsonDiagnostic::Kind::Warning);
        QCOMPARE(check.diagnostics.front().position.line, 3);
        QCOMPARE(check.diagnostics.front().position.column, 3); // the unknown key, as plain `policy lint` says
    }

    void shouldReportWhatComesFromBelowAtTheNearestFieldTheLayerSets_data()
    {
        QTest::addColumn<QByteArray>("below"); // over the built-in policy
        QTest::addColumn<QByteArray>("layer");
        QTest::addColumn<QString>("expected");
        // The built-in rules[2] names kr-phone; the layer sets no rules.
        QTest::newRow("the root")
            << QByteArray("{}") << QByteArray("{\n  \"detectors\": {\"kr-phone\": {\"enabled\": false}}\n}")
            << "layer.json:1:1: warning: rules[2].detectors[0]: detector \"kr-phone\" is disabled";
        QTest::newRow("an enclosing field")
            << QByteArray(R"({"audience": {"broadcastTypes": ["group"]}})")
            << QByteArray("{\n  \"version\": 2,\n  \"audience\": {\"memberThreshold\": 30}\n}")
            << "layer.json:3:15: warning: audience.broadcastTypes: does not list";
    }
    void shouldReportWhatComesFromBelowAtTheNearestFieldTheLayerSets()
    {
        QFETCH(QByteArray, below);
        QFETCH(QByteArray, layer);
        QFETCH(QString, expected);
        const auto check = PolicyComposer::check(PolicyComposer::merge(builtIn(), tree(below)), layer, testToday());
        QVERIFY(check.accepted);
        QCOMPARE(check.diagnostics.size(), std::size_t(1));
        const QString first = check.diagnostics.front().toString(QStringLiteral("layer.json"));
        QVERIFY2(first.startsWith(expected), qPrintable(first));
    }

    // A diagnostic's position: of the deepest part of its field path the layer sets (the reader
    // reports a missing field at the object that should hold it).
    void shouldFindTheDeepestPartOfAPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("root") << QString() << 1 << 1;
        QTest::newRow("member") << "a" << 2 << 8;
        QTest::newRow("element") << "a.b[1]" << 2 << 18;
        QTest::newRow("missing tail") << "a.b[1].c" << 2 << 18;
        QTest::newRow("missing index") << "a.b[7]" << 2 << 14;
        QTest::newRow("missing member") << "z" << 1 << 1;
    }
    void shouldFindTheDeepestPartOfAPath()
    {
        QFETCH(QString, path);
        QFETCH(int, line);
        QFETCH(int, column);
        const QByteArray layer = "{\n  \"a\": {\"b\": [1, 2]}\n}";
        // Below sets z, which the layer does not: it stands where the layer starts.
        const JsonNode merged = PolicyComposer::merge(tree(R"({"a": {"b": [{"c": 1}]}, "z": {"c": 2}})"), tree(layer));
        const JsonPosition position = nodeAt(merged, path).position;
        QCOMPARE(position.line, line);
        QCOMPARE(position.column, column);
    }
};

QTEST_GUILESS_MAIN(PolicyComposerTest)
#include "policycomposertest.moc"
