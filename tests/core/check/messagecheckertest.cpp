// SPDX-License-Identifier: GPL-2.0-or-later
// MessageScanner and MessageChecker: every part of a message scanned, allow-lists, attachments
// read from real files, custom detectors, and checks that cannot complete.
#include "check/messagechecker.h"
#include "policy/builtinpolicy.h"
#include "policy/policyreader.h"

#include "messagesfortests.h"
#include "scannerfortests.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::defaultPolicy;
using SendGuard::Tests::testToday;
using SendGuard::Tests::toAllStaff;

namespace {

QStringList detectors(const std::vector<MessageFinding> &findings)
{
    QStringList ids;
    for (const MessageFinding &f : findings)
        ids << f.field + QLatin1Char('/') + f.finding.detector;
    return ids;
}

Scanner::Options options()
{
    return {testToday()};
}

} // namespace

class MessageCheckerTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return name;
    }

private Q_SLOTS:
    void shouldScanSubjectBodyAndAttachmentsWithTheirOwnOffsets()
    {
        OutgoingMessage m =
            toAllStaff(QStringLiteral("번호 900101-1234568"), QStringLiteral("본문\n연락처 010-1234-5678"));
        m.attachments = {
            {QStringLiteral("명단.csv"), write(QStringLiteral("list.csv"), "이름,번호\n가,850315-2345678\n"), {}}};
        std::vector<AttachmentText> texts;
        for (const auto &a : m.attachments)
            texts.push_back(AttachmentText::read(a, m_dir.path()));
        const MessageChecker checker(defaultPolicy(), options());
        const auto result = checker.check(m, texts, testToday());
        QVERIFY(result.complete);
        QCOMPARE(detectors(result.verdict.findings),
                 QStringList({"subject/kr-rrn", "body/kr-phone", "attachment:명단.csv/kr-rrn"}));
        QCOMPARE(result.verdict.findings[0].finding.start, 7); // UTF-8 bytes into the subject: "번호 " is 7
        QCOMPARE(result.verdict.findings[2].finding.start, qsizetype(QByteArray("이름,번호\n가,").size()));
        QCOMPARE(result.verdict.level, VerdictLevel::Justify);
    }

    // A check takes the findings a reader scanned while the text arrived, when its own scanner
    // made them on these very bytes, and scans again otherwise. The early scan here is one no
    // scan would give (a finding in text that holds no number), so which one was used shows.
    void shouldUseAnEarlyScanOnlyWhenItIsTheChecksOwn()
    {
        OutgoingMessage m = toAllStaff(QStringLiteral("공지"), QStringLiteral("본문"));
        m.attachments = {{QStringLiteral("안내.docx"), QString(), QByteArray("PK")}};
        AttachmentText text;
        text.name = m.attachments.front().name;
        text.status = AttachmentText::Status::Text;
        text.append(TextPlace {}, "회의는 본관에서 열립니다");
        const MessageChecker checker(defaultPolicy(), options());
        ScanResult planted;
        planted.findings.push_back({QStringLiteral("kr-rrn"), Severity::High, 0.99, 0, 6, QStringLiteral("******")});
        const auto withEarlyScan = [&](const Scanner &scanner, bool complete) {
            AttachmentText copy = text;
            ScanResult result = planted;
            result.complete = complete;
            copy.earlyScan = std::make_shared<const AttachmentText::EarlyScan>(
                AttachmentText::EarlyScan {scanner.serial(), copy.utf8, result});
            return copy;
        };
        const auto found = [&](const AttachmentText &attachment) {
            const auto result = checker.check(m, {attachment}, testToday());
            return result.complete ? result.verdict.findings.size() : std::size_t(1000);
        };
        QCOMPARE(found(withEarlyScan(checker.scanner(), true)), std::size_t(1)); // taken
        QCOMPARE(found(withEarlyScan(SendGuard::Tests::testScanner(), true)), std::size_t(0)); // another scanner's
        QCOMPARE(found(withEarlyScan(checker.scanner(), false)), std::size_t(0)); // unfinished: scanned again
        AttachmentText changed = withEarlyScan(checker.scanner(), true);
        changed.utf8[0] = changed.utf8.at(0); // written to, even with the same byte: other bytes now
        QCOMPARE(found(changed), std::size_t(0));
    }

    void shouldKeepACustomPatternOverLongRunsLinear()
    {
        // The review's lint-clean detector: every long run it matches is rejected by the validator.
        // Searching again from each rejected match's start was quadratic (this 1 MB ran into the
        // 15 s budget); now the search goes on after a long rejected match.
        Policy policy = defaultPolicy();
        CustomDetector runs;
        runs.id = QStringLiteral("digit-run");
        runs.severity = Severity::High;
        runs.pattern = "[0-9](?:[0-9 ]*[0-9])?";
        runs.validator = QStringLiteral("rrn-date");
        runs.minDigits = 1;
        policy.customDetectors.push_back(runs);
        const MessageChecker checker(policy, Scanner::Options {testToday()});
        QVERIFY(checker.isValid());
        QString body;
        for (int i = 0; i < 170000; ++i)
            body += QStringLiteral("12345 ");
        const auto result = checker.check(toAllStaff(QStringLiteral("표"), body), {}, testToday());
        QVERIFY2(result.complete, qPrintable(result.error));
    }

    void shouldStopAScanAtItsBudget()
    {
        Scanner::Options options {testToday()};
        options.timeBudgetMs = 1;
        const MessageChecker checker(defaultPolicy(), options);
        QString body;
        for (int i = 0; i < 400000; ++i)
            body += QStringLiteral("850315-2345678 "); // 6 MB: far more than a millisecond's work
        const auto result = checker.check(toAllStaff(QStringLiteral("명단"), body), {}, testToday());
        QVERIFY(!result.complete); // never a clean result
        QVERIFY2(result.error.contains(QStringLiteral("longer than its budget")), qPrintable(result.error));
    }

    void shouldReadAttachmentsInTheirEncodings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        const QString text = QStringLiteral("신청인 주민등록번호: 850315-2345678\n");
        QStringEncoder cp949("CP949");
        QStringEncoder utf16(QStringConverter::Utf16LE);
        QTest::newRow("UTF-8 .txt") << "a.txt" << text.toUtf8() << int(AttachmentText::Status::Text) << "";
        QTest::newRow("UTF-8 with BOM .csv")
            << "a.CSV"
            << "\xEF\xBB\xBF" + text.toUtf8() << int(AttachmentText::Status::Text) << "";
        QTest::newRow("CP949 .csv") << "a.csv" << QByteArray(cp949(text)) << int(AttachmentText::Status::Text) << "";
        QTest::newRow("UTF-16LE .txt") << "a.txt"
                                       << "\xFF\xFE" + QByteArray(utf16(text)) << int(AttachmentText::Status::Text)
                                       << "";
        QTest::newRow("binary .txt") << "a.txt" << QByteArray("\x00\xFF\xFE\x81\x00\xFF", 6)
                                     << int(AttachmentText::Status::NotScanned) << "not UTF-8";
        QTest::newRow("a .docx") << "신청서.docx" << QByteArray("PK\x03\x04") << int(AttachmentText::Status::NotScanned)
                                 << "format not supported yet (.docx)";
    }

    void shouldReadAttachmentsInTheirEncodings()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, reason);
        const QString file = write(QStringLiteral("file-") + name, bytes);
        const AttachmentText text = AttachmentText::read({name, file, {}}, m_dir.path());
        QCOMPARE(int(text.status), status);
        QCOMPARE(text.name, name);
        QVERIFY2(text.reason.contains(reason), qPrintable(text.reason));
        if (text.status == AttachmentText::Status::Text) {
            QVERIFY(QString::fromUtf8(text.utf8).contains(QStringLiteral("주민등록번호: 850315-2345678")));
            // The same bytes handed over in memory, as a host does, give the same text.
            QCOMPARE(AttachmentText::read({name, QString(), bytes}, QString()).utf8, text.utf8);
        }
    }

    void shouldReportAMissingAttachmentAsUnreadable()
    {
        const AttachmentText text =
            AttachmentText::read({QStringLiteral("x.txt"), QStringLiteral("nowhere/x.txt"), {}}, m_dir.path());
        QCOMPARE(text.status, AttachmentText::Status::Unreadable);
        QVERIFY(text.reason.contains(QStringLiteral("nowhere/x.txt")));
    }

    // A file's name travels with it: a scan of a citizen's card saved under their number is found
    // though the picture cannot be read, and the clean note named after a person is found too.
    // Offsets are into the name; a date or a version in a name is nothing.
    void shouldScanTheNamesOfAttachments()
    {
        OutgoingMessage m = toAllStaff(QString(), QStringLiteral("첨부 참조"));
        m.attachments = {{QStringLiteral("홍길동_900101-1234568.txt"), QString(), QByteArray("접수 안내")},
                         {QStringLiteral("주민등록증 850315-2345678.jpg"), QString(), QByteArray("\xFF\xD8\xFF\xE0")},
                         {QStringLiteral("2024-11-08 보고서 v1.2.txt"), QString(), QByteArray("보고")}};
        std::vector<AttachmentText> texts;
        for (const MessageAttachment &attachment : m.attachments)
            texts.push_back(AttachmentText::read(attachment, QString()));
        const auto result = MessageChecker(defaultPolicy(), options()).check(m, texts, testToday());
        QVERIFY(result.complete);
        QCOMPARE(detectors(result.verdict.findings),
                 QStringList({"attachment:홍길동_900101-1234568.txt/kr-rrn",
                              "attachment:주민등록증 850315-2345678.jpg/kr-rrn"}));
        for (const MessageFinding &finding : result.verdict.findings)
            QCOMPARE(finding.place.describe(u"ko"), QStringLiteral("파일 이름"));
        QCOMPARE(result.verdict.findings[0].finding.start, qsizetype(QByteArray("홍길동_").size()));
        QCOMPARE(result.verdict.findings[0].finding.masked, QStringLiteral("900101-1******"));
        QCOMPARE(result.notScanned.size(), std::size_t(1)); // the picture's content still cannot be read
        QCOMPARE(result.verdict.level, VerdictLevel::Justify);
    }

    void shouldListAttachmentsItCouldNotScan()
    {
        OutgoingMessage m = toAllStaff(QString(), QStringLiteral("첨부 참조"));
        m.attachments = {{QStringLiteral("신청서.docx"), QString(), QByteArray("PK")}};
        const std::vector<AttachmentText> texts {AttachmentText::read(m.attachments[0], QString())};
        const auto result = MessageChecker(defaultPolicy(), options()).check(m, texts, testToday());
        QVERIFY(result.complete);
        QCOMPARE(result.notScanned.size(), std::size_t(1));
        QCOMPARE(result.notScanned[0].attachment, QStringLiteral("신청서.docx"));
    }

    // A roster exported on an old system with a byte damaged on the way: the registration number in
    // it is shown, and the file is named as read in part, never counted clean.
    void shouldShowWhatADamagedFileHoldsAndThatItWasReadInPart()
    {
        OutgoingMessage m = toAllStaff(QString(), QStringLiteral("첨부 참조"));
        QStringEncoder cp949("CP949");
        const QByteArray roster = cp949.encode(QStringLiteral("성명,주민등록번호\n홍길동,850315-2345678\n") +
                                               QStringLiteral("김철수,-\n").repeated(12)) +
            "\xFF\n";
        m.attachments = {{QStringLiteral("명단.csv"), QString(), roster}};
        const std::vector<AttachmentText> texts {AttachmentText::read(m.attachments[0], QString())};
        const auto result = MessageChecker(defaultPolicy(), options()).check(m, texts, testToday());
        QVERIFY(result.complete);
        QCOMPARE(detectors(result.verdict.findings), QStringList({"attachment:명단.csv/kr-rrn"}));
        QCOMPARE(result.notScanned.size(), std::size_t(1));
        QCOMPARE(result.notScanned[0].attachment, QStringLiteral("명단.csv"));
        QCOMPARE(result.notScanned[0].reason, QStringLiteral("1 byte is not CP949 text: read without it"));
        // As strict as for the same roster undamaged.
        OutgoingMessage whole = m;
        whole.attachments[0].data = roster.chopped(2);
        const std::vector<AttachmentText> wholeTexts {AttachmentText::read(whole.attachments[0], QString())};
        const auto wholeResult = MessageChecker(defaultPolicy(), options()).check(whole, wholeTexts, testToday());
        QVERIFY(wholeResult.notScanned.empty());
        QCOMPARE(result.verdict.level, wholeResult.verdict.level);
        QCOMPARE(result.verdict.findings.size(), wholeResult.verdict.findings.size());
    }

    // The organisation's own numbers and addresses are never findings, in whatever form they are written.
    void shouldDropAllowListedValues_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("found");
        const QStringList none;
        QTest::newRow("the office line") << "문의 032-440-2114" << none;
        QTest::newRow("the office line, no dashes") << "문의 0324402114" << none;
        QTest::newRow("the office line, international") << "문의 +82 32-440-2114" << none;
        QTest::newRow("the office line, full-width") << u"문의 ０３２-４４０-２１１４"_qs << none;
        QTest::newRow("another line") << "문의 032-440-2115" << QStringList {"body/kr-phone"};
        QTest::newRow("an address in the domain") << "메일 minwon@incheon.go.kr" << none;
        QTest::newRow("an address in a subdomain") << "메일 kim@seo.incheon.go.kr" << none;
        QTest::newRow("a look-alike domain") << "메일 kim@notincheon.go.kr" << QStringList {"body/email"};
        QTest::newRow("a listed address") << "메일 Help@Example.COM" << none;
        QTest::newRow("an unlisted address") << "메일 other@example.com" << QStringList {"body/email"};
        QTest::newRow("an RRN is never allow-listed") << "번호 850315-2345678" << QStringList {"body/kr-rrn"};
    }

    void shouldDropAllowListedValues()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, found);
        Policy policy = defaultPolicy();
        policy.allowList.phoneNumbers = {QStringLiteral("032-440-2114")};
        policy.allowList.domains = {QStringLiteral("incheon.go.kr")};
        policy.allowList.addresses = {QStringLiteral("help@example.com")};
        const auto result = MessageChecker(policy, options()).check(toAllStaff(QString(), body), {}, testToday());
        QVERIFY(result.complete);
        QCOMPARE(detectors(result.verdict.findings), found);
    }

    void shouldApplyDetectorSettings()
    {
        Policy policy = defaultPolicy();
        policy.detectorSettings.insert(QStringLiteral("kr-phone"), {true, Severity::High});
        policy.detectorSettings.insert(QStringLiteral("email"), {false, std::nullopt});
        const auto result =
            MessageChecker(policy, options())
                .check(toAllStaff(QString(), QStringLiteral("연락처 010-1234-5678, kim@korea.kr")), {}, testToday());
        QCOMPARE(detectors(result.verdict.findings), QStringList {"body/kr-phone"});
        QCOMPARE(result.verdict.findings[0].finding.severity, Severity::High);
        QCOMPARE(result.verdict.level, VerdictLevel::Justify); // a phone is now a high-severity item
    }

    // A policy's own detector, with its validator applied: only numbers that pass Luhn count.
    void shouldRunCustomDetectorsWithTheirValidator_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("found");
        QTest::newRow("valid member number") << "회원번호 7992-7398-713" << true;
        QTest::newRow("failing Luhn") << "회원번호 7992-7398-714" << false;
        QTest::newRow("inside a longer number") << "회원번호 17992-7398-713" << false;
        QTest::newRow("without its context word") << "번호 7992-7398-713" << false;
    }

    void shouldRunCustomDetectorsWithTheirValidator()
    {
        QFETCH(QString, body);
        QFETCH(bool, found);
        const QByteArray json = R"({"id":"t","version":1,"audience":{"memberThreshold":50,"audienceThreshold":50},
            "customDetectors":[{"id":"member-number","severity":"high","pattern":"\\d{4}-\\d{4}-\\d{3}",
            "validator":"luhn","contextRequired":true,"contextWords":["회원번호"],"minDigits":11,"minGroupDigits":3}],
            "rules":[{"id":"r","detectors":["member-number"],"audience":"broadcast","verdict":"block",
            "reason":{"ko":"가","en":"a"}}]})";
        const auto read = PolicyReader::read({json.constData(), std::size_t(json.size())}, testToday());
        QVERIFY(read.policy);
        const auto result = MessageChecker(*read.policy, options()).check(toAllStaff(QString(), body), {}, testToday());
        QVERIFY(result.complete);
        const bool any = !result.verdict.findings.empty();
        QCOMPARE(any, found);
        QCOMPARE(result.verdict.level, found ? VerdictLevel::Block : VerdictLevel::Allow);
        if (found)
            QCOMPARE(result.verdict.findings[0].finding.masked, QStringLiteral("79**-****-***"));
    }

    // A check that cannot finish is never an "allow": it says so, with who it would have reached.
    void shouldReportAnIncompleteCheck()
    {
        Scanner::Options starved = options();
        starved.regexMemoryBudget = 1024; // too little for any pattern set
        const MessageChecker checker(defaultPolicy(), starved);
        QVERIFY(!checker.isValid());
        const auto result =
            checker.check(toAllStaff(QString(), QStringLiteral("번호 850315-2345678")), {}, testToday());
        QVERIFY(!result.complete);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.verdict.findings.empty());
        QCOMPARE(result.verdict.audience.total.atLeast, 4812);
    }
};

QTEST_GUILESS_MAIN(MessageCheckerTest)
#include "messagecheckertest.moc"
