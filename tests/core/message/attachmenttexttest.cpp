// SPDX-License-Identifier: GPL-2.0-or-later
// AttachmentText: only regular files, never read past the cap or forever, and no text passed as
// clean because it was read in the wrong encoding.
#include "message/attachmenttext.h"
#include "scan/scanner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace SendGuard::Core;
using Status = AttachmentText::Status;

namespace {

MessageAttachment onDisk(const QString &name, const QString &path)
{
    return {name, path, std::nullopt};
}

QByteArray utf16(const QString &text, QStringConverter::Encoding encoding)
{
    QStringEncoder encoder(encoding, QStringConverter::Flag::Stateless);
    return encoder(text);
}

} // namespace

class AttachmentTextTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A file of the test's folder holding bytes: its path.
    QString written(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void shouldRefuseWhatIsNotARegularFileAtOnce_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("a device that never ends") << QStringLiteral("/dev/zero");
        QTest::newRow("a folder") << QStringLiteral("/tmp");
    }
    void shouldRefuseWhatIsNotARegularFileAtOnce()
    {
        QFETCH(QString, path);
        QElapsedTimer timer;
        timer.start();
        const AttachmentText text = AttachmentText::read(onDisk(QStringLiteral("명단.csv"), path), QString());
        QCOMPARE(text.status, Status::Unreadable);
        QVERIFY2(text.reason.endsWith(QStringLiteral("not a regular file")), qPrintable(text.reason));
        QVERIFY(text.utf8.isEmpty());
        QVERIFY2(timer.elapsed() < 5000, "read more than it should"); // a guard against hanging, not a benchmark
    }

    void shouldNotWaitForAWriterOnAFifo()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("pipe.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const AttachmentText text = AttachmentText::read(onDisk(QStringLiteral("pipe.csv"), fifo), QString());
        QCOMPARE(text.status, Status::Unreadable);
        QVERIFY2(text.reason.endsWith(QStringLiteral("not a regular file")), qPrintable(text.reason));
    }

    void shouldReadAFileThatClaimsSizeZero()
    {
        // /proc files are regular files that report size 0: read them as far as they go.
        const AttachmentText text =
            AttachmentText::read(onDisk(QStringLiteral("status.txt"), QStringLiteral("/proc/self/status")), QString());
        QCOMPARE(text.status, Status::Text);
        QVERIFY(text.utf8.contains("Pid:"));
    }

    void shouldStopAtTheCapWhateverTheFileSays()
    {
        // A sparse file one byte over the cap: nothing is kept, and it is not scanned, never "clean".
        const QString path = m_dir.filePath(QStringLiteral("huge.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(AttachmentText::MaxSize + 1));
        file.close();
        const AttachmentText text = AttachmentText::read(onDisk(QStringLiteral("huge.txt"), path), QString());
        QCOMPARE(text.status, Status::NotScanned);
        QVERIFY2(text.reason.startsWith(QStringLiteral("larger than")), qPrintable(text.reason));
        QVERIFY(text.utf8.isEmpty());
    }

    void shouldStopReadingWhenCancelled()
    {
        const QString path = written(QStringLiteral("list.csv"), "이름,주민등록번호\n가,850315-2345678\n");
        QVERIFY(!path.isEmpty());
        const std::atomic_bool cancelled = true;
        const AttachmentText text =
            AttachmentText::read(onDisk(QStringLiteral("list.csv"), path), QString(), &cancelled);
        QCOMPARE(text.status, Status::Unreadable);
        QCOMPARE(text.reason, QStringLiteral("cancelled"));
    }

    // A CSV file is read as one by the name it is read as: a file list.csv attached as "명단" is
    // (from a review: its quoted cells were not read as cells).
    void shouldReadACsvFileAsOneWhateverItsAttachmentsName()
    {
        const QString path = written(QStringLiteral("wrapped.csv"), "성명,\"계좌\n번호\"\n가,302-1234-5678-91\n");
        QVERIFY(!path.isEmpty());
        for (const QString &name : {QStringLiteral("명단"), QStringLiteral("명단.csv")}) {
            const AttachmentText text = AttachmentText::read(onDisk(name, path), QString());
            QCOMPARE(text.status, Status::Text);
            QVERIFY(text.csv);
            std::string copy;
            QCOMPARE(text.scannedText(copy), std::string_view("성명,\"계좌 번호\"\n가,302-1234-5678-91\n"));
        }
        QVERIFY(!AttachmentText::decode(QStringLiteral("명단.txt"), "a,\"b\nc\"").csv);
    }

    // Text files a system or a person writes are read as text, whatever they are called; an HTML
    // page is not plain text (its tags stand between a label and its number): not scanned, as
    // before.
    void shouldReadEveryPlainTextFile()
    {
        for (const char *name : {"명단.txt", "명단.CSV", "명단.tsv", "export.log", "README.md", "data.json", "data.xml",
                                 "rows.jsonl", "rows.ndjson", "export.yaml", "export.yml", "dump.sql", "app.ini",
                                 "app.cfg", "app.conf", "app.properties", "연락처.vcf", "일정.ics"}) {
            const AttachmentText text =
                AttachmentText::decode(QString::fromUtf8(name), "주민등록번호\t850315-2345678\n");
            QCOMPARE(text.status, Status::Text);
            QCOMPARE(text.utf8, QByteArray("주민등록번호\t850315-2345678\n"));
        }
        QCOMPARE(AttachmentText::decode(QStringLiteral("page.html"), "<p>850315-2345678</p>").status,
                 Status::NotScanned);
    }

    // A JSON or XML file's escaped characters are read as the characters they stand for, in
    // whichever encoding the file is written and whatever the attachment's path is called; a
    // text file's are what it says.
    void shouldReadWhatAJsonOrXmlFilesEscapesStandFor()
    {
        const QByteArray json = "{\"\\uc8fc\\ubbfc\\ubc88\\ud638\": \"2103154827360\"}";
        QCOMPARE(AttachmentText::decode(QStringLiteral("export.json"), json).utf8,
                 QByteArray("{\"주민번호\": \"2103154827360\"}"));
        const QString xml = QStringLiteral("<r n=\"&#xC131;&#xBA85;\">&#51452;&#48124; 홍길동</r>");
        QCOMPARE(AttachmentText::decode(QStringLiteral("신청.XML"), utf16(xml, QStringConverter::Utf16LE)).utf8,
                 QByteArray("<r n=\"성명\">주민 홍길동</r>"));
        const QString path = written(QStringLiteral("saved.json"), json);
        QVERIFY(!path.isEmpty());
        QCOMPARE(AttachmentText::read(onDisk(QStringLiteral("명단"), path), QString()).utf8,
                 QByteArray("{\"주민번호\": \"2103154827360\"}"));
        QCOMPARE(AttachmentText::decode(QStringLiteral("notes.txt"), json).utf8, json);
        // Its "\n" escapes read as the line breaks they stand for, its text as it is.
        const AttachmentText memo =
            AttachmentText::decode(QStringLiteral("memo.json"), "[\"주민번호:\\n2103154827360\"]");
        std::string copy;
        QCOMPARE(memo.scannedText(copy), std::string_view("[\"주민번호:\n 2103154827360\"]"));
        QCOMPARE(memo.utf8, QByteArray("[\"주민번호:\\n2103154827360\"]"));
    }

    void shouldReadUtf16WithoutAByteOrderMark_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        // 가 is U+AC00: its low byte is NUL too, on the other side from the digits'.
        const QString roster = QStringLiteral("성명,주민등록번호\r\n가나,850315-2345678\r\n홍길동,900101-1234568\r\n");
        QTest::newRow("little-endian (Windows)") << utf16(roster, QStringConverter::Utf16LE);
        QTest::newRow("big-endian") << utf16(roster, QStringConverter::Utf16BE);
    }
    void shouldReadUtf16WithoutAByteOrderMark()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!bytes.startsWith("\xFF\xFE") && !bytes.startsWith("\xFE\xFF"));
        const AttachmentText text = AttachmentText::decode(QStringLiteral("명단.csv"), bytes);
        QCOMPARE(text.status, Status::Text);
        QVERIFY(text.utf8.contains("850315-2345678"));
        QVERIFY(text.utf8.contains("가나,"));
    }

    void shouldNotTakeUtf8WithAStrayNulForUtf16()
    {
        // One NUL at the end of an even-length UTF-8 roster: decoded as UTF-16 it would be CJK with
        // no digits at all, a roster waved through. It is no text: not scanned, never clean.
        QByteArray bytes = QStringLiteral("성명,주민등록번호\n홍길순,850315-2345678\n").toUtf8();
        if (bytes.size() % 2 == 0)
            bytes += '\n';
        bytes += '\0';
        QCOMPARE(bytes.size() % 2, 0);
        const AttachmentText text = AttachmentText::decode(QStringLiteral("명단.csv"), bytes);
        QCOMPARE(text.status, Status::NotScanned);
    }

    void shouldReadUtf16WithAByteOrderMarkWhateverItHolds()
    {
        // With a byte-order mark nothing is guessed: Latin-1 letters and symbols stay text.
        const QByteArray bytes =
            "\xFF\xFE" + utf16(QStringLiteral("café · 850315-2345678\n"), QStringConverter::Utf16LE);
        const AttachmentText text = AttachmentText::decode(QStringLiteral("memo.txt"), bytes);
        QCOMPARE(text.status, Status::Text);
        QVERIFY(text.utf8.contains("850315-2345678"));
    }

    void shouldReadUtf32WithItsByteOrderMark_data()
    {
        QTest::addColumn<QStringConverter::Encoding>("encoding");
        QTest::newRow("little-endian") << QStringConverter::Utf32LE;
        QTest::newRow("big-endian") << QStringConverter::Utf32BE;
    }
    void shouldReadUtf32WithItsByteOrderMark()
    {
        // From a red-team pass: UTF-32's little-endian mark starts like UTF-16's, and read so every
        // digit stood beside a NUL and the roster read clean.
        QFETCH(QStringConverter::Encoding, encoding);
        QStringEncoder encoder(encoding, QStringConverter::Flag::WriteBom);
        const QByteArray bytes = encoder(QStringLiteral("성명,주민등록번호\n홍길동,900101-1234568\n"));
        QVERIFY(bytes.startsWith(QByteArrayView("\xFF\xFE\0\0", 4)) ||
                bytes.startsWith(QByteArrayView("\0\0\xFE\xFF", 4)));
        const AttachmentText text = AttachmentText::decode(QStringLiteral("명단.csv"), bytes);
        QCOMPARE(text.status, Status::Text);
        QVERIFY(text.utf8.contains("홍길동,900101-1234568"));
        // Cut short, it is no text: not scanned, never clean.
        QCOMPARE(AttachmentText::decode(QStringLiteral("명단.csv"), bytes.chopped(1)).status, Status::NotScanned);
    }

    void shouldNotBelieveAByteOrderMarkBeforeUtf8_data()
    {
        QTest::addColumn<QByteArray>("mark");
        QTest::newRow("little-endian mark") << QByteArray("\xFF\xFE");
        QTest::newRow("big-endian mark") << QByteArray("\xFE\xFF");
    }
    void shouldNotBelieveAByteOrderMarkBeforeUtf8()
    {
        // From a red-team pass: the mark made UTF-8 decode as UTF-16, CJK without a digit, read clean.
        QFETCH(QByteArray, mark);
        const QByteArray utf8 = QStringLiteral("주민번호 900101-1234568\n").toUtf8();
        QCOMPARE(utf8.size() % 2, 0); // even: as UTF-16 it decodes without an error
        const AttachmentText read = AttachmentText::decode(QStringLiteral("memo.txt"), mark + utf8);
        QCOMPARE(read.status, Status::Text);
        QCOMPARE(read.utf8, utf8);
        // With a NUL in it as well, it is neither: not scanned, never clean.
        const AttachmentText withNul = AttachmentText::decode(QStringLiteral("memo.txt"), mark + utf8 + "\n" + '\0');
        QCOMPARE(withNul.status, Status::NotScanned);
    }

    // A file cut inside a character, or with a byte damaged on the way, is read as a person reads
    // it, around the damage: each broken byte a replacement character, and the text marked as read
    // in part (never clean); it must be text in one encoding but for the damage.
    void shouldReadTextAroundAFewBrokenBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("incomplete");
        // At least a hundred bytes for each broken one: the most a text may have.
        const QString text = QStringLiteral("성명,주민등록번호,비고\n홍길동,850315-2345678,재발급\n") +
            QStringLiteral("김철수,-,해당 없음\n").repeated(6) + QStringLiteral("이영희,-,재발급\n");
        QStringEncoder cp949("CP949");
        const QByteArray korean = cp949.encode(text);
        const QByteArray utf8 = text.toUtf8();
        // Two bytes of a character's three, each a replacement character.
        QTest::newRow("UTF-8 cut inside its last character")
            << utf8.chopped(2)
            << QStringLiteral("2 bytes are not UTF-8 text (the first at byte offset %1)").arg(utf8.size() - 4);
        const qsizetype latin1 = utf8.indexOf("해당");
        QTest::newRow("UTF-8 with a Latin-1 byte")
            << utf8.left(latin1) + "\xE9" + utf8.mid(latin1 + 6)
            << QStringLiteral("1 byte is not UTF-8 text (the first at byte offset %1)").arg(latin1);
        QTest::newRow("CP949 with a stray byte")
            << korean.left(61) + "\xFF" + korean.mid(61) << "1 byte is not CP949 text";
        QTest::newRow("CP949 cut inside its last character") << korean.chopped(2) << "1 byte is not CP949 text";
        QTest::newRow("CP949 twice damaged") << korean + "\xFF" + korean + "\xFF"
                                             << "2 bytes are not CP949 text";
    }

    void shouldReadTextAroundAFewBrokenBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, incomplete);
        const AttachmentText text = AttachmentText::decode(QStringLiteral("명단.csv"), bytes);
        QCOMPARE(text.status, Status::Text);
        QVERIFY2(
            QString::fromUtf8(text.utf8).startsWith(QStringLiteral("성명,주민등록번호,비고\n홍길동,850315-2345678,")),
            text.utf8.constData());
        QVERIFY2(text.incomplete.startsWith(incomplete), qPrintable(text.incomplete));
        QVERIFY(QString::fromUtf8(text.utf8).contains(QChar::ReplacementCharacter));
    }

    // Korean Windows writes code page 949, whose syllables beyond EUC-KR's (똠, 쀍) ICU's "CP949",
    // IBM's code page, does not read (from a review: such a file was read in part, or not at all).
    void shouldReadTheSyllablesCodePage949AddsToEucKr()
    {
        // "똠방각하 쀍 주민번호,900101-1234568" in code page 949, written byte by byte.
        const QByteArray bytes = QByteArray::fromHex("8c63b9e6b0a2c7cf2097cd20c1d6b9ceb9f8c8a32c") + "900101-1234568\n";
        const AttachmentText text = AttachmentText::decode(QStringLiteral("명단.csv"), bytes);
        QCOMPARE(text.status, Status::Text);
        QCOMPARE(QString::fromUtf8(text.utf8), QStringLiteral("똠방각하 쀍 주민번호,900101-1234568\n"));
        QVERIFY2(text.incomplete.isEmpty(), qPrintable(text.incomplete));
    }

    // A UTF-8 file damaged once before holds replacement characters written in UTF-8, which read in
    // CP949 as Hanja and Hangul without a break: it is still UTF-8, read in part, its labels kept
    // (from a review: read as CP949 mojibake, it was scanned clean).
    void shouldReadUtf8DamagedOnceBeforeAsUtf8()
    {
        QString text = QStringLiteral("성명,주민등록번호\n\uFFFD\uFFFD\uFFFD,9001011234567\n");
        for (int i = 0; i < 30; ++i)
            text += QStringLiteral("\uFFFD\uFFFD\uFFFD,\uFFFD\uFFFD\uFFFD\n");
        text += QStringLiteral("비고");
        const AttachmentText read = AttachmentText::decode(QStringLiteral("명단.csv"), text.toUtf8().chopped(1));
        QCOMPARE(read.status, Status::Text);
        QVERIFY2(read.utf8.startsWith(QStringLiteral("성명,주민등록번호\n").toUtf8()), read.utf8.left(64).constData());
        QVERIFY2(read.incomplete.startsWith(QStringLiteral("2 bytes are not UTF-8 text")), qPrintable(read.incomplete));
    }

    // More than one byte in a hundred broken in either encoding: no text, not scanned.
    void shouldNotReadTextMostlyBroken()
    {
        const QByteArray line = QStringLiteral("홍길동,850315-2345678\n").toUtf8();
        QByteArray bytes;
        for (int i = 0; i < 10; ++i)
            bytes += line + "\xFF"; // one broken byte in 27
        const AttachmentText text = AttachmentText::decode(QStringLiteral("명단.csv"), bytes);
        QCOMPARE(text.status, Status::NotScanned);
        QCOMPARE(text.reason, QStringLiteral("not UTF-8, UTF-16 or CP949 text"));
        QVERIFY(!AttachmentText::decodeText(line + "\xFF").has_value()); // nothing read in part unasked
    }

    void shouldNotCallBinaryDataText()
    {
        QByteArray bytes("850315-2345678\n");
        bytes += QByteArray("\x00\x00\x07\x00\x00\x01\x02", 7); // NULs in both halves
        const AttachmentText text = AttachmentText::decode(QStringLiteral("dump.txt"), bytes);
        QCOMPARE(text.status, Status::NotScanned);
        QCOMPARE(text.reason, QStringLiteral("not UTF-8, UTF-16 or CP949 text"));
    }

    // A check uses a reader's early scan only for the scanner that made it and the very bytes it
    // was made on: any change to the text, however small, and it is scanned again.
    // A sheet's cells are written as its rows are (tabs and line breaks), so a column's header labels
    // the cells below it; each piece still knows exactly where it lies.
    void shouldWriteASheetsCellsAsRows()
    {
        AttachmentText text;
        const TextPlace sheet = TextPlace {}.then(TextPlace::Kind::Sheet, QStringLiteral("명단"));
        const auto cell = [&](const char *reference, const char *value) {
            text.append(sheet.then(TextPlace::Kind::Cell, QLatin1String(reference)), QByteArray(value));
        };
        cell("A1", "성명");
        cell("B1", "계좌번호");
        cell("A2", "김민수");
        cell("C2", "비고"); // B2 is empty: its tab is kept
        cell("B4", "302112345678"); // rows 3 is empty: no blank line, which would end the table
        QCOMPARE(text.utf8, QByteArray("성명\t계좌번호\n김민수\t\t비고\n\t302112345678"));
        QCOMPARE(text.pieces.size(), std::size_t(5));
        for (const AttachmentText::Piece &piece : text.pieces)
            QVERIFY(piece.end() <= text.utf8.size());
        QCOMPARE(text.utf8.mid(text.pieces[4].offset, text.pieces[4].size), QByteArray("302112345678"));
        QCOMPARE(text.placeAt(text.pieces[4].offset).steps.last().value, QStringLiteral("B4"));

        // Another sheet is another table.
        text.append(TextPlace {}
                        .then(TextPlace::Kind::Sheet, QStringLiteral("Sheet2"))
                        .then(TextPlace::Kind::Cell, QStringLiteral("B1")),
                    "x");
        QVERIFY(text.utf8.endsWith("302112345678\n\n\tx"));
    }

    void shouldWriteADocumentsTableAsRows()
    {
        AttachmentText text;
        text.append(TextPlace {}.then(TextPlace::Kind::Paragraph, QStringLiteral("1")), "명단");
        const TextPlace table = TextPlace {}.then(TextPlace::Kind::Table, QStringLiteral("1"));
        const auto cell = [&](int row, int column, const QByteArray &value) {
            text.append(table.then(TextPlace::Kind::Row, QString::number(row))
                            .then(TextPlace::Kind::Cell, QString::number(column)),
                        value);
        };
        cell(1, 1, "성명");
        cell(1, 2, "계좌번호");
        cell(2, 1, "김민수");
        cell(2, 2, "302112345678");
        QCOMPARE(text.utf8, QByteArray("명단\n\n성명\t계좌번호\n김민수\t302112345678"));
    }

    // An address on two lines, or in two paragraphs, stays in its cell: a line break would end
    // the row, and with it the table, for every row after it. Offsets stay the pieces'.
    void shouldKeepACellsLinesInItsRow()
    {
        AttachmentText text;
        const TextPlace table = TextPlace {}.then(TextPlace::Kind::Table, QStringLiteral("1"));
        const auto cell = [&](int row, int column, const QByteArray &value) {
            text.append(table.then(TextPlace::Kind::Row, QString::number(row))
                            .then(TextPlace::Kind::Cell, QString::number(column)),
                        value);
        };
        cell(1, 1, "주소");
        cell(1, 2, "계좌\r\n번호");
        cell(2, 1, "서울 중구\n세종대로\t110");
        cell(2, 1, "101동"); // the cell's second paragraph
        cell(2, 2, "302112345678");
        cell(3, 2, "302112345679");
        QCOMPARE(text.utf8, QByteArray("주소\t계좌  번호\n서울 중구 세종대로 110 101동\t302112345678\n\t302112345679"));
        QCOMPARE(text.pieces.size(), std::size_t(6));
        QCOMPARE(text.utf8.mid(text.pieces[3].offset, text.pieces[3].size), QByteArray("101동"));
        QCOMPARE(text.utf8.mid(text.pieces[4].offset, text.pieces[4].size), QByteArray("302112345678"));
        QCOMPARE(text.pieces[2].size, qsizetype(QByteArray("서울 중구\n세종대로\t110").size()));
    }

    // Cells out of order or far apart end the table.
    void shouldEndATableWhereItsRowsCannotBeTold()
    {
        AttachmentText text;
        const TextPlace sheet = TextPlace {}.then(TextPlace::Kind::Sheet, QStringLiteral("S"));
        const auto cell = [&](const QString &reference, const QByteArray &value) {
            text.append(sheet.then(TextPlace::Kind::Cell, reference), value);
        };
        cell(QStringLiteral("A1"), "계좌번호");
        cell(QStringLiteral("B1"), "두 줄\n메모");
        cell(QStringLiteral("C1"), "c");
        cell(QStringLiteral("A2"), "a");
        cell(QStringLiteral("A1"), "again"); // back up: a new table
        cell(QStringLiteral("ZZ9"), "far"); // beyond 16 columns: no table at all
        cell(QStringLiteral("1A"), "not a reference");
        QCOMPARE(text.utf8, QByteArray("계좌번호\t두 줄 메모\tc\na\n\nagain\n\nfar\n\nnot a reference"));
    }

    void shouldTrustAnEarlyScanOnlyForItsScannerAndItsBytes()
    {
        const Scanner scanner;
        const Scanner other;
        QVERIFY(scanner.serial() != other.serial());
        AttachmentText text;
        text.status = Status::Text;
        text.append(TextPlace {}, "신청인 850315-2345678");
        text.earlyScan = std::make_shared<const AttachmentText::EarlyScan>(AttachmentText::EarlyScan {
            scanner.serial(), text.utf8, scanner.scan(std::string_view(text.utf8.constData(), text.utf8.size()))});
        QVERIFY(text.earlyScanBy(scanner));
        QCOMPARE(text.earlyScanBy(scanner)->findings.size(), std::size_t(1));
        QVERIFY(!text.earlyScanBy(other));

        const AttachmentText copy = text; // copies share the bytes, and the scan
        QVERIFY(copy.earlyScanBy(scanner));

        AttachmentText masked = text;
        masked.utf8[masked.utf8.size() - 1] = '*'; // the same size, another byte
        QVERIFY(!masked.earlyScanBy(scanner));
        AttachmentText replaced = text;
        replaced.utf8 = QByteArray(text.utf8.constData(), text.utf8.size()); // equal bytes, elsewhere
        QVERIFY(!replaced.earlyScanBy(scanner));
    }
};

QTEST_GUILESS_MAIN(AttachmentTextTest)
#include "attachmenttexttest.moc"
