// SPDX-License-Identifier: GPL-2.0-or-later
// Every built-in detector, through the real scanner: positives in every written form, and the
// hard negatives that must produce no finding at all.
#include "scannerfortests.h"

#include "detectors/masking.h"
#include "detectors/registrationnumber.h"

#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testScanner;

namespace {

QString describe(const std::vector<Finding> &findings, const QString &text)
{
    QStringList parts;
    for (const Finding &f : findings)
        parts << QStringLiteral("%1 \"%2\" -> %3").arg(f.detector, text.mid(f.start, f.end - f.start), f.masked);
    return parts.isEmpty() ? QStringLiteral("no findings") : parts.join(QStringLiteral("; "));
}

} // namespace

class DetectorsTest : public QObject
{
    Q_OBJECT

    // Columns shared by the positive tables: the message text, the detector id expected, the exact
    // span it must report (a substring of text) and the masked form.
    static void positiveColumns()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detector");
        QTest::addColumn<QString>("span");
        QTest::addColumn<QString>("masked");
    }

    static void verifyPositive()
    {
        QFETCH(QString, text);
        QFETCH(QString, detector);
        QFETCH(QString, span);
        QFETCH(QString, masked);
        const ScanResult result = testScanner().scan(QStringView(text));
        QVERIFY(result.complete);
        const QString found = describe(result.findings, text);
        QVERIFY2(result.findings.size() == 1, qPrintable(found));
        const Finding &finding = result.findings.front();
        QCOMPARE(finding.detector, detector);
        QCOMPARE(text.mid(finding.start, finding.end - finding.start), span);
        QCOMPARE(finding.masked, masked);
        QVERIFY(finding.confidence > 0.0 && finding.confidence < 1.0);
    }

private Q_SLOTS:
    void shouldMaskTheDigitsBetweenTheKeptOnes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("leading");
        QTest::addColumn<int>("trailing");
        QTest::addColumn<QString>("masked");
        QTest::newRow("a registration number") << "900101-1234567" << 7 << 0 << "900101-1******";
        QTest::newRow("a phone") << "010-2345-6789" << 3 << 4 << "010-****-6789";
        QTest::newRow("an account") << "110-123-456789" << 0 << 4 << "***-***-**6789";
        QTest::newRow("separators at both ends") << "(02) 123-4567." << 2 << 4 << "(02) ***-4567.";
        QTest::newRow("kept digits meet") << "12-34" << 2 << 2 << "12-34";
        QTest::newRow("kept digits overlap") << "12-34" << 3 << 3 << "12-34";
        QTest::newRow("fewer digits than kept at the front") << "1-2" << 5 << 0 << "1-2";
        QTest::newRow("all hidden") << "1 2 3" << 0 << 0 << "* * *";
        QTest::newRow("no digits") << "--" << 0 << 0 << "--";
        QTest::newRow("empty") << "" << 1 << 1 << "";
    }
    void shouldMaskTheDigitsBetweenTheKeptOnes()
    {
        QFETCH(QString, text);
        QFETCH(int, leading);
        QFETCH(int, trailing);
        QFETCH(QString, masked);
        QCOMPARE(QString::fromStdString(Masking::maskDigits(text.toStdString(), leading, trailing)), masked);
    }

    void shouldFindResidentRegistrationNumbers_data()
    {
        positiveColumns();
        const QString rrn = QStringLiteral("kr-rrn");
        const QString masked = QStringLiteral("900101-1******");
        QTest::newRow("hyphen") << "900101-1234567" << rrn << "900101-1234567" << masked;
        QTest::newRow("a customer number that is a registration number")
            << u"고객번호: 900101-1234568(주민번호)"_qs << rrn << "900101-1234568" << masked;
        QTest::newRow("space") << "900101 1234567" << rrn << "900101 1234567"
                               << "900101 1******";
        QTest::newRow("spaced hyphen") << "900101 - 1234567" << rrn << "900101 - 1234567"
                                       << "900101 - 1******";
        QTest::newRow("en dash") << u"900101\u20131234567"_qs << rrn << u"900101\u20131234567"_qs << masked;
        QTest::newRow("em dash") << u"900101\u20141234567"_qs << rrn << u"900101\u20141234567"_qs << masked;
        QTest::newRow("after another document's coded number")
            << u"문서번호 KR-2024-0001, 홍길동 900101-1234567"_qs << rrn << "900101-1234567" << masked;
        QTest::newRow("a row's cell before a height and a weight")
            << u"홍길동,900101-1234567,170,65"_qs << rrn << "900101-1234567" << masked;
        QTest::newRow("a row's cell after a year and a height")
            << u"2,홍길동,1988,170,900101-1234567"_qs << rrn << "900101-1234567" << masked;
        QTest::newRow("figure dash") << u"900101\u20121234567"_qs << rrn << u"900101\u20121234567"_qs << masked;
        QTest::newRow("minus sign") << u"900101\u22121234567"_qs << rrn << u"900101\u22121234567"_qs << masked;
        QTest::newRow("a box-drawing line for a dash")
            << u"900101\u25001234567"_qs << rrn << u"900101\u25001234567"_qs << masked;
        QTest::newRow("small hyphen") << u"900101\uFE631234567"_qs << rrn << u"900101\uFE631234567"_qs << masked;
        QTest::newRow("full-width") << u"９００１０１－１２３４５６７"_qs << rrn << u"９００１０１－１２３４５６７"_qs
                                    << masked;
        QTest::newRow("nbsp") << u"900101\u00A01234567"_qs << rrn << u"900101\u00A01234567"_qs << "900101 1******";
        QTest::newRow("ideographic space")
            << u"900101\u30001234567"_qs << rrn << u"900101\u30001234567"_qs << "900101 1******";
        QTest::newRow("zero-width inside")
            << u"9001\u200B01-12\u200D34567"_qs << rrn << u"9001\u200B01-12\u200D34567"_qs << masked;
        QTest::newRow("glued to hangul") << u"번호900101-1234567입니다"_qs << rrn << "900101-1234567" << masked;
        QTest::newRow("in a sentence") << u"신청인 홍길동(900101-1234567)의 서류"_qs << rrn << "900101-1234567"
                                       << masked;
        QTest::newRow("bare with check digit") << u"번호 9001011234568"_qs << rrn << "9001011234568"
                                               << "9001011******";
        QTest::newRow("bare with context word") << u"주민등록번호: 9001011234567"_qs << rrn << "9001011234567"
                                                << "9001011******";
        QTest::newRow("bare with english context") << "RRN 9001011234567" << rrn << "9001011234567"
                                                   << "9001011******";
        QTest::newRow("new random digits (check fails)") << "850315-2345670" << rrn << "850315-2345670"
                                                         << "850315-2******";
        QTest::newRow("a label after the number does not suppress")
            << u"주민등록번호 900101-1234567 (접수번호 A-17)"_qs << rrn << "900101-1234567" << masked;
        QTest::newRow("nearer person label wins")
            << u"접수번호 A-17, 주민등록번호 900101-1234567"_qs << rrn << "900101-1234567" << masked;
        QTest::newRow("born 2000s") << u"아동 050505-3234567"_qs << rrn << "050505-3234567"
                                    << "050505-3******";
        QTest::newRow("leap day 2000") << "000229-4234567" << rrn << "000229-4234567"
                                       << "000229-4******";
        QTest::newRow("leap day 1996") << "960229-1234567" << rrn << "960229-1234567"
                                       << "960229-1******";
        QTest::newRow("born today") << "261126-3234567" << rrn << "261126-3234567"
                                    << "261126-3******";
        // A document label names its own number, not a person's after it.
        QTest::newRow("under a document number")
            << u"문서번호 제2024-12호\n신청인 홍길동 900101-1234568"_qs << rrn << "900101-1234568"
            << "900101-1******";
        // (From a review: the label's own number in other digits, and one of the same length far above.)
        QTest::newRow("under a document number in full-width digits")
            << u"접수번호 ２０２４-１２\n홍길동 900101-1234568"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("a paragraph under a document number of the same length")
            << u"접수번호 2024-0611-12345\n\n참석자\n홍길동 900101-1234568"_qs << rrn << "900101-1234568"
            << "900101-1******";
        // (From a second review: the label names a word, a blank line breaks a list, a list's numbers
        // have the label's number's groups.)
        QTest::newRow("under a document label naming a word")
            << u"문서번호: 미부여\n홍길동 900101-1234568"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("after a blank line under a document number")
            << u"문서번호 2024-000123-456\n\n900101-1234568 홍길동"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("under a document number of other groups")
            << u"문서번호 1234567-123456\n900101-1234568 홍길동"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("in a list under a receipt number")
            << u"접수번호 12\n1. 홍길동 900101-1234568"_qs << rrn << "900101-1234568"
            << "900101-1******";
        // A person named after the company is not the company.
        QTest::newRow("a representative's, after the company")
            << u"(주)가나다 대표 홍길동(900101-1234568)"_qs << rrn << "900101-1234568"
            << "900101-1******";
        // (From a second review: a company word inside another word, a title, a person after the company.)
        QTest::newRow("after a corporate card's user")
            << u"법인카드 사용자 홍길동(900101-1234568)"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("a titled person after the company")
            << u"주식회사 한빛 실장 홍길동(900101-1234568)"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("a person named after a foundation's word")
            << u"재단 장학생 홍길동(900101-1234568)에게 지급"_qs << rrn << "900101-1234568"
            << "900101-1******";
        // Right after a company's name, only a number that reads better as the company's is passed
        // over: its own check digit fails and the corporate one holds (from a red-team pass).
        QTest::newRow("after a company's name, its own check digit holding")
            << u"주식회사 한빛 900101-1234568"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("after a company's name, no corporate check digit")
            << u"주식회사 한빛 110111-2345671"_qs << rrn << "110111-2345671"
            << "110111-2******";
        QTest::newRow("a representative's after the company, a corporate check digit")
            << u"(주)가나다 대표 홍길동 110111-2345670"_qs << rrn << "110111-2345670"
            << "110111-2******";
        // The won sign makes an amount, a word that starts with its syllable does not.
        // The won rule and the company rule never hide what a label or a check digit says (review).
        QTest::newRow("a valid number glued to the won sign")
            << u"주민번호 900101-1234568원"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("a bare number glued to a name of the surname 원")
            << u"홍길동 2103154827361원정민"_qs << rrn << "2103154827361"
            << "2103154******";
        QTest::newRow("after a company's name, the number's label right before it")
            << u"(주)한빛 주민번호 110111-2345670"_qs << rrn << "110111-2345670"
            << "110111-2******";
        QTest::newRow("after a word that starts with a company word (a tailor)")
            << u"재단사 110111-2345670"_qs << rrn << "110111-2345670"
            << "110111-2******";
        QTest::newRow("after a corporate card's word") << u"법인카드: 110111-2345670"_qs << rrn << "110111-2345670"
                                                       << "110111-2******";
        QTest::newRow("a word that starts as the won sign does")
            << u"주민번호 900101-1234568원본 대조필"_qs << rrn << "900101-1234568"
            << "900101-1******";
        QTest::newRow("a company on the line before")
            << u"주식회사 한빛\n(900101-1234568)"_qs << rrn << "900101-1234568"
            << "900101-1******";
    }
    void shouldFindResidentRegistrationNumbers() { verifyPositive(); }

    // Every script's decimal digits, as Unicode's own tables (Qt's) give them, read as their value:
    // the whole way, from the prefilter's trigger bytes to the mask. Only the scripts coded among
    // the Hangul syllables' lead bytes (U+A000-ABFF: Vai, Javanese, Cham...) are left out.
    void shouldReadEveryScriptsDigits()
    {
        int sets = 0;
        for (char32_t zero = 0x80; zero < 0x20000; ++zero) {
            if (QChar::category(zero) != QChar::Number_DecimalDigit || QChar::digitValue(zero) != 0 ||
                (zero >= 0xA000 && zero <= 0xABFF) || QChar::digitValue(zero + 9) != 9)
                continue;
            QString number;
            for (const char c : std::string_view("900101-1234568")) {
                const char32_t digit = zero + char32_t(c - '0');
                number += c == '-' ? QStringLiteral("-") : QString::fromUcs4(&digit, 1);
            }
            const QString text = u"주민번호 "_qs + number;
            const ScanResult result = testScanner().scan(QStringView(text));
            QVERIFY2(
                result.findings.size() == 1 && result.findings.front().detector == u"kr-rrn"_qs &&
                    result.findings.front().masked == u"900101-1******"_qs,
                qPrintable(QStringLiteral("U+%1: %2").arg(uint(zero), 4, 16).arg(describe(result.findings, text))));
            ++sets;
        }
        QVERIFY2(sets >= 50, qPrintable(QString::number(sets)));
    }

    // Every character Unicode calls default-ignorable (DerivedCoreProperties.txt), inside a
    // number, hides nothing: the first and last of each range, between two of its digits.
    void shouldSeeThroughEveryInvisibleCharacter()
    {
        const char32_t invisible[] = {0x00AD,  0x034F,  0x061C,  0x115F,  0x1160,  0x17B4,  0x17B5,  0x180B,
                                      0x180F,  0x200B,  0x200F,  0x202A,  0x202E,  0x2060,  0x206F,  0x3164,
                                      0xFE00,  0xFE0F,  0xFEFF,  0xFFA0,  0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A,
                                      0xE0001, 0xE0041, 0xE007F, 0xE0100, 0xE01EF};
        for (const char32_t c : invisible) {
            const QString text = u"주민번호 900101-1234"_qs + QString::fromUcs4(&c, 1) + u"568"_qs;
            const ScanResult result = testScanner().scan(QStringView(text));
            QVERIFY2(result.findings.size() == 1 && result.findings.front().detector == u"kr-rrn"_qs,
                     qPrintable(QStringLiteral("U+%1: %2").arg(uint(c), 4, 16).arg(describe(result.findings, text))));
        }
    }

    // Bare numbers issued since 2020 (random last digits, so the check digit fails) with no label
    // near: the evidence a person would use.
    void shouldFindBareNewNumbersByWhatIsOnTheirLine_data()
    {
        positiveColumns();
        const QString rrn = QStringLiteral("kr-rrn");
        const QString masked = QStringLiteral("2103154******");
        QTest::newRow("a name before it") << u"신청 아동: 김하늘 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name, then a parenthesis")
            << u"민원인 김하늘(2103154827361) 전입신고"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name, then a comma") << u"김하늘,2103154827361,서울"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name, then a colon") << u"김하늘: 2103154827361"_qs << rrn << "2103154827361" << masked;
        // A row of cells with a short one between the name and the number (red-team: a sex).
        QTest::newRow("a name a cell before, a sex between")
            << u"1,김하늘,여,2103154827361,서울"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name a cell before, an age between, tabs")
            << u"김하늘\t5\t2103154827361\t서울"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name a cell before, a relation between")
            << u"김하늘, 자녀, 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("its birth date on the line")
            << u"2103154827361, 2021.03.15 출생"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("its birth date, two-digit year")
            << u"2103154827361 (21-03-15)"_qs << rrn << "2103154827361" << masked;
        // From a red-team pass: names and dates as documents write them.
        QTest::newRow("its birth date in Korean")
            << u"2103154827361 2021년 3월 15일생"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("its birth date with en dashes")
            << u"2103154827361 2021\u201303\u201315"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name, then a no-break space")
            << u"김하늘\u00A02103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name, then an ideographic space")
            << u"김하늘\u30002103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name in a Markdown row")
            << u"| 김하늘 | 2103154827361 | 서울 |"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name in a quoted CSV row")
            << u"\"김하늘\",\"2103154827361\",\"서울 마포구\""_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name after a bullet") << u"ㆍ김하늘 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name after its label") << u"성명:김하늘 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name in brackets") << u"[김하늘] 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name, a slash") << u"김하늘 / 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name with an honorific") << u"이서연님 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("a name of four syllables") << u"남궁민수 2103154827361"_qs << rrn << "2103154827361" << masked;
        // From a red-team pass: the birth date written whole, as forms and exports write it.
        QTest::newRow("its birth date as eight digits")
            << u"출생 20210315, 번호 2103154827361"_qs << rrn << "2103154827361" << masked;
        QTest::newRow("its birth date as eight digits, after it")
            << u"2103154827361 (20210315생)"_qs << rrn << "2103154827361" << masked;
        // From a red-team pass: what banks' and the privacy act's forms call the number, a form's
        // header that names both numbers, the label spaced out.
        for (const char16_t *label : {u"실명번호: ", u"실명확인번호 ", u"고유식별번호 ", u"개인식별번호 ",
                                      u"주민 등록 번호 ", u"연번\t주민(외국인)등록번호\t비고\n1\t"}) {
            QTest::addRow("after %s", qPrintable(QString::fromUtf16(label).simplified()))
                << QString::fromUtf16(label) + u"2103154827361"_qs << rrn << "2103154827361" << masked;
        }
        // A number typed into a spreadsheet, which kept it as a number: the zeros a birth in the
        // 2000s starts with are gone (0308174192834), under its label or its column's header.
        QTest::newRow("a spreadsheet dropped its zero, after a tab")
            << u"주민번호\t308174192834"_qs << rrn << "308174192834"
            << "308174******";
        QTest::newRow("a spreadsheet dropped its zero, in its column")
            << u"성명,주민등록번호\n홍길동,505094123451"_qs << rrn << "505094123451"
            << "505094******";
        QTest::newRow("a spreadsheet dropped two zeros (born in October 2000)")
            << u"주민등록번호: 10153123451"_qs << rrn << "10153123451"
            << "10153******";
        QTest::newRow("a spreadsheet dropped three zeros (born in March 2000)")
            << u"주민등록번호 3153123451"_qs << rrn << "3153123451"
            << "3153******";
    }
    void shouldFindBareNewNumbersByWhatIsOnTheirLine() { verifyPositive(); }

    // A policy may leave the registration numbers alone enabled: the prefilter must still hand them
    // a number a spreadsheet kept without its zeros (from a review).
    void shouldFindANumberWithoutItsZerosWithRegistrationDetectorsAlone()
    {
        std::vector<DetectorSpec> registrationOnly;
        for (DetectorSpec &spec : builtInDetectors()) {
            if (spec.id == QLatin1String("kr-rrn") || spec.id == QLatin1String("kr-frn"))
                registrationOnly.push_back(std::move(spec));
        }
        QCOMPARE(registrationOnly.size(), std::size_t(2));
        const Scanner scanner(std::move(registrationOnly));
        const QString text = u"주민번호\t308174192834"_qs;
        const ScanResult result = scanner.scan(QStringView(text));
        QVERIFY(result.complete);
        QCOMPARE(result.findings.size(), std::size_t(1));
        QCOMPARE(result.findings.front().detector, QStringLiteral("kr-rrn"));
    }

    // A roster without a header or names: its other rows carry the same shape, with birth years
    // that differ. A list of order numbers that begin with dates of one year does not.
    void shouldTakeAListOfTheSameShapeAsEvidence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("registrationNumbers");
        QTest::newRow("a childcare roster") << u"1 2103154827361 서울 중구\n2 1907224123458 부산 동구\n"
                                               "3 2005303456782 인천 서구\n"_qs
                                            << 3;
        QTest::newRow("tab-separated rows, one with a foreigner's number")
            << u"2103154827361\t가\n1907224123458\t나\n2005303456782\t다\n1507145987654\t라"_qs << 3;
        QTest::newRow("order numbers of one year") << u"2403151000023 택배 출고\n2403161000024 택배 출고\n"
                                                      "2403171000025 택배 출고\n"_qs
                                                   << 0;
        QTest::newRow("one other row is no list") << u"2103154827361 서울\n1907224123458 부산\n"_qs << 0;
        QTest::newRow("a row too far from the list") << u"2103154827361 서울\n\n\n\n\n1907224123458 부산\n"
                                                        "2005303456782 인천\n1812254123450 대구\n"_qs
                                                     << 3;
        QTest::newRow("a receipt label over the list")
            << u"접수번호 2103154827361\n1907224123458\n2005303456782\n"_qs << 0;
    }
    void shouldTakeAListOfTheSameShapeAsEvidence()
    {
        QFETCH(QString, text);
        QFETCH(int, registrationNumbers);
        const ScanResult result = testScanner().scan(QStringView(text));
        int found = 0;
        for (const Finding &finding : result.findings)
            found += finding.detector == QLatin1String("kr-rrn");
        QCOMPARE(found, registrationNumbers);
    }

    // With a phone on the line: the number is a person's, and the phone is found too; with the
    // phone on another line, or a receipt label before the number, it is not.
    void shouldTakeAPhoneOnTheLineAsEvidence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("registrationNumbers");
        QTest::newRow("a name and a phone, as in a list") << u"홍길동 2103154827361 / 010-2345-6789"_qs << 1;
        QTest::newRow("a mobile number on the line") << u"2103154827361 보호자 01023456789"_qs << 1;
        QTest::newRow("a mobile with its prefix in parentheses") << u"2103154827361 (010)2345-6789"_qs << 1;
        QTest::newRow("a mobile with en dashes") << u"2103154827361 010\u20132345\u20136789"_qs << 1;
        QTest::newRow("a mobile in full-width digits") << u"2103154827361 ０１０-２３４５-６７８９"_qs << 1;
        QTest::newRow("a mobile with the country code") << u"2103154827361 +82 10 2345 6789"_qs << 1;
        QTest::newRow("a mobile with the country code and the trunk zero") << u"2103154827361 82-010-2345-6789"_qs << 1;
        QTest::newRow("the phone on the next line only") << u"번호 2103154827361\n010-2345-6789"_qs << 0;
        QTest::newRow("a receipt label wins over the phone") << u"접수번호 2103154827361 010-2345-6789"_qs << 0;
    }
    void shouldTakeAPhoneOnTheLineAsEvidence()
    {
        QFETCH(QString, text);
        QFETCH(int, registrationNumbers);
        const ScanResult result = testScanner().scan(QStringView(text));
        int rrns = 0;
        int phones = 0;
        for (const Finding &f : result.findings) {
            rrns += f.detector == QLatin1String("kr-rrn");
            phones += f.detector == QLatin1String("kr-phone");
        }
        QCOMPARE(rrns, registrationNumbers);
        QCOMPARE(phones, 1);
    }

    void shouldFindForeignerRegistrationNumbers_data()
    {
        positiveColumns();
        const QString frn = QStringLiteral("kr-frn");
        QTest::newRow("hyphen 1900s") << "900101-5234567" << frn << "900101-5234567"
                                      << "900101-5******";
        QTest::newRow("hyphen 2000s") << "100708-8234567" << frn << "100708-8234567"
                                      << "100708-8******";
        QTest::newRow("a 2000s number a spreadsheet kept without its zeros")
            << u"외국인등록번호 3157123451"_qs << frn << "3157123451"
            << "3157******";
        QTest::newRow("bare with old check digit") << "9001015234561" << frn << "9001015234561"
                                                   << "9001015******";
        QTest::newRow("bare with the other published check digit") << "9001015234569" << frn << "9001015234569"
                                                                   << "9001015******";
        QTest::newRow("bare with context") << u"외국인등록번호 9001016234567"_qs << frn << "9001016234567"
                                           << "9001016******";
        QTest::newRow("en dash") << u"100708\u20137234567"_qs << frn << u"100708\u20137234567"_qs << "100708-7******";
    }
    void shouldFindForeignerRegistrationNumbers() { verifyPositive(); }

    void shouldReportMaskedNumbersOnlyAsMasked_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("kr-rrn-masked");
        QTest::newRow("back half masked") << "900101-1******" << id << "900101-1******"
                                          << "900101-1******";
        QTest::newRow("all of back masked") << "900101-*******" << id << "900101-*******"
                                            << "900101-*******";
        QTest::newRow("date masked too") << "90****-1******" << id << "90****-1******"
                                         << "90****-1******";
        QTest::newRow("x mask") << "900101-1xxxxxx" << id << "900101-1xxxxxx"
                                << "900101-1xxxxxx";
        QTest::newRow("date and back masked with x") << u"주민번호 90xxxx-1xxxxxx"_qs << id << "90xxxx-1xxxxxx"
                                                     << "90xxxx-1xxxxxx";
        QTest::newRow("capital X mask") << "900101-2XXXXXX" << id << "900101-2XXXXXX"
                                        << "900101-2XXXXXX";
        QTest::newRow("circle mask") << u"900101-1●●●●●●"_qs << id << u"900101-1●●●●●●"_qs << u"900101-1●●●●●●"_qs;
        QTest::newRow("bullet mask") << u"900101-1••••••"_qs << id << u"900101-1••••••"_qs << u"900101-1••••••"_qs;
        // Korean documents hide characters with white circles and squares as often (홍○동).
        QTest::newRow("white circle mask")
            << u"900101-1○○○○○○"_qs << id << u"900101-1○○○○○○"_qs << u"900101-1○○○○○○"_qs;
        QTest::newRow("white square mask")
            << u"80□□□□-1□□□□□□"_qs << id << u"80□□□□-1□□□□□□"_qs << u"80□□□□-1□□□□□□"_qs;
        QTest::newRow("with context") << u"주민등록번호 900101-1******"_qs << id << "900101-1******"
                                      << "900101-1******";
        QTest::newRow("without its hyphen") << u"주민번호 9001011******"_qs << id << "9001011******"
                                            << "9001011******";
        // From a red-team pass: full-width letters were no mask characters.
        QTest::newRow("full-width x mask") << u"주민번호 ９００１０１－１ｘｘｘｘｘｘ"_qs << id
                                           << u"９００１０１－１ｘｘｘｘｘｘ"_qs << "900101-1xxxxxx";
        QTest::newRow("full-width capital X mask")
            << u"900101-1ＸＸＸＸＸＸ"_qs << id << u"900101-1ＸＸＸＸＸＸ"_qs << "900101-1XXXXXX";
    }
    void shouldReportMaskedNumbersOnlyAsMasked() { verifyPositive(); }

    void shouldFindPassportNumbers_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("kr-passport");
        QTest::newRow("old form alone") << "M12345678" << id << "M12345678"
                                        << "M123*****";
        QTest::newRow("old form with context") << u"여권번호 M12345678"_qs << id << "M12345678"
                                               << "M123*****";
        QTest::newRow("old form single-use") << u"여권 S98765432"_qs << id << "S98765432"
                                             << "S987*****";
        QTest::newRow("new form with context") << u"여권번호: M123A4567"_qs << id << "M123A4567"
                                               << "M123*****";
        QTest::newRow("new form english context") << "Passport No. G987B6543" << id << "G987B6543"
                                                  << "G987*****";
        QTest::newRow("glued to hangul") << u"여권번호M12345678입니다"_qs << id << "M12345678"
                                         << "M123*****";
        QTest::newRow("bare digits with context") << u"여권번호 53719264"_qs << id << "53719264"
                                                  << "537*****";
        QTest::newRow("lower case after its label") << u"여권번호 m12345678"_qs << id << "m12345678"
                                                    << "m123*****";
        QTest::newRow("new form, lower case, after its label") << u"여권번호: m123a4567"_qs << id << "m123a4567"
                                                               << "m123*****";
        QTest::newRow("full-width") << u"여권 Ｍ１２３４５６７８"_qs << id << u"Ｍ１２３４５６７８"_qs << "M123*****";
        // A list of travellers names the holder instead of the document (a red-team pass).
        QTest::newRow("new form after a name") << u"출국자 명단: 홍길동(M123A4567)"_qs << id << "M123A4567"
                                               << "M123*****";
    }
    void shouldFindPassportNumbers() { verifyPositive(); }

    void shouldFindDriverLicenseNumbers_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("kr-driver-license");
        QTest::newRow("numeric region") << "11-12-123456-12" << id << "11-12-123456-12"
                                        << "11-12-******-**";
        QTest::newRow("region 28") << u"면허 28-05-654321-99"_qs << id << "28-05-654321-99"
                                   << "28-05-******-**";
        QTest::newRow("region 26 spaces") << "26 19 123456 01" << id << "26 19 123456 01"
                                          << "26 19 ****** **";
        QTest::newRow("hangul region") << u"서울 12-123456-12"_qs << id << u"서울 12-123456-12"_qs
                                       << u"서울 12-******-**"_qs;
        QTest::newRow("hangul region glued")
            << u"부산12-123456-12"_qs << id << u"부산12-123456-12"_qs << u"부산12-******-**"_qs;
        QTest::newRow("hangul region full-width hyphen")
            << u"서울 － １２－１２３４５６－１２"_qs << id << u"서울 － １２－１２３４５６－１２"_qs
            << u"서울 - 12-******-**"_qs;
        QTest::newRow("hangul region hyphen")
            << u"경기-12-123456-12"_qs << id << u"경기-12-123456-12"_qs << u"경기-12-******-**"_qs;
        QTest::newRow("bare with context") << u"운전면허번호 111212345612"_qs << id << "111212345612"
                                           << "1112********";
        QTest::newRow("en dashes") << u"11\u201312\u2013123456\u201312"_qs << id << u"11\u201312\u2013123456\u201312"_qs
                                   << "11-12-******-**";
    }
    void shouldFindDriverLicenseNumbers() { verifyPositive(); }

    void shouldFindPhoneNumbers_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("kr-phone");
        QTest::newRow("mobile") << "010-1234-5678" << id << "010-1234-5678"
                                << "010-****-5678";
        // A member's or customer's number that is their phone: its own word right after it says
        // what it is, nearer than the label before it (from a review).
        QTest::newRow("a member number that is a phone")
            << u"회원번호: 010-1234-5678(휴대폰)"_qs << id << "010-1234-5678"
            << "010-****-5678";
        QTest::newRow("a cell of a comma-separated row") << u"홍길동,45,010-1234-5678,서울"_qs << id << "010-1234-5678"
                                                         << "010-****-5678";
        QTest::newRow("after a long number's cell") << "A,9999999999999,010-1234-5678" << id << "010-1234-5678"
                                                    << "010-****-5678";
        // From a red-team pass: numbers in the cells beside it are no thousands groups when the
        // groups cannot be an amount's (",180,75"), or the number is a cell of its own.
        QTest::newRow("before a row's height and weight") << u"김민수,010-1234-5678,180,75"_qs << id << "010-1234-5678"
                                                          << "010-****-5678";
        QTest::newRow("after cells that are no amount") << u"7,34,175,010-1234-5678,서울"_qs << id << "010-1234-5678"
                                                        << "010-****-5678";
        QTest::newRow("after cells that read as an amount, in a row")
            << u"김민수,34,175,010-1234-5678"_qs << id << "010-1234-5678"
            << "010-****-5678";
        QTest::newRow("a cell before an amount") << u"김민수,010-1234-5678,500원"_qs << id << "010-1234-5678"
                                                 << "010-****-5678";
        QTest::newRow("after a 동 and a 호") << u"홍길동,1203,101,010-1234-5678"_qs << id << "010-1234-5678"
                                             << "010-****-5678";
        QTest::newRow("mobile spaces") << "010 1234 5678" << id << "010 1234 5678"
                                       << "010 **** 5678";
        QTest::newRow("mobile dots") << "010.1234.5678" << id << "010.1234.5678"
                                     << "010.****.5678";
        QTest::newRow("mobile bare") << u"연락처01012345678"_qs << id << "01012345678"
                                     << "010****5678";
        QTest::newRow("mobile, one hyphen after 010") << u"홍길동 010-12345678"_qs << id << "010-12345678"
                                                      << "010-****5678";
        QTest::newRow("mobile, one space after 010") << u"연락처 010 12345678"_qs << id << "010 12345678"
                                                     << "010 ****5678";
        QTest::newRow("mobile, one hyphen before the last four") << u"연락처 0101234-5678"_qs << id << "0101234-5678"
                                                                 << "010****-5678";
        QTest::newRow("seoul, one hyphen") << u"전화 02-1234567"_qs << id << "02-1234567"
                                           << "02-***4567";
        QTest::newRow("area 031, one hyphen") << u"연락처 031-1234567"_qs << id << "031-1234567"
                                              << "031-***4567";
        QTest::newRow("old mobile 011") << "011-123-4567" << id << "011-123-4567"
                                        << "011-***-4567";
        QTest::newRow("old mobile 019") << "019-9876-5432" << id << "019-9876-5432"
                                        << "019-****-5432";
        QTest::newRow("seoul") << "02-123-4567" << id << "02-123-4567"
                               << "02-***-4567";
        QTest::newRow("seoul 4-digit exchange") << "02-1234-5678" << id << "02-1234-5678"
                                                << "02-****-5678";
        QTest::newRow("seoul bare") << "0212345678" << id << "0212345678"
                                    << "02****5678";
        QTest::newRow("gyeonggi") << "031-123-4567" << id << "031-123-4567"
                                  << "031-***-4567";
        QTest::newRow("incheon") << "032-456-7890" << id << "032-456-7890"
                                 << "032-***-7890";
        QTest::newRow("jeju") << "064-123-4567" << id << "064-123-4567"
                              << "064-***-4567";
        QTest::newRow("internet phone 070") << "070-1234-5678" << id << "070-1234-5678"
                                            << "070-****-5678";
        QTest::newRow("a personal number near its word") << u"연락처 0504-1234-5678"_qs << id << "0504-1234-5678"
                                                         << "0504-****-5678";
        QTest::newRow("a personal number after its own word")
            << u"연락처(안심번호): 0505-1234-5678"_qs << id << "0505-1234-5678"
            << "0505-****-5678";
        QTest::newRow("a personal number, three-digit middle") << u"휴대폰: 0505-123-4567"_qs << id << "0505-123-4567"
                                                               << "0505-***-4567";
        QTest::newRow("parenthesized area") << "(02) 123-4567" << id << "(02) 123-4567"
                                            << "(02) ***-4567";
        QTest::newRow("parenthesized area, then a hyphen") << "(010)-2345-6789" << id << "(010)-2345-6789"
                                                           << "(010)-****-6789";
        QTest::newRow("area code closed only") << "02)123-4567" << id << "02)123-4567"
                                               << "02)***-4567";
        QTest::newRow("international") << "+82 10-1234-5678" << id << "+82 10-1234-5678"
                                       << "+82 10-****-5678";
        QTest::newRow("international hyphens") << "+82-10-1234-5678" << id << "+82-10-1234-5678"
                                               << "+82-10-****-5678";
        QTest::newRow("international bare") << "+821012345678" << id << "+821012345678"
                                            << "+8210****5678";
        // A mobile a spreadsheet kept as a number, its leading zero dropped: with its label or header.
        QTest::newRow("after a document label and its own number")
            << u"접수번호 12, 연락처 010-2049-3482"_qs << id << "010-2049-3482"
            << "010-****-3482";
        QTest::newRow("mobile without its zero, labelled") << u"연락처 1023456789"_qs << id << "1023456789"
                                                           << "10****6789";
        QTest::newRow("mobile without its zero, in its column")
            << u"성명,휴대폰\n홍길동,1023456789"_qs << id << "1023456789"
            << "10****6789";
        QTest::newRow("international without plus") << "82-10-1234-5678" << id << "82-10-1234-5678"
                                                    << "82-10-****-5678";
        // The trunk zero kept after the country code, as people write it.
        QTest::newRow("international, zero kept") << "+82-010-2345-6789" << id << "+82-010-2345-6789"
                                                  << "+82-010-****-6789";
        QTest::newRow("international, zero kept, no plus") << "82-010-2345-6789" << id << "82-010-2345-6789"
                                                           << "82-010-****-6789";
        QTest::newRow("international, zero kept, spaces") << "+82 010 23456789" << id << "+82 010 23456789"
                                                          << "+82 010 ****6789";
        QTest::newRow("international seoul, zero kept") << "+82-02-123-4567" << id << "+82-02-123-4567"
                                                        << "+82-02-***-4567";
        QTest::newRow("international dialled with 00") << "0082 2 123 4567" << id << "0082 2 123 4567"
                                                       << "0082 2 *** 4567";
        QTest::newRow("international seoul") << "+82 2-123-4567" << id << "+82 2-123-4567"
                                             << "+82 2-***-4567";
        QTest::newRow("en dashes") << u"010\u20131234\u20135678"_qs << id << u"010\u20131234\u20135678"_qs
                                   << "010-****-5678";
        QTest::newRow("full-width") << u"０１０－１２３４－５６７８"_qs << id << u"０１０－１２３４－５６７８"_qs
                                    << "010-****-5678";
        QTest::newRow("glued to hangul") << u"전화010-1234-5678로"_qs << id << "010-1234-5678"
                                         << "010-****-5678";
        // From a red-team pass: a form's short labels and other names for a mobile.
        for (const char16_t *label : {u"HP\t", u"H.P ", u"C.P: ", u"☎ ", u"휴대번호\t", u"모바일 "}) {
            QTest::addRow("mobile without its zero, after %s", qPrintable(QString::fromUtf16(label).trimmed()))
                << QString::fromUtf16(label) + u"1023456789"_qs << id << "1023456789"
                << "10****6789";
        }
        // Middle dots, as a Korean IME offers them (ㆍ, ・, ·, ･): read as the full stop they stand for.
        for (const char16_t *dot : {u"\u00B7", u"\u318D", u"\u30FB", u"\uFF65"}) {
            const QString number =
                u"010"_qs + QString::fromUtf16(dot) + u"2345"_qs + QString::fromUtf16(dot) + u"6789"_qs;
            QTest::addRow("middle dot U+%04X", unsigned(dot[0]))
                << u"전화번호 : "_qs + number << id << number << "010.****.6789";
        }
    }
    void shouldFindPhoneNumbers() { verifyPositive(); }

    void shouldFindPaymentCardNumbers_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("credit-card");
        QTest::newRow("visa hyphens") << "4111-1111-1111-1111" << id << "4111-1111-1111-1111"
                                      << "****-****-****-1111";
        QTest::newRow("mastercard spaces") << "5500 0000 0000 0004" << id << "5500 0000 0000 0004"
                                           << "**** **** **** 0004";
        QTest::newRow("mastercard 2-series") << "2223-0000-4840-0011" << id << "2223-0000-4840-0011"
                                             << "****-****-****-0011";
        QTest::newRow("amex 4-6-5") << "3782-822463-10005" << id << "3782-822463-10005"
                                    << "****-******-*0005";
        QTest::newRow("diners 4-6-4") << "3056-930902-5904" << id << "3056-930902-5904"
                                      << "****-******-5904";
        QTest::newRow("korean domestic") << "9410-1234-5678-9010" << id << "9410-1234-5678-9010"
                                         << "****-****-****-9010";
        QTest::newRow("bare with context") << u"카드번호 4111111111111111"_qs << id << "4111111111111111"
                                           << "************1111";
        QTest::newRow("full stops, next to a card word")
            << u"카드번호 4787.7893.2879.2170"_qs << id << "4787.7893.2879.2170"
            << "****.****.****.2170";
        QTest::newRow("wide blanks, next to a card word")
            << u"신용카드: 5500  0000  0000  0004"_qs << id << "5500  0000  0000  0004"
            << "****  ****  ****  0004";
        QTest::newRow("bare with english context") << "card: 3566123456789015" << id << "3566123456789015"
                                                   << "************9015";
        QTest::newRow("full-width") << u"４１１１－１１１１－１１１１－１１１１"_qs << id
                                    << u"４１１１－１１１１－１１１１－１１１１"_qs << "****-****-****-1111";
        QTest::newRow("bare sixteen digits, known issuer, luhn")
            << u"번호 4111111111111111"_qs << id << "4111111111111111"
            << "************1111";
        // One run of digits is no group of a longer run, whatever number follows it.
        QTest::newRow("bare, an amount after it") << u"카드 4111111111111111 15000원"_qs << id << "4111111111111111"
                                                  << "************1111";
        QTest::newRow("bare, a cell of a row") << u"홍길동,4929703158624188,15000"_qs << id << "4929703158624188"
                                               << "************4188";
    }
    void shouldFindPaymentCardNumbers() { verifyPositive(); }

    void shouldFindBankAccountNumbersNextToBankWords_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("kr-bank-account");
        QTest::newRow("kookmin 6-2-6") << u"국민은행 123456-01-123456"_qs << id << "123456-01-123456"
                                       << "******-**-**3456";
        QTest::newRow("shinhan 3-3-6") << u"신한 110-123-456789"_qs << id << "110-123-456789"
                                       << "***-***-**6789";
        QTest::newRow("woori 4-3-6") << u"우리은행 1002-123-456789"_qs << id << "1002-123-456789"
                                     << "****-***-**6789";
        QTest::newRow("hana 3-6-5") << u"하나은행 123-456789-12345"_qs << id << "123-456789-12345"
                                    << "***-******-*2345";
        QTest::newRow("nonghyup 3-4-4-2") << u"농협 302-1234-5678-91"_qs << id << "302-1234-5678-91"
                                          << "***-****-**78-91";
        QTest::newRow("kakaobank 4-2-7") << u"카카오뱅크 3333-01-1234567"_qs << id << "3333-01-1234567"
                                         << "****-**-***4567";
        QTest::newRow("bankbook word") << u"통장번호: 110-123-456789"_qs << id << "110-123-456789"
                                       << "***-***-**6789";
        QTest::newRow("a broker's account") << u"미래에셋증권 012-34-567890"_qs << id << "012-34-567890"
                                            << "***-**-**7890";
        QTest::newRow("a broker's account in two groups") << u"한국투자증권 12345678-01"_qs << id << "12345678-01"
                                                          << "******78-01";
        // From a red-team pass: other layouts, right after the label.
        QTest::newRow("eight and two, after the word") << u"계좌번호: 84317480-94"_qs << id << "84317480-94"
                                                       << "******80-94";
        QTest::newRow("a long fourth group") << u"저축은행 123-12-12-1234567"_qs << id << "123-12-12-1234567"
                                             << "***-**-**-***4567";
        QTest::newRow("a forestry cooperative") << u"산림조합 301-0123-4567-81"_qs << id << "301-0123-4567-81"
                                                << "***-****-**67-81";
        QTest::newRow("full stops for hyphens, after the bank") << u"신한 110.123.456789"_qs << id << "110.123.456789"
                                                                << "***.***.**6789";
        QTest::newRow("a bank's short name right before") << u"우리 1002-123-456789"_qs << id << "1002-123-456789"
                                                          << "****-***-**6789";
        QTest::newRow("bare with account word") << u"계좌번호 12345678901234"_qs << id << "12345678901234"
                                                << "**********1234";
        QTest::newRow("bare with No for 번호") << u"계좌 No. 12345678901234"_qs << id << "12345678901234"
                                               << "**********1234";
        QTest::newRow("holder after number") << u"입금 110-123-456789 (예금주 홍길동)"_qs << id << "110-123-456789"
                                             << "***-***-**6789";
        QTest::newRow("kookmin bank is a bank") << u"국민은행 110-123-456789"_qs << id << "110-123-456789"
                                                << "***-***-**6789";
        QTest::newRow("bare run right after its bank") << u"국민은행 12345678901234"_qs << id << "12345678901234"
                                                       << "**********1234";
        // Read alone, these would be a birth date and a card: the label right before makes them accounts.
        QTest::newRow("labelled, reads as a birth date") << u"계좌번호 8406092183924"_qs << id << "8406092183924"
                                                         << "*********3924";
        QTest::newRow("labelled, passes a card's check") << u"계좌번호 58385572101349"_qs << id << "58385572101349"
                                                         << "**********1349";
        QTest::newRow("groups apart by spaces, after the bank") << u"신한 110 234 567890"_qs << id << "110 234 567890"
                                                                << "*** *** **7890";
        QTest::newRow("groups apart by spaces, after the word")
            << u"계좌번호: 302 1234 5678 91 (농협)"_qs << id << "302 1234 5678 91"
            << "*** **** **78 91";
        // From a red-team pass: the names people shorten banks to.
        for (const char16_t *bank :
             {u"카카오", u"카뱅", u"케뱅", u"K뱅크", u"iM뱅크", u"NH", u"MG", u"SC", u"축협", u"새마을"}) {
            QTest::addRow("right after %s", qPrintable(QString::fromUtf16(bank)))
                << QString::fromUtf16(bank) + u" 110-123-456789"_qs << id << "110-123-456789"
                << "***-***-**6789";
        }
    }
    void shouldFindBankAccountNumbersNextToBankWords() { verifyPositive(); }

    void shouldFindEmailAddresses_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("email");
        QTest::newRow("plain") << "kim.yejin@korea.kr" << id << "kim.yejin@korea.kr"
                               << "k***@korea.kr";
        QTest::newRow("plus tag") << "user+tag@example.co.kr" << id << "user+tag@example.co.kr"
                                  << "u***@example.co.kr";
        QTest::newRow("glued to hangul") << u"메일은kim@seoul.go.kr입니다"_qs << id << "kim@seoul.go.kr"
                                         << "k***@seoul.go.kr";
        QTest::newRow("sentence end") << "Write to park.sh@incheon.go.kr." << id << "park.sh@incheon.go.kr"
                                      << "p***@incheon.go.kr";
        QTest::newRow("upper case") << "KIM@KOREA.KR" << id << "KIM@KOREA.KR"
                                    << "K***@KOREA.KR";
        QTest::newRow("full-width at") << u"kim＠korea.kr"_qs << id << u"kim＠korea.kr"_qs << "k***@korea.kr";
    }
    void shouldFindEmailAddresses() { verifyPositive(); }

    void shouldFindBusinessRegistrationNumbers_data()
    {
        positiveColumns();
        const QString id = QStringLiteral("kr-business-reg");
        QTest::newRow("hyphenated") << "220-81-62517" << id << "220-81-62517"
                                    << "220-81-*****";
        QTest::newRow("with context") << u"사업자등록번호 105-87-00626"_qs << id << "105-87-00626"
                                      << "105-87-*****";
        QTest::newRow("bare with context") << u"사업자번호 1234567891"_qs << id << "1234567891"
                                           << "12345*****";
        QTest::newRow("spaces instead of hyphens") << u"사업자등록번호 220 81 62517"_qs << id << "220 81 62517"
                                                   << "220 81 *****";
        QTest::newRow("full stops instead of hyphens") << u"사업자등록번호 220.81.62517"_qs << id << "220.81.62517"
                                                       << "220.81.*****";
        QTest::newRow("spaces around hyphens") << u"사업자등록번호 220 - 81 - 62517"_qs << id << "220 - 81 - 62517"
                                               << "220 - 81 - *****";
    }
    void shouldFindBusinessRegistrationNumbers() { verifyPositive(); }

    // The same message typed or pasted another way must give the same findings: normalization
    // is tested through the whole scanner, on every detector.
    void shouldFindTheSameInEveryWrittenForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("form");
        const QStringList samples {
            u"주민등록번호 900101-1234567 입니다"_qs, u"외국인 900101-5234567"_qs,
            u"주민번호 900101-1****** 확인"_qs,       u"연락처 010-1234-5678, 팩스 02-123-4567"_qs,
            u"카드 4111-1111-1111-1111 결제"_qs,      u"여권번호 M12345678"_qs,
            u"운전면허 11-12-123456-12"_qs,           u"국민은행 123456-01-123456"_qs,
            u"메일 kim.yejin@korea.kr 로"_qs,         u"사업자 220-81-62517"_qs,
            u"계좌 110-123-456789 예금주"_qs};
        for (const QString &sample : samples) {
            for (const char *form : {"full-width",
                                     "en dash",
                                     "em dash",
                                     "minus sign",
                                     "hangul eu for a dash",
                                     "prolonged sound mark for a dash",
                                     "half-width prolonged sound mark for a dash",
                                     "armenian hyphen",
                                     "mongolian todo soft hyphen",
                                     "hyphen bullet",
                                     "two-em dash",
                                     "c1 control",
                                     "zero-width",
                                     "nbsp",
                                     "invisible separator",
                                     "grapheme joiner",
                                     "mongolian vowel separator",
                                     "variation selector",
                                     "mathematical bold digits",
                                     "arabic-indic digits",
                                     "devanagari digits",
                                     "thai digits"})
                QTest::addRow("%s: %s", form, qPrintable(sample)) << sample << QString::fromLatin1(form);
        }
    }
    void shouldFindTheSameInEveryWrittenForm()
    {
        QFETCH(QString, text);
        QFETCH(QString, form);
        QString variant;
        for (const QChar c : text) {
            const bool ascii = c.unicode() > 0x20 && c.unicode() < 0x7F;
            if (form == QLatin1String("full-width") && ascii)
                variant += QChar(c.unicode() - 0x21 + 0xFF01);
            else if (form == QLatin1String("en dash") && c == u'-')
                variant += QChar(0x2013);
            else if (form == QLatin1String("em dash") && c == u'-')
                variant += QChar(0x2014);
            else if (form == QLatin1String("minus sign") && c == u'-')
                variant += QChar(0x2212);
            else if (form == QLatin1String("hangul eu for a dash") && c == u'-')
                variant += QChar(0x3161); // ㅡ, typed where a dash goes
            else if (form == QLatin1String("prolonged sound mark for a dash") && c == u'-')
                variant += QChar(0x30FC); // ー
            else if (form == QLatin1String("half-width prolonged sound mark for a dash") && c == u'-')
                variant += QChar(0xFF70); // ｰ
            else if (form == QLatin1String("armenian hyphen") && c == u'-')
                variant += QChar(0x058A);
            else if (form == QLatin1String("mongolian todo soft hyphen") && c == u'-')
                variant += QChar(0x1806);
            else if (form == QLatin1String("hyphen bullet") && c == u'-')
                variant += QChar(0x2043);
            else if (form == QLatin1String("two-em dash") && c == u'-')
                variant += QChar(0x2E3A);
            else if (form == QLatin1String("c1 control") && c.isDigit())
                variant += QString(c) + QChar(0x0080); // no viewer shows it
            else if (form == QLatin1String("zero-width") && c.isDigit())
                variant += QString(c) + QChar(0x200B);
            else if (form == QLatin1String("nbsp") && c == u' ')
                variant += QChar(0x00A0);
            else if (form == QLatin1String("invisible separator") && c.isDigit())
                variant += QString(c) + QChar(0x2063);
            else if (form == QLatin1String("grapheme joiner") && c.isDigit())
                variant += QString(c) + QChar(0x034F);
            else if (form == QLatin1String("mongolian vowel separator") && c.isDigit())
                variant += QString(c) + QChar(0x180E);
            else if (form == QLatin1String("variation selector") && c.isDigit())
                variant += QString(c) + QChar(0xFE0F);
            else if (form == QLatin1String("mathematical bold digits") && c.isDigit()) {
                const char32_t bold = U'\U0001D7CE' + (c.unicode() - u'0');
                variant += QString::fromUcs4(&bold, 1);
            } else if (form == QLatin1String("arabic-indic digits") && c.isDigit())
                variant += QChar(0x0660 + (c.unicode() - u'0'));
            else if (form == QLatin1String("devanagari digits") && c.isDigit())
                variant += QChar(0x0966 + (c.unicode() - u'0'));
            else if (form == QLatin1String("thai digits") && c.isDigit())
                variant += QChar(0x0E50 + (c.unicode() - u'0'));
            else
                variant += c;
        }
        const auto summary = [](const ScanResult &result) {
            QStringList items;
            for (const Finding &f : result.findings)
                items << f.detector + QLatin1Char(' ') + f.masked;
            return items.join(QLatin1String(", "));
        };
        const QString expected = summary(testScanner().scan(QStringView(text)));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(summary(testScanner().scan(QStringView(variant))), expected);
    }

    // Registration numbers as tools and wrapped text write them, after their label.
    void shouldFindRegistrationNumbersWrittenApartAfterTheirLabel_data()
    {
        positiveColumns();
        const QString rrn = QStringLiteral("kr-rrn");
        for (const auto &[name, separator] :
             {std::pair {"tab (two cells copied)", u"\t"_qs}, std::pair {"line break after the hyphen", u"-\n"_qs},
              std::pair {"CRLF after the hyphen", u"-\r\n"_qs}, std::pair {"space after the hyphen", u"- "_qs},
              std::pair {"slash", u"/"_qs}, std::pair {"underscore", u"_"_qs}, std::pair {"tilde", u"~"_qs},
              std::pair {"wave dash, a Korean IME's tilde", u"\u301C"_qs}, std::pair {"comma (two CSV cells)", u","_qs},
              std::pair {"full stop", u"."_qs}, std::pair {"a form's three cells, the hyphen in its own", u"\t-\t"_qs},
              std::pair {"a tab after the hyphen", u"-\t"_qs},
              std::pair {"a line broken after a spaced hyphen", u" -\n"_qs},
              std::pair {"the next line indented", u"-\n  "_qs},
              std::pair {"the next line indented, CRLF", u"-\r\n    "_qs}, std::pair {"a spaced slash", u" / "_qs},
              std::pair {"a spaced tilde", u" ~ "_qs}}) {
            const QString number = u"900101"_qs + separator + u"1234567"_qs;
            // A mask is of the normalized text: the wave dash reads as the tilde it stands for.
            const QString maskedSeparator = separator == u"\u301C"_qs ? u"~"_qs : separator;
            QTest::addRow("%s", name) << u"주민등록번호: "_qs + number << rrn << number
                                      << u"900101"_qs + maskedSeparator + u"1******"_qs;
        }
    }
    void shouldFindRegistrationNumbersWrittenApartAfterTheirLabel() { verifyPositive(); }

    // The halves apart, each after its own word, as a form asks for them: the whole number, judged
    // as a bare one (a check digit, a label, a person on the line), whatever stands around it.
    void shouldFindRegistrationNumbersWhoseHalvesAreAskedForApart_data()
    {
        positiveColumns();
        const QString rrn = QStringLiteral("kr-rrn");
        for (const QString &words :
             {u" 뒷자리 "_qs, u", 뒷자리: "_qs, u" / 뒷번호 "_qs, u" 뒤 "_qs, u", 뒤 : "_qs, u"\n뒷자리: "_qs,
              u"\r\n뒷자리 "_qs, u" 뒷자리는 "_qs, u"이고 뒷자리 "_qs, u" 뒷자리:"_qs}) {
            const QString halves = u"900101"_qs + words + u"1234568"_qs; // the check digit holds
            const QString masked = u"900101"_qs + words + u"1******"_qs;
            const QByteArray name = QString(words).replace(u"\r"_qs, u"⏎"_qs).replace(u"\n"_qs, u"⏎"_qs).toUtf8();
            QTest::addRow("check digit, '%s'", name.constData()) << u"앞자리 "_qs + halves << rrn << halves << masked;
            // A comma between them is no two cells of a row when a word says what follows.
            const QString failing = u"900101"_qs + words + u"1234567"_qs;
            QTest::addRow("a label, '%s'", name.constData())
                << u"주민등록번호 "_qs + failing << rrn << failing << u"900101"_qs + words + u"1******"_qs;
            QTest::addRow("a person, '%s'", name.constData())
                << u"홍길동 "_qs + failing << rrn << failing << u"900101"_qs + words + u"1******"_qs;
        }
        // A word that counts the back half's digits: its digit is no part of the number.
        for (const std::string &word : Detectors::RegistrationNumber::backHalfCountedWords()) {
            const QString words = u" "_qs + QString::fromStdString(word) + u" "_qs;
            QTest::addRow("counted, '%s'", word.c_str())
                << u"주민번호 앞 6자리 900101"_qs + words + u"1234567"_qs << rrn << u"900101"_qs + words + u"1234567"_qs
                << u"900101"_qs + words + u"1******"_qs;
        }
        const QString foreigner = u"901231 뒷자리 5234567"_qs;
        QTest::newRow("a foreigner's") << u"외국인등록번호 "_qs + foreigner << QStringLiteral("kr-frn") << foreigner
                                       << u"901231 뒷자리 5******"_qs;
    }
    void shouldFindRegistrationNumbersWhoseHalvesAreAskedForApart() { verifyPositive(); }

    // The back half alone, its word right after the number's label: the half that makes the number
    // a person's. Every word, with and without its particle and colon; the mask keeps the word and
    // the gender digit alone.
    void shouldFindTheBackHalfGivenAloneAfterTheLabel_data()
    {
        positiveColumns();
        for (const std::string &word : Detectors::RegistrationNumber::backHalfAloneWords()) {
            const QString words = QString::fromStdString(word);
            QTest::addRow("kr-rrn, '%s'", word.c_str())
                << u"주민등록번호 "_qs + words + u"2345678 입니다"_qs << u"kr-rrn"_qs << words + u"2345678"_qs
                << words + u"2******"_qs;
        }
        QTest::newRow("after 의") << u"주민번호의 뒷자리는 1234567"_qs << u"kr-rrn"_qs << u"뒷자리는 1234567"_qs
                                  << u"뒷자리는 1******"_qs;
        QTest::newRow("after a colon and a bracket")
            << u"(주민번호) 뒤 7자리: 4234567"_qs << u"kr-rrn"_qs << u"뒤 7자리: 4234567"_qs << u"뒤 7자리: 4******"_qs;
        QTest::newRow("a foreigner's") << u"외국인등록번호 뒷자리 6234567"_qs << u"kr-frn"_qs << u"뒷자리 6234567"_qs
                                       << u"뒷자리 6******"_qs;
        QTest::newRow("a foreigner's, after 의")
            << u"외국인등록번호의 뒷번호 5234567"_qs << u"kr-frn"_qs << u"뒷번호 5234567"_qs << u"뒷번호 5******"_qs;
        QTest::newRow("a foreigner's short label, after 의")
            << u"외국인번호의 뒷자리 7234567"_qs << u"kr-frn"_qs << u"뒷자리 7234567"_qs << u"뒷자리 7******"_qs;
        QTest::newRow("a spaced label") << u"주민 등록번호 뒷자리: 3234567"_qs << u"kr-rrn"_qs << u"뒷자리: 3234567"_qs
                                        << u"뒷자리: 3******"_qs;
        // A word glued before the label, as forms write them (from a review).
        QTest::newRow("a spouse's") << u"배우자주민번호 뒷자리 2345678"_qs << u"kr-rrn"_qs << u"뒷자리 2345678"_qs
                                    << u"뒷자리 2******"_qs;
        QTest::newRow("a representative's") << u"대표자주민등록번호 뒷자리: 2345678"_qs << u"kr-rrn"_qs
                                            << u"뒷자리: 2345678"_qs << u"뒷자리: 2******"_qs;
    }
    void shouldFindTheBackHalfGivenAloneAfterTheLabel() { verifyPositive(); }

    // Phones, cards and business numbers written so too, near their label (from a red-team pass:
    // only registration numbers were found so).
    void shouldFindOtherNumbersWrittenApartNearTheirLabel_data()
    {
        positiveColumns();
        for (const auto &[name, separator] :
             {std::pair {"tab", u"\t"_qs}, std::pair {"line break after the hyphen", u"-\n"_qs},
              std::pair {"CRLF after the hyphen, indented", u"-\r\n  "_qs}, std::pair {"slash", u"/"_qs},
              std::pair {"underscore", u"_"_qs}, std::pair {"tilde", u"~"_qs}}) {
            const QString phone = u"010"_qs + separator + u"2118"_qs + separator + u"5519"_qs;
            QTest::addRow("phone, %s", name) << u"휴대전화 "_qs + phone << u"kr-phone"_qs << phone
                                             << u"010"_qs + separator + u"****"_qs + separator + u"5519"_qs;
            const QString card = QStringList {u"6250"_qs, u"5651"_qs, u"5947"_qs, u"8920"_qs}.join(separator);
            QTest::addRow("card, %s", name)
                << u"카드번호 "_qs + card << u"credit-card"_qs << card
                << QStringList {u"****"_qs, u"****"_qs, u"****"_qs, u"8920"_qs}.join(separator);
            const QString business = u"314"_qs + separator + u"76"_qs + separator + u"24532"_qs;
            QTest::addRow("business number, %s", name)
                << u"사업자등록번호 "_qs + business << u"kr-business-reg"_qs << business
                << u"314"_qs + separator + u"76"_qs + separator + u"*****"_qs;
        }
        for (const auto &[name, separator] :
             {std::pair {"tab", u"\t"_qs}, std::pair {"line break after the hyphen", u"-\n"_qs},
              std::pair {"a space after the hyphen", u"- "_qs}, std::pair {"slash", u"/"_qs},
              std::pair {"underscore", u"_"_qs}, std::pair {"tilde", u"~"_qs}}) {
            const QString licence = QStringList {u"11"_qs, u"23"_qs, u"456789"_qs, u"01"_qs}.join(separator);
            QTest::addRow("driver's licence, %s", name)
                << u"운전면허번호 "_qs + licence << u"kr-driver-license"_qs << licence
                << QStringList {u"11"_qs, u"23"_qs, u"******"_qs, u"**"_qs}.join(separator);
            const QString account = QStringList {u"1002"_qs, u"123"_qs, u"456789"_qs}.join(separator);
            QTest::addRow("account, %s", name) << u"계좌번호 "_qs + account << u"kr-bank-account"_qs << account
                                               << QStringList {u"****"_qs, u"***"_qs, u"**6789"_qs}.join(separator);
        }
        QTest::newRow("account, one gap wrapped") << u"국민은행 계좌번호 123456-01-\n234567"_qs << u"kr-bank-account"_qs
                                                  << u"123456-01-\n234567"_qs << u"******-**-\n**4567"_qs;
        QTest::newRow("account, first gap a tab") << u"계좌번호 1002\t123-456789"_qs << u"kr-bank-account"_qs
                                                  << u"1002\t123-456789"_qs << u"****\t***-**6789"_qs;
        QTest::newRow("licence, only the last gap wrapped")
            << u"운전면허번호 11-23-456789-\n01"_qs << u"kr-driver-license"_qs << u"11-23-456789-\n01"_qs
            << u"11-23-******-\n**"_qs;
        QTest::newRow("licence, only the middle gap a slash")
            << u"운전면허번호 11 23/456789 01"_qs << u"kr-driver-license"_qs << u"11 23/456789 01"_qs
            << u"11 23/****** **"_qs;
        QTest::newRow("phone, one gap wrapped")
            << u"연락처 010-2345-\n6789"_qs << u"kr-phone"_qs << u"010-2345-\n6789"_qs << u"010-****-\n6789"_qs;
        // A reply quotes the wrapped line: the quote mark starts the next line (from a red-team pass).
        QTest::newRow("registration number wrapped in a quoted reply")
            << u"> 신청인 홍길동 주민등록번호 900101-\n> 1234568"_qs << u"kr-rrn"_qs << u"900101-\n> 1234568"_qs
            << u"900101-\n> 1******"_qs;
        QTest::newRow("phone wrapped in a reply quoted twice")
            << u">> 연락처 010-2345-\r\n>> 6789"_qs << u"kr-phone"_qs << u"010-2345-\r\n>> 6789"_qs
            << u"010-****-\r\n>> 6789"_qs;
        // Quoted deeper, or spaced as some clients quote, or a tab's indent (red-team).
        QTest::newRow("registration number wrapped in a reply quoted twice, spaced")
            << u"> > 주민번호 850315-\n> > 2345678"_qs << u"kr-rrn"_qs << u"850315-\n> > 2345678"_qs
            << u"850315-\n> > 2******"_qs;
        QTest::newRow("registration number wrapped in a reply quoted three times")
            << u">>> 주민번호 850315-\n>>> 2345678"_qs << u"kr-rrn"_qs << u"850315-\n>>> 2345678"_qs
            << u"850315-\n>>> 2******"_qs;
        QTest::newRow("registration number wrapped in a reply quoted three times, spaced")
            << u"> > > 주민번호 850315-\n> > > 2345678"_qs << u"kr-rrn"_qs << u"850315-\n> > > 2345678"_qs
            << u"850315-\n> > > 2******"_qs;
        QTest::newRow("phone wrapped, its next line indented by a tab")
            << u"연락처 010-2345-\n\t6789"_qs << u"kr-phone"_qs << u"010-2345-\n\t6789"_qs << u"010-****-\n\t6789"_qs;
        QTest::newRow("account wrapped in a quoted reply")
            << u"> 환불계좌 국민은행 123456-\n> 01-234567"_qs << u"kr-bank-account"_qs << u"123456-\n> 01-234567"_qs
            << u"******-\n> **-**4567"_qs;
        // From a red-team pass: Gyeonggi's north as a licence's region, a licence's serial and check
        // digits run together right after its label.
        QTest::newRow("licence, Gyeonggi's north by name")
            << u"운전면허번호 경기북부 14-748823-79"_qs << u"kr-driver-license"_qs << u"경기북부 14-748823-79"_qs
            << u"경기북부 14-******-**"_qs;
        QTest::newRow("licence, the last hyphen left out")
            << u"운전면허번호 13-24-65296230"_qs << u"kr-driver-license"_qs << u"13-24-65296230"_qs
            << u"13-24-********"_qs;
        // A system's export names the field in Latin letters; a number issued since 2020 fails its
        // check digit (from a red-team pass).
        QTest::newRow("a new registration number under an export's field name")
            << u"{\"juminNo\":\"2103154827361\"}"_qs << u"kr-rrn"_qs << u"2103154827361"_qs << u"2103154******"_qs;
        QTest::newRow("a new registration number after ssn")
            << u"ssn: 2103154827361"_qs << u"kr-rrn"_qs << u"2103154827361"_qs << u"2103154******"_qs;
        // A tab stop before the hyphen, as a form's text gives it (from a red-team pass).
        QTest::newRow("registration number, a tab before the hyphen")
            << u"주민등록번호\t900101\t-1234568"_qs << u"kr-rrn"_qs << u"900101\t-1234568"_qs << u"900101\t-1******"_qs;
        // Wrapped after the hyphen, a registration number needs what a bare one needs: a person on
        // its line is enough for a new number, whose check digit is random.
        QTest::newRow("a new registration number wrapped after a name")
            << u"홍길동 210315-\n4827361"_qs << u"kr-rrn"_qs << u"210315-\n4827361"_qs << u"210315-\n4******"_qs;
        // Some editors wrap before the hyphen: the next line starts with it.
        QTest::newRow("registration number wrapped before its hyphen")
            << u"주민등록번호 900101\n-1234568"_qs << u"kr-rrn"_qs << u"900101\n-1234568"_qs << u"900101\n-1******"_qs;
        QTest::newRow("registration number wrapped before its hyphen in a quoted reply")
            << u"> 주민번호 850315\r\n> -2345678"_qs << u"kr-rrn"_qs << u"850315\r\n> -2345678"_qs
            << u"850315\r\n> -2******"_qs;
        QTest::newRow("a new registration number wrapped before its hyphen after a name")
            << u"홍길동 210315\n-4827361"_qs << u"kr-rrn"_qs << u"210315\n-4827361"_qs << u"210315\n-4******"_qs;
        QTest::newRow("business number spaced twice") << u"사업자등록번호 317  31  54301"_qs << u"kr-business-reg"_qs
                                                      << u"317  31  54301"_qs << u"317  31  *****"_qs;
    }
    void shouldFindOtherNumbersWrittenApartNearTheirLabel() { verifyPositive(); }

    // A form's one field for a person or a company ("주민등록번호(법인등록번호)") names a person's
    // number too; an overseas Korean's residence report number (국내거소신고번호) is a foreigner's
    // registration number in form (a red-team pass found all of these missed).
    void shouldReadALabelThatNamesBothKindsOfNumber_data()
    {
        positiveColumns();
        const QString rrn = QStringLiteral("kr-rrn");
        const QString number = QStringLiteral("800101-1104334");
        const QString masked = QStringLiteral("800101-1******");
        for (const char *label : {"주민등록번호(법인등록번호): ", "성명(명칭): 홍길동 / 생년월일(법인등록번호): ",
                                  "주민등록번호 (법인인 경우 법인등록번호) : ", "주민등록번호 또는 법인등록번호 ",
                                  "주민등록번호·법인등록번호 ", "주민등록번호/법인등록번호 ", "주민/법인번호 "})
            QTest::addRow("%s", label) << QString::fromUtf8(label) + number << rrn << number << masked;
        // A number issued since 2020 (its check digit random) under the field's label.
        QTest::newRow("a new number") << u"주민등록번호(법인등록번호) 210315-4827361"_qs << rrn << "210315-4827361"
                                      << "210315-4******";
        const QString frn = QStringLiteral("kr-frn");
        QTest::newRow("residence report number") << u"거소신고번호: 850101-6600131"_qs << frn << "850101-6600131"
                                                 << "850101-6******";
        QTest::newRow("domestic residence report number")
            << u"외국국적동포 국내거소신고번호 850101-6863797"_qs << frn << "850101-6863797"
            << "850101-6******";
        QTest::newRow("either number") << u"외국인등록번호(거소신고번호): 900101-6001332"_qs << frn << "900101-6001332"
                                       << "900101-6******";
    }
    void shouldReadALabelThatNamesBothKindsOfNumber() { verifyPositive(); }

    // A header row's last title labels its own column, not the first cell of the row under it:
    // "주민등록번호,성명,신청번호" over "800101-1104334,홍길동,2024-0001" (found nothing before).
    void shouldFindTheFirstColumnUnderAHeaderEndingInAnotherNumber_data()
    {
        positiveColumns();
        struct Column
        {
            const char *title;
            const char *value;
            const char *detector;
            const char *masked;
        };
        const Column columns[] = {{"주민등록번호", "800101-1104334", "kr-rrn", "800101-1******"},
                                  {"휴대폰", "010-2118-5519", "kr-phone", "010-****-5519"},
                                  {"카드번호", "4960-0133-8908-3869", "credit-card", "****-****-****-3869"},
                                  {"여권번호", "M12345678", "kr-passport", "M123*****"},
                                  {"계좌번호", "110-234-567890", "kr-bank-account", "***-***-**7890"}};
        for (const Column &column : columns) {
            for (const char *last : {"신청번호", "접수번호", "관리번호", "법인등록번호"}) {
                for (const char *delimiter : {",", "\t", ";"}) {
                    const QString d = QString::fromUtf8(delimiter);
                    const QString value = QString::fromUtf8(column.value);
                    const QString text = QString::fromUtf8(column.title) + d + u"성명"_qs + d +
                        QString::fromUtf8(last) + u"\n"_qs + value + d + u"홍길동"_qs + d + u"2024-0001\n"_qs;
                    QTest::addRow("%s under %s, '%s'", column.title, last, delimiter)
                        << text << QString::fromUtf8(column.detector) << value << QString::fromUtf8(column.masked);
                }
            }
        }
    }
    void shouldFindTheFirstColumnUnderAHeaderEndingInAnotherNumber() { verifyPositive(); }

    // A form's boxes, a digit in each, as a PDF's text or a table's cells give them, under the label.
    void shouldFindRegistrationNumbersWrittenInBoxes_data()
    {
        positiveColumns();
        QTest::newRow("spaces, the hyphen in its own box") << u"주민등록번호 9 0 0 1 0 1 - 1 2 3 4 5 6 7"_qs << "kr-rrn"
                                                           << "9 0 0 1 0 1 - 1 2 3 4 5 6 7"
                                                           << "9 0 0 1 0 1 - 1 * * * * * *";
        QTest::newRow("spaces, no hyphen") << u"주민등록번호: 9 0 0 1 0 1 1 2 3 4 5 6 7 (신청인)"_qs << "kr-rrn"
                                           << "9 0 0 1 0 1 1 2 3 4 5 6 7"
                                           << "9 0 0 1 0 1 1 * * * * * *";
        QTest::newRow("a table's cells") << u"주민등록번호\t9\t0\t0\t1\t0\t1\t-\t1\t2\t3\t4\t5\t6\t7"_qs << "kr-rrn"
                                         << u"9\t0\t0\t1\t0\t1\t-\t1\t2\t3\t4\t5\t6\t7"_qs
                                         << u"9\t0\t0\t1\t0\t1\t-\t1\t*\t*\t*\t*\t*\t*"_qs;
        QTest::newRow("a PDF's layout: three spaces a box")
            << u"주민등록번호   9   0   0   1   0   1   -   1   2   3   4   5   6   7"_qs << "kr-rrn"
            << "9   0   0   1   0   1   -   1   2   3   4   5   6   7"
            << "9   0   0   1   0   1   -   1   *   *   *   *   *   *";
        QTest::newRow("full-width boxes")
            << u"외국인등록번호 ９ ０ ０ １ ０ １ － ５ ２ ３ ４ ５ ６ ７"_qs << "kr-frn"
            << u"９ ０ ０ １ ０ １ － ５ ２ ３ ４ ５ ６ ７"_qs << "9 0 0 1 0 1 - 5 * * * * * *";
    }
    void shouldFindRegistrationNumbersWrittenInBoxes() { verifyPositive(); }

    void shouldFindNothingInHardNegatives_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("iso date") << u"2024-06-11 회의"_qs;
        QTest::newRow("compact date") << u"기준일 20240611"_qs;
        QTest::newRow("dotted date") << u"2024. 6. 11. 공고"_qs;
        QTest::newRow("receipt number") << u"접수번호 20240611-0001234"_qs;
        // Halves apart with no check digit, no label and no person: a date and a number.
        QTest::newRow("a date and a number after it") << u"기준 900101 뒤 1234567 처리"_qs;
        QTest::newRow("a receipt number's halves") << u"접수번호 900101 뒷자리 1234568"_qs;
        // A spaced slash or tilde between a date and an amount, a label further back (from a review).
        QTest::newRow("a pay date and its amount") << u"외국인 근로자 3월 급여 지급일/금액: 240315 / 5200000원"_qs;
        QTest::newRow("a fee's date and amount") << u"외국인 등록 수수료 환급: 240315 / 5500000원 (총액)"_qs;
        QTest::newRow("a start date and a salary") << u"신분증 확인 완료. 입사일 / 급여: 240401 / 3200000"_qs;
        QTest::newRow("a birth date and an employee number") << u"생년월일 / 사번: 900101 / 2019034"_qs;
        QTest::newRow("order number 20 digits") << u"주문번호 12345678901234567890"_qs;
        QTest::newRow("waybill 20 digits glued") << u"송장번호12345678901234567890입니다"_qs;
        QTest::newRow("amount") << u"금액 1,234,567원"_qs;
        QTest::newRow("large amount") << u"총 123,456,789,012원"_qs;
        QTest::newRow("time") << u"10:30:45에 시작"_qs;
        QTest::newRow("date and time") << u"2024년 6월 11일 10시 30분"_qs;
        QTest::newRow("version") << "Qt 6.4.2, v1.2.3-beta";
        QTest::newRow("ip address") << u"서버 192.168.0.1 및 10.20.30.40"_qs;
        QTest::newRow("postcode") << u"우편번호 06236, 구 우편번호 123-456"_qs;
        QTest::newRow("document number") << u"서구주택과-12345 (2024.06.11.)"_qs;
        QTest::newRow("impossible month") << "901301-1234567";
        QTest::newRow("impossible day") << "900230-1234567";
        QTest::newRow("not a leap year") << "010229-3234567";
        QTest::newRow("future birth date") << "301231-3234567";
        QTest::newRow("rrn inside longer number") << "19001011234567";
        QTest::newRow("rrn behind hyphenated number") << "2024-900101-1234567";
        QTest::newRow("bare 13 digits without check or context") << u"번호 9001011234567"_qs;
        QTest::newRow("corporate registration number") << u"법인등록번호 110111-1234567"_qs;
        QTest::newRow("an insurance policy's number") << u"보험증권 123-45-678901 참조"_qs;
        // From a review: what a combined label, a broker's word, a short title and the new passport
        // form must not take.
        QTest::newRow("a document label after an identity word") << u"신분증(발급번호 240611-1234567)"_qs;
        QTest::newRow("a policy label after a phone word") << u"연락처(증권번호 010-2049-3482)"_qs;
        QTest::newRow("a list of fields, then a receipt label") << u"성명, 생년월일, 접수번호 240611-1234567"_qs;
        QTest::newRow("a guarantee policy") << u"하자보증증권 제123-45-6789012호 제출"_qs;
        QTest::newRow("a securities filing") << u"증권신고서 수리 제2024-123-4567호"_qs;
        QTest::newRow("equipment in the new passport form") << u"장비명: M123A4567"_qs;
        QTest::newRow("equipment after a three-syllable word") << u"기자재 M123A4567 납품"_qs;
        QTest::newRow("milligrams as a title") << u"약품명,MG,수량\n타이레놀,110234567890,3\n"_qs;
        QTest::newRow("a policy's column beside a code's") << u"관리코드,성명,증권번호\n010-2049-3482,홍길동,A-1\n"_qs;
        QTest::newRow("no date in a masked number") << u"1234567□□□□□□"_qs;
        // From a red-team pass.
        QTest::newRow("a processing number") << u"처리번호 231231-4567890"_qs;
        QTest::newRow("a drawing number in a licence's shape") << u"도면번호 11-12-345678-90"_qs;
        QTest::newRow("a document's ordinal in a licence's shape") << u"조항 제11-12-345678-90호"_qs;
        QTest::newRow("a document's ordinal, spaced") << u"공고 제 900101-1234568 호"_qs;
        QTest::newRow("a picture's name with its scale") << u"report@2x.png 파일"_qs;
        QTest::newRow("boxes ticked beside a bare number") << u"□ 2024년 □ 2023년 □ 123456-□□□□□□□"_qs;
        QTest::newRow("an amount with full stops for its thousands") << u"송금 12.345.678.900원"_qs;
        QTest::newRow("a part's code in the new passport form") << u"부품 교체: S123A4567 2개"_qs;
        // The field for either kind holds a company's: the corporate check digit holds, the resident one not.
        QTest::newRow("a corporate number under a label for either")
            << u"주민등록번호(법인등록번호): 110111-1000001"_qs;
        QTest::newRow("a label on the line above, no table") << u"접수번호\n800101-1104334"_qs;
        QTest::newRow("a column titled with another number's label")
            << u"신청번호,성명,비고\n800101-1104334,홍길동,없음\n"_qs;
        // Gender digits 9 and 0 mean born in the 1800s: nobody alive; a registry number looks so.
        QTest::newRow("born 1800s: nobody alive") << u"주민등록번호 991231-9234567"_qs;
        QTest::newRow("corporate number with 0 after a company") << u"㈜한빛건설(110111-0234567) 귀하"_qs;
        QTest::newRow("corporate number with 0, bare") << "110111-0234567";
        QTest::newRow("receipt number starting with a date") << u"접수번호 240611-1234567"_qs;
        QTest::newRow("order number starting with a date") << u"주문번호: 240611 1234567 배송"_qs;
        QTest::newRow("corporate number short word") << u"법인번호: 110111-1234567"_qs;
        QTest::newRow("business numbers 15xx") << u"콜센터 1588-1234, 1644-5678, 1800-1234"_qs;
        QTest::newRow("bare 82 run") << "821012345678";
        QTest::newRow("a ten-digit amount") << u"금액 1023456789"_qs;
        QTest::newRow("card groups with full stops, no card word") << u"버전 4787.7893.2879.2170"_qs;
        QTest::newRow("card groups with full stops, a decimal after") << u"카드 4787.7893.2879.2170.5"_qs;
        QTest::newRow("groups apart by spaces, the bank after them") << u"110 234 567890 신한"_qs;
        QTest::newRow("an amount's groups after an account word") << u"입금 12 345 678 900원"_qs;
        QTest::newRow("a date and time after an account word") << u"이체 2024 11 30 1230"_qs;
        QTest::newRow("ten digits starting 10, no label") << "1023456789";
        // Ten to twelve digits under a registration label are one without its zeros only when they
        // make a birth of the 2000s and their check digit matches.
        QTest::newRow("a date and rounds with middle dots") << u"일정: 2024·06·11, 1·2·3차 회의, 2024ㆍ06ㆍ11"_qs;
        QTest::newRow("zeros dropped, the check digit wrong") << u"주민번호 308174192835"_qs;
        QTest::newRow("zeros dropped, no label") << u"신청 308174192834 건"_qs;
        QTest::newRow("zeros dropped, a 1900s gender digit") << u"주민번호 10151123455"_qs;
        // From a red-team pass: numbers of documents, tasks and meters under their labels, sums
        // under an account word's, a passport section's budget.
        QTest::newRow("a voucher number, a transfer word") << u"송금 내역 첨부, 전표번호 2024-12345-001"_qs;
        QTest::newRow("a reference number, a transfer word") << u"송금 참조번호 1234567890"_qs;
        QTest::newRow("an issue number in a licence's shape") << u"교부번호 24-03-123456-01"_qs;
        QTest::newRow("an issue number in a registration number's shape") << u"발급번호 240315-3000121"_qs;
        QTest::newRow("an approval number") << u"결재번호 240315-1000013"_qs;
        QTest::newRow("a certificate's check number that passes Luhn") << u"문서확인번호 4567-8901-2345-6783"_qs;
        QTest::newRow("a water meter's customer number") << u"상수도 수용가번호 0212345678"_qs;
        QTest::newRow("a task number in a phone's shape") << u"과제번호 031-2024-0001"_qs;
        QTest::newRow("an amount deposited") << u"입금액\t1234567890"_qs;
        QTest::newRow("an amount transferred") << u"이체금액 1234567890"_qs;
        QTest::newRow("a passport section's budget") << u"민원여권과 주무관 홍길동, 2024년 예산: 12345678원"_qs;
        QTest::newRow("a regional city, not right before") << u"부산 지역 신청 110-123-456789 건"_qs;
        // From a review: a city, a company's name, a longer word that holds a bank's short name.
        QTest::newRow("a city right before an office's number") << u"대구 123-45-67890"_qs;
        QTest::newRow("a company's name ending in 산업") << u"대한산업 1234-56-789012"_qs;
        QTest::newRow("NH inside a longer code") << u"LNH 302-1234-5678-91"_qs;
        QTest::newRow("뱅크 inside a food bank's name") << u"푸드뱅크 1234-567-8901"_qs;

        QTest::newRow("not an area code") << "034-123-4567";
        // 010 and 070 numbers have four-digit middle groups.
        QTest::newRow("mobile with a three-digit middle") << "010-456-7890";
        QTest::newRow("internet phone with a three-digit middle") << "070-345-6789";
        // A shop publishes its personal number: only a phone word makes it a person's.
        QTest::newRow("a personal number with no phone word") << u"예약 0507-1234-5678"_qs;
        QTest::newRow("not a personal number's service code") << u"연락처 0501-1234-5678"_qs;
        // A quote mark joins a number's groups only after a hyphen and a line break.
        QTest::newRow("a quote mark between a date and a number") << u"> 2024\n> 1234-5678"_qs;
        QTest::newRow("a column's gap between a date and a number, no label") << u"2024.06.11  900101  1234568"_qs;
        QTest::newRow("a licence's digits run together, no label") << u"코드 13-24-65296230"_qs;
        // From a review: a birth date and an employee's number a column apart; a licence tax; a
        // cell's negative number after a tab.
        QTest::newRow("a birth date and another number, a column apart") << u"생년월일 900101  2019001"_qs;
        QTest::newRow("a licence tax, then a number") << u"면허세 납부 13-24-65296230"_qs;
        QTest::newRow("licence words, then a document's number") << u"운전면허 갱신 안내 문서 13-44-32403328"_qs;
        QTest::newRow("cells of a row, a negative number") << u"전화요금\t02\t-4671\t0712"_qs;
        QTest::newRow("a personal number's shape after a code's label") << u"TEL 0504-188  사업장코드 0506-863-2779"_qs;
        QTest::newRow("an amount's end and a day, after a bank") << u"산림조합\t876,000\t2023-08-22"_qs;
        QTest::newRow("a new registration number wrapped, nothing of a person") << u"코드 210315-\n4827361"_qs;
        QTest::newRow("a new registration number wrapped before its hyphen, nothing of a person")
            << u"코드 210315\n-4827361"_qs;
        // Two groups of eight and two are a broker's account only right after its label.
        QTest::newRow("eight and two digits, no account label") << u"접수 20240115-01 처리"_qs;
        // From a review: a day's transaction number, and a number with a date between it and the
        // bank word, are no account.
        QTest::newRow("a transaction number after an account word") << u"입금 20240611-0001 건"_qs;
        QTest::newRow("a day's transaction right after an account word") << u"계좌번호 20240916-941"_qs;
        QTest::newRow("a date and an amount between the word and the number")
            << u"2020.07.01 입금 2,221,000 20240916-941 하나"_qs;
        QTest::newRow("a date between the bank and a number of four groups") << u"신한 2022-03-05 682-65-12-33080"_qs;
        // Bills, products and assets carry numbers of every shape (from a red-team pass).
        QTest::newRow("a bill's number") << u"고지번호 8404012985756"_qs;
        QTest::newRow("a barcode after its label") << u"EAN 8804231771508"_qs;
        QTest::newRow("an asset number") << u"자산번호 M12345678"_qs;
        QTest::newRow("mobile bare, ten digits") << u"번호 0104567890"_qs;
        QTest::newRow("new passport form without context") << "M123A4567";
        QTest::newRow("passport inside a code") << "ABM12345678";
        QTest::newRow("lower-case passport form without its label") << "m12345678";
        QTest::newRow("spaced business number without its label") << "220 81 62517";
        QTest::newRow("spaced business number failing its check") << u"사업자등록번호 220 81 62518"_qs;
        QTest::newRow("a resolution, not a masked number") << u"해상도 1920x1080, 3840X2160"_qs;
        QTest::newRow("document code with a date") << u"문서번호 D20240611 참조"_qs;
        QTest::newRow("passport date") << u"여권 발급일 20240611"_qs;
        QTest::newRow("licence with unknown region") << "27-12-123456-12";
        QTest::newRow("bare licence without context") << "111212345612";
        QTest::newRow("card failing luhn") << "4111-1111-1111-1112";
        QTest::newRow("card unknown issuer") << "1234-5678-9012-3452";
        // Numbers run into numbers: thousands separators, decimals, flattened tables.
        QTest::newRow("phone after a thousands separator") << u"합계 1,234,010-2345-6789"_qs;
        // From a red-team pass: a card's groups, a Seoul number, a card's bare run after an amount.
        QTest::newRow("card after a thousands separator") << u"합계 1,234,9410-4423-2322-1837"_qs;
        QTest::newRow("Seoul number after a thousands separator") << u"합계 4,500,02-345-6789"_qs;
        QTest::newRow("bare card run after a thousands separator") << u"합계 1,234,9410442323221837"_qs;
        QTest::newRow("phone after a number and a full stop") << u"코드 6121.010-2345-6789"_qs;
        QTest::newRow("account running into an amount") << u"신한 110-123-456789,000원"_qs;
        QTest::newRow("amount of four groups") << u"금액 12,345,678,000원"_qs;
        QTest::newRow("phone running into a decimal") << u"값 010-2345-6789.3"_qs;
        QTest::newRow("date inside an account") << u"국민 22004-11-08205"_qs;
        QTest::newRow("pension fund is no bank") << u"국민연금 123-456-789012"_qs;
        QTest::newRow("health insurance is no bank") << u"국민건강보험 110-123-456789"_qs;
        QTest::newRow("bare run far from its label")
            << u"계좌 안내: 입금을 확인한 뒤 처리하며 번호는 12345678901234"_qs;
        QTest::newRow("document code with letters glued") << u"신한 L2024-123456-7890"_qs;
        QTest::newRow("guarantee number") << u"보증번호 900101-1234567"_qs;
        QTest::newRow("receipt number reading as a registration number") << u"영수증번호 9505122078801"_qs;
        QTest::newRow("a policy number shaped like a phone") << u"증권번호 010-2049-3482"_qs;
        QTest::newRow("an order number shaped like a business number") << u"주문번호 220-81-62517"_qs;
        QTest::newRow("a model number shaped like a passport") << u"모델명 M12345678 제품"_qs;
        QTest::newRow("approval number") << u"승인번호: 950512-2078801"_qs;
        QTest::newRow("case number") << u"사건번호 9505122078801"_qs;
        QTest::newRow("order number in English") << "Order No. 9505122078801";
        // From a red-team pass: a label with its word for a number, a code glued to the number.
        QTest::newRow("a letter of credit's number") << u"신용장 번호 850515-2123451"_qs;
        QTest::newRow("a receipt's number, spaced") << u"영수증 번호 850515-2123451"_qs;
        QTest::newRow("an L/C number") << "L/C No. 850515-2123451";
        QTest::newRow("an invoice number") << "Invoice No. 850515-2123451";
        QTest::newRow("a policy number, No for 번호") << u"증권 No. 850515-2123451"_qs;
        QTest::newRow("an order number, No for 번호") << u"주문 No 850515-2123451"_qs;
        QTest::newRow("a receipt number in English") << "Receipt Number 850515-2123451";
        QTest::newRow("a corporate registration number in English") << "Corporate Registration No. 110111-2345678";
        QTest::newRow("a document number with its country code") << u"문서번호 KR-850515-2123451"_qs;
        QTest::newRow("a policy number with a code, shaped like a phone") << u"문서번호 KR-010-2345-6789"_qs;
        QTest::newRow("guarantee number, its value on the next line") << u"보증번호\n900101-1234567"_qs;
        QTest::newRow("company with a two-word name") << u"한빛 건설 주식회사 (110111-1234567)"_qs;
        QTest::newRow("company word, then a two-word name") << u"주식회사 한빛 건설(110111-1234567)"_qs;
        QTest::newRow("company named with a title's letters") << u"주식회사 행복이사(110111-1234568)"_qs;
        // From a red-team pass: the abbreviated forms, brackets, and document numbers written with
        // their ordinal or "No." under a label, a bank's name after them.
        QTest::newRow("a foundation, abbreviated") << u"계약자: (재)한국문화진흥(520405-2742641), 대표이사 김민수"_qs;
        QTest::newRow("an association, abbreviated") << u"계약자: (사)푸른숲(980607-2829370), 대표 김민수"_qs;
        QTest::newRow("a company's number in brackets") << u"주식회사 한결 [940605-1676061]"_qs;
        // Company forms as people type them (a red-team pass: only the ASCII "(주)" was known).
        QTest::newRow("full-width parentheses") << u"（주）한빛（900101-1234568）"_qs;
        QTest::newRow("full-width company, ASCII parentheses") << u"（주）한빛(110111-2345670)"_qs;
        QTest::newRow("company in square brackets") << u"[주]한빛(900101-1234568)"_qs;
        QTest::newRow("company with spaces inside") << u"( 주 )한빛(900101-1234568)"_qs;
        QTest::newRow("company in Hanja") << u"(株)한빛(900101-1234568)"_qs;
        QTest::newRow("association, full-width") << u"（사）한빛회（900101-1234568）"_qs;
        // A document number in a licence's shape under its label is the document's.
        QTest::newRow("licence shape under a policy label") << u"증권번호 11-23-456789-01"_qs;
        QTest::newRow("licence shape under a guarantee label") << u"보증번호 11-23-456789-01"_qs;
        QTest::newRow("licence shape under a receipt label") << u"접수번호 11-23-456789-01"_qs;
        // From a review: a record's date and its number made of that date and a counter.
        QTest::newRow("a record number made of its date") << u"20210315,2103153000002,50000"_qs;
        QTest::newRow("a limited company") << u"유한회사 다온(940605-1676061)"_qs;
        QTest::newRow("a policy number with its ordinal") << u"증권번호 제826-71-344680호 (신한은행 지급보증)"_qs;
        QTest::newRow("a guarantee certificate's number") << u"보증서번호 826-71-344680 신한은행"_qs;
        QTest::newRow("a policy number, letters glued, shaped like a phone") << u"증권번호 M010-2345-6789"_qs;
        // Groups joined by what tools write count only near their label: a file's name, a price list.
        QTest::newRow("a file's name shaped like a phone") << u"파일 010_2118_5519.pdf"_qs;
        QTest::newRow("a price list's groups with slashes") << u"가격표 6250/5651/5947/8920"_qs;
        QTest::newRow("a code shaped like a business number") << u"코드 314/76/24532"_qs;
        QTest::newRow("company word on the line before another company") << u"주식회사 명단\n㈜한빛(110111-1234567)"_qs;
        QTest::newRow("customs declaration number") << u"신고번호 123-456-789012 국민"_qs;
        QTest::newRow("phone in a web address") << "https://www.example.go.kr/view?tel=010-2345-6789";
        QTest::newRow("rrn in a web address") << "www.gov.kr/a/900101-1234567";
        QTest::newRow("placeholder phone") << u"연락처 010-0000-0000"_qs;
        QTest::newRow("bare number after a word that is no name") << u"주문 2103154827361"_qs;
        // From a red-team pass: labels start with a surname's syllable as often as names do.
        QTest::newRow("a voucher number") << u"전표번호 2103154827361"_qs;
        QTest::newRow("a settlement") << u"정산 2103154827361"_qs;
        QTest::newRow("a statement") << u"명세서 2103154827361"_qs;
        QTest::newRow("a query number") << u"조회번호 2103154827361"_qs;
        QTest::newRow("a vehicle's registration") << u"차량등록 2103154827361"_qs;
        QTest::newRow("a tracking number after a colon") << u"배송 추적: 2103154827361"_qs;
        // From a review: decimals are no mobile's groups, and words that end as no given name does
        // (…중, …일, …물, …사) no name.
        QTest::newRow("a row of decimals") << u"0.16 12.34 5.678 2103154827361"_qs;
        QTest::newRow("a state in brackets") << u"[배송중] 2103154827361"_qs;
        QTest::newRow("a date's label between dashes") << u"- 주문일 - 2103154827361"_qs;
        QTest::newRow("a kind of mail") << u"우편물 2103154827361"_qs;
        QTest::newRow("a supplier") << u"공급사 2103154827361"_qs;
        QTest::newRow("bare number after a name glued to it") << u"홍길동2103154827361"_qs;
        // A name only one short cell before: two cells, or a long one, say nothing of whose it is.
        QTest::newRow("a name two cells before") << u"김하늘,여,5,2103154827361"_qs;
        QTest::newRow("a name before a long cell") << u"김하늘,전입신고서,2103154827361"_qs;
        QTest::newRow("a short cell and no name") << u"구매,1,2103154827361"_qs;
        QTest::newRow("a Korean product's barcode after a word like a name") << u"홍삼 8801062123452"_qs;
        QTest::newRow("a Korean product's barcode, a phone on the line") << u"구매 8801062123452 문의 010-0000-0000"_qs;
        QTest::newRow("bare number, another date on the line") << u"2103154827361 2021.03.16 접수"_qs;
        QTest::newRow("slash-separated without a label") << "900101/1234567";
        QTest::newRow("boxes without a label") << "9 0 0 1 0 1 - 1 2 3 4 5 6 8";
        QTest::newRow("scores of a person, one a box") << u"김하늘 9 0 0 1 0 1 1 2 3 4 5 6 8"_qs;
        QTest::newRow("boxes that go on past thirteen") << u"주민등록번호 9 0 0 1 0 1 - 1 2 3 4 5 6 7 8"_qs;
        QTest::newRow("wide boxes that go on past thirteen")
            << u"주민등록번호   9   0   0   1   0   1   -   1   2   3   4   5   6   7   -   8"_qs;
        QTest::newRow("boxes after a date written the same way")
            << u"주민등록번호 2 0 2 4 9 0 0 1 0 1 1 2 3 4 5 6 7"_qs;
        QTest::newRow("underscore-separated, nothing of a person") << "scan_900101_1234567.pdf";
        QTest::newRow("a decimal shaped like a registration number") << u"좌표 900101.1234568, 이름 김하늘"_qs;
        QTest::newRow("underscore-separated after a word glued to it") << u"문서_900101_1234567"_qs;
        // Files named with a word, a date and a number: no label, so no registration number, even
        // when the word starts like a surname or the check digit holds.
        QTest::newRow("a file named with a date and a number") << u"정산_240611_2024001.xlsx"_qs;
        QTest::newRow("a file named so, check digit holding") << u"신청서_900101_1234568.hwp"_qs;
        QTest::newRow("a file named with a word like a name") << u"정산_2406112024002.xlsx"_qs;
        QTest::newRow("a slash between the halves, check digit holding") << "900101/1234568";
        // Thirteen digits spaced out, a label further than right before them: a survey's answers.
        QTest::newRow("spaced answers near a context word")
            << u"생년월일 기재 후, 문항 응답: 3 1 1 2 1 5 2 4 3 2 1 1 2"_qs;
        QTest::newRow("line break after a hyphen without a label") << "900101-\n1234567";
        QTest::newRow("placeholder card") << u"카드번호 0000-0000-0000-0000"_qs;
        QTest::newRow("card-like group in a price list") << "4111 1111 1111 1111 2222 3333";
        QTest::newRow("company number in parentheses") << u"주식회사 한빛(110111-1234567) 귀하"_qs;
        QTest::newRow("foundation number in parentheses") << u"재단법인 나눔 (110111-2234567)"_qs;
        // After the company's name, without parentheses: the corporate check digit holds, the
        // person's does not (from a red-team pass).
        QTest::newRow("company number after 법인") << u"법인 110111-2345670"_qs;
        // Numbers of the same shape under labels that are no person's (from a red-team pass).
        QTest::newRow("an employee's number") << u"사번 M12345678"_qs;
        QTest::newRow("a student's number") << u"학번 S12345678"_qs;
        QTest::newRow("a flight") << u"항공편 M12345678"_qs;
        QTest::newRow("a virtual account that passes Luhn") << u"가상계좌 5403-1234-5678-9017"_qs;
        QTest::newRow("a payment reference that passes Luhn") << u"납부번호 4532123456789014"_qs;
        QTest::newRow("a budget code shaped as a business number") << u"예산코드 220-81-12341"_qs;
        // Amounts in won, whatever their digits look like: a date and a sum in a ledger's line.
        QTest::newRow("a date and an amount in won") << u"240513 1500000원"_qs;
        QTest::newRow("a date and an amount in won, a particle") << u"지급일 240513 1500000원을 지급"_qs;
        QTest::newRow("an amount in ten thousands of won") << u"출금 240513 3000000만원"_qs;
        QTest::newRow("company number after its name") << u"주식회사 한빛 110111-2345670 귀하"_qs;
        QTest::newRow("company number after (주) and its name") << u"(주)한빛소프트 110111-2345670"_qs;
        QTest::newRow("company number after ㈜, a colon") << u"㈜한빛 : 110111-2345670"_qs;
        QTest::newRow("company number shaped as a foreigner's") << u"법인 110111-5100021"_qs;
        QTest::newRow("company number after a foundation's full name") << u"재단법인 나눔 110111-2345670"_qs;
        QTest::newRow("account without bank word") << "110-123-456789";
        QTest::newRow("business number failing check") << "220-81-62518";
        QTest::newRow("bare business number without context") << "2208162517";
        QTest::newRow("at sign alone") << u"@홍길동 확인 부탁"_qs;
        QTest::newRow("address without domain dot") << "kim@localhost";
        QTest::newRow("double dot local part") << "a..b@korea.kr";
        QTest::newRow("mixed prose") << u"제2024-123호 공문에 따라 3개 부서 15명이 참석합니다."_qs;
        // From a red-team pass: labels written with a space, everyday words that are banks' short
        // names, a post office's mail numbers, a receipt number near the word 여권.
        QTest::newRow("spaced receipt label") << u"접수 번호 240611-1234561"_qs;
        QTest::newRow("spaced document label") << u"문서 번호 240611-1234561"_qs;
        QTest::newRow("spaced receipt label before a phone's shape")
            << u"접수 번호 010-2024-0001 로 접수되었습니다."_qs;
        QTest::newRow("우리 as 'we'") << u"우리 부서 협약 번호 2024-1234-56789 확인 바랍니다."_qs;
        QTest::newRow("하나 as 'one'") << u"하나 더 말씀드리면, 처리 건은 2024-0315-00012 입니다."_qs;
        QTest::newRow("a ginkgo tree is no bank") << u"은행나무 식재 사업 2024-1234-56789"_qs;
        QTest::newRow("registered mail") << u"우체국 등기 6012345678901 발송"_qs;
        QTest::newRow("parcel waybill") << u"우체국택배 송장 6071234567890"_qs;
        QTest::newRow("one hyphen, under an order label") << u"주문 번호 010-1234567"_qs;
        QTest::newRow("receipt number near the word passport") << u"여권 재발급 접수번호 12345678"_qs;
        // A back half's word says nothing of whose number follows it; seven digits after it are a
        // registration number's only right after that number's label, and only with its gender digit.
        QTest::newRow("an account's") << u"계좌번호 뒷자리 1234567 확인"_qs;
        QTest::newRow("a receipt's") << u"접수번호 뒷번호 1234567"_qs;
        QTest::newRow("no label") << u"뒷자리 1234567 입력"_qs;
        QTest::newRow("the label further back") << u"주민번호는 나중에 받고, 뒷자리 1234567 먼저"_qs;
        QTest::newRow("eight digits") << u"주민번호 뒷자리 12345678"_qs;
        QTest::newRow("six digits") << u"주민번호 뒷자리 123456"_qs;
        QTest::newRow("no gender digit a resident holds") << u"주민번호 뒷자리 9234567"_qs;
        QTest::newRow("a resident's gender digit after a foreigner's label") << u"외국인등록번호 뒷자리 1234567"_qs;
        QTest::newRow("glued to a number") << u"주민번호 뒷자리 1234567-89"_qs;
        // Words that support the detector elsewhere but are no label of the number (from a review).
        QTest::newRow("a count of foreigners") << u"외국인 뒤 5234567명"_qs;
        QTest::newRow("a complaint's number after a birth date's word") << u"생년월일 뒤 2023001호 민원"_qs;
        QTest::newRow("a document after an ID card's word") << u"신분증 뒤 2345678번 서류"_qs;
        QTest::newRow("an English field name") << u"SSN 뒤 1234567"_qs;
        QTest::newRow("a label inside a longer word") << u"입주민번호 뒷자리 2345678"_qs;
        QTest::newRow("a spaced label inside a longer word") << u"입주민 번호 뒤 2345678"_qs;
        QTest::newRow("a migrant's") << u"이주민번호 뒷자리 2345678"_qs;
    }
    void shouldFindNothingInHardNegatives()
    {
        QFETCH(QString, text);
        const ScanResult result = testScanner().scan(QStringView(text));
        QVERIFY(result.complete);
        QVERIFY2(result.findings.empty(), qPrintable(describe(result.findings, text)));
    }

    // Where two detectors could claim the same digits, the rule that knows the shape wins.
    void shouldGiveOverlappingShapesToTheRightDetector_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detector");
        QTest::newRow("phone next to account word") << u"계좌 문의 010-1234-5678"_qs << "kr-phone";
        // A mobile without its zero that also reads as a registration number without its zeros
        // (0001023456781, a valid one): its label says which it is.
        QTest::newRow("a mobile without its zero, after its label") << u"연락처 1023456781"_qs << "kr-phone";
        QTest::newRow("the same digits after a registration label") << u"주민번호 1023456781"_qs << "kr-rrn";
        QTest::newRow("a mobile apart by spaces after an account word") << u"계좌 010 2345 6789"_qs << "kr-phone";
        QTest::newRow("rrn next to account word") << u"계좌 900101-1234567"_qs << "kr-rrn";
        QTest::newRow("hangul licence next to bank word") << u"부산 12-123456-12"_qs << "kr-driver-license";
        QTest::newRow("masked rrn is never kr-rrn") << u"주민등록번호 900101-1******"_qs << "kr-rrn-masked";
        QTest::newRow("business number next to account word") << u"계좌 220-81-62517"_qs << "kr-business-reg";
        QTest::newRow("card next to bank word") << u"신한카드 4111-1111-1111-1111"_qs << "credit-card";
        // A bank's name is no person's name: a bare run after it is its account, not a registration number.
        QTest::newRow("bare account after a bank's name") << u"우리은행 1002153123450"_qs << "kr-bank-account";
        // From a red-team pass: a column titled 계좌번호 is a list of accounts, though thirteen-digit
        // ones look like a list of foreigners' numbers (whose rows of the same shape are evidence).
        QTest::newRow("an account column of thirteen digits")
            << u"| 성명 | 계좌번호 |\n|---|---|\n| 홍길동 | 1311218635202 |"_qs << "kr-bank-account";
        QTest::newRow("an account's label before thirteen digits")
            << u"계좌번호 9001011234568 국민은행"_qs << "kr-bank-account";
    }
    void shouldGiveOverlappingShapesToTheRightDetector()
    {
        QFETCH(QString, text);
        QFETCH(QString, detector);
        const ScanResult result = testScanner().scan(QStringView(text));
        QVERIFY2(result.findings.size() == 1, qPrintable(describe(result.findings, text)));
        QCOMPARE(result.findings.front().detector, detector);
    }

    // A list of numbers with no space after the commas is still a list: each one is found.
    void shouldFindEveryNumberOfACommaList()
    {
        const QString text = u"연락처 010-1234-5678,010-2345-6789,02-123-4567"_qs;
        const ScanResult result = testScanner().scan(QStringView(text));
        QVERIFY2(result.findings.size() == 3, qPrintable(describe(result.findings, text)));
        for (const Finding &f : result.findings)
            QCOMPARE(f.detector, QStringLiteral("kr-phone"));
    }

    // Without its card word a bare number is reported, lower: payment-card DLP does the same.
    void shouldReportABareCardNumberLowerThanOneWithItsWord()
    {
        const ScanResult bare = testScanner().scan(std::string_view("4111111111111111"));
        const ScanResult labelled = testScanner().scan(QStringView(u"카드번호 4111111111111111"_qs));
        QCOMPARE(bare.findings.size(), std::size_t(1));
        QCOMPARE(labelled.findings.size(), std::size_t(1));
        QVERIFY(bare.findings.front().confidence < labelled.findings.front().confidence);
    }

    void shouldRaiseConfidenceWithCheckDigitAndContext()
    {
        const auto confidenceOf = [](const QString &text) {
            const ScanResult result = testScanner().scan(QStringView(text));
            return result.findings.size() == 1 ? result.findings.front().confidence : -1.0;
        };
        const double plain = confidenceOf(QStringLiteral("850315-2345670"));
        const double checked = confidenceOf(QStringLiteral("850315-2345678"));
        const double checkedWithContext = confidenceOf(u"주민등록번호 850315-2345678"_qs);
        QVERIFY(plain > 0);
        QVERIFY(checked > plain);
        QVERIFY(checkedWithContext > checked);
    }

    void shouldFindEveryItemOfARoster()
    {
        QString roster;
        for (int i = 1; i <= 28; ++i)
            roster += QStringLiteral("%1. 신청인%1 9001%2-1234567 010-1234-%3\n")
                          .arg(i)
                          .arg(i, 2, 10, QLatin1Char('0'))
                          .arg(1000 + i);
        const ScanResult result = testScanner().scan(QStringView(roster));
        int rrns = 0;
        int phones = 0;
        for (const Finding &f : result.findings) {
            rrns += f.detector == QLatin1String("kr-rrn");
            phones += f.detector == QLatin1String("kr-phone");
        }
        QCOMPARE(rrns, 28);
        QCOMPARE(phones, 28);
        QCOMPARE(result.findings.size(), std::size_t(56));
    }
};

QTEST_GUILESS_MAIN(DetectorsTest)
#include "detectorstest.moc"
