// SPDX-License-Identifier: GPL-2.0-or-later
// Scanning a stream in blocks gives what scanning the whole text gives.
#include "mixedtextfortests.h"
#include "scannerfortests.h"

#include "detectors/validators.h"
#include "scan/streamscanner.h"

#include <QTest>

#include <cstring>

using namespace SendGuard::Core;
using SendGuard::Tests::describeFindings;
using SendGuard::Tests::mixedScanText;
using SendGuard::Tests::testScanner;

namespace {

// A reader over `text` that hands out pieces of varying size, as a pipe or a slow disk would.
StreamScanner::Read readerOf(const std::string &text, std::size_t *position, std::uint32_t seed = 7)
{
    return [&text, position, seed](char *data, std::size_t capacity) mutable -> std::int64_t {
        seed = seed * 1664525u + 1013904223u;
        const std::size_t want = std::min<std::size_t>(capacity, 1 + (seed >> 8) % 70000);
        const std::size_t n = std::min(want, text.size() - *position);
        std::memcpy(data, text.data() + *position, n);
        *position += n;
        return static_cast<std::int64_t>(n);
    };
}

std::vector<Finding> streamed(const std::string &text, std::size_t blockBytes, StreamScanner::Result *result)
{
    std::vector<Finding> all;
    std::size_t position = 0;
    const StreamScanner scanner(testScanner(), blockBytes);
    std::uint64_t next = 0; // blocks come in order, one after the other
    *result = scanner.scan(readerOf(text, &position),
                           [&](std::string_view block, std::uint64_t offset, std::vector<Finding> &&findings) {
                               QCOMPARE(offset, next);
                               QVERIFY(text.compare(offset, block.size(), block) == 0);
                               next += block.size();
                               for (Finding &f : findings)
                                   all.push_back(std::move(f));
                           });
    return all;
}

} // namespace

class StreamScannerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindWhatAWholeScanFinds_data()
    {
        QTest::addColumn<int>("blockBytes");
        QTest::newRow("smallest blocks") << 4096;
        QTest::newRow("odd blocks") << 10007;
        QTest::newRow("64 KiB") << 65536;
    }

    void shouldFindWhatAWholeScanFinds()
    {
        QFETCH(int, blockBytes);
        const std::string text = mixedScanText(600 * 1024);
        const ScanResult whole = testScanner().scan(std::string_view(text));
        QVERIFY(whole.complete);
        QVERIFY(whole.findings.size() > 1000);
        StreamScanner::Result result;
        const std::vector<Finding> blocks = streamed(text, std::size_t(blockBytes), &result);
        QVERIFY2(result.complete, qPrintable(result.error));
        QCOMPARE(result.bytes, std::uint64_t(text.size()));
        QCOMPARE(result.findings, blocks.size());
        QCOMPARE(describeFindings(blocks), describeFindings(whole.findings));
    }

    // A roster without a header or names, whose numbers count by the rows around them
    // (PersonEvidence looks no further than a block's overlap): the same findings streamed.
    void shouldFindAHeaderlessRosterAsAWholeScanDoes()
    {
        std::string text;
        int rows = 0;
        for (int i = 0; rows < 3000; ++i) {
            char number[16];
            std::snprintf(number, sizeof number, "%02d%02d%02d%c%06d", (i * 7) % 90 + 10, i % 12 + 1, i % 28 + 1,
                          i % 2 ? '1' : '2', (i * 7919) % 1000000);
            std::string digits(number);
            // A check digit that fails, as for every number issued since 2020.
            if (Validators::rrnCheckDigitMatches(digits))
                continue;
            text += std::to_string(++rows) + (i % 5 ? " " : "\t") + digits + " 서울 중구\n";
        }
        const ScanResult whole = testScanner().scan(std::string_view(text));
        QCOMPARE(whole.findings.size(), std::size_t(rows));
        StreamScanner::Result result;
        QCOMPARE(describeFindings(streamed(text, 4096, &result)), describeFindings(whole.findings));
        QVERIFY(result.complete);
    }

    // A line longer than MaxLineBytes is cut after a comma, where no built-in layout reaches.
    void shouldCutLongLinesWhereNoIdentifierSpans()
    {
        std::string text;
        while (text.size() < StreamScanner::MaxLineBytes * 3)
            text += "목록 010-3456-7890, 주민등록번호 900101-1234567, ";
        const ScanResult whole = testScanner().scan(std::string_view(text));
        StreamScanner::Result result;
        const std::vector<Finding> blocks = streamed(text, 65536, &result);
        QVERIFY2(result.complete, qPrintable(result.error));
        QCOMPARE(describeFindings(blocks), describeFindings(whole.findings));
    }

    void shouldFinishALongLineWithNothingToCutAfter()
    {
        std::string text;
        while (text.size() < StreamScanner::MaxLineBytes * 2 + 5)
            text += "가나다라마바사";
        StreamScanner::Result result;
        const std::vector<Finding> blocks = streamed(text, 65536, &result);
        QVERIFY(result.complete);
        QCOMPARE(result.bytes, std::uint64_t(text.size()));
        QVERIFY(blocks.empty());
    }

    void shouldStopAtInvalidUtf8AndSayWhere()
    {
        std::string text = mixedScanText(200 * 1024);
        const std::size_t bad = text.find('\n', 150000); // a byte of its own, not inside a character
        text[bad] = '\xFF';
        std::vector<Finding> handed;
        StreamScanner::Result result;
        handed = streamed(text, 4096, &result);
        QVERIFY(!result.complete);
        QVERIFY2(result.error.contains(QString::number(bad)), qPrintable(result.error));
        QVERIFY(!handed.empty());
        for (const Finding &f : handed)
            QVERIFY(std::size_t(f.end) <= bad); // nothing past the bad byte was handed on

        std::size_t position = 0;
        const StreamScanner::Result checked = StreamScanner(testScanner(), 4096).validate(readerOf(text, &position));
        QVERIFY(!checked.complete);
        QCOMPARE(checked.bytes, std::uint64_t(bad));
    }

    void shouldReportAReadError()
    {
        std::size_t calls = 0;
        const StreamScanner::Result result = StreamScanner(testScanner(), 4096)
                                                 .scan(
                                                     [&calls](char *data, std::size_t capacity) -> std::int64_t {
                                                         if (++calls > 3)
                                                             return -1;
                                                         std::memset(data, 'a', std::min<std::size_t>(capacity, 1000));
                                                         return std::int64_t(std::min<std::size_t>(capacity, 1000));
                                                     },
                                                     [](std::string_view, std::uint64_t, std::vector<Finding> &&) {});
        QVERIFY(!result.complete);
        QVERIFY(result.error.contains(QLatin1String("read error")));
    }

    void shouldScanAnEmptyStream()
    {
        StreamScanner::Result result;
        QVERIFY(streamed(std::string(), 4096, &result).empty());
        QVERIFY(result.complete);
        QCOMPARE(result.bytes, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(StreamScannerTest)
#include "streamscannertest.moc"
