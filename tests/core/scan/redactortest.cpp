// SPDX-License-Identifier: GPL-2.0-or-later
#include "scannerfortests.h"

#include "message/characterescapes.h"
#include "scan/quotedcellbreaks.h"
#include "scan/redactor.h"

#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testScanner;

class RedactorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMaskEveryFindingAndNothingElse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("redacted");
        QTest::newRow("incident line") << u"성명: 홍길동, 주민등록번호 900101-1234567 입니다."_qs
                                       << u"성명: 홍길동, 주민등록번호 900101-1****** 입니다."_qs;
        QTest::newRow("contacts") << u"연락처 010-1234-5678, 메일 kim.yejin@korea.kr\n"_qs
                                  << u"연락처 010-****-5678, 메일 k***@korea.kr\n"_qs;
        QTest::newRow("card") << u"카드 4111-1111-1111-1111 결제"_qs << u"카드 ****-****-****-1111 결제"_qs;
        QTest::newRow("full-width becomes ascii mask")
            << u"번호 ９００１０１－１２３４５６７."_qs << u"번호 900101-1******."_qs;
        QTest::newRow("already masked stays") << "900101-1******"
                                              << "900101-1******";
        QTest::newRow("nothing to mask") << u"회의는 3시입니다.\r\n\t끝"_qs << u"회의는 3시입니다.\r\n\t끝"_qs;
        QTest::newRow("emoji before") << u"\U0001F4DE 010-1234-5678 \U0001F600"_qs
                                      << u"\U0001F4DE 010-****-5678 \U0001F600"_qs;
    }
    void shouldMaskEveryFindingAndNothingElse()
    {
        QFETCH(QString, text);
        QFETCH(QString, redacted);
        // UTF-16 path
        const ScanResult qtResult = testScanner().scan(QStringView(text));
        QCOMPARE(Redactor::redact(text, qtResult.findings), redacted);
        // UTF-8 path, byte for byte
        const std::string bytes = text.toStdString();
        const ScanResult result = testScanner().scan(std::string_view(bytes));
        QCOMPARE(Redactor::redact(bytes, result.findings), redacted.toStdString());
    }

    void shouldLeaveNothingSensitiveToFindAgain()
    {
        const QString text = u"주민 900101-1234567, 외국인 900101-5234567, 여권 M12345678, 면허 11-12-123456-12, "
                             u"전화 010-1234-5678, 카드 4111-1111-1111-1111, 국민은행 123456-01-123456, "
                             u"kim@korea.kr, 사업자 220-81-62517"_qs;
        const ScanResult first = testScanner().scan(QStringView(text));
        QCOMPARE(first.findings.size(), std::size_t(9));
        const QString redacted = Redactor::redact(text, first.findings);
        const ScanResult again = testScanner().scan(QStringView(redacted));
        QVERIFY(again.complete);
        for (const Finding &f : again.findings)
            QCOMPARE(f.detector, QStringLiteral("kr-rrn-masked"));
    }

    void shouldSkipFindingsThatDoNotFitTheText()
    {
        Finding outside;
        outside.start = 5;
        outside.end = 50;
        outside.masked = QStringLiteral("***");
        QCOMPARE(Redactor::redact(QStringLiteral("short"), {outside}), QStringLiteral("short"));
        QCOMPARE(Redactor::redact(std::string_view("short"), {outside}), std::string("short"));
    }

    // A CSV file is scanned with its quoted cells' line breaks as spaces: the mask of a number
    // wrapped in its cell has a blank where the file has a line break, which the masked file keeps
    // (from a review: "850315-⏎2345678" came out "850315- 2******").
    void shouldKeepASpansLineBreaks()
    {
        const std::string csv = "이름,\"주민등록\n번호\"\n홍길동,\"850315-\n2345678\",x\r\n";
        std::string blanked = csv;
        QuotedCellBreaks::blank(blanked.data(), blanked.size());
        const ScanResult scan = testScanner().scan(blanked);
        QCOMPARE(scan.findings.size(), std::size_t(1));
        QCOMPARE(scan.findings[0].masked, QStringLiteral("850315- 2******"));
        QCOMPARE(Redactor::redact(csv, scan.findings),
                 std::string("이름,\"주민등록\n번호\"\n홍길동,\"850315-\n2******\",x\r\n"));
        QCOMPARE(
            Redactor::redact(QString::fromStdString(csv), testScanner().scan(QString::fromStdString(blanked)).findings),
            QStringLiteral("이름,\"주민등록\n번호\"\n홍길동,\"850315-\n2******\",x\r\n"));
    }

    // A JSON string's escapes are scanned as the blanks they stand for (a number wrapped after its
    // hyphen, "\\n"; a line separator written \\u2028): the masked text keeps the escapes, so it is
    // still JSON, and masks the digits alone (from a review: the mask's line break was written in).
    void shouldKeepTheEscapesAMasksBlanksStandFor()
    {
        const std::string json = "{\"a\":\"홍길동 210315-\\n4827361\",\"b\":\"주민번호\\u2028900101-1234568\"}";
        std::string copy;
        const ScanResult scan = testScanner().scan(CharacterEscapes::blankedControls(json, copy));
        QCOMPARE(scan.findings.size(), std::size_t(2));
        QCOMPARE(Redactor::redact(json, scan.findings),
                 std::string("{\"a\":\"홍길동 210315-\\n4******\",\"b\":\"주민번호\\u2028900101-1******\"}"));
    }
};

QTEST_GUILESS_MAIN(RedactorTest)
#include "redactortest.moc"
