// SPDX-License-Identifier: GPL-2.0-or-later
#include "scan/candidatefinder.h"

#include <QTest>

#include <limits>
#include <random>

using namespace SendGuard::Core;

namespace {

std::string covered(const std::string &text, const std::vector<TextRange> &regions)
{
    std::string out;
    for (const TextRange &r : regions)
        out += "[" + text.substr(r.begin, r.size()) + "]";
    return out;
}

// Up to `most` pieces picked at random, one after another.
std::string randomText(std::mt19937 &random, const QList<QByteArray> &pieces, std::size_t most)
{
    std::string text;
    const std::size_t count = 1 + random() % most;
    for (std::size_t i = 0; i < count; ++i)
        text += pieces[random() % pieces.size()].toStdString();
    return text;
}

// The regions a finder hands over while it walks, in the order it hands them.
std::vector<TextRange> handedOver(const CandidateFinder &finder, const std::string &text)
{
    std::vector<TextRange> regions;
    finder.find(text, [&regions](const TextRange &region) {
        regions.push_back(region);
        return true;
    });
    return regions;
}

bool contains(const std::vector<TextRange> &regions, std::size_t begin, std::size_t end)
{
    for (const TextRange &r : regions) {
        if (r.begin <= begin && end <= r.end)
            return true;
    }
    return false;
}

} // namespace

class CandidateFinderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCoverEveryPossibleIdentifier_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("identifier");
        QTest::newRow("rrn in prose") << u"성명 홍길동 주민등록번호 900101-1234567 입니다"_qs << "900101-1234567";
        QTest::newRow("glued to hangul") << u"번호900101-1234567입니다"_qs << "900101-1234567";
        QTest::newRow("full-width") << u"번호 ９００１０１－１２３４５６７"_qs << u"９００１０１－１２３４５６７"_qs;
        QTest::newRow("zero-width inside") << u"번호 9001\u200B01-1234567"_qs << u"9001\u200B01-1234567"_qs;
        QTest::newRow("spaced dashes") << u"900101 \u2013 1234567"_qs << u"900101 \u2013 1234567"_qs;
        QTest::newRow("licence region prefix") << u"면허 서울 12-123456-12 입니다"_qs << u"서울 12-123456-12"_qs;
        QTest::newRow("passport letter") << u"여권 M123A4567"_qs << "M123A4567";
        QTest::newRow("international phone") << u"연락처 +82 10-1234-5678"_qs << "+82 10-1234-5678";
        QTest::newRow("masked with stars") << u"번호 90****-1******"_qs << "90****-1******";
        QTest::newRow("email") << u"메일 kim.yejin@korea.kr 로"_qs << "kim.yejin@korea.kr";
        QTest::newRow("email with digits") << u"user123@seoul.go.kr"_qs << "user123@seoul.go.kr";
        QTest::newRow("digits next to a 25-digit run")
            << u"1234567890123456789012345 900101-1234567"_qs << "900101-1234567";
    }
    void shouldCoverEveryPossibleIdentifier()
    {
        QFETCH(QString, text);
        QFETCH(QString, identifier);
        const std::string bytes = text.toStdString();
        const std::string wanted = identifier.toStdString();
        const std::size_t at = bytes.find(wanted);
        QVERIFY(at != std::string::npos);
        const auto regions = CandidateFinder({}).find(bytes);
        QVERIFY2(contains(regions, at, at + wanted.size()), covered(bytes, regions).c_str());
    }

    // A form's boxes, a digit in each: a candidate only when asked for, with enough of them in a row.
    void shouldFindDigitsWrittenOneAtATimeWhenAskedTo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("minSpacedDigits");
        QTest::addColumn<bool>("candidate");
        const QString boxes = u"주민등록번호 9 0 0 1 0 1 - 1 2 3 4 5 6 7 입니다"_qs;
        QTest::newRow("boxes, asked for") << boxes << 13 << true;
        QTest::newRow("boxes, not asked for") << boxes << 0 << false;
        QTest::newRow("tabs between the boxes") << u"번호\t9\t0\t0\t1\t0\t1\t1\t2\t3\t4\t5\t6\t7"_qs << 13 << true;
        QTest::newRow("one box too few") << u"번호 9 0 0 1 0 1 - 1 2 3 4 5 6"_qs << 13 << false;
        QTest::newRow("a longer group breaks the row") << u"번호 9 0 0 1 0 1 - 12 3 4 5 6 7 8"_qs << 13 << false;
    }
    void shouldFindDigitsWrittenOneAtATimeWhenAskedTo()
    {
        QFETCH(QString, text);
        QFETCH(int, minSpacedDigits);
        QFETCH(bool, candidate);
        const std::string bytes = text.toStdString();
        const std::size_t at = bytes.find_first_of("0123456789");
        const std::size_t end = bytes.find_last_of("0123456789") + 1;
        for (const bool skipShortRuns : {true, false}) {
            CandidateFinder::Options options;
            options.minSpacedDigits = minSpacedDigits;
            options.skipShortRuns = skipShortRuns;
            const auto regions = CandidateFinder(options).find(bytes);
            QVERIFY2(contains(regions, at, end) == candidate, covered(bytes, regions).c_str());
        }
    }

    void shouldSkipTextThatCannotHoldAnIdentifier_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("prose") << u"이번 주 회의는 취소되었습니다. 참고 바랍니다."_qs;
        QTest::newRow("short numbers") << u"2024년 6월 11일, 3층 회의실"_qs;
        QTest::newRow("amount split by hangul") << u"금 1,234원 및 5,678원"_qs;
        QTest::newRow("only a long run") << u"번호 123456789012345678901234567890"_qs;
        QTest::newRow("numbers across lines") << u"1234\n5678"_qs;
        QTest::newRow("at without address") << u"@ 회의"_qs;
        QTest::newRow("amount with commas") << u"예산 123,456,789원"_qs;
        QTest::newRow("time with colons") << u"09:30:15~18:45:30"_qs;
        QTest::newRow("no group of four digits") << u"서버 10.123.45.67 점검"_qs;
    }
    void shouldSkipTextThatCannotHoldAnIdentifier()
    {
        QFETCH(QString, text);
        const std::string bytes = text.toStdString();
        const auto regions = CandidateFinder({}).find(bytes);
        QVERIFY2(regions.empty(), covered(bytes, regions).c_str());
    }

    void shouldKeepRegionsOnCharacterBoundaries()
    {
        const std::string text = QStringLiteral("가나다라마바사아자차 900101-1234567 카타파하").toStdString();
        const auto regions = CandidateFinder({}).find(text);
        QCOMPARE(regions.size(), std::size_t(1));
        QVERIFY((static_cast<unsigned char>(text[regions[0].begin]) & 0xC0) != 0x80);
        QVERIFY(regions[0].end == text.size() || (static_cast<unsigned char>(text[regions[0].end]) & 0xC0) != 0x80);
    }

    // The quick pass over short runs must find exactly the regions of the full walk: random text
    // made of what ends, joins and feeds clusters (Hangul, punctuation, separators, masks, folded
    // and invisible characters, wrapped lines, long runs), for several group thresholds.
    void shouldFindTheSameRegionsWithAndWithoutTheQuickPass()
    {
        // '|' between pieces; then full-width 7, zero-width space, en dash, NBSP, black circle,
        // Arabic-Indic 3 and stray bytes.
        const QList<QByteArray> pieces =
            QByteArray("1|12|123|1234|98765|0|-| - | |  |.|. |,|:|(|)|+|/|\t|\n|-\n|a|M|x|X|*|@|1 2 3 4 5|6\t7|"
                       "년|원|가|12345678901234567890123|abcdefghij|\xEF\xBC\x91|"
                       "\xE2\x80\x8B|\xE2\x80\x93|\xC2\xA0|\xE2\x97\x8F|\xD9\xA3|\x80|\xFF")
                .split('|');
        std::mt19937 random(20261129);
        for (const int minGroupDigits : {1, 2, 4, 6, 25}) {
            for (const int minSpacedDigits : {0, 3, 13}) {
                CandidateFinder::Options quick {7, minGroupDigits, minSpacedDigits, true, true};
                CandidateFinder::Options full = quick;
                full.skipShortRuns = false;
                const CandidateFinder withQuickPass(quick);
                const CandidateFinder withoutQuickPass(full);
                for (int round = 0; round < 3000; ++round) {
                    const std::string text = randomText(random, pieces, 60);
                    const std::vector<TextRange> quickRegions = withQuickPass.find(text);
                    const std::vector<TextRange> fullRegions = withoutQuickPass.find(text);
                    QVERIFY2(quickRegions == fullRegions,
                             (covered(text, quickRegions) + " against " + covered(text, fullRegions)).c_str());
                }
            }
        }
    }

    // Regions handed over while the walk goes on must be those of one handover at the end, wherever
    // the handovers fall: after every trigger, every few bytes, or once. Addresses reach back before
    // the clusters found earlier, so the pieces include long local parts.
    void shouldHandOverTheSameRegionsWhereverTheWalkStops()
    {
        QList<QByteArray> pieces =
            QByteArray("123|1234567|900101-1234567|010-1234-5678| |-|,|\n|가|x|*|@|@example.com|"
                       "abcdefghijabcdefghijabcdefghij|a.b_c%d+e-f|\xEF\xBC\xA0|\xEF\xBC\x91|\xE2\x80\x8B|"
                       "\xE2\x97\x8F|\x80|\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80")
                .split('|');
        pieces.append(QByteArray(90, '\x80')); // stray continuation bytes, more than an address reaches back
        std::mt19937 random(20261130);
        CandidateFinder::Options once {7, 4, 0, true, true, std::numeric_limits<std::size_t>::max()};
        const CandidateFinder atTheEnd(once);
        for (const std::size_t step : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(64)}) {
            CandidateFinder::Options often = once;
            often.handoverBytes = step;
            const CandidateFinder asItGoes(often);
            for (int round = 0; round < 3000; ++round) {
                const std::string text = randomText(random, pieces, 80);
                const std::vector<TextRange> asFound = handedOver(asItGoes, text);
                const std::vector<TextRange> whole = atTheEnd.find(text);
                QVERIFY2(asFound == whole, (covered(text, asFound) + " against " + covered(text, whole)).c_str());
            }
        }
    }

    // Stray continuation bytes (invalid UTF-8) before an address: its region may reach back no
    // further than the margins, else a region found later could sort before one handed over, and
    // a region could pass the size cap (found by a review, on these inputs).
    void shouldHandOverTheSameRegionsInInvalidText()
    {
        const std::string address = "a@1234567.example.com";
        const std::string orderFlipped = std::string(70000, '\x80') + address;
        std::string regionsDiffered = "1234567" + std::string(8, ' ') + std::string(200, '\x80') + address;
        regionsDiffered += std::string(65310, '\x80');
        CandidateFinder::Options once;
        once.handoverBytes = std::numeric_limits<std::size_t>::max();
        CandidateFinder::Options often = once;
        often.handoverBytes = 1;
        for (const std::string &text : {orderFlipped, regionsDiffered}) {
            const std::vector<TextRange> asFound = handedOver(CandidateFinder(often), text);
            const std::vector<TextRange> whole = CandidateFinder(once).find(text);
            QVERIFY(asFound == whole);
            for (const TextRange &region : whole)
                QVERIFY(region.size() <= 64 * 1024);
        }
    }

    void shouldStopWhenTheTakerSaysSo()
    {
        std::string roster;
        for (int i = 0; i < 100; ++i)
            roster += "900101-1234567 님의 신청서를 접수하였습니다\n"; // far enough apart not to merge
        CandidateFinder::Options options;
        options.handoverBytes = 16;
        int taken = 0;
        CandidateFinder(options).find(roster, [&taken](const TextRange &) { return ++taken < 3; });
        QCOMPARE(taken, 3);
    }

    void shouldBoundRegionSizeOnLongDenseText()
    {
        std::string roster;
        for (int i = 0; i < 20000; ++i)
            roster += "900101-1234567 ";
        const auto regions = CandidateFinder({}).find(roster);
        QVERIFY(regions.size() > 1);
        std::size_t previousEnd = 0;
        for (const TextRange &r : regions) {
            QVERIFY(r.size() <= 64 * 1024 + 64);
            QVERIFY(r.begin <= previousEnd || previousEnd == 0); // consecutive regions leave no gap in dense text
            previousEnd = r.end;
        }
        QCOMPARE(regions.back().end, roster.size());
    }
};

QTEST_GUILESS_MAIN(CandidateFinderTest)
#include "candidatefindertest.moc"
