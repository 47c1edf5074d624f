// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/contextwords.h"

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
        const ContextWords words(m_detectors, 8 << 20);
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

    void shouldLetALongerWordSpeakForTheWordsInsideIt()
    {
        // "신한카드" is found as "신한" then "카드": both detectors see their word.
        const std::string text = QStringLiteral("신한카드 4111111111111111").toStdString();
        QCOMPARE(nearest(text, "4111111111111111", 1), std::size_t(1));
        QCOMPARE(nearest(text, "4111111111111111", 2), std::size_t(7));
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
