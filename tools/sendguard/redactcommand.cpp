// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "inputtext.h"

#include "scan/redactor.h"
#include "scan/scanner.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace SendGuard::Tools {

int runRedact(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the text with every finding masked (as 'mask and send' sends it); all other bytes unchanged.\n"
        "Exit status: 0 written, 2 usage or input error, 3 scan incomplete (nothing is written)."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The text file; - or none: standard input."),
                                 QStringLiteral("redact [FILE|-]"));
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("redact")))
        return *stop;
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return usageError(QStringLiteral("redact"), QStringLiteral("takes one file"));
    const InputText input(files.value(0, QStringLiteral("-")));
    if (!input.isValid()) {
        err << "sendguard redact: " << input.name() << ": " << input.errorString() << '\n';
        return ExitUsageOrInput;
    }
    const Core::Scanner scanner;
    const Core::ScanResult result = scanner.scan(input.bytes());
    if (!result.complete) {
        // Printing the text unmasked would pass the very data we were asked to hide.
        err << "sendguard redact: " << input.name() << ": scan incomplete: " << result.error << '\n';
        return ExitIncomplete;
    }
    const std::string redacted = Core::Redactor::redact(input.bytes(), result.findings);
    if (std::fwrite(redacted.data(), 1, redacted.size(), stdout) != redacted.size() || std::fflush(stdout) != 0) {
        err << "sendguard redact: cannot write to standard output\n";
        return ExitUsageOrInput;
    }
    return ExitClean;
}

} // namespace SendGuard::Tools
