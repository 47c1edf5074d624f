// SPDX-License-Identifier: GPL-2.0-or-later
// PolicyComposer: layers merge over the built-in policy, and a bad layer is reported at its own
// line and column.
#include "policy/policycomposer.h"
#include "policy/builtinpolicy.h"
#include "json/jsonparser.h"

#include "scannerfortests.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testToday;

namespace {

QJsonObject builtIn()
{
    return QJsonDocument::fromJson(BuiltInPolicy::document()).object();
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class PolicyComposerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMergeObjectsAndReplaceEverythingElse()
    {
        const QJsonObject below = object(R"({"a": {"x": 1, "y": [1, 2]}, "b": "keep", "c": 3})");
        const QJsonObject above = object(R"({"a": {"y": [9], "z": true}, "c": {"now": "object"}})");
        QCOMPARE(PolicyComposer::merge(below, above),
                 object(R"({"a": {"x": 1, "y": [9], "z": true}, "b": "keep", "c": {"now": "object"}})"));
        QCOMPARE(PolicyComposer::merge(below, {}), below);
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
        const auto result = PolicyComposer::read(PolicyComposer::merge(builtIn(), *check.object), testToday());
        QVERIFY(result.policy);
        QCOMPARE(result.policy->id, QStringLiteral("incheon"));
        QCOMPARE(result.policy->version, 7);
        QCOMPARE(result.policy->audience.memberThreshold, 30);
        QCOMPARE(result.policy->audience.audienceThreshold, 50); // from below
        QCOMPARE(result.policy->justificationMinLength, 20);
        QCOMPARE(result.policy->rules.size(), BuiltInPolicy::read().policy->rules.size());
    }

    void shouldComposeTheShippedManagedPolicyExample()
    {
        QFile file(QStringLiteral(SENDGUARD_RESOURCES "/managed-policy.example.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto check = PolicyComposer::check(builtIn(), file.readAll(), testToday());
        QVERIFY(check.accepted);
        QVERIFY(check.diagnostics.empty());
        const auto result = PolicyComposer::read(PolicyComposer::merge(builtIn(), *check.object), testToday());
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
    }

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
        const QByteArray text = "{\n  \"a\": {\"b\": [1, 2]}\n}";
        const auto parsed = JsonParser::parse({text.constData(), std::size_t(text.size())});
        QVERIFY(parsed.root);
        const JsonPosition position = PolicyComposer::positionOf(*parsed.root, path);
        QCOMPARE(position.line, line);
        QCOMPARE(position.column, column);
    }
};

QTEST_GUILESS_MAIN(PolicyComposerTest)
#include "policycomposertest.moc"
