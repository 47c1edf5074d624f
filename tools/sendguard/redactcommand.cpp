// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "inputtext.h"

#include "attachmentreader.h"
#include "check/documentmaskplan.h"
#include "common/boundedfile.h"
#include "message/attachmentlimits.h"
#include "message/characterescapes.h"
#include "safefile.h"
#include "scan/quotedcellbreaks.h"
#include "scan/redactor.h"
#include "scan/scanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace SendGuard::Tools {

namespace {

// --output: the file (a document or text) masked as "mask and send" masks it, written whole or
// not at all. Documents are masked in place by the extraction helper.
int redactToFile(const Core::Scanner &scanner, const QString &file, const QString &output)
{
    const QString command = QStringLiteral("redact");
    QTextStream err(stderr);
    const Attachments::AttachmentReader reader(
        Attachments::AttachmentReader::findHelper(QCoreApplication::applicationFilePath()));
    // Read once: the scan, the masking and a copy without findings all work on these bytes, so a
    // file that changes meanwhile cannot put its new content under the old one's masks.
    const Core::BoundedFile read =
        Core::BoundedFile::read(QFileInfo(file).absoluteFilePath(), Core::AttachmentLimits {}.maxInputBytes);
    if (read.status != Core::BoundedFile::Status::Read)
        return usageError(command,
                          QStringLiteral("%1: cannot be read%2")
                              .arg(file, read.error.isEmpty() ? QString() : QStringLiteral(": ") + read.error));
    const Core::MessageAttachment attachment {QFileInfo(file).fileName(), QString(), read.bytes};
    const Core::AttachmentText text = reader.read(attachment, QString());
    if (text.status == Core::AttachmentText::Status::Unreadable)
        return usageError(command, QStringLiteral("%1: %2").arg(file, text.reason));
    const auto refuse = [&](const QString &why) {
        err << "sendguard redact: " << file << ": " << why << " (nothing written)\n";
        return ExitIncomplete;
    };
    if (text.status == Core::AttachmentText::Status::NotScanned)
        return refuse(QStringLiteral("not scanned: %1").arg(text.reason));
    if (!text.incomplete.isEmpty())
        return refuse(QStringLiteral("read in part: %1").arg(text.incomplete));
    const std::string_view utf8(text.utf8.constData(), std::size_t(text.utf8.size()));
    std::string csv;
    const Core::ScanResult scan = scanner.scan(text.scannedText(csv));
    if (!scan.complete)
        return refuse(QStringLiteral("scan incomplete: %1").arg(scan.error));

    QByteArray masked;
    if (scan.findings.empty()) {
        masked = read.bytes; // nothing to mask (a document without text too): the file as it is
    } else if (text.pieces.empty()) {
        const std::string redacted = Core::Redactor::redact(utf8, scan.findings);
        masked = QByteArray(redacted.data(), qsizetype(redacted.size()));
    } else {
        QString error;
        const auto masks = Core::DocumentMaskPlan::of(text, scan.findings, &error);
        const auto bytes = masks ? reader.mask(attachment, QString(), text, *masks, &error) : std::nullopt;
        if (!bytes)
            return refuse(QStringLiteral("cannot be masked in place: %1").arg(error));
        masked = *bytes;
        // Checked again, as the plugin checks a masked message: read as a recipient would, nothing
        // but already-masked forms may be left.
        const Core::AttachmentText again = reader.extract(attachment.name, masked);
        const Core::ScanResult rescan =
            scanner.scan(std::string_view(again.utf8.constData(), std::size_t(again.utf8.size())));
        const bool clean = again.status == Core::AttachmentText::Status::Text && again.incomplete.isEmpty() &&
            rescan.complete && std::all_of(rescan.findings.begin(), rescan.findings.end(), [](const Core::Finding &f) {
                               return f.severity == Core::Severity::Low;
                           });
        if (!clean)
            return refuse(QStringLiteral("the masked copy still holds what was to be masked"));
    }
    QString error;
    if (!Delivery::SafeFile::writeAtomically(QFileInfo(output).absoluteFilePath(), masked, &error))
        return usageError(command, QStringLiteral("%1: %2").arg(output, error));
    err << "sendguard redact: " << output << ": " << scan.findings.size() << " finding(s) masked\n";
    return ExitClean;
}

} // namespace

int runRedact(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the text with every finding masked (as 'mask and send' sends it); all other bytes unchanged, but "
        "a JSON or XML file's escaped characters, written out.\n"
        "With --output, writes the file masked instead: a document (DOCX, XLSX, PPTX, HWPX, ODF) masked in "
        "place, every other byte of it unchanged; HWP, PDF and other formats cannot be.\n"
        "Exit status: 0 written, 2 usage or input error, 3 scan incomplete or not maskable (nothing is written)."));
    const QCommandLineOption outputOption(QStringLiteral("output"),
                                          QStringLiteral("Write the masked file (a document too) to OUT."),
                                          QStringLiteral("OUT"));
    parser.addOption(outputOption);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The text file; - or none: standard input."),
                                 QStringLiteral("redact [--output OUT] [FILE|-]"));
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("redact")))
        return *stop;
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return usageError(QStringLiteral("redact"), QStringLiteral("takes one file"));
    const Core::Scanner scanner;
    if (parser.isSet(outputOption)) {
        if (files.isEmpty() || files.first() == QLatin1String("-"))
            return usageError(QStringLiteral("redact"), QStringLiteral("--output needs a FILE"));
        return redactToFile(scanner, files.first(), parser.value(outputOption));
    }
    const InputText input(files.value(0, QStringLiteral("-")));
    if (!input.isValid()) {
        err << "sendguard redact: " << input.name() << ": " << input.errorString() << '\n';
        return ExitUsageOrInput;
    }
    // A JSON or XML file's escaped characters written out, as `scan` reads it: the number a label
    // written "\uc8fc\ubbfc…" names is found, and printed masked.
    const auto written =
        Core::CharacterEscapes::decoded(QByteArrayView(input.bytes().data(), qsizetype(input.bytes().size())),
                                        Core::CharacterEscapes::syntaxOf(input.name()));
    const std::string_view text =
        written ? std::string_view(written->constData(), std::size_t(written->size())) : input.bytes();
    std::string copy;
    const bool json = Core::CharacterEscapes::syntaxOf(input.name()) == Core::CharacterEscapes::Syntax::Json;
    const Core::ScanResult result = scanner.scan(json ? Core::CharacterEscapes::blankedControls(text, copy)
                                                      : Core::QuotedCellBreaks::scannedText(input.name(), text, copy));
    if (!result.complete) {
        // Printing the text unmasked would pass the very data we were asked to hide.
        err << "sendguard redact: " << input.name() << ": scan incomplete: " << result.error << '\n';
        return ExitIncomplete;
    }
    const std::string redacted = Core::Redactor::redact(text, result.findings);
    if (std::fwrite(redacted.data(), 1, redacted.size(), stdout) != redacted.size() || std::fflush(stdout) != 0) {
        err << "sendguard redact: cannot write to standard output\n";
        return ExitUsageOrInput;
    }
    return ExitClean;
}

} // namespace SendGuard::Tools
