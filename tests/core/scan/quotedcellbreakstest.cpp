// SPDX-License-Identifier: GPL-2.0-or-later
// The line breaks inside a CSV file's quoted cells read as spaces: by RFC 4180's rules, the same
// whether the file comes whole or in pieces of any size, and a file whose rows only a reading of
// quoted cells keeps together is scanned with its column headers.
#include "scannerfortests.h"

#include "scan/quotedcellbreaks.h"
#include "scan/streamscanner.h"

#include <QTest>

#include <cstring>
#include <random>

using namespace SendGuard::Core;
using SendGuard::Tests::testScanner;

namespace {

std::string blanked(std::string text)
{
    QuotedCellBreaks::blank(text.data(), text.size());
    return text;
}

// Reads text through QuotedCellBreaks::reading in pieces of random size; lineFeeds gets where
// the blanked line feeds were.
std::string readInPieces(const std::string &text, std::uint32_t seed, std::deque<std::uint64_t> *lineFeeds,
                         std::size_t largestPiece = 700)
{
    std::mt19937 random(seed);
    std::size_t position = 0;
    const StreamScanner::Read read = QuotedCellBreaks::reading(
        [&](char *data, std::size_t capacity) -> std::int64_t {
            const std::size_t n = std::min({capacity, text.size() - position, 1 + random() % largestPiece});
            std::memcpy(data, text.data() + position, n);
            position += n;
            return std::int64_t(n);
        },
        lineFeeds);
    std::string out;
    char buffer[997];
    for (std::int64_t got; (got = read(buffer, 1 + random() % sizeof(buffer))) > 0;)
        out.append(buffer, std::size_t(got));
    return out;
}

} // namespace

class QuotedCellBreaksTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldBlankOnlyTheBreaksOfQuotedCells_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("a wrapped title") << QByteArray("성명,\"주민등록\n번호\",연락처\n홍길동,1,2\n")
                                         << QByteArray("성명,\"주민등록 번호\",연락처\n홍길동,1,2\n");
        QTest::newRow("CR LF inside and outside")
            << QByteArray("a,\"b\r\nc\"\r\nd,e\r\n") << QByteArray("a,\"b  c\"\r\nd,e\r\n");
        QTest::newRow("a quoted first cell") << QByteArray("\"x\ny\",z\n") << QByteArray("\"x y\",z\n");
        QTest::newRow("after the byte order mark Excel writes")
            << QByteArray("\xEF\xBB\xBF\"계좌\n번호\",성명\n") << QByteArray("\xEF\xBB\xBF\"계좌 번호\",성명\n");
        QTest::newRow("a byte order mark further in starts no cell")
            << QByteArray("a\xEF\xBB\xBF\"b\nc\"\n") << QByteArray("a\xEF\xBB\xBF\"b\nc\"\n");
        QTest::newRow("after a tab, after a semicolon")
            << QByteArray("a\t\"b\nc\";\"d\ne\"\n") << QByteArray("a\t\"b c\";\"d e\"\n");
        QTest::newRow("a doubled quote is a quote mark")
            << QByteArray("a,\"5\"\" 디스켓\n2장\",b\n") << QByteArray("a,\"5\"\" 디스켓 2장\",b\n");
        QTest::newRow("an empty quoted cell") << QByteArray("a,\"\",b\nc\n") << QByteArray("a,\"\",b\nc\n");
        QTest::newRow("a quote mark inside a cell opens nothing")
            << QByteArray("5\" 디스켓,a\nb,\"c\nd\"\n") << QByteArray("5\" 디스켓,a\nb,\"c d\"\n");
        QTest::newRow("a quote in prose after a blank opens nothing")
            << QByteArray("그는 \"안녕\n하세요\" 라고\n") << QByteArray("그는 \"안녕\n하세요\" 라고\n");
        QTest::newRow("a cell never closed") << QByteArray("a,\"b\nc\nd\n") << QByteArray("a,\"b\nc\nd\n");
        const QByteArray longCell(int(QuotedCellBreaks::MaxQuotedCellBytes) - 1,
                                  'x'); // with its line feed, as long as the bound
        QTest::newRow("a cell as long as the bound") << "a,\"" + longCell + "\n\",b\n"
                                                     << "a,\"" + longCell + " \",b\n";
        QTest::newRow("a cell one byte longer: a stray quote, and the one closing it opens the next")
            << "a,\"x" + longCell + "\n\",b\n\"c\nd\"\n"
            << "a,\"x" + longCell + "\n\",b \"c\nd\"\n";
    }

    void shouldBlankOnlyTheBreaksOfQuotedCells()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(blanked(text.toStdString())), expected);
        std::deque<std::uint64_t> lineFeeds;
        QCOMPARE(QByteArray::fromStdString(readInPieces(text.toStdString(), 1, &lineFeeds)), expected);
        QCOMPARE(QByteArray::fromStdString(readInPieces(text.toStdString(), 1, nullptr, 1)), expected); // byte by byte
        for (const std::uint64_t at : lineFeeds) {
            QCOMPARE(text.at(qsizetype(at)), '\n');
            QCOMPARE(expected.at(qsizetype(at)), ' ');
        }
        QCOMPARE(qsizetype(lineFeeds.size()), text.count('\n') - expected.count('\n'));
    }

    // Random text of quotes, delimiters, line breaks and long stretches: read in pieces of any
    // size, the bytes and the blanked line feeds are those of the whole.
    void shouldReadInPiecesAsWhole()
    {
        const char alphabet[] = {'"', '"', ',', '\t', ';', '\n', '\r', 'a', ' ', 'x'};
        std::mt19937 random(4180);
        for (int round = 0; round < 400; ++round) {
            std::string text = random() % 4 == 0 ? "\xEF\xBB\xBF\"" : "";
            const std::size_t length = random() % 12000;
            while (text.size() < length) {
                if (random() % 50 == 0)
                    text.append(random() % 5000, 'z'); // a cell near the bound
                else
                    text += alphabet[random() % std::size(alphabet)];
            }
            const std::string whole = blanked(text);
            std::deque<std::uint64_t> lineFeeds;
            QCOMPARE(readInPieces(text, std::uint32_t(round), &lineFeeds), whole);
            std::size_t blankedFeeds = 0;
            for (std::size_t i = 0; i < text.size(); ++i)
                blankedFeeds += text[i] == '\n' && whole[i] == ' ';
            QCOMPARE(lineFeeds.size(), blankedFeeds);
            QVERIFY(std::is_sorted(lineFeeds.begin(), lineFeeds.end()));
        }
    }

    // A roster exported with a wrapped title and addresses on two lines: every account under the
    // title 계좌번호 is found, in blocks as in the whole file.
    void shouldLetAWrappedTitleHeadItsColumn()
    {
        std::string csv = "연번,성명,주소,\"계좌\n번호\",비고\n";
        for (int row = 1; row <= 300; ++row)
            csv += std::to_string(row) + ",김민" + std::to_string(row) + ",\"서울특별시 중구 세종대로 " +
                std::to_string(row) + "\n(태평로1가)\"," + std::to_string(100 + row) + "-" + std::to_string(400 + row) +
                "-" + std::to_string(200000 + row * 7) + ",\n";
        const auto accounts = [](const std::vector<Finding> &findings) {
            return std::count_if(findings.begin(), findings.end(),
                                 [](const Finding &f) { return f.detector == QLatin1String("kr-bank-account"); });
        };
        const std::string whole = blanked(csv);
        QCOMPARE(accounts(testScanner().scan(whole).findings), 300);
        QVERIFY(accounts(testScanner().scan(csv).findings) < 10); // what it was before

        std::vector<Finding> streamed;
        const StreamScanner stream(testScanner(), 4096);
        const StreamScanner::Result result =
            stream.scan(QuotedCellBreaks::reading(StreamScanner::readerOver(csv)),
                        [&](std::string_view, std::uint64_t, std::vector<Finding> &&findings) {
                            streamed.insert(streamed.end(), findings.begin(), findings.end());
                        });
        QVERIFY(result.complete);
        QCOMPARE(accounts(streamed), 300);
    }
};

QTEST_GUILESS_MAIN(QuotedCellBreaksTest)
#include "quotedcellbreakstest.moc"
