// SPDX-License-Identifier: GPL-2.0-or-later
#include "common/utf8validator.h"

#include <QRandomGenerator>
#include <QStringDecoder>
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

    void shouldAgreeWithQtsDecoderAtEveryPlaceInLongText()
    {
        // The vectorised check works in blocks of 64 bytes: a bad byte anywhere in a long text,
        // at every offset around the blocks' edges, in text of every kind of character.
        const QByteArray text =
            u"신청인 홍길동 주민등록번호 850315-2345678, tel 010-9876-5432. café ✓ \U0001F600 "_qs.toUtf8().repeated(4);
        QRandomGenerator random(20261129);
        for (qsizetype at = 0; at < text.size(); ++at) {
            for (const char bad : {'\x80', '\xC0', '\xED', '\xF5', '\xFF', char(random.bounded(256))}) {
                QByteArray bytes = text;
                bytes[at] = bad;
                QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
                const QString decoded = decoder(bytes); // decodes when made a QString
                const auto invalid =
                    Utf8Validator::firstInvalidByte({bytes.constData(), static_cast<std::size_t>(bytes.size())});
                QVERIFY2(invalid.has_value() == decoder.hasError(),
                         qPrintable(QStringLiteral("at %1, byte %2: ours %3, Qt %4")
                                        .arg(at)
                                        .arg(uchar(bad))
                                        .arg(invalid.has_value())
                                        .arg(decoder.hasError())));
                // A new lead byte can make a shorter sequence whole, leaving the rest of the old
                // one stray: the first bad byte is at most three further on.
                if (invalid)
                    QVERIFY(*invalid <= std::size_t(at) + 3);
            }
        }
    }
};

QTEST_GUILESS_MAIN(Utf8ValidatorTest)
#include "utf8validatortest.moc"
