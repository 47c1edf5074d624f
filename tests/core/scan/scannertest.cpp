// SPDX-License-Identifier: GPL-2.0-or-later
// The scanner as a whole: offsets, failure reporting, thread safety and large inputs.
#include "scannerfortests.h"

#include "scan/redactor.h"

#include <QTest>

#include <thread>

using namespace SendGuard::Core;
using SendGuard::Tests::testScanner;
using SendGuard::Tests::testToday;

namespace {

std::size_t countOf(const ScanResult &result, const char *detector)
{
    return static_cast<std::size_t>(
        std::count_if(result.findings.begin(), result.findings.end(),
                      [&](const Finding &f) { return f.detector == QLatin1String(detector); }));
}

DetectorSpec customDetector(const std::string &regex)
{
    return {.id = QStringLiteral("custom"),
            .severity = Severity::Medium,
            .description = QStringLiteral("test"),
            .priority = 1,
            .trigger = Trigger::DigitRun,
            .minDigits = 7,
            .boundary = Boundary::Digits,
            .patterns = {{regex, ContextRule::NotNeeded, 0.5}}};
}

} // namespace

QStringList s_logged; // every Qt message emitted while a test's handler is installed

void recordMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_logged << message;
}

class ScannerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReportUtf8ByteOffsetsIntoTheOriginal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::newRow("ascii") << "id 900101-1234567." << 3 << 17;
        QTest::newRow("after hangul") << u"번호 900101-1234567"_qs << 7 << 21;
        QTest::newRow("full-width digits are 3 bytes each") << u"번호 ９００１０１－１２３４５６７"_qs << 7 << 49;
        QTest::newRow("zero-width inside stays inside") << u"9001\u200B01-1234567"_qs << 0 << 17;
        QTest::newRow("zero-width around stays outside") << u"\u200B900101-1234567\u200B"_qs << 3 << 17;
    }
    void shouldReportUtf8ByteOffsetsIntoTheOriginal()
    {
        QFETCH(QString, text);
        QFETCH(int, start);
        QFETCH(int, end);
        const std::string bytes = text.toStdString();
        const ScanResult result = testScanner().scan(std::string_view(bytes));
        QCOMPARE(result.findings.size(), std::size_t(1));
        QCOMPARE(result.findings[0].start, start);
        QCOMPARE(result.findings[0].end, end);
    }

    void shouldReportUtf16OffsetsForQtStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("span");
        QTest::newRow("after hangul") << u"번호 900101-1234567 입니다"_qs << "900101-1234567";
        QTest::newRow("after an emoji (surrogate pair)") << u"\U0001F600 번호 900101-1234567"_qs << "900101-1234567";
        QTest::newRow("two findings after emoji")
            << u"\U0001F4DE 010-1234-5678 \U0001F4E7 a@korea.kr"_qs << "010-1234-5678";
        QTest::newRow("full-width") << u"가 ９００１０１－１２３４５６７ 나"_qs << u"９００１０１－１２３４５６７"_qs;
    }
    void shouldReportUtf16OffsetsForQtStrings()
    {
        QFETCH(QString, text);
        QFETCH(QString, span);
        const ScanResult result = testScanner().scan(QStringView(text));
        QVERIFY(!result.findings.empty());
        const Finding &first = result.findings.front();
        QCOMPARE(text.mid(first.start, first.end - first.start), span);
        for (const Finding &f : result.findings)
            QVERIFY(f.end <= text.size());
    }

    void shouldReturnFindingsSortedAndDisjoint()
    {
        const QString text = u"010-1234-5678 900101-1234567 kim@korea.kr 4111-1111-1111-1111 900101-1******"_qs;
        const ScanResult result = testScanner().scan(QStringView(text));
        QCOMPARE(result.findings.size(), std::size_t(5));
        for (std::size_t i = 1; i < result.findings.size(); ++i)
            QVERIFY(result.findings[i - 1].end <= result.findings[i].start);
    }

    void shouldFindNothingInEmptyOrPlainText()
    {
        QVERIFY(testScanner().scan(std::string_view()).isClean());
        QVERIFY(testScanner().scan(QStringView(u"안녕하세요. 회의 자료를 공유합니다."_qs)).isClean());
    }

    void shouldUseContextOnlyNearTheNumber()
    {
        const QString filler(40, QChar(u'가')); // 120 bytes of Hangul
        const QString near = u"주민등록번호 9001011234567"_qs;
        const QString far = u"주민등록번호 "_qs + filler + u" 9001011234567"_qs;
        QCOMPARE(testScanner().scan(QStringView(near)).findings.size(), std::size_t(1));
        QVERIFY(testScanner().scan(QStringView(far)).findings.empty());
    }

    void shouldRejectBirthDatesAfterToday()
    {
        const Scanner before(builtInDetectors(), Scanner::Options {QDate(2026, 11, 25)});
        const std::string text = "261126-3234567";
        QVERIFY(before.scan(std::string_view(text)).findings.empty());
        QCOMPARE(testScanner().scan(std::string_view(text)).findings.size(), std::size_t(1));
    }

    void shouldBeInvalidWhenAPatternDoesNotCompile()
    {
        const Scanner scanner({customDetector("(unclosed")}, Scanner::Options {testToday()});
        QVERIFY(!scanner.isValid());
        QVERIFY(scanner.errorString().contains(QLatin1String("custom")));
        const ScanResult result = scanner.scan(std::string_view("900101-1234567"));
        QVERIFY(!result.complete);
        QVERIFY(!result.isClean());
        QVERIFY(!result.error.isEmpty());
    }

    // A policy's pattern that can run over the separator between two regions ("\\D+") is matched
    // within each region: what it finds in one region may not depend on the regions batched with
    // it. Greedy, it first runs from the first number to the second, across the separator, and
    // once hid the first number (found by a review).
    void shouldMatchAPolicyPatternWithinEachRegion()
    {
        const Scanner scanner({customDetector("\\d{7}(?:\\D+\\d{7})?")}, Scanner::Options {testToday()});
        QVERIFY(scanner.isValid());
        std::string prose;
        for (int i = 0; i < 200; ++i)
            prose += "가";
        const std::string text = "1234567 " + prose + " 7654321";
        const ScanResult alone = scanner.scan(std::string_view("1234567"));
        QCOMPARE(alone.findings.size(), std::size_t(1));
        const ScanResult result = scanner.scan(text);
        QVERIFY(result.complete);
        QCOMPARE(result.findings.size(), std::size_t(2));
        QCOMPARE(result.findings[0].start, qsizetype(0));
        QCOMPARE(result.findings[0].end, qsizetype(7));
        QCOMPARE(result.findings[1].end, qsizetype(text.size()));
    }

    // A match that runs through many regions (".*" takes the separators, and a line without a
    // break is all one match) leaves each of them to be searched alone: every number is found.
    void shouldFindAPolicyMatchInEveryRegionALongMatchRanThrough()
    {
        const Scanner scanner({customDetector("\\d{7}.*")}, Scanner::Options {testToday()});
        std::string gap;
        for (int i = 0; i < 30; ++i)
            gap += "가";
        std::string text;
        for (int i = 0; i < 50; ++i)
            text += std::to_string(2345600 + i) + " " + gap + " ";
        const ScanResult result = scanner.scan(text);
        QVERIFY(result.complete);
        QCOMPARE(result.findings.size(), std::size_t(50));
        for (int i = 0; i < 50; ++i)
            QCOMPARE(text.substr(std::size_t(result.findings[std::size_t(i)].start), 7), std::to_string(2345600 + i));
    }

    // Inputs a review found: a pattern anchored at the end, and one whose match took the separator
    // after its region, were judged against the wrong region (a finding in the prose between two
    // regions; with a full-width digit, an offset read far outside the text and a crash).
    void shouldJudgeAPolicyMatchOnlyWithinItsRegion_data()
    {
        QTest::addColumn<QString>("regex");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("alone"); // the first region with what follows it, scanned alone
        const QString gap = u" "_qs + QString(u"가"_qs).repeated(40) + u" "_qs;
        QTest::newRow("anchored at the end")
            << u"\\d{7}\\D+\\d{7}\\D*$"_qs << u"1111111"_qs + gap + u"2222222"_qs + gap + u"3333333"_qs
            << u"1111111"_qs + gap;
        QTest::newRow("anchored, full-width digit")
            << u"\\d{7}\\D+\\d{7}\\D*$"_qs << u"1111111"_qs + gap + u"222222２"_qs + gap + u"3333333"_qs
            << u"1111111"_qs + gap;
        QTest::newRow("into the separator")
            << u"\\d{7}[^가-힣]*"_qs << u"1111111 ,,,,,,,"_qs + gap + u"2222222"_qs << u"1111111 ,,,,,,,"_qs + gap;
        QTest::newRow("into the separator, full-width digit")
            << u"\\d{7}[^가-힣]*"_qs << u"111111１ ,,,,,,,"_qs + gap + u"2222222"_qs << u"111111１ ,,,,,,,"_qs + gap;
    }

    void shouldJudgeAPolicyMatchOnlyWithinItsRegion()
    {
        QFETCH(QString, regex);
        QFETCH(QString, text);
        QFETCH(QString, alone);
        const Scanner scanner({customDetector(regex.toStdString())}, Scanner::Options {testToday()});
        const ScanResult result = scanner.scan(QStringView(text));
        const ScanResult first = scanner.scan(QStringView(alone));
        QVERIFY(result.complete && first.complete);
        std::vector<Finding> inFirst;
        for (const Finding &f : result.findings) {
            QVERIFY(f.start >= 0 && f.start < f.end && f.end <= text.size());
            QVERIFY2(text.mid(f.start, 1).at(0).isDigit(), qPrintable(text.mid(f.start, f.end - f.start)));
            if (f.end <= alone.size())
                inFirst.push_back(f);
        }
        QCOMPARE(inFirst.size(), first.findings.size());
        for (std::size_t i = 0; i < inFirst.size(); ++i) {
            QCOMPARE(inFirst[i].start, first.findings[i].start);
            QCOMPARE(inFirst[i].end, first.findings[i].end);
        }
    }

    // "$" in a policy's pattern is the end of the text, not of a region nor of a batch: the same
    // two numbers, in one batch or in two, give the same finding (a third review's input).
    void shouldAnchorAPolicyPatternAtTheEndOfTheText()
    {
        const Scanner scanner({customDetector("\\d{7}\\D*$")}, Scanner::Options {testToday()});
        const auto findingsWith = [&](std::size_t fillerCharacters) {
            std::string text = "1234567 abc ";
            for (std::size_t i = 0; i < fillerCharacters; ++i)
                text += "가";
            text += " 7654321 끝";
            const ScanResult result = scanner.scan(text);
            QVERIFY(result.complete);
            QCOMPARE(result.findings.size(), std::size_t(1));
            const Finding &f = result.findings.front();
            QCOMPARE(text.substr(std::size_t(f.start)), std::string("7654321 끝"));
        };
        findingsWith(40); // one batch
        findingsWith(100 * 1024); // 300 KiB apart: two batches
    }

    void shouldNeverReportCleanWhenPatternsExceedTheMemoryBudget()
    {
        const Scanner scanner(builtInDetectors(), Scanner::Options {testToday(), 4 * 1024});
        QVERIFY(!scanner.isValid());
        const ScanResult result = scanner.scan(std::string_view("900101-1234567"));
        QVERIFY(!result.complete);
        QVERIFY(!result.isClean());
    }

    // RE2 20220601 resets a full DFA cache rather than fail, so a failure inside the scan is
    // provoked through a validator: whatever throws during a scan makes it incomplete, never clean.
    void shouldReportIncompleteWhenScanningFails_data()
    {
        QTest::addColumn<bool>("outOfMemory");
        QTest::newRow("out of memory") << true;
        QTest::newRow("internal error") << false;
    }
    void shouldReportIncompleteWhenScanningFails()
    {
        QFETCH(bool, outOfMemory);
        DetectorSpec failing = customDetector("\\d{6}-\\d{7}");
        failing.validate =
            outOfMemory ? [](std::string_view, const ValidationContext &) -> Validation { throw std::bad_alloc(); }
        : [](std::string_view, const ValidationContext &) -> Validation { throw std::runtime_error("boom"); };
        const Scanner scanner({failing}, Scanner::Options {testToday()});
        QVERIFY(scanner.isValid());
        const ScanResult result = scanner.scan(std::string_view("900101-1234567"));
        QVERIFY(!result.complete);
        QVERIFY(!result.isClean());
        QVERIFY(result.findings.empty());
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!result.error.contains(QLatin1String("1234567")));
    }

    // A policy's pattern that could run on past its region (".", "\\D") never reports a match
    // that ends in another region, far away in the text.
    void shouldKeepAPolicyMatchInsideItsRegion()
    {
        const Scanner scanner({customDetector("\\d{7}.{0,300}")}, Scanner::Options {testToday()});
        QString text = u"번호 1234567\u00A0끝"_qs;
        for (int i = 0; i < 40; ++i)
            text += u"가"_qs;
        text += u" 7654321 끝"_qs;
        const ScanResult result = scanner.scan(QStringView(text));
        QVERIFY(result.complete);
        // The first match would run through the gap into the second region: it is matched again
        // within its own region, and ends there; the second stays in its region as it is.
        QCOMPARE(result.findings.size(), std::size_t(2));
        const Finding &first = result.findings.front();
        QVERIFY(text.mid(first.start, first.end - first.start).startsWith(u"1234567\u00A0끝"_qs));
        QVERIFY(first.end < text.indexOf(u"7654321"_qs));
        const Finding &second = result.findings.back();
        QCOMPARE(text.mid(second.start, second.end - second.start), u"7654321 끝"_qs);
    }

    // RE2 looks for addresses only in the regions with an '@' (a full-width '＠' too): every address
    // between numbers, in regions of their own and inside a number's region, is still found.
    void shouldFindAddressesInEveryRegionThatHasOne()
    {
        const QString gap = QString(u"가"_qs).repeated(60);
        const QString text = u"kim@korea.kr "_qs + gap + u" 010-1234-5678 "_qs + gap + u" lee＠seoul.go.kr "_qs + gap +
            u" 010-2345-6789 park@busan.kr 900101-1234567 "_qs + gap + u" choi@daegu.kr"_qs;
        const ScanResult result = testScanner().scan(QStringView(text));
        QVERIFY(result.complete);
        QStringList addresses;
        for (const Finding &f : result.findings) {
            if (f.detector == u"email"_qs)
                addresses << text.mid(f.start, f.end - f.start);
        }
        QCOMPARE(addresses,
                 (QStringList {u"kim@korea.kr"_qs, u"lee＠seoul.go.kr"_qs, u"park@busan.kr"_qs, u"choi@daegu.kr"_qs}));
    }

    void shouldScanWithNoDetectors()
    {
        const Scanner scanner({}, Scanner::Options {testToday()});
        QVERIFY(scanner.isValid());
        QVERIFY(scanner.scan(std::string_view("900101-1234567")).isClean());
    }

    void shouldGiveTheSameAnswerFromManyThreads()
    {
        QString text;
        for (int i = 0; i < 200; ++i)
            text += u"신청인 900101-1234567, 연락처 010-1234-5678, kim@korea.kr 입니다.\n"_qs;
        const std::string bytes = text.toStdString();
        const ScanResult expected = testScanner().scan(std::string_view(bytes));
        QCOMPARE(expected.findings.size(), std::size_t(600));
        std::vector<std::thread> threads;
        std::atomic<int> mismatches = 0;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 20; ++i) {
                    if (testScanner().scan(std::string_view(bytes)).findings != expected.findings)
                        ++mismatches;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(mismatches.load(), 0);
    }

    // Whatever a scan goes through, it logs nothing of what it saw: not the value, not its digits.
    void shouldNeverLogWhatItFinds()
    {
        const std::string canaries = "신청인 850315-2468013 연락 010-3141-5926 카드 4929-7031-5862-4188 "
                                     "kim.canary@korea.kr 9104251357924";
        s_logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(recordMessage);
        const ScanResult found = testScanner().scan(std::string_view(canaries));
        const Scanner broken({customDetector("(")}, Scanner::Options {testToday()});
        const ScanResult refused = broken.scan(std::string_view(canaries));
        DetectorSpec throwing = customDetector("\\d{6}-\\d{7}");
        throwing.validate = [](std::string_view, const ValidationContext &) -> Validation {
            throw std::runtime_error("850315-2468013");
        };
        const ScanResult failed = Scanner({throwing}, Scanner::Options {testToday()}).scan(std::string_view(canaries));
        qInstallMessageHandler(previous);
        // The bare 9104251357924 counts too: a mobile number stands on its line.
        QCOMPARE(found.findings.size(), std::size_t(5));
        QVERIFY(!refused.complete && !failed.complete);
        for (const QString &text : QStringList {refused.error, failed.error} + s_logged) {
            for (const char *secret : {"2468013", "3141", "7031-5862", "canary", "1357924"})
                QVERIFY2(!text.contains(QLatin1String(secret)), qPrintable(text));
        }
        QVERIFY2(s_logged.isEmpty(), qPrintable(s_logged.join(QLatin1Char('\n'))));
    }

    // 50 MB with an identifier every ~10 KB: completes and finds every one (linear work; the
    // benchmark measures the speed).
    void shouldScanFiftyMegabytes()
    {
        const std::string paragraph =
            QStringLiteral("민원 처리 결과를 알려 드립니다. 2024년 6월 11일 접수된 건은 "
                           "서구청 주택과에서 검토하였습니다. 문의는 담당 부서로 해 주십시오. ")
                .toStdString();
        std::string text;
        text.reserve(50u << 20);
        std::size_t planted = 0;
        while (text.size() < (50u << 20)) {
            text += paragraph;
            if (text.size() / 10240 > planted) {
                text += "신청인 900101-1234567 ";
                ++planted;
            }
        }
        const ScanResult result = testScanner().scan(std::string_view(text));
        QVERIFY(result.complete);
        QCOMPARE(countOf(result, "kr-rrn"), planted);
        QCOMPARE(result.findings.size(), planted);
    }

    // Random messages built from the pieces identifiers are made of (digits ASCII and full-width,
    // separators, zero-width characters, masks, letters, '@', Hangul, line breaks): whatever comes
    // in, a scan completes and its findings are well-formed, the UTF-16 scan agrees with the UTF-8
    // one, and nothing sensitive survives redaction repeated until nothing changes.
    void shouldKeepItsPromisesOnRandomText()
    {
        const QStringList pieces {QStringLiteral("0"),
                                  QStringLiteral("1"),
                                  QStringLiteral("9"),
                                  QStringLiteral("5"),
                                  u"７"_qs,
                                  QStringLiteral("-"),
                                  u"－"_qs,
                                  u"\u2013"_qs,
                                  QStringLiteral(" "),
                                  u"\u00A0"_qs,
                                  u"\u200B"_qs,
                                  QStringLiteral("."),
                                  QStringLiteral("*"),
                                  u"●"_qs,
                                  QStringLiteral("M"),
                                  QStringLiteral("x"),
                                  QStringLiteral("@"),
                                  QStringLiteral("kr"),
                                  QStringLiteral("("),
                                  QStringLiteral(")"),
                                  QStringLiteral("+82"),
                                  u"번호"_qs,
                                  u"서울"_qs,
                                  u"주민등록번호"_qs,
                                  u"계좌"_qs,
                                  u"여권"_qs,
                                  QStringLiteral("\n"),
                                  QStringLiteral(","),
                                  u"\U0001F600"_qs,
                                  QStringLiteral("010"),
                                  QStringLiteral("900101"),
                                  QStringLiteral("900101-1234567"),
                                  QStringLiteral("010-1234-5678"),
                                  QStringLiteral("kim@korea.kr"),
                                  QStringLiteral("4111-1111-1111-1111"),
                                  u"９００１０１－２３４５６７８"_qs,
                                  QStringLiteral("M12345678")};
        std::uint32_t state = 20261126;
        const auto next = [&state](std::uint32_t below) {
            state = state * 1664525u + 1013904223u;
            return (state >> 8) % below;
        };
        std::size_t found = 0;
        for (int round = 0; round < 3000; ++round) {
            QString text;
            const int length = 1 + static_cast<int>(next(60));
            for (int i = 0; i < length; ++i)
                text += pieces[static_cast<int>(next(static_cast<std::uint32_t>(pieces.size())))];
            const std::string bytes = text.toStdString();
            const ScanResult utf8 = testScanner().scan(std::string_view(bytes));
            const ScanResult utf16 = testScanner().scan(QStringView(text));
            QVERIFY2(utf8.complete && utf16.complete, qPrintable(text));
            QCOMPARE(utf8.findings.size(), utf16.findings.size());
            found += utf8.findings.size();
            qsizetype previousEnd = 0;
            for (std::size_t i = 0; i < utf8.findings.size(); ++i) {
                const Finding &f = utf8.findings[i];
                QVERIFY2(f.start >= previousEnd && f.start < f.end && f.end <= qsizetype(bytes.size()),
                         qPrintable(text));
                QVERIFY((static_cast<unsigned char>(bytes[std::size_t(f.start)]) & 0xC0) != 0x80);
                QVERIFY(f.end == qsizetype(bytes.size()) ||
                        (static_cast<unsigned char>(bytes[std::size_t(f.end)]) & 0xC0) != 0x80);
                QVERIFY(!f.masked.isEmpty());
                previousEnd = f.end;
                const Finding &g = utf16.findings[i];
                QCOMPARE(g.detector, f.detector);
                QCOMPARE(g.masked, f.masked);
                QCOMPARE(text.mid(g.start, g.end - g.start).toStdString(),
                         bytes.substr(std::size_t(f.start), std::size_t(f.end - f.start)));
            }
            // Masking can free a neighbour that was glued to a finding ("８M12345678" becomes
            // "*M12345678"), which is why mask-and-send checks the masked text again: a second
            // round must leave nothing but already-masked numbers.
            QString redacted = Redactor::redact(text, utf16.findings);
            for (int pass = 0; pass < 2; ++pass)
                redacted = Redactor::redact(redacted, testScanner().scan(QStringView(redacted)).findings);
            for (const Finding &f : testScanner().scan(QStringView(redacted)).findings)
                QVERIFY2(f.severity == Severity::Low, qPrintable(text + QStringLiteral(" -> ") + f.detector));
        }
        qInfo("%zu findings in 3000 random messages", found);
        QVERIFY(found > 2000); // the pieces do make identifiers: the checks above ran on real findings
    }

    void shouldSurviveAdversarialInputs_data()
    {
        QTest::addColumn<QByteArray>("unit");
        QTest::addColumn<int>("repeat");
        QTest::newRow("one endless digit run") << QByteArray("1") << (8 << 20);
        QTest::newRow("digits and spaces") << QByteArray("1 ") << (4 << 20);
        QTest::newRow("digits and hyphens") << QByteArray("01-") << (3 << 20);
        QTest::newRow("at signs") << QByteArray("a@b.") << (2 << 20);
        QTest::newRow("stars") << QByteArray("*") << (8 << 20);
        QTest::newRow("full-width digits") << QStringLiteral("０").toUtf8() << (3 << 20);
        QTest::newRow("zero-width between digits") << QStringLiteral("1\u200B").toUtf8() << (2 << 20);
    }
    void shouldSurviveAdversarialInputs()
    {
        QFETCH(QByteArray, unit);
        QFETCH(int, repeat);
        const QByteArray text = unit.repeated(repeat);
        const ScanResult result = testScanner().scan(std::string_view(text.constData(), text.size()));
        QVERIFY(result.complete);
        for (const Finding &f : result.findings)
            QVERIFY(f.start < f.end && f.end <= text.size());
    }
};

QTEST_GUILESS_MAIN(ScannerTest)
#include "scannertest.moc"
