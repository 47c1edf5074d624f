// SPDX-License-Identifier: GPL-2.0-or-later
// Scanning a text as it arrives, piece by piece, gives what scanning the whole text gives.
#include "mixedtextfortests.h"
#include "scannerfortests.h"

#include "scan/growingtextscanner.h"
#include "scan/textblocks.h"

#include <QTest>

#include <algorithm>

using namespace SendGuard::Core;
using SendGuard::Tests::describeFindings;
using SendGuard::Tests::mixedScanText;
using SendGuard::Tests::testScanner;

namespace {

// The text arriving in pieces of varying size, as a helper's pipe hands them on, scanned after
// each piece.
ScanResult scannedAsItArrives(const std::string &text, std::size_t blockBytes, std::uint32_t seed = 7,
                              const Scanner &scanner = testScanner())
{
    GrowingTextScanner growing(scanner, blockBytes);
    std::size_t arrived = 0;
    while (arrived < text.size()) {
        seed = seed * 1664525u + 1013904223u;
        arrived = std::min(text.size(), arrived + 1 + (seed >> 8) % 70000);
        growing.advance(std::string_view(text).substr(0, arrived));
    }
    return growing.finish(text);
}

} // namespace

class GrowingTextScannerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindWhatAWholeScanFinds_data()
    {
        QTest::addColumn<int>("blockBytes");
        QTest::addColumn<int>("seed");
        QTest::newRow("smallest blocks") << 4096 << 7;
        QTest::newRow("odd blocks") << 10007 << 11;
        QTest::newRow("64 KiB") << 65536 << 13;
        QTest::newRow("default") << int(GrowingTextScanner::DefaultBlockBytes) << 17;
    }

    void shouldFindWhatAWholeScanFinds()
    {
        QFETCH(int, blockBytes);
        QFETCH(int, seed);
        const std::string text = mixedScanText(600 * 1024);
        const ScanResult whole = testScanner().scan(std::string_view(text));
        QVERIFY(whole.complete);
        QVERIFY(whole.findings.size() > 1000);
        const ScanResult growing = scannedAsItArrives(text, std::size_t(blockBytes), std::uint32_t(seed));
        QVERIFY2(growing.complete, qPrintable(growing.error));
        QCOMPARE(describeFindings(growing.findings), describeFindings(whole.findings));
    }

    // All of it at once, with no advance(): the whole scan, in one block.
    void shouldScanEverythingAtTheEnd()
    {
        const std::string text = mixedScanText(100 * 1024);
        GrowingTextScanner growing(testScanner());
        const ScanResult result = growing.finish(text);
        QVERIFY(result.complete);
        QCOMPARE(describeFindings(result.findings),
                 describeFindings(testScanner().scan(std::string_view(text)).findings));
    }

    // A line longer than MaxLineBytes is cut after a comma, where no built-in layout reaches.
    void shouldCutLongLinesWhereNoIdentifierSpans()
    {
        std::string text;
        while (text.size() < TextBlocks::MaxLineBytes * 3)
            text += "목록 010-3456-7890, 주민등록번호 900101-1234567, ";
        const ScanResult growing = scannedAsItArrives(text, 65536);
        QVERIFY(growing.complete);
        QCOMPARE(describeFindings(growing.findings),
                 describeFindings(testScanner().scan(std::string_view(text)).findings));
    }

    // A policy's detector that needs no digits runs over the whole text, and its match may span
    // any block's end (here: a marked passage of several lines, longer than a block's context).
    // Such a scanner's text is scanned whole at the end.
    void shouldScanWholeWithADetectorThatRunsOverTheWholeText()
    {
        const DetectorSpec passage {.id = QStringLiteral("secret-passage"),
                                    .severity = Severity::High,
                                    .description = QStringLiteral("test"),
                                    .priority = 1,
                                    .trigger = Trigger::Anywhere,
                                    .minDigits = 0,
                                    .boundary = Boundary::Alphanumeric,
                                    .patterns = {{"(?s)대외비.*?대외비 끝", ContextRule::NotNeeded, 0.9}}};
        std::vector<DetectorSpec> detectors = builtInDetectors();
        detectors.push_back(passage);
        const Scanner scanner(std::move(detectors), Scanner::Options {SendGuard::Tests::testToday()});
        QVERIFY2(scanner.isValid(), qPrintable(scanner.errorString()));
        QVERIFY(scanner.scansWholeText());
        QVERIFY(!testScanner().scansWholeText());
        std::string text = mixedScanText(40 * 1024) + "대외비\n";
        for (int i = 0; i < 200; ++i)
            text += "기록 내용 " + std::to_string(i) + "\n";
        text += "대외비 끝\n" + mixedScanText(10 * 1024);
        const ScanResult whole = scanner.scan(std::string_view(text));
        QVERIFY(std::any_of(whole.findings.begin(), whole.findings.end(),
                            [](const Finding &f) { return f.detector == QLatin1String("secret-passage"); }));
        const ScanResult growing = scannedAsItArrives(text, 4096, 7, scanner);
        QVERIFY(growing.complete);
        QCOMPARE(describeFindings(growing.findings), describeFindings(whole.findings));
    }

    void shouldScanAnEmptyText()
    {
        GrowingTextScanner growing(testScanner());
        growing.advance({});
        const ScanResult result = growing.finish({});
        QVERIFY(result.complete);
        QVERIFY(result.findings.empty());
    }

    // A scan that cannot finish (here: a scanner whose patterns did not fit their memory budget)
    // is never clean, and nothing found before it counts.
    void shouldGiveNoFindingsWhenABlockCannotBeScanned()
    {
        const Scanner scanner(builtInDetectors(), Scanner::Options {SendGuard::Tests::testToday(), 4 * 1024});
        QVERIFY(!scanner.isValid());
        const ScanResult result = scannedAsItArrives(mixedScanText(200 * 1024), 4096, 7, scanner);
        QVERIFY(!result.complete);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.findings.empty());
    }
};

QTEST_GUILESS_MAIN(GrowingTextScannerTest)
#include "growingtextscannertest.moc"
