// SPDX-License-Identifier: GPL-2.0-or-later
// `sendguard audit report` on trails the real audit writer (Delivery::AuditLog) wrote for several
// simulated hosts: a rotated trail, a stale host, a forged file, a machine trail and the system
// journal's JSON. Every figure is asserted; the HTML is opened in a real browser (chromium,
// headless) in both languages, and its screenshots go to the build folder.
#include "auditlog.h"
#include "systemlog.h"

#include "audit/auditevent.h"
#include "audit/collectedrecord.h"

#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace SendGuard;
using namespace SendGuard::Tests;
using Core::AuditChoice;
using Core::AuditEvent;
using Core::VerdictLevel;

namespace {

struct Decision
{
    const char *day; // 2026-11-DD
    VerdictLevel verdict;
    const char *rule;
    const char *detector;
    AuditChoice choice;
    Core::UncheckedCause cause = Core::UncheckedCause::Unknown; // set: a check-failed record
};

AuditEvent eventFor(const QString &host, const QString &department, int policyVersion, const Decision &d, int n)
{
    AuditEvent event;
    event.id = QStringLiteral("%1-%2").arg(host).arg(n);
    event.time = QDateTime(QDate::fromString(QLatin1String(d.day), Qt::ISODate), QTime(9, n % 60), Qt::UTC);
    event.user = QStringLiteral("kim");
    event.host = host;
    event.department = department;
    event.policyId = QStringLiteral("incheon");
    event.policyVersion = policyVersion;
    event.checked = d.cause == Core::UncheckedCause::Unknown;
    event.verdict = d.verdict;
    if (event.checked) {
        event.ruleIds = {QLatin1String(d.rule)};
        event.detectorCounts[QLatin1String(d.detector)] = 1;
    } else {
        event.cause = d.cause;
        event.error = QStringLiteral("1 attachment(s) not scanned");
    }
    event.choice = d.choice;
    if (d.choice == AuditChoice::ReportFalsePositive)
        event.reportedFindings = {{QLatin1String(d.detector), QStringLiteral("010-****-5678")}};
    return event;
}

// A host's trail, written by the real writer; maxFileBytes small enough rotates it.
void writeTrail(const QString &path, const QString &host, const QString &department, int policyVersion,
                const QList<Decision> &decisions, qint64 maxFileBytes = 10 << 20)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    Delivery::AuditLog log(path, maxFileBytes);
    int n = 0;
    for (const Decision &d : decisions)
        QVERIFY2(log.append(eventFor(host, department, policyVersion, d, ++n).toJson()), qPrintable(log.errorString()));
}

QString chromium()
{
    for (const char *name : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
        if (QFile::exists(QLatin1String(name)))
            return QLatin1String(name);
    }
    return {};
}

// chromium's reading of the page (--dump-dom), and a screenshot of it into the build folder.
QString openInBrowser(const QString &html, const QString &screenshot)
{
    const QStringList common {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                              QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
                              QStringLiteral("--user-data-dir=") + QFileInfo(html).absolutePath() + "/chromium"};
    QProcess dump;
    dump.start(chromium(), common + QStringList {QStringLiteral("--dump-dom"), QUrl::fromLocalFile(html).toString()});
    dump.waitForFinished(120000);
    QProcess shot;
    shot.start(chromium(),
               common +
                   QStringList {QStringLiteral("--screenshot=") + screenshot, QStringLiteral("--window-size=1100,3300"),
                                QUrl::fromLocalFile(html).toString()});
    shot.waitForFinished(120000);
    return QString::fromUtf8(dump.readAllStandardOutput());
}

// The cells of the table row whose first cell is name, in text (the terminal) or the DOM.
QStringList rowOf(const QString &text, const QString &name)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QStringList cells = line.trimmed().split(QRegularExpression(QStringLiteral("\\s{2,}")));
        if (!cells.isEmpty() && cells.first() == name)
            return cells;
    }
    return {};
}

} // namespace

class AuditReportTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_fleet;

private Q_SLOTS:
    void initTestCase()
    {
        m_fleet = m_dir.filePath(QStringLiteral("fleet"));
        using C = AuditChoice;
        using U = Core::UncheckedCause;
        writeTrail(m_fleet + "/pc-01/audit.jsonl", QStringLiteral("pc-01"), QStringLiteral("주택과"), 3,
                   {{"2026-11-17", VerdictLevel::Justify, "rrn-broadcast", "kr-rrn", C::SendAnyway},
                    {"2026-11-24", VerdictLevel::Justify, "rrn-broadcast", "kr-rrn", C::MaskAndSend},
                    {"2026-11-24", VerdictLevel::Warn, "phone-broadcast", "kr-phone", C::ReportFalsePositive},
                    {"2026-11-24", VerdictLevel::Warn, "phone-broadcast", "kr-phone", C::Cancel},
                    {"2026-11-25", VerdictLevel::Allow, "", "", C::SendUnchecked, U::AttachmentLimit}});
        // Rotated: a record or two per file.
        writeTrail(m_fleet + "/pc-02/audit.jsonl", QStringLiteral("pc-02"), QStringLiteral("복지과"), 3,
                   {{"2026-11-24", VerdictLevel::Block, "rrn-external", "kr-rrn", C::Cancel},
                    {"2026-11-25", VerdictLevel::Justify, "rrn-broadcast", "kr-rrn", C::SendAnyway},
                    {"2026-11-26", VerdictLevel::Allow, "", "", C::Blocked, U::Timeout}},
                   700);
        QVERIFY(QFile::exists(m_fleet + "/pc-02/audit.jsonl.1"));
        // Stale: last month's policy.
        writeTrail(m_fleet + "/pc-03/audit.jsonl", QStringLiteral("pc-03"), QStringLiteral("주택과"), 2,
                   {{"2026-11-18", VerdictLevel::Warn, "phone-broadcast", "kr-phone", C::SendAnyway}});
        // Forged: the second record's "cancel" turned into "send-anyway" by hand.
        const QString forged = m_fleet + "/pc-04/audit.jsonl";
        writeTrail(forged, QStringLiteral("pc-04"), QStringLiteral("복지과"), 3,
                   {{"2026-11-24", VerdictLevel::Warn, "phone-broadcast", "kr-phone", C::Cancel},
                    {"2026-11-24", VerdictLevel::Justify, "rrn-broadcast", "kr-rrn", C::Cancel},
                    {"2026-11-24", VerdictLevel::Justify, "rrn-broadcast", "kr-rrn", C::Cancel},
                    {"2026-11-24", VerdictLevel::Justify, "rrn-broadcast", "kr-rrn", C::Cancel}});
        QFile file(forged);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        lines[1].replace("\"choice\":\"cancel\"", "\"choice\":\"send-anyway\"");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
        file.close();
    }

    void shouldReportEveryFigureOfTheFleet()
    {
        const QString html = m_dir.filePath(QStringLiteral("report-en.html"));
        const CliRun run =
            runSendGuard({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--html"), html, m_fleet});
        const QString out = run.output();
        QCOMPARE(run.exitCode, 1); // a trail did not verify
        // The forged trail: named, its break placed, the record before the break and those after
        // it left out; the others verified.
        const QStringList forged = rowOf(out, m_fleet + "/pc-04/audit.jsonl");
        QVERIFY2(forged.size() == 5, qPrintable(out));
        QCOMPARE(forged.mid(1, 2), (QStringList {QStringLiteral("1"), QStringLiteral("3")}));
        QVERIFY2(forged.at(4).startsWith(QStringLiteral("DID NOT VERIFY: ") + m_fleet + "/pc-04/audit.jsonl:3:"),
                 qPrintable(forged.at(4)));
        QCOMPARE(rowOf(out, m_fleet + "/pc-02/audit.jsonl (+2)").mid(1, 3),
                 (QStringList {QStringLiteral("3"), QStringLiteral("0"), QStringLiteral("user's trail")}));
        QVERIFY(out.contains(QStringLiteral("records counted: 10")));

        // Decisions by verdict and choice: the false-positive report is not a decision.
        QCOMPARE(rowOf(out, QStringLiteral("reason required")).value(1), QStringLiteral("3"));
        QCOMPARE(rowOf(out, QStringLiteral("warn")).value(1), QStringLiteral("3"));
        QCOMPARE(rowOf(out, QStringLiteral("block")).value(1), QStringLiteral("1"));
        QCOMPARE(rowOf(out, QStringLiteral("unchecked")).value(1), QStringLiteral("2"));
        QCOMPARE(rowOf(out, QStringLiteral("send anyway")).value(1), QStringLiteral("3"));
        QCOMPARE(rowOf(out, QStringLiteral("false-positive report")).value(1), QStringLiteral("1"));
        QCOMPARE(rowOf(out, QStringLiteral("cancel")).value(1), QStringLiteral("3"));

        // Per rule: decisions, sent anyway, override rate, changed, cancelled, unchecked, reports.
        QCOMPARE(rowOf(out, QStringLiteral("rrn-broadcast")).mid(1),
                 (QStringList {"3", "2", "66.7%", "1", "0", "0", "0"}));
        QCOMPARE(rowOf(out, QStringLiteral("phone-broadcast")).mid(1),
                 (QStringList {"3", "1", "33.3%", "0", "2", "0", "1"}));
        QCOMPARE(rowOf(out, QStringLiteral("kr-phone")).mid(1), (QStringList {"3", "1", "33.3%", "0", "2", "0", "1"}));
        QCOMPARE(rowOf(out, QStringLiteral("kr-phone")).size(), 8); // the detectors' table
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\n\\s+kr-phone\\s+010-\\*\\*\\*\\*-5678\\s+1\\n"))),
                 qPrintable(out));
        QCOMPARE(rowOf(out, QStringLiteral("attachment past a limit")).value(1), QStringLiteral("1"));
        QCOMPARE(rowOf(out, QStringLiteral("time limit")).value(1), QStringLiteral("1"));
        // The stale host, and the current ones.
        QCOMPARE(rowOf(out, QStringLiteral("pc-03")).mid(1),
                 (QStringList {"incheon", "2", "1", "2026-11-18 09:01", "stale"}));
        QCOMPARE(rowOf(out, QStringLiteral("pc-02")).value(5), QStringLiteral("current"));
        QCOMPARE(rowOf(out, QStringLiteral("2026-W47")).mid(1, 2), (QStringList {"2", "2"}));

        // The same figures in the HTML, as a real browser reads them.
        if (chromium().isEmpty())
            QFAIL("chromium is missing (scripts/setup installs it)");
        const QString dom = openInBrowser(html, QStringLiteral(SENDGUARD_SCREENSHOT_DIR "/audit-report-en.png"));
        QVERIFY2(dom.contains(QStringLiteral("<span id=\"counted\">10</span>")), qPrintable(dom.left(2000)));
        QVERIFY(
            dom.contains(QStringLiteral("<td>rrn-broadcast</td><td class=\"number\">3</td><td class=\"number\">2</td>"
                                        "<td class=\"number\">66.7%</td>")));
        QVERIFY(dom.contains(QStringLiteral("id=\"overrideChart\"")));
        QVERIFY(dom.contains(QStringLiteral("<title>rrn-broadcast: 66.7%</title>")));
        QVERIFY(dom.contains(QStringLiteral("id=\"weeks\"")));
        QVERIFY2(dom.contains(QStringLiteral("<td>kr-phone</td><td>010-****-5678</td><td class=\"number\">1</td>")),
                 qPrintable(dom.mid(dom.indexOf(QStringLiteral("reportedForms")), 400)));
        QVERIFY(dom.contains(QStringLiteral("DID NOT VERIFY")));
        // Self-contained: nothing is fetched, no script, no stylesheet or picture from elsewhere.
        for (const char *fetch : {"src=", "<link", "url(", "<script", "@import"})
            QVERIFY2(!dom.contains(QLatin1String(fetch)), fetch);
    }

    void shouldReportInKorean()
    {
        const QString html = m_dir.filePath(QStringLiteral("report-ko.html"));
        const CliRun run = runSendGuard({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--lang"),
                                         QStringLiteral("ko"), QStringLiteral("--html"), html, m_fleet});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(rowOf(run.output(), QStringLiteral("그대로 보내기")).value(1), QStringLiteral("3"));
        QVERIFY(run.output().contains(QStringLiteral("구버전")));
        const QString dom = openInBrowser(html, QStringLiteral(SENDGUARD_SCREENSHOT_DIR "/audit-report-ko.png"));
        QVERIFY(dom.contains(QStringLiteral("<html lang=\"ko\">")));
        QVERIFY(dom.contains(QStringLiteral("규칙별 무시 비율")));
        QVERIFY(dom.contains(QStringLiteral("검증 실패")));
    }

    void shouldCountOnlyThePeriodAsked()
    {
        const CliRun run =
            runSendGuard({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--since"),
                          QStringLiteral("2026-11-24"), QStringLiteral("--until"), QStringLiteral("2026-11-25"),
                          QStringLiteral("--by"), QStringLiteral("host"), m_fleet});
        const QString out = run.output();
        QVERIFY2(out.contains(QStringLiteral("records counted: 7 (3 outside the period)")), qPrintable(out));
        QCOMPARE(rowOf(out, QStringLiteral("pc-01")).value(1), QStringLiteral("3"));
        QVERIFY(rowOf(out, QStringLiteral("2026-W47")).isEmpty());

        // By the senders' departments: 주택과 (pc-01, pc-03) and 복지과 (pc-02, and pc-04's one
        // sound record), all records.
        const CliRun departments = runSendGuard({QStringLiteral("audit"), QStringLiteral("report"),
                                                 QStringLiteral("--by"), QStringLiteral("department"), m_fleet});
        QCOMPARE(rowOf(departments.output(), QStringLiteral("주택과")).mid(1, 3), (QStringList {"5", "2", "40.0%"}));
        QCOMPARE(rowOf(departments.output(), QStringLiteral("복지과")).mid(1, 3), (QStringList {"4", "1", "25.0%"}));
    }

    void shouldReadTheMachineTrailAndTheJournal()
    {
        // The collector's trail holds each user's record whole; the journal holds what SystemLog sent.
        const QString machine = m_dir.filePath(QStringLiteral("machine/audit.jsonl"));
        QDir().mkpath(QFileInfo(machine).absolutePath());
        Delivery::AuditLog log(machine);
        QByteArray journal;
        int n = 0;
        for (const char *day : {"2026-11-24", "2026-11-25"}) {
            const AuditEvent event =
                eventFor(QStringLiteral("pc-09"), QStringLiteral("세무과"), 4,
                         {day, VerdictLevel::Justify, "rrn-broadcast", "kr-rrn", AuditChoice::SendAnyway}, ++n);
            QJsonObject local = event.toJson();
            local.insert(QStringLiteral("prev"), QString(64, QLatin1Char('0')));
            const QByteArray line = QJsonDocument(local).toJson(QJsonDocument::Compact);
            const auto collected = Core::CollectedRecord::fromLine(line, 1000, QStringLiteral("kim"), 42);
            QVERIFY(collected);
            QVERIFY(log.append(collected->toJson()));
            QJsonObject entry {
                {"MESSAGE", QString::fromUtf8(Delivery::SystemLog::format(event.toJson(), QStringLiteral("pc-09"), 7))},
                {"_HOSTNAME", "pc-09"},
                {"__REALTIME_TIMESTAMP", QString::number(event.time.toMSecsSinceEpoch() * 1000)}};
            journal += QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
        }
        journal += "{\"MESSAGE\":\"systemd: Started Session 3\",\"_HOSTNAME\":\"pc-09\"}\n";
        const CliRun fromMachine = runSendGuard({QStringLiteral("audit"), QStringLiteral("report"), machine});
        QCOMPARE(fromMachine.exitCode, 0);
        QCOMPARE(rowOf(fromMachine.output(), machine).mid(1, 3), (QStringList {"2", "0", "machine trail"}));
        QCOMPARE(rowOf(fromMachine.output(), QStringLiteral("rrn-broadcast")).mid(1, 3),
                 (QStringList {"2", "2", "100.0%"}));
        const CliRun fromJournal = runSendGuard({QStringLiteral("audit"), QStringLiteral("report")}, journal);
        QCOMPARE(fromJournal.exitCode, 3); // counted, but the journal's copy cannot be verified
        QVERIFY2(rowOf(fromJournal.output(), QStringLiteral("standard input"))
                     .value(4)
                     .startsWith(QStringLiteral("not verifiable")),
                 qPrintable(fromJournal.output()));
        QCOMPARE(rowOf(fromJournal.output(), QStringLiteral("rrn-broadcast")).mid(1, 3),
                 (QStringList {"2", "2", "100.0%"}));
        QCOMPARE(rowOf(fromJournal.output(), QStringLiteral("pc-09")).mid(1, 2), (QStringList {"incheon", "4"}));
    }

    void shouldNotBeFooledOrHeldByWhatATrailHolds()
    {
        const QString folder = m_dir.filePath(QStringLiteral("hostile"));
        // A host name that would move the terminal's cursor and erase a line.
        writeTrail(folder + "/pc-05/audit.jsonl", QStringLiteral("pc-05\u001b[1A\u001b[2K"), QStringLiteral("과"), 3,
                   {{"2026-11-24", VerdictLevel::Warn, "phone-broadcast", "kr-phone", AuditChoice::Cancel}});
        // A rotated file that is a link to a device that never ends.
        writeTrail(folder + "/pc-06/audit.jsonl", QStringLiteral("pc-06"), QStringLiteral("과"), 3,
                   {{"2026-11-24", VerdictLevel::Warn, "phone-broadcast", "kr-phone", AuditChoice::Cancel}});
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), folder + "/pc-06/audit.jsonl.1"));
        // The oldest file kept starts mid-chain although rotation never deleted a file: cut.
        writeTrail(folder + "/pc-07/audit.jsonl", QStringLiteral("pc-07"), QStringLiteral("과"), 3,
                   {{"2026-11-24", VerdictLevel::Warn, "phone-broadcast", "kr-phone", AuditChoice::Cancel},
                    {"2026-11-24", VerdictLevel::Warn, "phone-broadcast", "kr-phone", AuditChoice::Cancel},
                    {"2026-11-25", VerdictLevel::Warn, "phone-broadcast", "kr-phone", AuditChoice::Cancel}},
                   600);
        QVERIFY(QFile::remove(folder + "/pc-07/audit.jsonl.2"));
        const CliRun run = runSendGuard({QStringLiteral("audit"), QStringLiteral("report"), folder});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.out.contains('\x1b'));
        QVERIFY(run.output().contains(QStringLiteral("pc-05?[1A?[2K")));
        QVERIFY2(rowOf(run.output(), folder + "/pc-06/audit.jsonl (+1)")
                     .value(4)
                     .contains(QStringLiteral("not a regular file")),
                 qPrintable(run.output()));
        QVERIFY2(rowOf(run.output(), folder + "/pc-07/audit.jsonl (+1)")
                     .value(4)
                     .startsWith(QStringLiteral("DID NOT VERIFY")),
                 qPrintable(run.output()));
    }

    void shouldRefuseBadArguments()
    {
        for (const QStringList &bad : {QStringList {"--by", "colour"}, QStringList {"--since", "yesterday"},
                                       QStringList {"--lang", "fr"}, QStringList {m_dir.filePath("missing")}}) {
            const CliRun run = runSendGuard(QStringList {QStringLiteral("audit"), QStringLiteral("report")} + bad);
            QVERIFY2(run.exitCode == 2, qPrintable(bad.join(' ') + ": " + run.outputAndErrors()));
        }
    }
};

QTEST_GUILESS_MAIN(AuditReportTest)
#include "auditreporttest.moc"
