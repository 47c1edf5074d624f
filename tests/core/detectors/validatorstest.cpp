// SPDX-License-Identifier: GPL-2.0-or-later
#include "detectors/validators.h"

#include <QTest>

#include <cstdio>

using namespace SendGuard::Core;

class ValidatorsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldDecodeBirthDateByCenturyDigit_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("1900s male") << "9001011234568" << QDate(1990, 1, 1);
        QTest::newRow("1900s female") << "8503152345678" << QDate(1985, 3, 15);
        QTest::newRow("2000s") << "0505053234567" << QDate(2005, 5, 5);
        QTest::newRow("2000 is a leap year") << "0002293123454" << QDate(2000, 2, 29);
        QTest::newRow("1800s, digit 9") << "9912319123456" << QDate(1899, 12, 31);
        QTest::newRow("1800s, digit 0") << "9912310123456" << QDate(1899, 12, 31);
        QTest::newRow("foreigner 1900s") << "9001015234561" << QDate(1990, 1, 1);
        QTest::newRow("foreigner 2000s") << "1007088234567" << QDate(2010, 7, 8);
        QTest::newRow("month 13") << "9013011234567" << QDate();
        QTest::newRow("February 30") << "9002301234567" << QDate();
        QTest::newRow("2001 is not a leap year") << "0102293123456" << QDate();
        QTest::newRow("1900 is not a leap year") << "0002291123456" << QDate();
        QTest::newRow("day zero") << "9001001234567" << QDate();
        QTest::newRow("too short") << "900101123456" << QDate();
        QTest::newRow("not digits") << "900101-123456" << QDate();
    }
    void shouldDecodeBirthDateByCenturyDigit()
    {
        QFETCH(QString, digits);
        QFETCH(QDate, expected);
        QCOMPARE(Validators::registrationBirthDate(digits.toStdString()), expected);
    }

    // Every YYMMDD with every century digit, months and days one past their range included: the
    // date is worked out without QDate's constructor, and must be the one it gives.
    void shouldDecodeEveryBirthDateAsQDateDoes()
    {
        int valid = 0;
        for (int yy = 0; yy < 100; ++yy) {
            for (int mm = 0; mm <= 13; ++mm) {
                for (int dd = 0; dd <= 32; ++dd) {
                    for (int gender = 0; gender < 10; ++gender) {
                        char digits[14];
                        std::snprintf(digits, sizeof digits, "%02d%02d%02d%d123456", yy, mm, dd, gender);
                        const int century = gender == 9 || gender == 0                 ? 1800
                            : gender == 3 || gender == 4 || gender == 7 || gender == 8 ? 2000
                                                                                       : 1900;
                        const QDate expected(century + yy, mm, dd);
                        const QDate decoded = Validators::registrationBirthDate(digits);
                        if (decoded != expected || decoded.isValid() != expected.isValid())
                            QFAIL(qPrintable(QStringLiteral("%1: %2, QDate says %3")
                                                 .arg(QLatin1String(digits), decoded.toString(Qt::ISODate),
                                                      expected.toString(Qt::ISODate))));
                        valid += decoded.isValid() ? 1 : 0;
                    }
                }
            }
        }
        // 365 days a year, 100 years for each of ten digits, and the leap days: 24 in the 1800s (two
        // digits), 24 in the 1900s and 25 in the 2000s (four digits each).
        QCOMPARE(valid, 365 * 100 * 10 + 24 * 2 + 24 * 4 + 25 * 4);
    }

    void shouldCheckRegistrationCheckDigits_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("rrn");
        QTest::addColumn<bool>("frn");
        // Foreigners' numbers are confirmed by either published rule: the residents' one, or it
        // plus 2 ((13 - sum mod 11) mod 10).
        QTest::newRow("rrn valid") << "9001011234568" << true << true;
        QTest::newRow("rrn off by one") << "9001011234569" << false << false;
        QTest::newRow("rrn 2000 leap day") << "0002293123454" << true << true;
        QTest::newRow("frn valid (rrn rule + 2)") << "9001015234561" << false << true;
        QTest::newRow("frn valid (the residents' rule)") << "9001015234569" << true << true;
        QTest::newRow("frn invalid") << "9001015234560" << false << false;
        QTest::newRow("wrong length") << "900101123456" << false << false;
    }
    void shouldCheckRegistrationCheckDigits()
    {
        QFETCH(QString, digits);
        QFETCH(bool, rrn);
        QFETCH(bool, frn);
        QCOMPARE(Validators::rrnCheckDigitMatches(digits.toStdString()), rrn);
        QCOMPARE(Validators::frnCheckDigitMatches(digits.toStdString()), frn);
    }

    void shouldCheckLuhnAndIssuer_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("luhn");
        QTest::addColumn<bool>("issuer");
        QTest::newRow("visa 16") << "4111111111111111" << true << true;
        QTest::newRow("visa 13") << "4222222222222" << true << true;
        QTest::newRow("visa 15 is no visa length") << "411111111111116" << true << false;
        QTest::newRow("mastercard 5x") << "5500000000000004" << true << true;
        QTest::newRow("mastercard 2-series") << "2223000048400011" << true << true;
        QTest::newRow("amex") << "378282246310005" << true << true;
        QTest::newRow("diners") << "30569309025904" << true << true;
        QTest::newRow("jcb") << "3566123456789015" << true << true;
        QTest::newRow("unionpay") << "6222123456789014" << true << true;
        QTest::newRow("korean domestic 9") << "9410123456789010" << true << true;
        QTest::newRow("luhn fails") << "4111111111111112" << false << true;
        QTest::newRow("unknown issuer 1") << "1234567890123452" << true << false;
        QTest::newRow("not digits") << "4111-1111" << false << false;
    }
    void shouldCheckLuhnAndIssuer()
    {
        QFETCH(QString, digits);
        QFETCH(bool, luhn);
        QFETCH(bool, issuer);
        QCOMPARE(Validators::luhnValid(digits.toStdString()), luhn);
        QCOMPARE(Validators::isKnownCardIssuer(digits.toStdString()), issuer);
    }

    void shouldCheckBusinessRegistrationDigit_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid 1") << "2208162517" << true;
        QTest::newRow("valid 2") << "1234567891" << true;
        QTest::newRow("valid 3") << "1058700626" << true;
        QTest::newRow("off by one") << "2208162518" << false;
        QTest::newRow("nine digits") << "220816251" << false;
    }
    void shouldCheckBusinessRegistrationDigit()
    {
        QFETCH(QString, digits);
        QFETCH(bool, valid);
        QCOMPARE(Validators::businessRegistrationCheckDigitMatches(digits.toStdString()), valid);
    }

    void shouldRecognizeCompactDates_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("date");
        QTest::newRow("date") << "20240611" << true;
        QTest::newRow("leap day") << "20240229" << true;
        QTest::newRow("not a leap year") << "20230229" << false;
        QTest::newRow("month 13") << "20241301" << false;
        QTest::newRow("year 1899") << "18991231" << false;
        QTest::newRow("passport-like") << "12345678" << false;
    }
    void shouldRecognizeCompactDates()
    {
        QFETCH(QString, digits);
        QFETCH(bool, date);
        QCOMPARE(Validators::isCompactDate(digits.toStdString()), date);
    }

    void shouldKeepOnlyDigits()
    {
        QCOMPARE(Validators::digitsOf("+82 (0)10-1234"), std::string("820101234"));
        QCOMPARE(Validators::digitsOf("no digits"), std::string());
    }
};

QTEST_GUILESS_MAIN(ValidatorsTest)
#include "validatorstest.moc"
