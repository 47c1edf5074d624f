// SPDX-License-Identifier: GPL-2.0-or-later
// DocumentMaskPlan: which characters of a document's pieces the masked forms hide, found by the
// real scanner, full-width digits and spaced numbers too; and what cannot be planned.
#include "check/documentmaskplan.h"

#include "scannerfortests.h"

#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::testScanner;

namespace {

AttachmentText document(const QList<QByteArray> &pieces)
{
    AttachmentText text;
    text.status = AttachmentText::Status::Text;
    for (qsizetype i = 0; i < pieces.size(); ++i)
        text.append(TextPlace {}.then(TextPlace::Kind::Paragraph, QString::number(i + 1)), pieces.at(i));
    return text;
}

// The piece's text with each planned character replaced by '*'.
QString applied(const AttachmentText &text, const std::vector<TextMask> &masks, int piece)
{
    const qsizetype start = text.pieces[std::size_t(piece)].offset;
    QByteArray utf8 = text.utf8.mid(start, masks.empty() ? -1 : masks.front().pieceLength);
    QString result;
    qsizetype copied = 0;
    for (const TextMask &mask : masks) {
        if (mask.piece != piece)
            continue;
        result += QString::fromUtf8(utf8.mid(copied, mask.offset - copied));
        result += QString(QString::fromUtf8(utf8.mid(mask.offset, mask.length)).size(), QLatin1Char('*'));
        copied = mask.offset + mask.length;
    }
    return result + QString::fromUtf8(utf8.mid(copied));
}

} // namespace

class DocumentMaskPlanTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHideWhatTheMaskedFormHides_data()
    {
        QTest::addColumn<QString>("piece");
        QTest::addColumn<QString>("masked");

        QTest::newRow("rrn") << QStringLiteral("신청인 850315-2345678 (주소 생략)")
                             << QStringLiteral("신청인 850315-2****** (주소 생략)");
        QTest::newRow("full-width digits") << QStringLiteral("주민번호 ８５０３１５－２３４５６７８")
                                           << QStringLiteral("주민번호 ８５０３１５－２******");
        QTest::newRow("phone") << QStringLiteral("연락처 010-9876-5432") << QStringLiteral("연락처 010-****-5432");
        QTest::newRow("two in one piece")
            << QStringLiteral("850315-2345678, 900101-1234568") << QStringLiteral("850315-2******, 900101-1******");
    }

    void shouldHideWhatTheMaskedFormHides()
    {
        QFETCH(QString, piece);
        QFETCH(QString, masked);
        const AttachmentText text = document({"첫 문단", piece.toUtf8()});
        const ScanResult scan =
            testScanner().scan(std::string_view(text.utf8.constData(), std::size_t(text.utf8.size())));
        QVERIFY(!scan.findings.empty());
        QString error;
        const auto masks = DocumentMaskPlan::of(text, scan.findings, &error);
        QVERIFY2(masks, qPrintable(error));
        for (const TextMask &mask : *masks) {
            QCOMPARE(mask.piece, 1);
            QCOMPARE(mask.pieceLength, piece.toUtf8().size());
        }
        QCOMPARE(applied(text, *masks, 1), masked);
    }

    // A number whose halves are two cells of a table's row (a form's "900101 | 1234568") is one
    // finding; each hidden character is masked in the cell it lies in.
    void shouldMaskAFindingAcrossCellsInEach()
    {
        AttachmentText text;
        text.status = AttachmentText::Status::Text;
        const TextPlace row = TextPlace {}
                                  .then(TextPlace::Kind::Table, QStringLiteral("1"))
                                  .then(TextPlace::Kind::Row, QStringLiteral("1"));
        int cell = 0;
        for (const char *piece : {"주민등록번호", "850315", "2345678"})
            text.append(row.then(TextPlace::Kind::Cell, QString::number(++cell)), QByteArray(piece));
        const ScanResult scan =
            testScanner().scan(std::string_view(text.utf8.constData(), std::size_t(text.utf8.size())));
        QCOMPARE(scan.findings.size(), std::size_t(1));
        QString error;
        const auto masks = DocumentMaskPlan::of(text, scan.findings, &error);
        QVERIFY2(masks, qPrintable(error));
        QCOMPARE(masks->size(), std::size_t(1));
        QCOMPARE(applied(text, *masks, 2), QStringLiteral("2******"));
        QCOMPARE(masks->front().pieceLength, 7);
    }

    void shouldRefuseAFindingOutsideTheText()
    {
        AttachmentText text = document({"850315-", "2345678"});
        const qsizetype between = text.pieces[0].end();
        const Finding outside {QStringLiteral("kr-rrn"), Severity::High,           1.0, between,
                               text.utf8.size(),         QStringLiteral("2******")};
        QString error;
        QVERIFY(!DocumentMaskPlan::of(text, {outside}, &error));
        QVERIFY2(error.contains(QStringLiteral("outside the document's text")), qPrintable(error));
    }

    void shouldRefuseAMaskedFormThatDoesNotLineUp()
    {
        const AttachmentText text = document({"번호 850315-2345678"});
        const qsizetype start = text.utf8.indexOf("850315");
        const Finding shorter {QStringLiteral("custom"), Severity::High, 1.0, start, start + 14, QStringLiteral("***")};
        QString error;
        QVERIFY(!DocumentMaskPlan::of(text, {shorter}, &error));
        QVERIFY2(error.contains(QStringLiteral("does not line up")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(DocumentMaskPlanTest)
#include "documentmaskplantest.moc"
