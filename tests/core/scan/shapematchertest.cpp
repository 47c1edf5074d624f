// SPDX-License-Identifier: GPL-2.0-or-later
// The shape matcher on its own, and against the regular expressions it replaces: on random text
// built from the pieces identifiers are made of, the scanner finds exactly the same with either.
#include "scannerfortests.h"

#include "scan/shapematcher.h"

#include <QMap>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testToday;

namespace {

struct Match
{
    std::size_t tag;
    std::size_t start;
    std::size_t end;
    bool operator==(const Match &) const = default;
};

// All matches in `text` (one slice after a separator), every one taken unless `refuse` says no.
std::vector<Match> matchesIn(const ShapeMatcher &matcher, const std::string &text,
                             const std::function<bool(const Match &)> &refuse = {})
{
    const std::string buffer = "\n" + text;
    ShapeMatcher::Scratch scratch;
    std::vector<Match> found;
    matcher.match(buffer, 1, buffer.size(), scratch, [&](std::size_t tag, std::size_t start, std::size_t end) {
        const Match m {tag, start - 1, end - 1};
        found.push_back(m);
        return !refuse || !refuse(m);
    });
    return found;
}

const Scanner &scannerWith(Scanner::Options::Engine engine)
{
    static const Scanner shapes(builtInDetectors(), {testToday(), 64 << 20, 0, Scanner::Options::Engine::Shapes});
    static const Scanner regex(builtInDetectors(), {testToday(), 64 << 20, 0, Scanner::Options::Engine::Regex});
    return engine == Scanner::Options::Engine::Shapes ? shapes : regex;
}

QString describe(const std::vector<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << QStringLiteral("%1[%2,%3) %4 %5")
                   .arg(f.detector)
                   .arg(f.start)
                   .arg(f.end)
                   .arg(f.masked)
                   .arg(f.confidence);
    return out.join(QStringLiteral("; "));
}

// What the shape matcher and RE2 find in `text`, compared: empty when the same, else both. *found
// gets the shape matcher's findings.
QString differenceIn(const std::string &text, std::vector<Finding> *found)
{
    const ScanResult a = scannerWith(Scanner::Options::Engine::Shapes).scan(std::string_view(text));
    const ScanResult b = scannerWith(Scanner::Options::Engine::Regex).scan(std::string_view(text));
    if (!a.complete || !b.complete)
        return QStringLiteral("%1\nincomplete").arg(QString::fromStdString(text));
    const QString left = describe(a.findings);
    const QString right = describe(b.findings);
    *found = a.findings;
    if (left == right)
        return {};
    return QStringLiteral("%1\nshapes: %2\nregex:  %3").arg(QString::fromStdString(text), left, right);
}

} // namespace

class ShapeMatcherTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMatchDigitGroupsAndSeparators()
    {
        ShapeMatcher matcher;
        QString error;
        QVERIFY(matcher.add(Shape().digits(6).literal({" - ", "-", " "}).digitIn("1234").digits(6), Boundary::Digits, 7,
                            &error));
        QCOMPARE(matchesIn(matcher, "a 900101-1234567 b"), (std::vector<Match> {{7, 2, 16}}));
        QCOMPARE(matchesIn(matcher, "900101 - 2234567"), (std::vector<Match> {{7, 0, 16}}));
        QVERIFY(matchesIn(matcher, "900101-5234567").empty()); // gender digit outside the class
        QVERIFY(matchesIn(matcher, "900101--1234567").empty());
        // A run of seven digits cannot start a shape whose first run is six.
        QVERIFY(matchesIn(matcher, "1900101-1234567").empty());
        // Nor end one whose last run is seven: the digit after the match would keep the scanner
        // from taking it, whichever the boundary of digits. An address's boundary would not.
        QVERIFY(matchesIn(matcher, "900101-12345678").empty());
        QCOMPARE(matchesIn(matcher, "900101-1234567 8"), (std::vector<Match> {{7, 0, 14}}));
        ShapeMatcher address;
        QVERIFY(address.add(Shape().digits(6).literal({"-"}).digits(2, 3), Boundary::AddressCharacters, 3, &error));
        QCOMPARE(matchesIn(address, "900101-12345"), (std::vector<Match> {{3, 0, 10}}));
    }

    // The shapes worth trying at a run are rows of bits, a word of them for each 64 shapes: with
    // 130, the third word holds the last two, and every shape is still tried in the order added.
    void shouldTryEveryShapeWhenThereAreMoreThanAWordOfThem()
    {
        ShapeMatcher matcher;
        QString error;
        for (int i = 0; i < 130; ++i) {
            QVERIFY(matcher.add(Shape().digits(4).literal({"L" + std::to_string(i)}), Boundary::Digits, std::size_t(i),
                                &error));
        }
        // "L1", "L12" and "L129" all stand after the digits.
        QCOMPARE(matchesIn(matcher, "1234L129"), (std::vector<Match> {{1, 0, 6}, {12, 0, 7}, {129, 0, 8}}));
        QCOMPARE(matchesIn(matcher, "1234L64 "), (std::vector<Match> {{6, 0, 6}, {64, 0, 7}}));
    }

    void shouldTryTheLongestPrefixFirstThenTheDigitsAlone()
    {
        ShapeMatcher matcher;
        QString error;
        QVERIFY(matcher.add(
            Shape().prefix({"("}, true).literal({"02"}).literal({") ", ")"}).digits(3, 4).literal({"-"}).digits(4),
            Boundary::Digits, 1, &error));
        QCOMPARE(matchesIn(matcher, "tel (02) 123-4567"), (std::vector<Match> {{1, 4, 17}}));
        // Refused with its parenthesis, the same digits are offered again without it.
        QCOMPARE(matchesIn(matcher, "(02)1234-5678", [](const Match &m) { return m.start == 0; }),
                 (std::vector<Match> {{1, 0, 13}, {1, 1, 13}}));
        QVERIFY(!matchesIn(matcher, "02)123-4567").empty());
    }

    void shouldPreferWhatTheRegularExpressionPrefers()
    {
        ShapeMatcher matcher;
        QString error;
        // \d{2,6}-\d{2,7}-\d{2,7}(?:-\d{1,3})?: greedy, the optional group taken when it can be.
        QVERIFY(matcher.add(Shape().digits(2, 6).literal({"-"}).digits(2, 7).literal({"-"}).digits(2, 7).optional(
                                Shape().literal({"-"}).digits(1, 3)),
                            Boundary::Digits, 3, &error));
        QCOMPARE(matchesIn(matcher, "302-1234-5678-91"), (std::vector<Match> {{3, 0, 16}}));
        QCOMPARE(matchesIn(matcher, "302-1234-5678-x"), (std::vector<Match> {{3, 0, 13}}));
        QCOMPARE(matchesIn(matcher, "302-1234-5678-9123"), (std::vector<Match> {{3, 0, 17}}));
    }

    // An alternative that matches but leaves the rest unmatched gives way to the next one, as in
    // \d{3}(?: - | -) 1\d{2}: in "123 - 145" the " - " that matches first leaves no " 1".
    void shouldBacktrackIntoTheNextAlternative()
    {
        ShapeMatcher matcher;
        QString error;
        QVERIFY(matcher.add(Shape().digits(3).literal({" - ", " -"}).literal({" 1"}).digits(2), Boundary::Digits, 4,
                            &error));
        QCOMPARE(matchesIn(matcher, "123 - 145"), (std::vector<Match> {{4, 0, 9}}));
        QVERIFY(matchesIn(matcher, "123 -145").empty());
        // An optional group left out when what follows it cannot match after it.
        ShapeMatcher optional;
        QVERIFY(optional.add(Shape().digits(2).optional(Shape().literal({"-"}).digits(2)).literal({"-x"}),
                             Boundary::Digits, 5, &error));
        QCOMPARE(matchesIn(optional, "12-34-x"), (std::vector<Match> {{5, 0, 7}}));
        QCOMPARE(matchesIn(optional, "12-x"), (std::vector<Match> {{5, 0, 4}}));
        // Fewer digits, when the next item may take them.
        ShapeMatcher shorter;
        QVERIFY(shorter.add(Shape().digits(2, 5).literal({"12", "x"}), Boundary::Digits, 6, &error));
        QCOMPARE(matchesIn(shorter, "34512"), (std::vector<Match> {{6, 0, 5}}));
    }

    // Where a shape may stop inside a longer run (before an optional group, or at its end), the
    // match is offered as the regular expression gives it, and the scanner refuses it for the
    // digit after: the matcher's look at the runs ahead must not drop it.
    void shouldOfferAMatchThatStopsInsideALongerRun()
    {
        ShapeMatcher matcher;
        QString error;
        QVERIFY(matcher.add(Shape().digits(3).literal({"-"}).digits(2, 4).optional(Shape().literal({"-"}).digits(1, 3)),
                            Boundary::Digits, 8, &error));
        QCOMPARE(matchesIn(matcher, "123-456789"), (std::vector<Match> {{8, 0, 8}}));
        QCOMPARE(matchesIn(matcher, "123-4567-12345"), (std::vector<Match> {{8, 0, 12}}));
        QVERIFY(matchesIn(matcher, "123-4").empty());
        QVERIFY(matchesIn(matcher, "123 - 4567").empty());
        // Items that can take nothing do not end a run: the digits after them join it.
        ShapeMatcher nothing;
        QVERIFY(
            nothing.add(Shape().digits(3).literal({"-"}).digits(2).masks(0).digits(2), Boundary::Digits, 9, &error));
        QVERIFY(
            nothing.add(Shape().digits(3).literal({"+"}).digits(2).digits(0).digits(2), Boundary::Digits, 10, &error));
        QCOMPARE(matchesIn(nothing, "123-4567"), (std::vector<Match> {{9, 0, 8}}));
        QCOMPARE(matchesIn(nothing, "123+4567"), (std::vector<Match> {{10, 0, 8}}));
    }

    void shouldStartAgainOnlyAfterATakenMatch()
    {
        ShapeMatcher matcher;
        QString error;
        QVERIFY(matcher.add(Shape().digits(4).literal({" "}).digits(4), Boundary::Digits, 0, &error));
        // "1111 2222 3333": taken at 0, the next start (2222) lies inside it; refused, it is tried.
        QCOMPARE(matchesIn(matcher, "1111 2222 3333"), (std::vector<Match> {{0, 0, 9}}));
        QCOMPARE(matchesIn(matcher, "1111 2222 3333", [](const Match &) { return true; }),
                 (std::vector<Match> {{0, 0, 9}, {0, 5, 14}}));
    }

    void shouldKeepLettersAndMasksApart()
    {
        ShapeMatcher matcher;
        QString error;
        QVERIFY(
            matcher.add(Shape().prefix({"M"}).digits(3).letterIn("ABC").digits(4), Boundary::Alphanumeric, 1, &error));
        QVERIFY(matcher.add(Shape().digits(6).literal({"-"}).digits(1).masks(6), Boundary::Digits, 2, &error));
        QCOMPARE(matchesIn(matcher, "여권 M123A4567"), (std::vector<Match> {{1, 7, 16}}));
        QVERIFY(matchesIn(matcher, "XM123A4567").empty()); // a letter before the prefix
        QCOMPARE(matchesIn(matcher, "900101-1●●●●●x"), (std::vector<Match> {{2, 0, 24}}));
    }

    void shouldRefuseShapesItCannotStart()
    {
        ShapeMatcher matcher;
        QString error;
        QVERIFY(!matcher.add(Shape(), Boundary::Digits, 0, &error));
        QVERIFY(!matcher.add(Shape().masks(3).digits(4), Boundary::Digits, 0, &error));
        QVERIFY(!matcher.add(Shape().literal({"(", "0"}).digits(4), Boundary::Digits, 0, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(matcher.size(), std::size_t(0));
    }

    void shouldGiveEveryBuiltInDetectorAShape()
    {
        for (const DetectorSpec &spec : builtInDetectors()) {
            if (spec.trigger == Trigger::AtSign)
                continue; // addresses stay with RE2
            for (const DetectorPattern &pattern : spec.patterns)
                QVERIFY2(!pattern.shape.isEmpty(), qPrintable(spec.id));
        }
        QVERIFY(scannerWith(Scanner::Options::Engine::Shapes).isValid());
    }

    // Random messages from the pieces identifiers and their look-alikes are made of: the shape
    // matcher and RE2 find the same findings, with the same spans, masks and confidence.
    void shouldFindWhatTheRegularExpressionsFind()
    {
        const QStringList pieces {
            QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
            QStringLiteral("5"), QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"), u"７"_qs,
            QStringLiteral("12"), QStringLiteral("28"), QStringLiteral("37"), QStringLiteral("82"),
            QStringLiteral("0082"), QStringLiteral("02"), QStringLiteral("031"), QStringLiteral("010"),
            QStringLiteral("070"), QStringLiteral("011"), QStringLiteral("123"), QStringLiteral("1234"),
            QStringLiteral("4567"), QStringLiteral("12345"), QStringLiteral("123456"), QStringLiteral("900101"),
            QStringLiteral("851224"), QStringLiteral("1234567"), QStringLiteral("12345678"),
            QStringLiteral("1234567890"), QStringLiteral("-"), u"－"_qs, u"\u2013"_qs, QStringLiteral(" "),
            QStringLiteral(" - "), u"\u00A0"_qs, u"\u200B"_qs, QStringLiteral("."), QStringLiteral("*"),
            QStringLiteral("******"), u"●"_qs, u"•"_qs, QStringLiteral("x"), QStringLiteral("X"), QStringLiteral("M"),
            QStringLiteral("m"), QStringLiteral("A"), QStringLiteral("b"), QStringLiteral("("), QStringLiteral(")"),
            QStringLiteral("(0)"), QStringLiteral("+"), QStringLiteral("+82"), QStringLiteral("@"),
            QStringLiteral("kim@korea.kr"), u"서울"_qs, u"부산 "_qs, u"번호"_qs, u"주민등록번호 "_qs, u"외국인"_qs,
            u"계좌 "_qs, u"국민"_qs, u"카드"_qs, u"여권 "_qs, u"사업자 "_qs, u"운전면허 "_qs, u"법인등록번호 "_qs,
            u"전화 "_qs, QStringLiteral("\n"), QStringLiteral(","), QStringLiteral("/"), QStringLiteral(" / "),
            QStringLiteral(" ~ "), QStringLiteral(": "), QStringLiteral("\r\n"), u"뒤 "_qs, u" 뒷자리"_qs,
            u"뒷번호는 "_qs, u"이고 "_qs,
            // The back half alone and counted ("주민번호의 뒷자리가1234567", "뒤 7자리(…").
            u"주민번호의 "_qs, u"외국인번호 "_qs, u"뒷자리가"_qs, u"뒤 7자리"_qs, u"뒷 자리"_qs, u"7자리는 "_qs,
            QStringLiteral("("), QStringLiteral(" = "), QStringLiteral("\t"), u"\U0001F600"_qs};
        std::uint32_t state = 20261129;
        const auto next = [&state](std::uint32_t below) {
            state = state * 1664525u + 1013904223u;
            return (state >> 8) % below;
        };
        std::size_t found = 0;
        for (int round = 0; round < 48000; ++round) {
            QString text;
            const int length = 1 + static_cast<int>(next(40));
            for (int i = 0; i < length; ++i)
                text += pieces[static_cast<int>(next(static_cast<std::uint32_t>(pieces.size())))];
            std::vector<Finding> findings;
            const QString difference = differenceIn(text.toStdString(), &findings);
            if (!difference.isEmpty())
                QFAIL(qPrintable(difference));
            found += findings.size();
        }
        qInfo("%zu findings in 48000 random messages, the same from both", found);
        QVERIFY(found > 10000);
    }

    // Text made of number-like items: a prefix, two to five digit groups whose lengths and first
    // digits are those identifiers have (dates, area and mobile codes, 82, card and licence region
    // prefixes), the separators they are written with and some they are not, masks, context words.
    void shouldFindWhatTheRegularExpressionsFindInNumberLikeText()
    {
        const std::vector<std::string> prefixes {"",     "",      "",      "+",    "(",   "M",     "m",    "S", "X",
                                                 "서울", "서울 ", "부산-", "+82 ", "82-", "0082 ", "Tel:", "A"};
        const std::vector<std::string> separators {
            "-",      "-",     " ",          " - ", " -",    "- ",   ".",          ". ",         ")",
            ") ",     "(0)",   "(0) ",       "",    "A",     "a",    "--",         "/",          "\u00A0",
            "\u200B", "*",     "\t",         "-\n", "-\r\n", "_",    "~",          "\u2063",     "-\t",
            " -\n",   "-\n  ", "-\r\n     ", " / ", " ~ ",   " 뒤 ", ", 뒷자리: ", "\n뒷자리: ", "이고 뒷자리 "};
        const std::vector<std::string> starts {"",    "",   "",     "010", "070", "011", "02", "031",
                                               "064", "82", "0082", "11",  "28",  "34",  "37", "4",
                                               "5",   "3",  "1",    "2",   "6",   "9",   "0"};
        const std::vector<std::string> words {
            "",      "",        "",      "주민등록번호 ", "외국인 ", "계좌 ",     "국민 ", "카드 ",
            "여권 ", "사업자 ", "면허 ", "법인등록번호 ", "전화 ",   "접수번호 ", "\n"};
        // 's' a separator, 'D' a date, 'd' a digit; anything else as it is.
        const std::vector<std::string> templates {"+82s10sddddsdddd",  "+82s(0)s10sddddsdddd",
                                                  "+82(0)10ddddddddd", "0082s010sddddsdddd",
                                                  "82s(0) 2sdddsdddd", "82s2sdddsdddd",
                                                  "(02)sdddsdddd",     "(031) ddddsdddd",
                                                  "010sddddsdddd",     "070dddddddd",
                                                  "서울sddsddddddsdd", "부산ddsddddddsdd",
                                                  "11sddsddddddsdd",   "28dddddddddd",
                                                  "Mdddddddd",         "Mddd Adddd",
                                                  "gdddTdddd",         "Ds1dddddd",
                                                  "Ds5dddddd",         "Dsddddddd",
                                                  "D1dddddd",          "dd****s1******",
                                                  "Ds*******",         "Dsx******",
                                                  "4ddddddddddddddd",  "ddddsddddsddddsdddd",
                                                  "37ddsddddddsddddd", "36ddsddddddsdddd",
                                                  "dddsddsddddd",      "ddddddsddsdddddd",
                                                  "dddsddddsddddsdd"};
        const std::vector<int> lengths {1, 2, 2, 3, 3, 4, 4, 4, 5, 6, 6, 7, 7, 8, 10, 13, 14, 16};
        std::uint32_t state = 1129;
        const auto next = [&state](std::size_t below) {
            state = state * 1664525u + 1013904223u;
            return std::size_t((state >> 8) % below);
        };
        const auto digits = [&](std::size_t count) {
            std::string out;
            for (std::size_t i = 0; i < count; ++i)
                out += char('0' + next(10));
            return out;
        };
        // A real date now and then, so registration numbers get past their validator.
        const auto date = [&] {
            const int year = int(next(100));
            const int month = 1 + int(next(12));
            const int day = 1 + int(next(28));
            return QStringLiteral("%1%2%3")
                .arg(year, 2, 10, QLatin1Char('0'))
                .arg(month, 2, 10, QLatin1Char('0'))
                .arg(day, 2, 10, QLatin1Char('0'))
                .toStdString();
        };
        const std::vector<std::string> masks {"*", "x", "●"};
        std::size_t found = 0;
        QMap<QString, int> byDetector;
        for (int round = 0; round < 100000; ++round) {
            std::string text;
            const std::size_t items = 1 + next(4);
            for (std::size_t item = 0; item < items; ++item) {
                text += words[next(words.size())];
                if (next(3) == 0) {
                    // An identifier's own layout, with separators drawn from the same list.
                    for (const char c : templates[next(templates.size())]) {
                        if (c == 's')
                            text += separators[next(separators.size())];
                        else if (c == 'D')
                            text += date();
                        else if (c == 'd')
                            text += digits(1);
                        else
                            text += c;
                    }
                    continue;
                }
                text += prefixes[next(prefixes.size())];
                const std::size_t groups = 1 + next(5);
                for (std::size_t g = 0; g < groups; ++g) {
                    if (g > 0)
                        text += separators[next(separators.size())];
                    const std::size_t length = std::size_t(lengths[next(lengths.size())]);
                    if (g == 0 && next(3) == 0) {
                        text += date();
                        continue;
                    }
                    std::string group = g == 0 ? starts[next(starts.size())] : std::string(next(3) == 0 ? "1" : "");
                    if (next(8) == 0) {
                        const std::string mask = masks[next(masks.size())];
                        for (std::size_t n = next(8); n > 0; --n)
                            group += mask;
                    } else if (group.size() < length)
                        group += digits(length - group.size());
                    text += group;
                }
                text += next(2) ? " " : "";
            }
            std::vector<Finding> findings;
            const QString difference = differenceIn(text, &findings);
            if (!difference.isEmpty())
                QFAIL(qPrintable(difference));
            found += findings.size();
            for (const Finding &f : findings)
                ++byDetector[f.detector];
        }
        qInfo() << found << "findings in 100000 number-like messages, the same from both:" << byDetector;
        // Every kind the shapes describe was found, so each was compared on real findings.
        for (const char *id : {"kr-rrn", "kr-frn", "kr-rrn-masked", "kr-passport", "kr-driver-license", "kr-phone",
                               "credit-card", "kr-bank-account", "kr-business-reg"})
            QVERIFY2(byDetector.value(QLatin1String(id)) >= 20, id);
    }
};

QTEST_GUILESS_MAIN(ShapeMatcherTest)
#include "shapematchertest.moc"
