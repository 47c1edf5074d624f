// SPDX-License-Identifier: GPL-2.0-or-later
// NameMasking: a number found in a file's name is written masked wherever that name is written
// out, and nothing but what a masked form fits is changed.
#include "message/namemasking.h"

#include <QTest>

using namespace SendGuard::Core;

namespace {

TextPlace inName(const QString &entry = {})
{
    const TextPlace place = entry.isEmpty() ? TextPlace {} : TextPlace {}.then(TextPlace::Kind::Entry, entry);
    return place.then(TextPlace::Kind::FileName);
}

} // namespace

class NameMaskingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHideWhatAMaskedFormFits_data()
    {
        QTest::addColumn<QString>("masked");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("in a name") << "850315-2******"
                                   << "서류/주민등록증_850315-2345678.jpg › file name"
                                   << "서류/주민등록증_850315-2******.jpg › file name";
        QTest::newRow("twice") << "850315-2******"
                               << "850315-2345678/850315-2345678.jpg"
                               << "850315-2******/850315-2******.jpg";
        QTest::newRow("a phone number") << "010-****-5678"
                                        << "연락처 010-2345-5678.txt"
                                        << "연락처 010-****-5678.txt";
        QTest::newRow("another number stays") << "850315-2******"
                                              << "900101-1234568.jpg"
                                              << "900101-1234568.jpg";
        QTest::newRow("too short to fit") << "850315-2******"
                                          << "850315-234"
                                          << "850315-234";
    }

    void shouldHideWhatAMaskedFormFits()
    {
        QFETCH(QString, masked);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        NameMasking names;
        names.add(inName(QStringLiteral("서류.zip")), masked);
        QCOMPARE(names.hide(text), expected);
    }

    // A finding in a document's text is shown masked already; only names repeat a finding's value.
    void shouldKeepOnlyTheFindingsInNames()
    {
        NameMasking names;
        names.add(TextPlace {}.then(TextPlace::Kind::Page, QStringLiteral("1")), QStringLiteral("850315-2******"));
        QVERIFY(names.isEmpty());
        names.add(inName(), QStringLiteral("850315-2******"));
        QVERIFY(!names.isEmpty());
        QCOMPARE(names.hide(QStringLiteral("a 850315-2345678")), QStringLiteral("a 850315-2******"));
    }
};

QTEST_GUILESS_MAIN(NameMaskingTest)
#include "namemaskingtest.moc"
