// SPDX-License-Identifier: GPL-2.0-or-later
// NameMasking: a number found in a file's name is written masked wherever that name is written
// out, however it is written (full-width digits, an address of any length), also where a place cut
// the name short, and nothing else is changed; no control character of a name is written out.
#include "message/namemasking.h"

#include <QTest>

using namespace SendGuard::Core;

class NameMaskingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldWriteWhatWasFoundMasked_data()
    {
        QTest::addColumn<QString>("found");
        QTest::addColumn<QString>("masked");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("in a place") << "850315-2345678"
                                    << "850315-2******"
                                    << "서류/주민등록증_850315-2345678.jpg › file name"
                                    << "서류/주민등록증_850315-2******.jpg › file name";
        QTest::newRow("twice") << "850315-2345678"
                               << "850315-2******"
                               << "850315-2345678/850315-2345678.jpg"
                               << "850315-2******/850315-2******.jpg";
        QTest::newRow("full-width digits") << "８５０３１５－２３４５６７８"
                                           << "850315-2******"
                                           << "신분증 ８５０３１５－２３４５６７８.txt"
                                           << "신분증 850315-2******.txt";
        QTest::newRow("an address") << "kim.yejin@example.go.kr"
                                    << "k***@example.go.kr"
                                    << "in attachment kim.yejin@example.go.kr.pdf"
                                    << "in attachment k***@example.go.kr.pdf";
        QTest::newRow("cut short by a place") << "010-2345-6789"
                                              << "010-****-6789"
                                              << "…최종본_홍길동_010-2345-678… › file name"
                                              << "…최종본_홍길동_010-****-678… › file name";
        QTest::newRow("another number stays") << "850315-2345678"
                                              << "850315-2******"
                                              << "900101-1234568.jpg"
                                              << "900101-1234568.jpg";
        QTest::newRow("the same shape stays") << "kim@x.kr"
                                              << "k***@x.kr"
                                              << "assets/logo@2x.png"
                                              << "assets/logo@2x.png";
    }

    void shouldWriteWhatWasFoundMasked()
    {
        QFETCH(QString, found);
        QFETCH(QString, masked);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        NameMasking names;
        names.add(found, masked);
        QCOMPARE(names.hide(text), expected);
    }

    // A crafted entry name cannot drive the terminal or fake a line where a place is written out.
    void shouldWriteNoControlCharacterOfAName()
    {
        const TextPlace place = TextPlace {}
                                    .then(TextPlace::Kind::Entry, QStringLiteral("a\x1b[2Jb\nc.txt"))
                                    .then(TextPlace::Kind::FileName);
        QCOMPARE(place.describe(u"en"), QStringLiteral("a\uFFFD[2Jb\uFFFDc.txt › file name"));
    }

    void shouldTellANameFromOtherPlaces()
    {
        QVERIFY(!NameMasking::isName(TextPlace {}.then(TextPlace::Kind::Page, QStringLiteral("1"))));
        QVERIFY(NameMasking::isName(
            TextPlace {}.then(TextPlace::Kind::Entry, QStringLiteral("a.jpg")).then(TextPlace::Kind::FileName)));
        // A sheet's name, shown in the place of every cell of the sheet.
        QVERIFY(NameMasking::isName(
            TextPlace {}.then(TextPlace::Kind::Sheet, QStringLiteral("명단")).then(TextPlace::Kind::Name)));
        QVERIFY(!NameMasking::isName(TextPlace {}.then(TextPlace::Kind::Sheet, QStringLiteral("명단"))));
        // However deep: past the bound of steps a name still takes the last one.
        TextPlace deep;
        for (qsizetype i = 0; i < TextPlace::MaxSteps; ++i)
            deep = deep.then(TextPlace::Kind::Alternative);
        QVERIFY(NameMasking::isName(deep.then(TextPlace::Kind::FileName)));
    }

    // A crafted archive of thousands of numbered names: past the bound every digit of a name is
    // hidden (how long it takes is the benchmark's to say, not a test's).
    void shouldHideEverythingPastTheBound()
    {
        NameMasking names;
        QString text;
        for (int i = 0; i < 4000; ++i) {
            const QString number = QStringLiteral("010-%1-%2").arg(2000 + i).arg(6000 + i);
            names.add(number, QStringLiteral("010-****-%1").arg(6000 + i));
            text += QStringLiteral("홍길동 ") + number + QLatin1Char(' ');
        }
        const QString hidden = names.hide(text);
        QVERIFY2(!hidden.contains(QStringLiteral("2000")) && hidden.contains(QStringLiteral("홍길동")),
                 qPrintable(hidden.left(200)));

        NameMasking few;
        for (int i = 0; i < 500; ++i)
            few.add(QStringLiteral("010-%1-%2").arg(2000 + i).arg(6000 + i),
                    QStringLiteral("010-****-%1").arg(6000 + i));
        const QString fewHidden = few.hide(text);
        QVERIFY(fewHidden.contains(QStringLiteral("010-****-6499")) &&
                !fewHidden.contains(QStringLiteral("2499-6499")));
        QVERIFY(fewHidden.contains(QStringLiteral("010-2500-6500"))); // never found: stays
    }
};

QTEST_GUILESS_MAIN(NameMaskingTest)
#include "namemaskingtest.moc"
