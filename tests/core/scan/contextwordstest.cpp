// SPDX-License-Identifier: GPL-2.0-or-later
#include "scan/contextwords.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

DetectorSpec detector(const char *id, std::vector<std::string> words, std::vector<std::string> suppressing = {})
{
    DetectorSpec spec;
    spec.id = QString::fromLatin1(id);
    spec.contextWords = std::move(words);
    spec.suppressingWords = std::move(suppressing);
    return spec;
}

} // namespace

class ContextWordsTest : public QObject
{
    Q_OBJECT

    const std::vector<DetectorSpec> m_detectors {
        detector("rrn", {"주민등록번호", "RRN"}, {"법인등록번호"}),
        detector("card", {"카드", "card"}),
        detector("bank", {"신한", "계좌"}),
    };

    std::size_t nearest(const std::string &text, const std::string &match, std::size_t detectorIndex,
                        bool suppressing = false)
    {
        const ContextWords words(m_detectors);
        std::vector<ContextWords::Occurrence> found;
        words.find(text, 0, text.size(), found);
        const std::size_t start = text.find(match);
        return words.nearest(found, detectorIndex, suppressing, start, start + match.size());
    }

private Q_SLOTS:
    void shouldMeasureTheDistanceToTheNearestWord()
    {
        const std::string text = QStringLiteral("주민등록번호: 9001011234567").toStdString();
        QCOMPARE(nearest(text, "9001011234567", 0), std::size_t(2));
        QCOMPARE(nearest(text, "9001011234567", 1), std::string_view::npos);
    }

    void shouldMatchEnglishWordsInAnyCase()
    {
        QCOMPARE(nearest("rrn 9001011234567", "9001011234567", 0), std::size_t(1));
        QCOMPARE(nearest("Card: 4111111111111111", "4111111111111111", 1), std::size_t(2));
    }

    void shouldFindWordsInsideOtherWords()
    {
        // "신한카드": "신한" for the bank and "카드" for the card.
        const std::string text = QStringLiteral("신한카드 4111111111111111").toStdString();
        QCOMPARE(nearest(text, "4111111111111111", 1), std::size_t(1));
        QCOMPARE(nearest(text, "4111111111111111", 2), std::size_t(7));
    }

    void shouldReportEveryWordAtEveryPosition()
    {
        const std::vector<DetectorSpec> detectors {detector("card", {"카드", "카드번호", "CARD"})};
        const ContextWords words(detectors);
        std::vector<ContextWords::Occurrence> found;
        const std::string text = QStringLiteral("신용카드번호 and Card").toStdString();
        words.find(text, 0, text.size(), found);
        QCOMPARE(found.size(), std::size_t(3));
        QCOMPARE(text.substr(found[0].start, found[0].end - found[0].start), std::string("카드"));
        QCOMPARE(text.substr(found[1].start, found[1].end - found[1].start), std::string("카드번호"));
        QCOMPARE(text.substr(found[2].start), std::string("Card"));
        words.find(text, 0, 8, found); // a word cut by the end of the range is not there
        QVERIFY(found.empty());
    }

    void shouldFindSuppressingWords()
    {
        const std::string text = QStringLiteral("법인등록번호 110111-1234567").toStdString();
        QCOMPARE(nearest(text, "110111-1234567", 0, true), std::size_t(1));
        QCOMPARE(nearest(text, "110111-1234567", 0, false), std::string_view::npos);
    }

    void shouldOnlySuppressFromBefore()
    {
        const std::string text = QStringLiteral("110111-1234567 법인등록번호").toStdString();
        QCOMPARE(nearest(text, "110111-1234567", 0, true), std::string_view::npos);
    }

    void shouldIgnoreWordsOutsideTheWindow()
    {
        const std::string filler(ContextWords::WindowBefore + 1, 'x');
        QCOMPARE(nearest("RRN " + filler + " 9001011234567", "9001011234567", 0), std::string_view::npos);
        const std::string after(ContextWords::WindowAfter + 1, 'x');
        QCOMPARE(nearest("9001011234567 " + after + " RRN", "9001011234567", 0), std::string_view::npos);
        QCOMPARE(nearest("9001011234567 (RRN)", "9001011234567", 0), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(ContextWordsTest)
#include "contextwordstest.moc"
