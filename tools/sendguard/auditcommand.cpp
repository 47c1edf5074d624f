// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard audit verify: checks the hash chain of an audit trail and its rotated files.
#include "commands.h"

#include "commandline.h"

#include "audit/auditchain.h"
#include "auditlog.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace SendGuard::Tools {

namespace {

int runVerify(const QStringList &arguments)
{
    const QString command = QStringLiteral("audit verify");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks that no record of an audit trail was deleted, inserted or changed: every record must carry the "
        "SHA-256 of the one before it. FILE.1 ... FILE.5, the files rotation made, are checked first, oldest "
        "first.\nExit status: 0 intact, 1 broken (FILE:LINE of the first record that does not fit), 2 usage "
        "error."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The audit file (audit.jsonl)."),
                                 QStringLiteral("verify FILE"));
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, QStringLiteral("give one audit file"));
    const QString path = parser.positionalArguments().first();
    const QStringList files = Delivery::AuditLog::files(path);
    if (!files.contains(path))
        return usageError(command, QStringLiteral("%1: no such file").arg(path));

    QList<std::pair<QString, QByteArray>> contents;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return usageError(command, QStringLiteral("%1: %2").arg(file, f.errorString()));
        contents.append({file, f.readAll()});
    }
    // Rotation deletes the oldest file: a trail may start in the middle of its chain.
    const QByteArray firstLine = contents.first().second.left(contents.first().second.indexOf('\n'));
    const bool continuesEarlier = contents.first().first != path &&
        QJsonDocument::fromJson(firstLine).object().value(QLatin1String("prev")).toString().toLatin1() !=
            Core::AuditChain::genesis();

    const Core::AuditChain::Result result = Core::AuditChain::verify(contents, continuesEarlier);
    QTextStream out(stdout);
    if (result.firstBreak) {
        out << result.firstBreak->file << ':' << result.firstBreak->line
            << ": chain broken: " << result.firstBreak->problem << '\n';
        return ExitFound;
    }
    out << path << ": " << result.records << " records in " << files.size() << " file(s), chain intact";
    if (continuesEarlier)
        out << " (it continues files that rotation has deleted)";
    out << '\n';
    return ExitClean;
}

} // namespace

int runAudit(const QStringList &arguments)
{
    return runSubcommand(QStringLiteral("audit"), arguments, {{QStringLiteral("verify"), runVerify}},
                         "Usage: sendguard audit verify FILE\n");
}

} // namespace SendGuard::Tools
