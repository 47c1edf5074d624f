// SPDX-License-Identifier: GPL-2.0-or-later
#include "policy/policyreader.h"
#include "policy/builtinpolicy.h"
#include "policy/policydetectors.h"
#include "policy/policyjson.h"

#include "scannerfortests.h"

#include <QJsonDocument>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testToday;

namespace {

// One section per line, so a row can break one line and know where the diagnostic must point.
const QByteArray basePolicy =
    "{\n"
    "  \"id\": \"test-policy\",\n" // 2
    "  \"version\": 3,\n" // 3
    "  \"detectors\": {\"kr-business-reg\": {\"enabled\": false}, \"email\": {\"severity\": \"medium\"}},\n" // 4
    "  \"customDetectors\": [{\"id\": \"case-number\", \"severity\": \"medium\", \"pattern\": "
    "\"\\\\d{4}-\\\\d{6}\", "
    "\"minDigits\": 10, \"contextWords\": [\"사례번호\"], \"examples\": [\"사례번호 2026-123456\"]}],\n" // 5
    "  \"audience\": {\"memberThreshold\": 50, \"audienceThreshold\": 100, \"allStaffNamePatterns\": [\"전체\"], "
    "\"organisationDomains\": [\"incheon.go.kr\"]},\n" // 6
    "  \"rules\": [\n" // 7
    "    {\"id\": \"high\", \"severity\": \"high\", \"audience\": \"broadcast\", \"verdict\": \"justify\", "
    "\"reason\": {\"ko\": \"가\", \"en\": \"a\"}},\n" // 8
    "    {\"id\": \"cases\", \"detectors\": [\"case-number\"], \"minCount\": 2, \"audience\": \"any\", "
    "\"verdict\": \"warn\", \"reason\": {\"ko\": \"나\", \"en\": \"b\"}}\n" // 9
    "  ],\n" // 10
    "  \"allowList\": {\"phoneNumbers\": [\"032-440-2114\"], \"domains\": [\"incheon.go.kr\"], \"addresses\": "
    "[]},\n" // 11
    "  \"exemptions\": [{\"id\": \"hr\", \"department\": \"인사과\", \"detectors\": [\"kr-rrn\"], \"recipients\": "
    "[\"grp:hr\"], \"expires\": \"2027-03-31\", \"reason\": \"연말정산 자료\"}],\n" // 12
    "  \"justification\": {\"minLength\": 15},\n" // 13
    "  \"remote\": {\"url\": \"https://policy.incheon.go.kr/sendguard/bundle.json\", \"publicKeys\": "
    "[\"RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq\"], \"pollMinutes\": 30}\n" // 14
    "}\n";

PolicyReader::Result read(const QByteArray &json)
{
    return PolicyReader::read({json.constData(), std::size_t(json.size())}, testToday());
}

QByteArray edited(QByteArray json, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = json.indexOf(from);
    if (at < 0)
        qFatal("test data: '%s' is not in the policy", from.constData());
    return json.replace(at, from.size(), to);
}

QString describe(const std::vector<JsonDiagnostic> &diagnostics)
{
    QStringList lines;
    for (const JsonDiagnostic &d : diagnostics)
        lines << d.toString(QStringLiteral("policy"));
    return lines.join(QLatin1Char('\n'));
}

bool hasDiagnostic(const std::vector<JsonDiagnostic> &diagnostics, JsonDiagnostic::Kind kind, const QString &field,
                   int line, const QString &message)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const JsonDiagnostic &d) {
        return d.kind == kind && d.field == field && d.position.line == line && d.message.contains(message);
    });
}

// Rows that edit basePolicy: replace `from` by `to`, expect a diagnostic on `field` at `line`.
void addEditColumns()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
}

} // namespace

class PolicyReaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadTheBuiltInPolicyWithoutADiagnostic()
    {
        const auto result = BuiltInPolicy::read();
        QVERIFY2(result.policy, qPrintable(describe(result.diagnostics)));
        QVERIFY2(result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
        const Policy &policy = *result.policy;
        QCOMPARE(policy.id, QStringLiteral("sendguard-default"));
        QCOMPARE(policy.audience.memberThreshold, 50);
        QCOMPARE(policy.audience.audienceThreshold, 50);
        QVERIFY(policy.audience.allStaffNamePatterns.contains(QStringLiteral("전 직원")));
        QCOMPARE(policy.rules.size(), std::size_t(3));
        for (const PolicyRule &rule : policy.rules) {
            QVERIFY(!rule.reason.text(u"ko").isEmpty());
            QVERIFY(!rule.reason.text(u"en").isEmpty());
            QVERIFY(rule.reason.text(u"ko") != rule.reason.text(u"en"));
        }
    }

    void shouldReadEveryField()
    {
        const auto result = read(basePolicy);
        QVERIFY2(result.policy, qPrintable(describe(result.diagnostics)));
        QVERIFY2(result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
        const Policy &p = *result.policy;
        QCOMPARE(p.version, 3);
        QCOMPARE(p.detectorSettings.value(QStringLiteral("kr-business-reg")).enabled, false);
        QCOMPARE(p.detectorSettings.value(QStringLiteral("email")).severity, std::optional(Severity::Medium));
        QCOMPARE(p.customDetectors.size(), std::size_t(1));
        QCOMPARE(p.customDetectors[0].pattern, std::string("\\d{4}-\\d{6}"));
        QCOMPARE(p.audience.audienceThreshold, 100);
        QCOMPARE(p.audience.organisationDomains, QStringList {QStringLiteral("incheon.go.kr")});
        QCOMPARE(p.rules[1].detectors, QStringList {QStringLiteral("case-number")});
        QCOMPARE(p.rules[1].minCount, 2);
        QCOMPARE(p.rules[1].audience, AudienceKind::Any);
        QCOMPARE(p.rules[0].minimumSeverity, std::optional(Severity::High));
        QCOMPARE(p.exemptions[0].expires, QDate(2027, 3, 31));
        QCOMPARE(p.justificationMinLength, 15);
        QCOMPARE(p.failureMode, FailureMode::Confirm);
    }

    // A policy's own detector may need no digits at all: a code word, a case number led by a
    // Hangul letter. It runs over the whole text, with the same boundaries and context words.
    void shouldRunCustomPatternsThatNeedNoDigits()
    {
        QByteArray policy = basePolicy;
        policy.replace(
            "\"minDigits\": 10, \"contextWords\": [\"사례번호\"], \"examples\": [\"사례번호 2026-123456\"]}",
            "\"minDigits\": 10, \"contextWords\": [\"사례번호\"], \"examples\": [\"사례번호 2026-123456\"]}, "
            "{\"id\": \"code-word\", \"severity\": \"high\", \"pattern\": \"대외비|극비\", "
            "\"examples\": [\"본 문서는 대외비입니다\"]}, "
            "{\"id\": \"court-case\", \"severity\": \"medium\", \"pattern\": \"[가-힣]-\\\\d{4}-\\\\d{3,6}\", "
            "\"contextWords\": [\"사건\"], \"contextRequired\": true, \"examples\": [\"사건 가-2024-12345\"]}");
        const auto result = read(policy);
        QVERIFY2(result.policy && result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
        QCOMPARE(result.policy->customDetectors.size(), std::size_t(3));
        QCOMPARE(result.policy->customDetectors[1].minDigits, 0);
        const Scanner scanner(PolicyDetectors::detectorsFor(*result.policy), Scanner::Options {testToday()});
        const QString text = u"극비 사항: 사건 가-2024-12345 관련 자료. 회의 자료는 부서별로 정리하여 다음 주까지 "
                             u"제출하여 주시기 바랍니다. 일반 문서 나-2024-123 첨부."_qs;
        const ScanResult found = scanner.scan(QStringView(text));
        QStringList ids;
        for (const Finding &f : found.findings)
            ids << f.detector + QLatin1Char(' ') + text.mid(f.start, f.end - f.start);
        QVERIFY2(ids == (QStringList {u"code-word 극비"_qs, u"court-case 가-2024-12345"_qs}),
                 qPrintable(ids.join(QLatin1String("; "))));
    }

    void shouldReadBackWhatPolicyJsonWrites_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("built-in") << BuiltInPolicy::document();
        QTest::newRow("every field") << basePolicy;
    }

    void shouldReadBackWhatPolicyJsonWrites()
    {
        QFETCH(QByteArray, json);
        const auto first = read(json);
        QVERIFY(first.policy);
        const QByteArray written = QJsonDocument(PolicyJson::toJson(*first.policy)).toJson();
        const auto second = read(written);
        QVERIFY2(second.policy, qPrintable(describe(second.diagnostics)));
        QVERIFY2(second.diagnostics.empty(), qPrintable(describe(second.diagnostics)));
        QVERIFY(*first.policy == *second.policy);
    }

    // Each row breaks basePolicy in one place: an error that names the field and its line, and no policy.
    void shouldRejectWithTheFieldAndLine_data()
    {
        addEditColumns();
        auto row = [](const char *name, const char *from, const char *to, const char *field, int line,
                      const char *message) {
            QTest::newRow(name) << QByteArray(from) << QByteArray(to) << QString::fromUtf8(field) << line
                                << QString::fromUtf8(message);
        };
        row("missing id", "\"id\": \"test-policy\",", "", "id", 1, "missing required field");
        row("id with spaces", "test-policy", "test policy!", "id", 2, "must be");
        row("version zero", "\"version\": 3", "\"version\": 0", "version", 3, "between 1 and");
        row("version as text", "\"version\": 3", "\"version\": \"3\"", "version", 3, "expected number");
        row("version fraction", "\"version\": 3", "\"version\": 3.5", "version", 3, "whole number");
        row("unknown built-in detector", "\"kr-business-reg\": {", "\"kr-ssn\": {", "detectors.kr-ssn", 4,
            "unknown detector id");
        row("bad severity", "\"severity\": \"medium\"}}", "\"severity\": \"severe\"}}", "detectors.email.severity", 4,
            "not one of");
        row("custom id of a built-in", "\"id\": \"case-number\"", "\"id\": \"kr-rrn\"", "customDetectors[0].id", 5,
            "built-in detector");
        row("custom pattern that does not compile", "\\\\d{4}-\\\\d{6}", "\\\\d{4-(\\\\d{6}",
            "customDetectors[0].pattern", 5, "does not compile");
        row("custom pattern with anchors", "\\\\d{4}-\\\\d{6}", "^\\\\d{4}-\\\\d{6}$", "customDetectors[0].pattern", 5,
            "anchor ^");
        row("custom pattern over the budget", "\\\\d{4}-\\\\d{6}", "\\\\pL{500}\\\\d{4}-\\\\d{6}",
            "customDetectors[0].pattern", 5, "too large");
        row("custom example not found", "2026-123456\"]", "2026-12345\"]", "customDetectors[0].examples[0]", 5,
            "does not find this example");
        row("custom with digit groups but no digits", "\"minDigits\": 10, ", "\"minGroupDigits\": 4, ",
            "customDetectors[0].minGroupDigits", 5, "needs minDigits");
        row("custom validator unknown", "\"minDigits\": 10", "\"minDigits\": 10, \"validator\": \"mod97\"",
            "customDetectors[0].validator", 5, "not one of");
        row("custom context required without words", "\"contextWords\": [\"사례번호\"]", "\"contextRequired\": true",
            "customDetectors[0].contextWords", 5, "at least one context word");
        row("member threshold of one", "\"memberThreshold\": 50", "\"memberThreshold\": 1", "audience.memberThreshold",
            6, "between 2 and");
        row("audience threshold too large", "\"audienceThreshold\": 100", "\"audienceThreshold\": 10000001",
            "audience.audienceThreshold", 6, "between 2 and");
        row("missing audience", "\"audience\": {", "\"audiences\": {", "audience", 1, "missing required field");
        row("not a domain", "[\"incheon.go.kr\"]},", "[\"incheon\"]},", "audience.organisationDomains[0]", 6,
            "not a domain name");
        row("person as broadcast type", "\"memberThreshold\": 50,",
            "\"broadcastTypes\": [\"person\"], \"memberThreshold\": 50,", "audience.broadcastTypes[0]", 6,
            "not one of");
        row("rule with detectors and severity", "\"severity\": \"high\", \"audience\"",
            "\"severity\": \"high\", \"detectors\": [\"kr-rrn\"], \"audience\"", "rules[0]", 8, "exactly one");
        row("rule with neither", "\"severity\": \"high\", \"audience\"", "\"audience\"", "rules[0]", 8, "exactly one");
        row("unknown verdict", "\"justify\"", "\"deny\"", "rules[0].verdict", 8, "not one of");
        row("unknown audience kind", "\"broadcast\", \"verdict\"", "\"everyone\", \"verdict\"", "rules[0].audience", 8,
            "not one of");
        row("reason without English", "{\"ko\": \"가\", \"en\": \"a\"}", "{\"ko\": \"가\"}", "rules[0].reason.en", 8,
            "missing required field");
        row("reason with an empty text", "\"en\": \"a\"", "\"en\": \" \"", "rules[0].reason.en", 8, "non-empty");
        row("duplicate rule id", "\"id\": \"cases\"", "\"id\": \"high\"", "rules[1].id", 9, "used twice");
        row("rule naming an unknown detector", "[\"case-number\"], \"minCount\"", "[\"case-numbr\"], \"minCount\"",
            "rules[1].detectors[0]", 9, "unknown detector id");
        row("rule with no detector", "[\"case-number\"], \"minCount\"", "[], \"minCount\"", "rules[1].detectors", 9,
            "at least one detector");
        row("min count zero", "\"minCount\": 2", "\"minCount\": 0", "rules[1].minCount", 9, "between 1 and");
        row("rules not a list", "\"rules\": [\n", "\"rules\": \"none\", \"unused\": [\n", "rules", 7, "expected array");
        row("phone number too short", "032-440-2114", "2114", "allowList.phoneNumbers[0]", 11, "not a phone number");
        row("address without @", "\"addresses\": []", "\"addresses\": [\"minwon\"]", "allowList.addresses[0]", 11,
            "not an e-mail address");
        row("exemption without expiry", ", \"expires\": \"2027-03-31\"", "", "exemptions[0].expires", 12,
            "must carry an expiry date");
        row("exemption whose expiry is null", "\"2027-03-31\"", "null", "exemptions[0].expires", 12,
            "must carry an expiry date");
        row("exemption whose recipients are null", "[\"grp:hr\"]", "null", "exemptions[0].recipients", 12,
            "missing required field");
        row("exemption with an impossible date", "2027-03-31", "2027-02-30", "exemptions[0].expires", 12, "not a date");
        row("exemption with a loose date", "2027-03-31", "2027-3-31", "exemptions[0].expires", 12, "not a date");
        row("exemption for nobody", "\"department\": \"인사과\", ", "", "exemptions[0]", 12,
            "\"sender\" or a \"department\"");
        row("exemption without recipients", "\"recipients\": [\"grp:hr\"]", "\"recipients\": []",
            "exemptions[0].recipients", 12, "at least one recipient");
        row("justification of zero", "\"minLength\": 15", "\"minLength\": 0", "justification.minLength", 13,
            "between 1 and");
        row("remote over plain http", "https://policy.incheon.go.kr", "http://policy.incheon.go.kr", "remote.url", 14,
            "must be an https URL");
        row("remote not a URL", "https://policy.incheon.go.kr/sendguard/bundle.json", "bundle.json", "remote.url", 14,
            "must be an https URL");
        row("remote key not minisign", "RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq",
            "c3NoLWVkMjU1MTk=", "remote.publicKeys[0]", 14, "not a minisign");
        row("remote without keys", "[\"RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq\"]", "[]",
            "remote.publicKeys", 14, "at least one key");
        row("remote polling every second", "\"pollMinutes\": 30", "\"pollMinutes\": 0", "remote.pollMinutes", 14,
            "between 1 and");
        row("remote url without keys",
            ", \"publicKeys\": [\"RWQFmz0FyYLYSRMfwtvfmPQmNaVa7Jp13FKhdSD0L6AlkZb/GNQVcrlq\"]", "", "remote.publicKeys",
            14, "missing required field");
        row("remote keys without url", "\"url\": \"https://policy.incheon.go.kr/sendguard/bundle.json\", ", "",
            "remote.url", 14, "missing required field");
    }

    void shouldReadTheAttachmentLimits()
    {
        const QByteArray attachments =
            "  \"attachments\": {\"maxFileBytes\": 1048576, \"maxEntries\": 50, \"maxDepth\": 2, "
            "\"maxExpansionRatio\": 20, \"maxEntryBytes\": 2097152, \"maxTotalBytes\": 4194304, "
            "\"maxCharacters\": 5000, \"maxSeconds\": 5},\n";
        const auto result = read(edited(basePolicy, "  \"remote\"", attachments + "  \"remote\""));
        QVERIFY2(result.policy, qPrintable(describe(result.diagnostics)));
        const AttachmentLimits &limits = result.policy->attachments;
        QCOMPARE(limits.maxInputBytes, 1048576);
        QCOMPARE(limits.maxEntries, 50);
        QCOMPARE(limits.maxDepth, 2);
        QCOMPARE(limits.maxRatio, 20);
        QCOMPARE(limits.maxEntryBytes, 2097152);
        QCOMPARE(limits.maxTotalBytes, 4194304);
        QCOMPARE(limits.maxCharacters, 5000);
        QCOMPARE(limits.maxSeconds, 5);
        // Absent: the defaults; and the helper's address space bounds what may be asked.
        QCOMPARE(read(basePolicy).policy->attachments, AttachmentLimits {});
        const auto tooLarge = read(
            edited(basePolicy, "  \"remote\"", "  \"attachments\": {\"maxTotalBytes\": 4294967296},\n  \"remote\""));
        QVERIFY(!tooLarge.policy);
        QVERIFY2(hasDiagnostic(tooLarge.diagnostics, JsonDiagnostic::Kind::Error,
                               QStringLiteral("attachments.maxTotalBytes"), 14, QStringLiteral("between")),
                 qPrintable(describe(tooLarge.diagnostics)));
    }

    void shouldReadARemoteThatSaysOnlyItsEpoch()
    {
        // What a bundle of a later sequence carries: its epoch, signed with it, and no source of its own.
        const auto result = read(edited(basePolicy, basePolicy.mid(basePolicy.indexOf("  \"remote\"")),
                                        "  \"remote\": {\"epoch\": 3}\n}\n"));
        QVERIFY2(result.policy, qPrintable(describe(result.diagnostics)));
        QCOMPARE(result.policy->remote.epoch, 3);
        QVERIFY(result.policy->remote.url.isEmpty());
    }

    void shouldRejectWithTheFieldAndLine()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, field);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto result = read(edited(basePolicy, from, to));
        QVERIFY(!result.policy);
        QVERIFY2(hasDiagnostic(result.diagnostics, JsonDiagnostic::Kind::Error, field, line, message),
                 qPrintable(describe(result.diagnostics)));
    }

    // Problems that leave a usable policy: reported as warnings, and the policy still applies.
    void shouldWarnAndKeepThePolicy_data()
    {
        addEditColumns();
        QTest::newRow("misspelt field") << QByteArray("\"minLength\": 15}")
                                        << QByteArray("\"minLength\": 15, \"minLenght\": 20}")
                                        << "justification.minLenght" << 13 << "unknown field";
        QTest::newRow("expired exemption") << QByteArray("2027-03-31") << QByteArray("2025-12-31")
                                           << "exemptions[0].expires" << 12 << "expired on 2025-12-31";
        QTest::newRow("rule naming a disabled detector")
            << QByteArray("[\"case-number\"], \"minCount\"")
            << QByteArray("[\"case-number\", \"kr-business-reg\"], \"minCount\"") << "rules[1].detectors[1]" << 9
            << "disabled";
        QTest::newRow("expired policy") << QByteArray("\"version\": 3,")
                                        << QByteArray("\"version\": 3, \"expires\": \"2026-01-01\",") << "expires" << 3
                                        << "the policy expired";
    }

    void shouldWarnAndKeepThePolicy()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, field);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto result = read(edited(basePolicy, from, to));
        QVERIFY2(result.policy, qPrintable(describe(result.diagnostics)));
        QVERIFY2(hasDiagnostic(result.diagnostics, JsonDiagnostic::Kind::Warning, field, line, message),
                 qPrintable(describe(result.diagnostics)));
    }

    void shouldReportEveryProblemInDocumentOrder()
    {
        QByteArray json = edited(basePolicy, "\"version\": 3", "\"version\": 0");
        json = edited(json, "\"justify\"", "\"deny\"");
        json = edited(json, "\"minLength\": 15", "\"minLength\": 0");
        const auto result = read(json);
        QCOMPARE(result.diagnostics.size(), std::size_t(3));
        QCOMPARE(result.diagnostics[0].position.line, 3);
        QCOMPARE(result.diagnostics[1].position.line, 8);
        QCOMPARE(result.diagnostics[2].position.line, 13);
    }

    void shouldRejectWhatIsNotAPolicy_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid JSON") << QByteArray("{\"id\": \"x\",}") << "trailing comma";
        QTest::newRow("a list") << QByteArray("[]") << "expected a policy object";
        QTest::newRow("empty") << QByteArray() << "unexpected end";
    }

    void shouldRejectWhatIsNotAPolicy()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto result = read(json);
        QVERIFY(!result.policy);
        QVERIFY2(result.diagnostics.front().message.contains(message), qPrintable(describe(result.diagnostics)));
    }
};

QTEST_GUILESS_MAIN(PolicyReaderTest)
#include "policyreadertest.moc"
