// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "inputtext.h"
#include "policyfile.h"

#include "policy/builtinpolicy.h"
#include "policy/policycomposer.h"
#include "policy/policyjson.h"
#include "policy/policyreader.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

namespace SendGuard::Tools {

namespace {

constexpr auto policyUsage = R"(Usage: sendguard policy SUBCOMMAND [OPTIONS]

Subcommands:
  lint [--fragment] FILE...
                           check policy files against the schema and the semantic rules
  show [--policy FILE]     print the effective policy, every default spelt out
  schema                   print the policy JSON Schema (draft 2020-12)
  verify BUNDLE [--pubkey KEY]
                           check a signed policy bundle as a workstation would
  status [--json]          where this machine's policy comes from, and its problems
  fetch                    fetch the signed bundle once and keep it (as root, from a timer)
)";

const QString dateDescription()
{
    return QStringLiteral("Check as on this day, YYYY-MM-DD (default: today): decides what has expired.");
}

int runLint(const QStringList &arguments)
{
    const QString command = QStringLiteral("policy lint");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks policy files: the structure resources/policy.schema.json describes, and what a schema "
                       "cannot say (patterns compile and find their examples, ids are unique, rules name existing "
                       "detectors, exemptions expire, thresholds are sane). Prints FILE:LINE:COLUMN: error|warning: "
                       "... for each problem.\nExit status: 0 no problems, 1 problems, 2 usage error."));
    const QCommandLineOption fragmentOption(
        QStringLiteral("fragment"),
        QStringLiteral("The files are managed or recommended files: parts of a policy, each checked on top of the "
                       "built-in policy (see docs/admin-guide.md)."));
    parser.addOption(fragmentOption);
    const DateOption date(parser, dateDescription());
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Policy files."),
                                 QStringLiteral("lint [--fragment] FILE..."));
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    const auto today = date.value(command);
    if (!today)
        return ExitUsageOrInput;
    if (parser.positionalArguments().isEmpty())
        return usageError(command, QStringLiteral("give at least one policy file"));

    QTextStream out(stdout);
    bool problems = false;
    const Core::JsonNode &builtIn = Core::PolicyComposer::builtIn();
    for (const QString &file : parser.positionalArguments()) {
        const InputText input(file);
        if (!input.isValid()) {
            out << file << ": error: " << input.errorString() << '\n';
            problems = true;
            continue;
        }
        const std::vector<Core::JsonDiagnostic> diagnostics = parser.isSet(fragmentOption)
            ? Core::PolicyComposer::check(builtIn, QByteArray(input.bytes().data(), qsizetype(input.bytes().size())),
                                          *today)
                  .diagnostics
            : Core::PolicyReader::read(input.bytes(), *today).diagnostics;
        for (const Core::JsonDiagnostic &diagnostic : diagnostics)
            out << diagnostic.toString(file) << '\n';
        problems = problems || !diagnostics.empty();
        if (diagnostics.empty())
            out << file << ": ok\n";
    }
    return problems ? ExitFound : ExitClean;
}

int runShow(const QStringList &arguments)
{
    const QString command = QStringLiteral("policy show");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints the effective policy as JSON, every default spelt out.\n"
                                                    "Exit status: 0 shown, 2 usage error or a policy with errors."));
    const QCommandLineOption policyOption(QStringLiteral("policy"),
                                          QStringLiteral("The policy file (default: the built-in policy)."),
                                          QStringLiteral("FILE"));
    parser.addOption(policyOption);
    const DateOption date(parser, dateDescription());
    parser.addPositionalArgument(QString(), QString(), QStringLiteral("show [--policy FILE]"));
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    const auto today = date.value(command);
    if (!today)
        return ExitUsageOrInput;
    if (!parser.positionalArguments().isEmpty())
        return usageError(command,
                          QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const auto policy = PolicyFile::load(parser.value(policyOption), *today, command);
    if (!policy)
        return ExitUsageOrInput;
    QTextStream(stdout) << QJsonDocument(Core::PolicyJson::toJson(*policy)).toJson(QJsonDocument::Indented);
    return ExitClean;
}

int runSchema(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints the policy JSON Schema (draft 2020-12)."));
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("policy schema")))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("policy schema"), QStringLiteral("takes no arguments"));
    QTextStream(stdout) << Core::BuiltInPolicy::schema();
    return ExitClean;
}

} // namespace

int runPolicy(const QStringList &arguments)
{
    return runSubcommand(QStringLiteral("policy"), arguments,
                         {{QStringLiteral("lint"), runLint},
                          {QStringLiteral("show"), runShow},
                          {QStringLiteral("schema"), runSchema},
                          {QStringLiteral("verify"), runPolicyVerify},
                          {QStringLiteral("status"), runPolicyStatus},
                          {QStringLiteral("fetch"), runPolicyFetch}},
                         policyUsage);
}

} // namespace SendGuard::Tools
