// SPDX-License-Identifier: GPL-2.0-or-later
// A document masked in place still opens in an office suite: `sendguard redact --output` masks a
// DOCX, an XLSX (a number cell and a shared string) and an ODT, and LibreOffice (headless, a
// profile of its own) reads each of them back with the masked forms where the numbers were.
#include "clirunner.h"
#include "documentfiles.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard::Tests;

namespace {

struct Converted
{
    bool ok = false;
    QString text;
    QString log;
};

// What LibreOffice makes of file, converted to filter ("txt:Text", "csv").
Converted convert(const QTemporaryDir &dir, const QString &file, const QString &filter, const QString &suffix)
{
    QProcess office;
    office.setProcessChannelMode(QProcess::MergedChannels);
    office.start(QStringLiteral(SENDGUARD_SOFFICE),
                 {QStringLiteral("-env:UserInstallation=file://") + dir.filePath(QStringLiteral("profile")),
                  QStringLiteral("--headless"), QStringLiteral("--convert-to"), filter, QStringLiteral("--outdir"),
                  dir.filePath(QStringLiteral("converted")), file});
    Converted converted;
    if (!office.waitForFinished(180000))
        office.kill();
    converted.log = QString::fromUtf8(office.readAll());
    QFile output(dir.filePath(QStringLiteral("converted/") + QFileInfo(file).completeBaseName() + suffix));
    converted.ok = output.open(QIODevice::ReadOnly);
    converted.text = QString::fromUtf8(output.readAll());
    return converted;
}

} // namespace

class MaskedOfficeTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void shouldOpenTheMaskedDocumentInAnOfficeSuite_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QStringList>("numbers");
        QTest::addColumn<QStringList>("maskedForms");

        QTest::newRow("docx") << QStringLiteral("신청서.docx")
                              << docx(wordParagraph(
                                          {QStringLiteral("신청인 주민등록번호 8503"), QStringLiteral("15-2345678")}) +
                                      wordTable({QStringLiteral("연락처"), QStringLiteral("010-9876-5432")}))
                              << QStringLiteral("txt:Text") << QStringLiteral(".txt")
                              << QStringList {QStringLiteral("850315-2345678"), QStringLiteral("010-9876-5432")}
                              << QStringList {QStringLiteral("850315-2******"), QStringLiteral("010-****-5432")};
        QTest::newRow("xlsx") << QStringLiteral("명단.xlsx")
                              << xlsx({{QStringLiteral("명단"),
                                        QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                                                       "<c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                                                       "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>"
                                                       "<c r=\"B2\"><v>5804121011407</v></c></row>")}},
                                      {QStringLiteral("홍길동"), QStringLiteral("900101-1234568")})
                              << QStringLiteral("csv") << QStringLiteral(".csv")
                              << QStringList {QStringLiteral("900101-1234568"), QStringLiteral("5804121011407")}
                              << QStringList {QStringLiteral("900101-1******"), QStringLiteral("5804121******")};
        QTest::newRow("odt") << QStringLiteral("신청서.odt")
                             << openDocument(QStringLiteral("application/vnd.oasis.opendocument.text"),
                                             QStringLiteral("<office:text><text:p>주민등록번호 850315-2345678"
                                                            "</text:p></office:text>"))
                             << QStringLiteral("txt:Text") << QStringLiteral(".txt")
                             << QStringList {QStringLiteral("850315-2345678")}
                             << QStringList {QStringLiteral("850315-2******")};
    }

    void shouldOpenTheMaskedDocumentInAnOfficeSuite()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, file);
        QFETCH(QString, filter);
        QFETCH(QString, suffix);
        QFETCH(QStringList, numbers);
        QFETCH(QStringList, maskedForms);

        const QString original = writeTestFile(m_dir.path(), name, file);
        const QString masked = m_dir.filePath(QStringLiteral("masked-") + name);
        const CliRun run = runSendGuard({QStringLiteral("redact"), QStringLiteral("--output"), masked, original});
        QVERIFY2(run.exitCode == 0, qPrintable(run.outputAndErrors()));

        // The office suite reads the original as the test wrote it, so the comparison means something.
        const Converted before = convert(m_dir, original, filter, suffix);
        QVERIFY2(before.ok, qPrintable(before.log));
        for (const QString &number : numbers)
            QVERIFY2(before.text.contains(number), qPrintable(before.text));
        const Converted after = convert(m_dir, masked, filter, suffix);
        QVERIFY2(after.ok, qPrintable(after.log));
        for (const QString &form : maskedForms)
            QVERIFY2(after.text.contains(form), qPrintable(after.text));
        for (const QString &number : numbers)
            QVERIFY2(!after.text.contains(number), qPrintable(after.text));
    }
};

QTEST_GUILESS_MAIN(MaskedOfficeTest)
#include "maskedofficetest.moc"
