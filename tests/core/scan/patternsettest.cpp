// SPDX-License-Identifier: GPL-2.0-or-later
#include "scan/patternset.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

struct Span
{
    std::size_t start;
    std::size_t end;
};

std::vector<Span> allMatches(const PatternSet &set, std::size_t pattern, const std::string &text)
{
    std::vector<Span> spans;
    std::size_t start = 0;
    std::size_t end = 0;
    // Going on from each match's start, as the scanner does after a rejected match: a start
    // inside a digit run would show up here.
    for (std::size_t pos = 0; set.find(pattern, text, pos, text.size(), &start, &end); pos = start)
        spans.push_back({start, end});
    return spans;
}

} // namespace

class PatternSetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldStartMatchesOnlyWhereTheBoundaryAllows_data()
    {
        QTest::addColumn<int>("boundary");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // matched substrings, joined by '|'
        const int digits = static_cast<int>(Boundary::Digits);
        const int alphanumeric = static_cast<int>(Boundary::Alphanumeric);
        QTest::newRow("digits: after a space") << digits << "\nid 1234567"
                                               << "1234567";
        QTest::newRow("digits: never inside a run") << digits << "\n123456789"
                                                    << "1234567";
        QTest::newRow("digits: too short") << digits << "\n123456 x"
                                           << "";
        QTest::newRow("digits: after hangul") << digits << u"\n번호1234567"_qs << "1234567";
        QTest::newRow("digits: after a letter") << digits << "\nA1234567"
                                                << "1234567";
        QTest::newRow("digits: two") << digits << "\n1234567 7654321"
                                     << "1234567|7654321";
        QTest::newRow("alphanumeric: not after a letter") << alphanumeric << "\nA1234567"
                                                          << "";
        QTest::newRow("alphanumeric: after punctuation") << alphanumeric << "\n(1234567)"
                                                         << "1234567";
    }
    void shouldStartMatchesOnlyWhereTheBoundaryAllows()
    {
        QFETCH(int, boundary);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        PatternSet set(8 << 20);
        QString error;
        QVERIFY(set.add("\\d{7}", static_cast<Boundary>(boundary), 42, &error));
        QVERIFY(set.compile());
        QCOMPARE(set.tag(0), std::size_t(42));
        const std::string bytes = text.toStdString();
        std::vector<int> found;
        QVERIFY(set.matching(bytes, &found));
        QCOMPARE(found.empty(), expected.isEmpty());
        QStringList matched;
        for (const Span &span : allMatches(set, 0, bytes))
            matched << QString::fromStdString(bytes.substr(span.start, span.end - span.start));
        QCOMPARE(matched.join(QLatin1Char('|')), expected);
    }

    void shouldTellWhichPatternsOccur()
    {
        PatternSet set(8 << 20);
        QString error;
        QVERIFY(set.add("\\d{6}-\\d{7}", Boundary::Digits, 0, &error));
        QVERIFY(set.add("01[0-9]-\\d{4}-\\d{4}", Boundary::Digits, 1, &error));
        QVERIFY(set.add("[a-z]+@[a-z]+\\.kr", Boundary::AddressCharacters, 2, &error));
        QVERIFY(set.compile());
        std::vector<int> found;
        QVERIFY(set.matching("\nphone 010-1234-5678\nmail kim@korea.kr", &found));
        std::sort(found.begin(), found.end());
        QCOMPARE(found, (std::vector<int> {1, 2}));
    }

    void shouldRejectAPatternThatDoesNotCompile()
    {
        PatternSet set(8 << 20);
        QString error;
        QVERIFY(!set.add("(\\d{3}", Boundary::Digits, 0, &error));
        QVERIFY(error.contains(QLatin1String("missing )")));
        QCOMPARE(set.size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(PatternSetTest)
#include "patternsettest.moc"
