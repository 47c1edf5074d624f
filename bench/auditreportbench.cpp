// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard-audit-report-bench: `sendguard audit report` over a fleet's trails (one million records
// by default, chained as AuditLog chains them, across 50 hosts), side by side in one run with a jq
// aggregation of the same files that counts the same figures (decisions by verdict and choice,
// per rule decisions and "send anyway"), but checks no chain. Both answers are compared; medians
// of the rounds, and the report's peak resident memory.
#include "audit/auditchain.h"
#include "audit/auditevent.h"

#include "percentile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/wait.h>

using namespace SendGuard;

namespace {

// The fleet: hosts x records each, every trail chained from its first record.
qint64 writeFleet(const QString &folder, int hosts, qint64 records)
{
    QRandomGenerator random(20261129);
    const char *rules[] = {"rrn-broadcast", "rrn-external", "phone-broadcast", "account-broadcast", "card-any"};
    const char *detectors[] = {"kr-rrn", "kr-rrn", "kr-phone", "kr-bank-account", "payment-card"};
    const Core::AuditChoice choices[] = {Core::AuditChoice::Cancel,      Core::AuditChoice::SendAnyway,
                                         Core::AuditChoice::MaskAndSend, Core::AuditChoice::RemoveBroadcastRecipients,
                                         Core::AuditChoice::Cancel,      Core::AuditChoice::ReportFalsePositive};
    qint64 bytes = 0;
    for (int h = 0; h < hosts; ++h) {
        const QString host = QStringLiteral("ws-%1").arg(h, 4, 10, QLatin1Char('0'));
        QDir().mkpath(folder + QLatin1Char('/') + host);
        QFile file(folder + QLatin1Char('/') + host + QStringLiteral("/audit.jsonl"));
        file.open(QIODevice::WriteOnly);
        QByteArray prev = Core::AuditChain::genesis();
        QByteArray out;
        for (qint64 i = 0; i < records / hosts; ++i) {
            const int kind = int(random.bounded(5));
            Core::AuditEvent event;
            event.id = QStringLiteral("%1-%2").arg(host).arg(i);
            event.time = QDateTime(QDate(2026, 9, 1).addDays(random.bounded(90)), QTime(9, 0), Qt::UTC);
            event.user = QStringLiteral("user%1").arg(random.bounded(40));
            event.host = host;
            event.department = QStringLiteral("과%1").arg(h % 12);
            event.policyId = QStringLiteral("incheon");
            event.policyVersion = h % 10 == 0 ? 2 : 3;
            event.verdict = kind < 2 ? Core::VerdictLevel::Justify : Core::VerdictLevel::Warn;
            event.ruleIds = {QLatin1String(rules[kind])};
            event.detectorCounts[QLatin1String(detectors[kind])] = 1 + int(random.bounded(3));
            event.flaggedRecipientIds = {QStringLiteral("grp:all-staff")};
            event.audience = {4812, true};
            event.choice = choices[random.bounded(6)];
            QJsonObject record = event.toJson();
            record.insert(QStringLiteral("prev"), QString::fromLatin1(prev));
            const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact);
            prev = Core::AuditChain::hash(line);
            out += line + '\n';
            if (out.size() > (8 << 20)) {
                file.write(out);
                bytes += out.size();
                out.clear();
            }
        }
        file.write(out);
        bytes += out.size();
    }
    return bytes;
}

struct Run
{
    double seconds = 0;
    long maxResidentKb = 0;
    QByteArray output;
};

// The program, timed as a whole process, its peak memory from wait4().
Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    Run result;
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.output = process.readAllStandardOutput();
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    result.maxResidentKb = usage.ru_maxrss; // the largest child so far
    return result;
}

// The per-rule decisions and "send anyway" the report printed, as "rule decisions anyway".
QStringList reportRules(const QByteArray &report)
{
    QStringList rows;
    for (const QString &line : QString::fromUtf8(report).split(QLatin1Char('\n'))) {
        const QStringList cells = line.trimmed().split(QRegularExpression(QStringLiteral("\\s{2,}")));
        if (cells.size() == 8 && (cells[0].contains(QLatin1Char('-')) && !cells[0].startsWith(QLatin1String("20"))) &&
            !cells[0].startsWith(QLatin1String("kr-")) && cells[0] != QLatin1String("payment-card"))
            rows.append(QStringLiteral("%1 %2 %3")
                            .arg(cells[0], QString(cells[1]).remove(QLatin1Char(',')),
                                 QString(cells[2]).remove(QLatin1Char(','))));
    }
    rows.sort();
    return rows;
}

QStringList jqRules(const QByteArray &json)
{
    QStringList rows;
    const QJsonObject rules = QJsonDocument::fromJson(json).object().value(QLatin1String("rules")).toObject();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const QJsonObject rule = it.value().toObject();
        rows.append(QStringLiteral("%1 %2 %3")
                        .arg(it.key())
                        .arg(rule.value(QLatin1String("decisions")).toInteger())
                        .arg(rule.value(QLatin1String("anyway")).toInteger()));
    }
    rows.sort();
    return rows;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool smoke = app.arguments().contains(QStringLiteral("--smoke"));
    const qint64 records = smoke ? 20000 : 1000000;
    const int rounds = smoke ? 1 : 3;
    QTextStream out(stdout);
    QTemporaryDir dir;
    dir.setAutoRemove(!app.arguments().contains(QStringLiteral("--keep"))); // --keep: profile the files afterwards
    if (!dir.autoRemove())
        out << "files kept in " << dir.path() << '\n';
    const QString fleet = dir.filePath(QStringLiteral("fleet"));
    const QStringList files = [&] {
        writeFleet(fleet, 50, records);
        QStringList all;
        for (const QString &host : QDir(fleet).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            all.append(fleet + QLatin1Char('/') + host + QStringLiteral("/audit.jsonl"));
        return all;
    }();
    qint64 bytes = 0;
    for (const QString &file : files)
        bytes += QFileInfo(file).size();
    // The same figures in jq: decisions by verdict and choice, per rule decisions and overrides.
    const QString program = QStringLiteral(
        "reduce inputs as $r ({}; if ($r.event == \"decision\" or $r.event == \"check-failed\") then "
        ".choices[$r.choice] += 1 | if $r.choice != \"report-false-positive\" then .verdicts[$r.verdict] += 1 | "
        "reduce $r.rules[] as $rule (.; .rules[$rule].decisions += 1 | if $r.choice == \"send-anyway\" then "
        ".rules[$rule].anyway += 1 else . end) else . end else . end)");

    std::vector<double> ours;
    std::vector<double> theirs;
    long memory = 0;
    bool same = true;
    for (int round = 0; round < rounds; ++round) {
        const Run report =
            run(QStringLiteral(SENDGUARD_CLI), QStringList {QStringLiteral("audit"), QStringLiteral("report"), fleet});
        if (round == 0)
            memory = report.maxResidentKb; // before jq has run: the children's peak is the report's
        const Run jq =
            run(QStringLiteral("jq"), QStringList {QStringLiteral("-n"), QStringLiteral("-c"), program} + files);
        ours.push_back(report.seconds);
        theirs.push_back(jq.seconds);
        same = same && !reportRules(report.output).isEmpty() && reportRules(report.output) == jqRules(jq.output);
    }
    const double median = Bench::percentile(ours, 0.5);
    const double base = Bench::percentile(theirs, 0.5);
    out << "sendguard-audit-report-bench: " << records << " records, " << files.size() << " trails, "
        << QString::number(double(bytes) / (1 << 20), 'f', 0) << " MiB, " << rounds << " rounds (medians)\n"
        << "sendguard audit report " << QString::number(median, 'f', 2) << " s (peak memory " << memory / 1024
        << " MiB, chains checked)\n"
        << "jq aggregation         " << QString::number(base, 'f', 2) << " s\n"
        << "jq / report            " << QString::number(base / median, 'f', 1) << "x (target >= 5x)\n"
        << "per-rule figures equal: " << (same ? "yes" : "NO") << '\n';
    return same ? 0 : 1;
}
