// SPDX-License-Identifier: GPL-2.0-or-later
// No false alarm on official prose full of numbers that are no one's: dates, amounts, receipt,
// document, order, waybill, guarantee and corporate numbers (the benchmark's generator; the
// benchmark counts the same over 50 MB). Precision is not bought with recall: the items planted in
// the same prose are all found.
#include "scannerfortests.h"

#include "corpusgenerator.h"

#include <QTest>

using namespace SendGuard;
using SendGuard::Tests::testScanner;

class FalseAlarmTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindNothingInOfficialProse()
    {
        Bench::CorpusGenerator generator(20261129);
        const std::string text = generator.generate(4 << 20, Bench::CorpusGenerator::Density::Records).text;
        const Core::ScanResult result = testScanner().scan(std::string_view(text));
        QVERIFY(result.complete);
        QStringList seen;
        for (const Core::Finding &f : result.findings)
            seen << f.detector + QLatin1Char(' ') + f.masked;
        QVERIFY2(result.findings.empty(), qPrintable(seen.mid(0, 10).join(QLatin1String("; "))));
    }

    void shouldStillFindWhatIsPlantedInIt()
    {
        Bench::CorpusGenerator generator(7);
        const Bench::CorpusGenerator::Corpus corpus =
            generator.generate(2 << 20, Bench::CorpusGenerator::Density::Sparse);
        const Core::ScanResult result = testScanner().scan(std::string_view(corpus.text));
        QVERIFY(corpus.planted > 100);
        QCOMPARE(result.findings.size(), corpus.planted);
    }
};

QTEST_GUILESS_MAIN(FalseAlarmTest)
#include "falsealarmtest.moc"
