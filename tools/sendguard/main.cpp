// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard: scan, redact and inspect from the command line what the SendGuard plugin checks at send time.
#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <map>

namespace {

constexpr auto usage = R"(Usage: sendguard COMMAND [OPTIONS] [ARGS]

Finds personal data (resident registration numbers and more) in outgoing messages and decides,
with a policy, whether they may go to their audience.

Commands:
  scan [--json] [FILE|-]...  find personal data; prints masked values only
  redact [FILE|-]            print the text with every finding masked
  redact --output OUT FILE   write the file masked (a DOCX, XLSX, PPTX, HWPX or ODF document in place)
  detectors [--json]         list the detectors
  extract [--json] FILE      print the text read in a document (DOCX, XLSX, HWP, PDF...), with places
  check [--policy FILE] [--json] MESSAGE.json
                             decide what happens to an outgoing message: allow, warn, justify or block
  policy lint [--fragment] FILE...
                             check policy files (--fragment: managed files)
  policy show [--policy FILE]
                             print the effective policy
  policy schema              print the policy JSON Schema
  policy verify BUNDLE [--pubkey KEY]
                             check a signed policy bundle
  policy status [--json]     where this machine's policy comes from, and its problems
  policy fetch               fetch the signed bundle once and keep it (as root, from a timer)
  audit verify FILE [--against MACHINE-TRAIL]
                             check the audit trail's hash chain, and that it matches the machine's
  audit collect              keep the machine's audit trail (as root, from a service)
  audit report [--since DAY] [--until DAY] [--by rule|detector|department|host|week] [--html FILE] [INPUT...]
                             what the fleet's audit records say: overrides, false positives, policies

Run 'sendguard COMMAND --help' for a command's options.
Options:
  -h, --help     this help
  -v, --version  the version
)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sendguard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SENDGUARD_VERSION));

    using namespace SendGuard::Tools;
    const std::map<QString, std::function<int(const QStringList &)>> commands {
        {QStringLiteral("scan"), runScan},           {QStringLiteral("redact"), runRedact},
        {QStringLiteral("detectors"), runDetectors}, {QStringLiteral("check"), runCheck},
        {QStringLiteral("policy"), runPolicy},       {QStringLiteral("audit"), runAudit},
        {QStringLiteral("extract"), runExtract},
    };

    const QStringList arguments = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString command = arguments.value(1);
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        out << usage;
        return ExitClean;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        out << "sendguard " << QCoreApplication::applicationVersion() << '\n'
            << QStringLiteral("본 제품은 한글과컴퓨터의 한/글 문서 파일(.hwp) 공개 문서를 참고하여 개발하였습니다.")
            << '\n';
        return ExitClean;
    }
    const auto it = commands.find(command);
    if (it == commands.end()) {
        if (command.isEmpty())
            err << "sendguard: no command given\n\n" << usage;
        else
            err << "sendguard: unknown command '" << command << "'\n\n" << usage;
        return ExitUsageOrInput;
    }
    QStringList commandArguments = arguments.mid(2);
    commandArguments.prepend(QStringLiteral("sendguard ") + command);
    return it->second(commandArguments);
}
