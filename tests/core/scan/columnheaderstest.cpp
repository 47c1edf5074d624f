// SPDX-License-Identifier: GPL-2.0-or-later
// A table's column header is the context of every row of its column, however far down.
#include "scannerfortests.h"

#include "scan/streamscanner.h"

#include <QTest>

#include <algorithm>
#include <cstring>

using namespace SendGuard::Core;
using SendGuard::Tests::testScanner;

namespace {

std::size_t countOf(const std::vector<Finding> &findings, const char *detector)
{
    return static_cast<std::size_t>(std::count_if(
        findings.begin(), findings.end(), [&](const Finding &f) { return f.detector == QLatin1String(detector); }));
}

// A roster whose numbers carry no label of their own: bare registration numbers with random last
// digits (as issued since 2020; the check digit proves nothing) and bare account numbers.
std::string roster(char delimiter, int rows, int *checkDigitFails)
{
    const char d = delimiter;
    std::string text = std::string("성명") + d + "주민등록번호" + d + "연락처" + d + "주소" + d + "계좌번호\n";
    *checkDigitFails = 0;
    for (int i = 0; i < rows; ++i) {
        char rrn[16];
        std::snprintf(rrn, sizeof rrn, "2103%02d4%06d", 1 + i % 28, (i * 7919) % 1000000);
        char account[16];
        std::snprintf(account, sizeof account, "3021%08d", 10000000 + (i * 104729) % 90000000);
        text += std::string("홍길동") + d + rrn + d + "010-2345-" + std::to_string(1000 + i % 9000) + d +
            "\"인천광역시 서구, 청라동\"" + d + account + "\n";
        ++*checkDigitFails; // counted below by the scan without the header
    }
    return text;
}

// A reader that gives at most a few hundred bytes a call, as a pipe may: the stream's blocks are
// then as small as it is told, not as large as one read.
StreamScanner::Read readerInPieces(std::string_view bytes)
{
    return [bytes, position = std::size_t {0}](char *data, std::size_t capacity) mutable -> std::int64_t {
        const std::size_t n = std::min({capacity, bytes.size() - position, std::size_t(300)});
        if (n > 0)
            std::memcpy(data, bytes.data() + position, n);
        position += n;
        return static_cast<std::int64_t>(n);
    };
}

} // namespace

class ColumnHeadersTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldLabelEveryRowOfAColumn_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::newRow("csv") << ',';
        QTest::newRow("tab-separated (cells copied from a spreadsheet)") << '\t';
        QTest::newRow("semicolons (CSV where the comma is the decimal point)") << ';';
        QTest::newRow("bars") << '|';
    }

    // From a review: rows that look like titles only count as a header where no table is going on.
    // A data row with a label word and a few digits under a header, or a one-cell heading, leaves
    // the header in force; a header whose first column has no title (an index column, ",계좌번호")
    // is one at a table's top. A line without the table's delimiter is no row of it, and a word
    // that counts only right before a number (기업) labels no column.
    // Each row: a text, a detector, and how many of its findings there may be (at least, at most).
    void shouldTellAHeaderFromARowThatLooksLikeOne_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("detector");
        QTest::addColumn<int>("least");
        QTest::addColumn<int>("most");
        QByteArray rows;
        for (int i = 0; i < 6; ++i)
            rows += "김철수,없음,없음\n";
        const QByteArray last = "홍길동,없음,302123456789\n";
        // A row with words in every cell is no header: the header above still labels the last row.
        QTest::newRow("a worded row below the header")
            << "성명,비고,계좌번호\n" + rows + "이영희,계좌 2개 보유,\n" + last << QByteArray("kr-bank-account") << 1
            << 1;
        QByteArray indexed = ",계좌번호\n";
        for (int i = 0; i < 8; ++i)
            indexed += QByteArray::number(i) + ",3021" + QByteArray::number(10000000 + i * 7919) + "\n";
        QTest::newRow("a header whose first title is empty") << indexed << QByteArray("kr-bank-account") << 8 << 8;
        // A bank's short name as a title says nothing of the column's numbers.
        QTest::newRow("a bank's name as a title")
            << "성명,비고,기업\n" + rows + last << QByteArray("kr-bank-account") << 0 << 0;
        // A red-team pass: a phone's short Latin label titles its column, numbers that lost their
        // leading zero in a spreadsheet included; a longer title with it does not.
        for (const char *title : {"HP", "H/P", "H.P.", "HP번호", "\"H.P\""})
            QTest::addRow("%s as a title", title) << "성명,비고," + QByteArray(title) + "\n홍길동,없음,1023456789\n"
                                                  << QByteArray("kr-phone") << 1 << 1;
        QTest::newRow("a phone's short label inside a longer title")
            << QByteArray("성명,비고,HP 교체일\n홍길동,없음,1023456789\n") << QByteArray("kr-phone") << 0 << 0;
        // From a review: a label's English form ("고객 No") is no prefix of another word ("고객 Notes").
        QTest::newRow("a title that starts like a label with No")
            << QByteArray("성명,고객 Notes\n홍길동,850515-2123451\n") << QByteArray("kr-rrn") << 1 << 1;
        QTest::newRow("a title that is a label with No")
            << QByteArray("성명,고객 No.\n홍길동,850515-2123451\n") << QByteArray("kr-rrn") << 0 << 0;
        QTest::newRow("a sentence with a semicolon")
            << QByteArray("회사 법인등록번호는 따로 보냅니다; 아래는 직원 명단입니다.\n홍길동 900101-1234568 서울\n")
            << QByteArray("kr-rrn") << 1 << 1;
        // A birth date beside an employee number is no registration number, a row or more below a
        // header that names only the birth date.
        QByteArray staff = "성명,생년월일,사번\n";
        for (int i = 0; i < 10; ++i)
            staff += "홍길동,9001" + QByteArray::number(10 + i) + ",1" + QByteArray::number(234500 + i) + "\n";
        QTest::newRow("a birth date beside an employee number") << staff << QByteArray("kr-rrn") << 0 << 1;
        // An official form's header often ends in an instruction longer than a title: the titles
        // beside it still label their columns. A sentence with commas, a long part and a short
        // one, labels nothing.
        const QByteArray instruction = "비고(지급 대상자 본인 명의의 계좌가 아닌 경우 반드시 사유를 기재하고 관련 "
                                       "증빙 서류를 첨부하여 제출하여 주시기 바랍니다)";
        QByteArray form = "번호\t성명\t주소\t계좌번호\t" + instruction + "\n";
        for (int i = 0; i < 8; ++i)
            form +=
                QByteArray::number(i + 1) + "\t홍길동\t서울\t3021" + QByteArray::number(10000000 + i * 7919) + "\t\n";
        QTest::newRow("titles beside an instruction") << form << QByteArray("kr-bank-account") << 8 << 8;
        QByteArray prose = "계좌번호는 아래와 같으며, " + instruction + "\n";
        for (int i = 0; i < 8; ++i)
            prose += "3021" + QByteArray::number(10000000 + i * 7919) + ", 접수 완료\n";
        QTest::newRow("a sentence with commas and a long part") << prose << QByteArray("kr-bank-account") << 0 << 0;
        // From a review: three short parts and a long one are a sentence still, whose words
        // (접수번호) would rule the numbers under them out.
        const QByteArray listed = "담당자, 접수번호, 주문번호, " + instruction + "\n홍길동, 900101-1234568\n";
        QTest::newRow("a sentence of three short parts and a long one") << listed << QByteArray("kr-rrn") << 1 << 1;
        // Eighty columns of titles make a header of 2.5 KB.
        QByteArray wide = "순번,주민등록번호,계좌번호";
        for (int i = 0; i < 80; ++i)
            wide += ",세부 사업별 집행 실적 " + QByteArray::number(i % 10) + "차";
        wide += "\n";
        for (int i = 0; i < 8; ++i)
            wide += QByteArray::number(i + 1) + ",1985" + QByteArray::number(1001 + i) + "1234567,3021" +
                QByteArray::number(10000000 + i * 7919) + QByteArray(80, ',') + "\n";
        QTest::newRow("a header of eighty columns") << wide << QByteArray("kr-bank-account") << 8 << 8;
    }

    void shouldTellAHeaderFromARowThatLooksLikeOne()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, detector);
        QFETCH(int, least);
        QFETCH(int, most);
        const std::size_t found =
            countOf(testScanner().scan(std::string_view(text.constData(), std::size_t(text.size()))).findings,
                    detector.constData());
        QVERIFY2(found >= std::size_t(least) && found <= std::size_t(most), QByteArray::number(qulonglong(found)));
    }

    // A registration number kept as two cells, its birth date and its last seven digits, under
    // headers that say so: one number on every row however far down. Without the headers two
    // numbers side by side in a CSV row are two numbers.
    void shouldJoinTheHalvesOfANumberKeptInTwoColumns()
    {
        std::string text = "성명,주민번호 앞자리,주민번호 뒷자리,비고\n";
        for (int i = 0; i < 200; ++i) {
            char row[64];
            std::snprintf(row, sizeof row, "홍길동,0%d%02d%02d,3%06d,없음\n", 1 + i % 9, 1 + i % 12, 1 + i % 28,
                          (i * 7919) % 1000000);
            text += row;
        }
        const ScanResult result = testScanner().scan(std::string_view(text));
        QCOMPARE(countOf(result.findings, "kr-rrn"), std::size_t(200));
        QVERIFY(result.findings.front().masked.endsWith(QLatin1String(",3******")));
        const std::string body = text.substr(text.find('\n') + 1);
        QCOMPARE(countOf(testScanner().scan(std::string_view(body)).findings, "kr-rrn"), std::size_t(0));
    }

    // A fixed-width table, as a roster pasted into a mail: columns lined up with spaces, two or more
    // between cells. A sentence with two spaces in it is no header.
    void shouldLabelTheRowsOfAFixedWidthTable()
    {
        std::string text = "연번  성명    계좌번호        비고\n";
        for (int i = 0; i < 30; ++i)
            text += std::to_string(100 + i) + "   홍길동  3021" + std::to_string(10000000 + i * 7919) + "    지급\n";
        const ScanResult result = testScanner().scan(std::string_view(text));
        QCOMPARE(countOf(result.findings, "kr-bank-account"), std::size_t(30));
        const std::string body = text.substr(text.find('\n') + 1);
        QCOMPARE(countOf(testScanner().scan(std::string_view(body)).findings, "kr-bank-account"), std::size_t(0));
        const std::string sentence = "안녕하세요.  계좌번호 안내입니다.  확인 바랍니다.\n" + body;
        QCOMPARE(countOf(testScanner().scan(std::string_view(sentence)).findings, "kr-bank-account"), std::size_t(0));
    }

    // A quote mark inside a cell ('5" 디스켓', a size in inches) is text: the row's other cells stay
    // in their columns (from a review: it opened a quoted cell to the end of the row, and the
    // account after it lost its title). A quoted cell with a doubled quote mark in it is one cell.
    void shouldReadAQuoteMarkInsideACellAsText()
    {
        std::string text = "물품,계좌번호,비고\n";
        for (int i = 0; i < 30; ++i)
            text += std::string(i % 2 == 0 ? "5\" 디스켓" : "\"3.5\"\" 디스켓, 2매\"") + ",3021" +
                std::to_string(10000000 + i * 7919) + ",지급\n";
        const ScanResult result = testScanner().scan(std::string_view(text));
        QCOMPARE(countOf(result.findings, "kr-bank-account"), std::size_t(30));
    }

    // A table as pdftotext and poppler's layout give a PDF's: a long number a single space from the
    // next cell in some rows (red team: the accounts of those rows lost their column). A row's
    // cells are then told by where the titles start, in characters.
    void shouldPlaceTheCellsOfATableReadFromAPdf()
    {
        std::string text = "성명      주민등록번호     연락처          계좌번호\n";
        for (int i = 0; i < 30; ++i) {
            const std::string gap = i % 2 == 0 ? " " : "   ";
            text += "김민수    631215-18213" + std::to_string(10 + i) + gap + "010-2312-" + std::to_string(5300 + i) +
                "   125-925-5" + std::to_string(27000 + i) + "\n";
        }
        const ScanResult result = testScanner().scan(std::string_view(text));
        QCOMPARE(countOf(result.findings, "kr-bank-account"), std::size_t(30));
        QCOMPARE(countOf(result.findings, "kr-phone"), std::size_t(30));
    }

    // A Markdown table, as chat tools and wikis write one: bars around every row, and a row of
    // dashes under the header.
    void shouldLabelTheRowsOfAMarkdownTable()
    {
        std::string text = "| 성명 | 계좌번호 | 비고 |\n|---|:---:|---|\n";
        for (int i = 0; i < 30; ++i)
            text += "| 홍길동 | 3021" + std::to_string(10000000 + i * 7919) + " | 지급 |\n";
        const ScanResult result = testScanner().scan(std::string_view(text));
        QCOMPARE(countOf(result.findings, "kr-bank-account"), std::size_t(30));
        const std::string body = text.substr(text.find('\n') + 1);
        QCOMPARE(countOf(testScanner().scan(std::string_view(body)).findings, "kr-bank-account"), std::size_t(0));
    }

    void shouldLabelEveryRowOfAColumn()
    {
        QFETCH(char, delimiter);
        int rows = 0;
        const std::string text = roster(delimiter, 500, &rows);
        const ScanResult result = testScanner().scan(std::string_view(text));
        QVERIFY(result.complete);
        QCOMPARE(countOf(result.findings, "kr-bank-account"), std::size_t(rows));
        QCOMPARE(countOf(result.findings, "kr-rrn"), std::size_t(rows));
        QCOMPARE(countOf(result.findings, "kr-phone"), std::size_t(rows));

        // The same rows without their header: the bare accounts have nothing to go on (the
        // registration numbers still have the name and the phone on their row).
        const std::string body = text.substr(text.find('\n') + 1);
        const ScanResult bare = testScanner().scan(std::string_view(body));
        QCOMPARE(countOf(bare.findings, "kr-bank-account"), std::size_t(0));
    }

    void shouldLabelOnlyItsOwnColumn()
    {
        // Rows further down than any label's reach: only the column can say what a value is.
        std::string text = "성명,비고,계좌번호\n";
        for (int i = 0; i < 5; ++i)
            text += "김철수,없음,없음\n";
        const std::string row = "홍길동,302123456789,없음\n";
        QVERIFY(testScanner().scan(std::string_view(text + row)).findings.empty());
        const ScanResult own = testScanner().scan(std::string_view(text + "홍길동,없음,302123456789\n"));
        QCOMPARE(own.findings.size(), std::size_t(1));
    }

    // A header row holds no number. A digit in a cell without a title word, inside an eight-byte
    // word or in the tail the digit test looks at byte by byte, makes it a plain row that labels
    // nothing; so does a long run of digits. A title may carry a few: "계좌번호1", "계좌번호(2024년)".
    void shouldTakeNoRowWithANumberForAHeader()
    {
        const std::string header = "성명,비고,계좌번호";
        std::string rows;
        for (int i = 0; i < 5; ++i)
            rows += "김철수,없음,없음\n";
        rows += "홍길동,없음,302123456789\n";
        QCOMPARE(testScanner().scan(std::string_view(header + "\n" + rows)).findings.size(), std::size_t(1));
        for (std::size_t at = 0; at < header.find("계좌번호"); ++at) {
            if ((static_cast<unsigned char>(header[at]) & 0xC0) == 0x80)
                continue; // inside a character
            const std::string withDigit = header.substr(0, at) + "7" + header.substr(at);
            QVERIFY2(testScanner().scan(std::string_view(withDigit + "\n" + rows)).findings.empty(), withDigit.c_str());
        }
        for (const char *title : {"계좌번호1", "계좌번호(2024년)", "2차 계좌번호"})
            QCOMPARE(
                testScanner().scan(std::string_view("성명,비고," + std::string(title) + "\n" + rows)).findings.size(),
                std::size_t(1));
        QVERIFY(testScanner().scan(std::string_view("성명,비고,계좌번호12345\n" + rows)).findings.empty());
    }

    // Titles as forms and payment rosters write them: spread over their cell, with a month or a
    // year, with commas inside a tab-separated title. Each header has the account number last,
    // after three other columns.
    void shouldReadTitlesAsTablesWriteThem_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("spaced out") << QByteArray("성    명,비    고,주 소,계 좌 번 호") << ',';
        QTest::newRow("a month's title") << QByteArray("성명,1월,2월,계좌번호") << ',';
        QTest::newRow("a year in parentheses")
            << QByteArray("성명,지급액(2024년),주소 (2024. 1. 1. 기준),계좌번호") << ',';
        QTest::newRow("commas inside a tab-separated title")
            << QByteArray("성명\t주소 (시, 군, 구, 동, 번지)\t비고\t계좌번호") << '\t';
    }
    void shouldReadTitlesAsTablesWriteThem()
    {
        QFETCH(QByteArray, header);
        QFETCH(char, delimiter);
        std::string text = header.toStdString() + "\n";
        for (int i = 0; i < 5; ++i)
            text += std::string("홍길동") + delimiter + "없음" + delimiter + "없음" + delimiter + "3021" +
                std::to_string(10000000 + i * 7919) + "\n";
        QCOMPARE(countOf(testScanner().scan(std::string_view(text)).findings, "kr-bank-account"), std::size_t(5));
    }

    // From a red-team pass over tables as spreadsheets write them. Each row: a text and how many
    // account numbers (bare, no bank word: only a column's title names them) it holds that a
    // reader would take for accounts.
    void shouldFollowTablesAsSpreadsheetsWriteThem_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("accounts");
        const QByteArray rows = "홍길동,없음,302123456789\n김철수,없음,302987654321\n이영희,없음,302555512345\n";
        QTest::newRow("an empty row inside the table")
            << QByteArray("성명,주소,계좌번호\n홍길동,없음,302123456789\n,,\n") + rows << 4;
        QTest::newRow("a row of words right under the header is a row")
            << QByteArray("성명,주소,계좌번호\n홍길동,미제출,미제출\n") + rows << 3;
        // From a review: rows of words after an empty row are rows, not the titles of a next table.
        QTest::newRow("a row of words after an empty row is a row")
            << QByteArray("성명,주소,계좌번호\n홍길동,서울,302123456789\n,,\n김철수,미제출,미제출\n"
                          "이영희,서울,302987654321\n박민수,부산,302555512345\n")
            << 3;
    }
    void shouldFollowTablesAsSpreadsheetsWriteThem()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, accounts);
        const std::string_view view(text.constData(), std::size_t(text.size()));
        QCOMPARE(countOf(testScanner().scan(view).findings, "kr-bank-account"), std::size_t(accounts));
    }

    // Four digits in a title leave it a title, five make the row data, wherever the run falls in the
    // line (a line's digits are first looked for eight bytes at a time, then its runs one by one).
    void shouldTellATitlesDigitsFromDataAtEveryAlignment()
    {
        for (int pad = 0; pad < 16; ++pad) {
            for (const char *number : {"1234", "12345"}) {
                const std::string header = std::string(std::size_t(pad), 'a') + "연락처" + number + ",비고,계좌번호\n";
                const std::string text =
                    header + "홍길동,없음,302123456789\n김철수,없음,302987654321\n이영희,없음,302555512345\n";
                const std::size_t found =
                    countOf(testScanner().scan(std::string_view(text)).findings, "kr-bank-account");
                // Under no header the first row may still be found, its label a line above it.
                if (std::strlen(number) == 4)
                    QCOMPARE(found, std::size_t(3));
                else
                    QVERIFY2(found <= 1, qPrintable(QString::number(pad)));
            }
        }
    }

    // A heading inside the table (one filled cell: "[국민은행 지급분],,") is no header: the table's
    // own header stays in force below it.
    void shouldKeepTheHeaderAcrossAHeadingInTheTable()
    {
        std::string text = "연번,성명,계좌번호\n";
        for (int i = 0; i < 6; ++i)
            text += std::to_string(i + 1) + ",김철수,없음\n";
        text += ",(이하 우리은행 지급분),\n";
        text += "7,홍길동,302123456789\n";
        QCOMPARE(countOf(testScanner().scan(std::string_view(text)).findings, "kr-bank-account"), std::size_t(1));
    }

    void shouldEndTheTableAtABlankLine()
    {
        const ScanResult result = testScanner().scan(std::string_view(
            "성명,계좌번호\n홍길동,302123456789\n\n이름과 번호만 적은 줄입니다.\n김철수,302987654321\n"));
        QCOMPARE(result.findings.size(), std::size_t(1));
    }

    void shouldRuleOutAColumnOfCompanyNumbers()
    {
        // 110111-1234568 would be a person's number with a valid check digit; its column says otherwise.
        const ScanResult result = testScanner().scan(
            std::string_view("법인명,법인등록번호\n한빛건설,1101111234568\n나눔재단,1101112234567\n"));
        QVERIFY(result.findings.empty());
    }

    // One huge line after a header, full of numbers: each lookup stops at its reach and reuses the
    // last line start, so the scan stays linear instead of walking back for every number.
    void shouldStayLinearOnOneHugeLine()
    {
        std::string text = "성명,주민등록번호\n";
        const std::string item = "홍길동 900101-1234567 ";
        const int items = (4 << 20) / int(item.size());
        for (int i = 0; i < items; ++i)
            text += item;
        const ScanResult result = testScanner().scan(std::string_view(text));
        QVERIFY(result.complete);
        QCOMPARE(countOf(result.findings, "kr-rrn"), std::size_t(items));
    }

    // Rows that end in more than a block's context of spaces: the view of the next block starts in
    // the middle of one, which is neither a blank line nor a header.
    void shouldKnowABlockStartsInsideALine()
    {
        // Rows of short cells without digits after the account, one of them naming an account:
        // the last KiB of a row, read alone, looks like a header row whose columns are shifted.
        const std::string cell = "가나다라마바사아자차가나다라마바사아자차";
        std::string text = "성명,계좌번호,비고\n";
        for (int i = 0; i < 300; ++i) {
            text += "홍길동," + std::to_string(302100000001LL + i * 7919);
            for (int c = 0; c < 4; ++c)
                text += "," + cell;
            text += ",계좌 메모";
            for (int c = 0; c < 15; ++c)
                text += "," + cell;
            text += "\n";
        }
        const ScanResult whole = testScanner().scan(std::string_view(text));
        QCOMPARE(countOf(whole.findings, "kr-bank-account"), std::size_t(300));
        std::size_t streamed = 0;
        const StreamScanner::Result result =
            StreamScanner(testScanner(), 4096)
                .scan(StreamScanner::readerOver(text),
                      [&](std::string_view, std::uint64_t, std::vector<Finding> &&found) {
                          streamed += countOf(found, "kr-bank-account");
                      });
        QVERIFY(result.complete);
        QCOMPARE(streamed, std::size_t(300));
    }

    // A stream scanned in blocks carries the header from the block it was in to every later one.
    // A row of notes under the titles ("(외국인은 외국인등록번호)") says how to fill them in: the
    // titles stay in force. A stream read a little at a time, its blocks cut all over the tables,
    // gives what the whole text gives. A row of words that are no notes is a header of its own.
    void shouldKeepTheTitlesOverARowOfNotes()
    {
        const std::string header = "성명,주민등록번호,주소,계좌번호\n";
        const std::string note = ",(외국인은 외국인등록번호),(도로명),※ 본인 명의\n";
        std::string text;
        std::size_t accounts = 0;
        for (int table = 0; table < 40; ++table) {
            text += "\n" + header;
            for (int notes = 0; notes < table % 3; ++notes)
                text += note;
            for (int row = 0; row < (table % 5 == 0 ? 400 : 3 + table % 7); ++row, ++accounts)
                text += "홍길동,없음,서울," + std::to_string(302100000000LL + 7919LL * (table * 1000 + row)) + "\n";
        }
        const ScanResult whole = testScanner().scan(std::string_view(text));
        QCOMPARE(countOf(whole.findings, "kr-bank-account"), accounts);
        for (const std::size_t chunk : {std::size_t(1500), std::size_t(2048)}) {
            const auto trickle = [&text, chunk,
                                  position = std::size_t(0)](char *data, std::size_t capacity) mutable -> std::int64_t {
                const std::size_t n = std::min({capacity, chunk, text.size() - position});
                std::memcpy(data, text.data() + position, n);
                position += n;
                return static_cast<std::int64_t>(n);
            };
            std::vector<Finding> streamed;
            QVERIFY(StreamScanner(testScanner(), 4096)
                        .scan(trickle,
                              [&](std::string_view, std::uint64_t, std::vector<Finding> &&found) {
                                  streamed.insert(streamed.end(), found.begin(), found.end());
                              })
                        .complete);
            QCOMPARE(streamed, whole.findings);
        }
        const std::string words = header + "주문번호,비고,없음,없음\n홍길동,없음,서울,302112345678\n";
        QCOMPARE(countOf(testScanner().scan(std::string_view(words)).findings, "kr-bank-account"), std::size_t(0));
    }

    // The header's last title stands right before the first row: it titles its own column, not
    // a code in the first column under another title. A word on the number's own line still counts.
    void shouldLetAColumnsTitleOutweighAWordOnTheLineAbove()
    {
        std::string codes = "관리코드,주소,계좌번호\n";
        for (int i = 0; i < 3; ++i)
            codes += "3021" + std::to_string(10000000 + i) + ",서울,3021" + std::to_string(20000000 + i) + "\n";
        const std::vector<Finding> found = testScanner().scan(std::string_view(codes)).findings;
        QCOMPARE(countOf(found, "kr-bank-account"), std::size_t(3));
        for (const Finding &finding : found)
            QVERIFY2(codes.compare(std::size_t(finding.start) + 4, 2, "20") == 0, codes.c_str());
        const std::string certificates = "증서번호,주소,주민등록번호\n2103154827361,서울,2103154827362\n";
        const std::vector<Finding> rrns = testScanner().scan(std::string_view(certificates)).findings;
        QCOMPARE(rrns.size(), std::size_t(1));
        QCOMPARE(certificates.substr(std::size_t(rrns[0].start), 13), std::string("2103154827362"));
        const std::string ownLine = "성명,비고,메모\n홍길동,국민은행 302112345678,없음\n";
        QCOMPARE(countOf(testScanner().scan(std::string_view(ownLine)).findings, "kr-bank-account"), std::size_t(1));
    }

    // Blocks of a stream see a kilobyte around them; further up, what the scan is told is the header
    // in force at a block's start. Tables far longer than that, going on over an empty row and
    // ending at blank lines, in blocks of several sizes: every finding as in the whole scan.
    void shouldCarryTablesWithEmptyRowsAcrossBlocks()
    {
        std::string text;
        std::size_t accounts = 0;
        const auto rows = [&](int count, char d) {
            for (int i = 0; i < count; ++i) {
                text += std::string("홍길동") + d + "청라동" + d + "3021" + std::to_string(10000000 + i * 7919) + "\n";
                ++accounts;
            }
        };
        text += "성명,주소,계좌번호\n";
        rows(300, ',');
        text += ",,\n";
        rows(300, ',');
        text += "\n성명\t주소\t계좌번호\n";
        rows(300, '\t');
        text += "\n아래는 따로 적은 번호입니다.\n";
        rows(300, ','); // under no header: bare numbers that no title names
        accounts -= 300;
        const std::string_view view(text);
        const ScanResult whole = testScanner().scan(view);
        QCOMPARE(countOf(whole.findings, "kr-bank-account"), accounts);
        for (const std::size_t block : {std::size_t(4096), std::size_t(6000), std::size_t(9001)}) {
            std::vector<Finding> streamed;
            const StreamScanner::Result result =
                StreamScanner(testScanner(), block)
                    .scan(readerInPieces(view), [&](std::string_view, std::uint64_t, std::vector<Finding> &&found) {
                        streamed.insert(streamed.end(), found.begin(), found.end());
                    });
            QVERIFY(result.complete);
            QCOMPARE(streamed.size(), whole.findings.size());
            for (std::size_t i = 0; i < streamed.size(); ++i)
                QCOMPARE(streamed[i].start, whole.findings[i].start);
        }
    }

    void shouldCarryTheHeaderAcrossBlocks()
    {
        int rows = 0;
        const std::string text = roster(',', 4000, &rows);
        const ScanResult whole = testScanner().scan(std::string_view(text));
        std::vector<Finding> streamed;
        const StreamScanner::Result result =
            StreamScanner(testScanner(), 4096)
                .scan(StreamScanner::readerOver(text),
                      [&](std::string_view, std::uint64_t, std::vector<Finding> &&found) {
                          streamed.insert(streamed.end(), found.begin(), found.end());
                      });
        QVERIFY(result.complete);
        QCOMPARE(countOf(streamed, "kr-bank-account"), std::size_t(rows));
        QCOMPARE(streamed.size(), whole.findings.size());
        for (std::size_t i = 0; i < streamed.size(); ++i) {
            QCOMPARE(streamed[i].start, whole.findings[i].start);
            QCOMPARE(streamed[i].detector, whole.findings[i].detector);
            QCOMPARE(streamed[i].confidence, whole.findings[i].confidence);
        }
    }
};

QTEST_GUILESS_MAIN(ColumnHeadersTest)
#include "columnheaderstest.moc"
