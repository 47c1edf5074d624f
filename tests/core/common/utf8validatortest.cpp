// SPDX-License-Identifier: GPL-2.0-or-later
#include "common/utf8validator.h"

#include <QTest>

using namespace SendGuard::Core;

class Utf8ValidatorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindTheFirstInvalidByte_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("offset"); // -1: valid
        QTest::newRow("ascii") << QByteArray("hello 123") << -1;
        QTest::newRow("hangul") << u"주민등록번호"_qs.toUtf8() << -1;
        QTest::newRow("emoji") << u"ok \U0001F600"_qs.toUtf8() << -1;
        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("stray continuation") << QByteArray("ab\x80") << 2;
        QTest::newRow("latin-1 byte") << QByteArray("caf\xE9!") << 3;
        QTest::newRow("truncated at end") << QByteArray("ab\xEC\x95") << 2;
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << 0;
        QTest::newRow("overlong three bytes") << QByteArray("x\xE0\x80\xAF") << 1;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << 0;
        QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
        QTest::newRow("after valid hangul") << (u"번호"_qs.toUtf8() + QByteArray("\xFF")) << 6;
    }
    void shouldFindTheFirstInvalidByte()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, offset);
        const auto invalid =
            Utf8Validator::firstInvalidByte({bytes.constData(), static_cast<std::size_t>(bytes.size())});
        if (offset < 0) {
            QVERIFY(!invalid.has_value());
        } else {
            QVERIFY(invalid.has_value());
            QCOMPARE(*invalid, static_cast<std::size_t>(offset));
        }
    }
};

QTEST_GUILESS_MAIN(Utf8ValidatorTest)
#include "utf8validatortest.moc"
