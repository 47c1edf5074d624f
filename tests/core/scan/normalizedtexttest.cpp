// SPDX-License-Identifier: GPL-2.0-or-later
#include "scan/normalizedtext.h"

#include <QTest>

using namespace SendGuard::Core;

class NormalizedTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFoldWhatHidesDigits_data()
    {
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("ascii unchanged") << "900101-1234567"
                                         << "900101-1234567";
        QTest::newRow("hangul unchanged") << u"번호는 900101입니다"_qs << u"번호는 900101입니다"_qs;
        QTest::newRow("full-width digits and hyphen") << u"９００１０１－１２３４５６７"_qs << "900101-1234567";
        QTest::newRow("full-width letters and at") << u"ｋｉｍ＠ｋｏｒｅａ．ｋｒ"_qs << "kim@korea.kr";
        QTest::newRow("en dash") << u"900101\u20131234567"_qs << "900101-1234567";
        QTest::newRow("em dash") << u"900101\u20141234567"_qs << "900101-1234567";
        QTest::newRow("figure dash") << u"900101\u20121234567"_qs << "900101-1234567";
        QTest::newRow("hyphen") << u"900101\u20101234567"_qs << "900101-1234567";
        QTest::newRow("minus sign") << u"900101\u22121234567"_qs << "900101-1234567";
        QTest::newRow("box-drawing line") << u"900101\u25001234567"_qs << "900101-1234567";
        QTest::newRow("small hyphen-minus") << u"900101\uFE631234567"_qs << "900101-1234567";
        QTest::newRow("nbsp") << u"900101\u00A01234567"_qs << "900101 1234567";
        QTest::newRow("ideographic space") << u"900101\u30001234567"_qs << "900101 1234567";
        QTest::newRow("zero-width space") << u"9001\u200B01-1234567"_qs << "900101-1234567";
        QTest::newRow("zero-width joiners") << u"90\u200C01\u200D01-123\uFEFF4567"_qs << "900101-1234567";
        QTest::newRow("word joiner and soft hyphen") << u"900101\u2060-\u00AD1234567"_qs << "900101-1234567";
        QTest::newRow("other symbols kept") << u"★①…"_qs << u"★①…"_qs;
    }
    void shouldFoldWhatHidesDigits()
    {
        QFETCH(QString, original);
        QFETCH(QString, normalized);
        const QByteArray bytes = original.toUtf8();
        const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        const NormalizedText text(view, 0, view.size());
        QCOMPARE(QString::fromStdString(text.text()), normalized);
    }

    void shouldMapEveryByteBackToItsOriginalCharacter()
    {
        // "번호 ９０－1\u200B2": Hangul copied, full-width folded, zero-width dropped.
        const QByteArray bytes = u"번호 ９０－1\u200B2"_qs.toUtf8();
        const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        const NormalizedText text(view, 0, view.size());
        QCOMPARE(QString::fromStdString(text.text()), u"번호 90-12"_qs);
        const std::size_t digits = text.text().find('9');
        QCOMPARE(text.originalStart(digits), std::size_t(7)); // after "번호 " (3 + 3 + 1 bytes)
        QCOMPARE(text.originalStart(digits + 1), std::size_t(10));
        QCOMPARE(text.originalStart(digits + 2), std::size_t(13)); // the full-width hyphen
        QCOMPARE(text.originalEnd(digits + 3), std::size_t(16));
        QCOMPARE(text.originalStart(digits + 4), std::size_t(20)); // '2', after the 3-byte zero-width space
        QCOMPARE(text.originalEnd(text.text().size()), static_cast<std::size_t>(bytes.size()));
        QCOMPARE(text.originalEnd(1), std::size_t(3)); // the whole of '번'
    }

    void shouldNormalizeOnlyTheGivenRange()
    {
        const std::string original = "abc ９９ def";
        const NormalizedText text(original, 4, 10);
        QCOMPARE(text.text(), std::string("99"));
        QCOMPARE(text.originalStart(0), std::size_t(4));
        QCOMPARE(text.originalEnd(2), std::size_t(10));
    }

    void shouldMapSeveralSlicesWithSeparators()
    {
        const std::string original = QStringLiteral("가 ９０ 나 12 다 3\u200B4").toStdString();
        NormalizedText text(original);
        text.appendSeparator('\n');
        const std::size_t first = text.appendSlice(4, 10); // "９０"
        text.appendSeparator('\n');
        const std::size_t second = text.appendSlice(15, 17); // "12"
        text.appendSeparator('\n');
        const std::size_t third = text.appendSlice(22, original.size()); // "3\u200B4"
        QCOMPARE(text.text(), std::string("\n90\n12\n34"));
        QCOMPARE(text.sliceCount(), std::size_t(3));
        QCOMPARE(text.sliceAt(1), first);
        QCOMPARE(text.sliceAt(4), second);
        QCOMPARE(text.sliceAt(8), third);
        QCOMPARE(text.originalStart(2), std::size_t(7));
        QCOMPARE(text.originalStart(5), std::size_t(16));
        QCOMPARE(text.originalStart(8), std::size_t(26)); // '4', after the zero-width space
        QCOMPARE(text.originalEnd(9), original.size());
        QCOMPARE(text.sliceOriginalBegin(second), std::size_t(15));
        QCOMPARE(text.sliceOriginalEnd(second), std::size_t(17));
        text.clear();
        QVERIFY(text.text().empty());
        QCOMPARE(text.sliceCount(), std::size_t(0));
    }

    void shouldCopyInvalidUtf8Unchanged_data()
    {
        QTest::addColumn<QByteArray>("original");
        QTest::newRow("a stray byte and a truncated sequence") << QByteArray("12\xFF\xC2");
        // Invalid forms of digits and invisible characters: no character, so never a digit or dropped.
        QTest::newRow("overlong '2' in three bytes") << QByteArray("123456\xE0\x80\xB2");
        QTest::newRow("overlong '2' in four bytes") << QByteArray("123456\xF0\x80\x80\xB2");
        QTest::newRow("four-byte lead cut short at the end") << QByteArray("123456\xF0\x80\xB2");
        QTest::newRow("Arabic-Indic digit cut short") << QByteArray("123456\xF0\x99\xA2");
        QTest::newRow("encoded surrogate") << QByteArray("12\xED\xA0\x80"
                                                         "34");
        QTest::newRow("past U+10FFFF") << QByteArray("12\xF4\x90\x80\x80"
                                                     "34");
        QTest::newRow("overlong zero-width space") << QByteArray("12\xF0\x82\x80\x8B"
                                                                 "34");
        // A sequence broken by an ASCII byte (from a review: the byte was taken into it).
        QTest::newRow("space's first bytes, then a digit") << QByteArray("90010\xE2\x80"
                                                                         "1-1234567");
        QTest::newRow("a selector's first bytes, then a digit") << QByteArray("90010\xF3\xA0\x84"
                                                                              "1-1234567");
    }

    void shouldCopyInvalidUtf8Unchanged()
    {
        QFETCH(QByteArray, original);
        const std::string bytes = original.toStdString();
        const NormalizedText text(bytes, 0, bytes.size());
        QCOMPARE(QByteArray::fromStdString(text.text()), original);
    }
};

QTEST_GUILESS_MAIN(NormalizedTextTest)
#include "normalizedtexttest.moc"
