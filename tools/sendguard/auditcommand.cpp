// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard audit verify: checks the hash chain of an audit trail and its rotated files, and
// whether it matches the machine's trail. sendguard audit collect: keeps the machine's trail.
#include "commands.h"

#include "commandline.h"

#include "audit/auditchain.h"
#include "audit/machinetrailcomparison.h"
#include "auditcollector.h"
#include "auditdestinations.h"
#include "auditlog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace SendGuard::Tools {

namespace {

using Files = QList<std::pair<QString, QByteArray>>;

// The files of the trail at path, oldest first; an error names the one that could not be read.
std::optional<Files> readTrail(const QString &path, QString *error)
{
    const QStringList names = Delivery::AuditLog::files(path);
    if (!names.contains(path)) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return std::nullopt;
    }
    Files files;
    for (const QString &name : names) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(name, file.errorString());
            return std::nullopt;
        }
        files.append({name, file.readAll()});
    }
    return files;
}

struct ChainCheck
{
    Core::AuditChain::Result result;
    bool continuesEarlier = false;
};

ChainCheck checkChain(const QString &path, const Files &files)
{
    // Rotation deletes the oldest file: a trail may start in the middle of its chain.
    const QByteArray firstLine = files.first().second.left(files.first().second.indexOf('\n'));
    ChainCheck check;
    // Rotation deletes a file only once it keeps Keep of them (AuditLog::rotate): only then may
    // the oldest file start in the middle of the chain.
    check.continuesEarlier = files.first().first == path + QStringLiteral(".%1").arg(Delivery::AuditLog::Keep) &&
        QJsonDocument::fromJson(firstLine).object().value(QLatin1String("prev")).toString().toLatin1() !=
            Core::AuditChain::genesis();
    check.result = Core::AuditChain::verify(files, check.continuesEarlier);
    return check;
}

QString place(const Core::MachineTrailComparison::Place &where)
{
    return where.file + QLatin1Char(':') + QString::number(where.line);
}

// What the machine trail says about the local one: the exit status.
int compareWithMachine(const Files &local, const QString &machinePath, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::optional<Files> machine = readTrail(machinePath, &error);
    if (!machine)
        return usageError(QStringLiteral("audit verify"), error);
    const ChainCheck machineChain = checkChain(machinePath, *machine);
    if (machineChain.result.firstBreak) {
        err << machineChain.result.firstBreak->file << ':' << machineChain.result.firstBreak->line
            << ": the machine trail's own chain is broken: " << machineChain.result.firstBreak->problem << '\n';
        return ExitFound;
    }
    const auto result = Core::MachineTrailComparison::compare(local, Core::MachineTrailComparison::collected(*machine));
    out << result.received << " of " << result.local << " records are in the machine trail " << machinePath;
    if (!result.accounts.isEmpty())
        out << ", sent by " << result.accounts.join(QStringLiteral(", "));
    out << '\n';
    if (result.firstNotReceived)
        out << place(*result.firstNotReceived) << ": first of " << (result.local - result.received)
            << " records the machine trail never received (written while the collector was unreachable, or "
               "changed or added later)\n";
    if (result.firstMissing)
        out << place(*result.firstMissing) << ": first of " << result.missing
            << " records the machine trail received in this chain that the local trail no longer holds "
               "(deleted or changed; record id "
            << result.firstMissingId << ")\n";
    if (result.earlier > 0)
        out << result.earlier
            << " earlier records of this chain are only in the machine trail (rotated away, or cut from the "
               "oldest file)\n";
    if (result.otherChains > 0)
        out << result.otherChains
            << " records from the same account belong to another local trail (a trail deleted and started "
               "again, or another client: compare its trail too)\n";
    out << (result.matches() ? "the local trail matches the machine trail\n"
                             : "the local trail does NOT match the machine trail\n");
    return result.matches() ? ExitClean : ExitFound;
}

int runVerify(const QStringList &arguments)
{
    const QString command = QStringLiteral("audit verify");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks that no record of an audit trail was deleted, inserted or changed: every record must carry the "
        "SHA-256 of the one before it. FILE.1 ... FILE.5, the files rotation made, are checked first, oldest "
        "first. The chain alone cannot stop the file's owner from rewriting it and chaining it again; with "
        "--against, each record is also looked up in the machine's trail, which the root-run collector wrote "
        "as the records were made.\nExit status: 0 intact (and matching), 1 broken or not matching (FILE:LINE "
        "of the first record that does not fit), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The audit file (audit.jsonl)."),
                                 QStringLiteral("verify FILE"));
    const QCommandLineOption against(QStringLiteral("against"),
                                     QStringLiteral("The machine's trail to compare with (%1; its rotated files too).")
                                         .arg(Delivery::AuditDestinations::standardCollectorTrail()),
                                     QStringLiteral("MACHINE-TRAIL"));
    parser.addOption(against);
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, QStringLiteral("give one audit file"));
    const QString path = parser.positionalArguments().first();
    QString error;
    const std::optional<Files> files = readTrail(path, &error);
    if (!files)
        return usageError(command, error);

    const ChainCheck chain = checkChain(path, *files);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (chain.result.firstBreak) {
        out << chain.result.firstBreak->file << ':' << chain.result.firstBreak->line
            << ": chain broken: " << chain.result.firstBreak->problem << '\n';
        return ExitFound;
    }
    out << path << ": " << chain.result.records << " records in " << files->size() << " file(s), chain intact";
    if (chain.continuesEarlier)
        out << " (it continues files that rotation has deleted)";
    out << '\n';
    if (!parser.isSet(against))
        return ExitClean;
    out.flush();
    return compareWithMachine(*files, parser.value(against), out, err);
}

int runCollect(const QStringList &arguments)
{
    const QString command = QStringLiteral("audit collect");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Keeps the machine's audit trail, the one users cannot rewrite: run as root (the "
        "sendguard-audit-collector service), it takes each record SendGuard writes to a user's local trail "
        "over a Unix socket any local user may connect to, and appends it, with the account the system "
        "reports for the socket, to its own hash-chained trail in a root-owned folder. Runs until stopped."));
    const QCommandLineOption socket(
        QStringLiteral("socket"),
        QStringLiteral("The socket to listen on (%1).").arg(Delivery::AuditDestinations::standardCollectorSocket()),
        QStringLiteral("PATH"), Delivery::AuditDestinations::standardCollectorSocket());
    const QCommandLineOption trail(
        QStringLiteral("trail"),
        QStringLiteral("The machine trail to write (%1).").arg(Delivery::AuditDestinations::standardCollectorTrail()),
        QStringLiteral("FILE"), Delivery::AuditDestinations::standardCollectorTrail());
    const QCommandLineOption maxFileBytes(QStringLiteral("max-file-bytes"),
                                          QStringLiteral("Rotate the trail at this size (52428800)."),
                                          QStringLiteral("BYTES"), QStringLiteral("52428800"));
    parser.addOptions({socket, trail, maxFileBytes});
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(command, QStringLiteral("takes no arguments"));
    bool ok = false;
    const qint64 maxBytes = parser.value(maxFileBytes).toLongLong(&ok);
    if (!ok || maxBytes < 4096)
        return usageError(command, QStringLiteral("--max-file-bytes: give a number of bytes, at least 4096"));

    Delivery::AuditCollector collector(parser.value(socket), parser.value(trail), maxBytes);
    QString error;
    if (!collector.listen(&error)) {
        QTextStream(stderr) << "sendguard audit collect: " << error << '\n';
        return ExitIncomplete;
    }
    QTextStream(stderr) << "sendguard audit collect: listening on " << parser.value(socket) << ", writing "
                        << parser.value(trail) << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace

int runAudit(const QStringList &arguments)
{
    return runSubcommand(QStringLiteral("audit"), arguments,
                         {{QStringLiteral("verify"), runVerify},
                          {QStringLiteral("collect"), runCollect},
                          {QStringLiteral("report"), runAuditReport}},
                         "Usage: sendguard audit verify FILE [--against MACHINE-TRAIL]\n"
                         "       sendguard audit collect [--socket PATH] [--trail FILE]\n"
                         "       sendguard audit report [--since DAY] [--until DAY] [--by rule|detector|department|"
                         "host|week] [--html FILE] [--lang ko|en] [INPUT...]\n");
}

} // namespace SendGuard::Tools
