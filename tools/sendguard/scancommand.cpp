// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "findingjson.h"
#include "inputtext.h"
#include "linecolumncursor.h"

#include "attachmentreader.h"

#include "scan/scanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace SendGuard::Tools {

namespace {

void printTable(QTextStream &out, const InputText &input, const Core::ScanResult &result)
{
    if (result.findings.empty()) {
        out << input.name() << ": no personal data found\n";
        return;
    }
    out << input.name() << ": " << result.findings.size() << (result.findings.size() == 1 ? " finding" : " findings")
        << '\n';
    out << "  LINE:COL  DETECTOR           SEVERITY CONF  MASKED\n";
    LineColumnCursor position(input.bytes()); // findings come sorted by start
    for (const Core::Finding &finding : result.findings) {
        // Padded and concatenated, not chained QString::arg(): a "%1" in a custom detector's id stays.
        out << "  " << position.advanceTo(static_cast<std::size_t>(finding.start)).leftJustified(9) << ' '
            << finding.detector.leftJustified(18) << ' ' << Core::severityName(finding.severity).leftJustified(8) << ' '
            << QString::number(finding.confidence, 'f', 2).leftJustified(5) << ' ' << finding.masked << '\n';
    }
}

// A document the helper reads (by its first bytes or its name), not a text file.
bool isDocument(const QString &file)
{
    if (file == QLatin1String("-"))
        return false;
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return false; // InputText says why
    const QByteArray head = input.read(32);
    static const QStringList suffixes {QStringLiteral("docx"), QStringLiteral("xlsx"), QStringLiteral("pptx"),
                                       QStringLiteral("odt"),  QStringLiteral("ods"),  QStringLiteral("odp"),
                                       QStringLiteral("hwp"),  QStringLiteral("hwpx"), QStringLiteral("pdf"),
                                       QStringLiteral("zip"),  QStringLiteral("eml")};
    return head.startsWith("PK\x03\x04") || head.startsWith("%PDF-") || head.startsWith("\xD0\xCF\x11\xE0") ||
        head.startsWith("HWP Document File") || suffixes.contains(QFileInfo(file).suffix().toLower());
}

// A document's findings; offsets are into the text the helper read (`sendguard extract` prints it).
int scanDocument(const QString &file, const Core::Scanner &scanner, bool json, QTextStream &out, QTextStream &err,
                 bool *found)
{
    const Attachments::AttachmentReader reader(
        Attachments::AttachmentReader::findHelper(QCoreApplication::applicationFilePath()));
    const Core::AttachmentText text =
        reader.read({QFileInfo(file).fileName(), QFileInfo(file).absoluteFilePath(), {}}, QString());
    const auto fail = [&](const QString &why, int status) {
        err << "sendguard scan: " << file << ": " << why << '\n';
        if (json)
            out << "{\"file\":" << FindingJson::quoted(file) << ",\"error\":" << FindingJson::quoted(why) << "}\n";
        return status;
    };
    if (text.status == Core::AttachmentText::Status::Unreadable)
        return fail(text.reason, ExitUsageOrInput);
    if (text.status == Core::AttachmentText::Status::NotScanned)
        return fail(QStringLiteral("not scanned: %1").arg(text.reason), ExitIncomplete);
    const Core::ScanResult result = scanner.scan({text.utf8.constData(), std::size_t(text.utf8.size())});
    if (!result.complete)
        return fail(QStringLiteral("scan incomplete: %1").arg(result.error), ExitIncomplete);
    *found = *found || !result.findings.empty();
    if (json) {
        QStringList items;
        for (const Core::Finding &finding : result.findings) {
            QString item = FindingJson::finding(finding);
            item.insert(item.size() - 1,
                        QStringLiteral(",\"place\":") +
                            FindingJson::quoted(text.placeAt(finding.start).describe(u"en")));
            items << item;
        }
        out << "{\"file\":" << FindingJson::quoted(file) << ",\"findings\":[" << items.join(QLatin1Char(',')) << "]}\n";
    } else {
        out << file << ": " << result.findings.size() << (result.findings.size() == 1 ? " finding" : " findings")
            << '\n';
        for (const Core::Finding &finding : result.findings)
            out << "  " << finding.detector.leftJustified(18) << ' ' << finding.masked << "  ("
                << text.placeAt(finding.start).describe(u"en") << ")\n";
    }
    if (!text.incomplete.isEmpty())
        return fail(QStringLiteral("read in part: %1").arg(text.incomplete), ExitIncomplete);
    return ExitClean;
}

} // namespace

int runScan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Finds personal data in text files and documents (DOCX, XLSX, HWP, PDF..., read as `extract` "
                       "reads them) and prints it masked.\n"
                       "Exit status: 0 nothing found, 1 found, 2 usage or input error, 3 scan incomplete."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("One JSON line per input: {\"file\", \"findings\"} with UTF-8 "
                                                       "byte offsets."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Text files to scan; - or none: standard input."),
                                 QStringLiteral("scan [--json] [FILE|-]..."));
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("scan")))
        return *stop;
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        files << QStringLiteral("-");

    const Core::Scanner scanner;
    const bool json = parser.isSet(jsonOption);
    bool found = false;
    bool inputError = false;
    bool incomplete = false;
    for (const QString &file : files) {
        if (isDocument(file)) {
            const int status = scanDocument(file, scanner, json, out, err, &found);
            incomplete = incomplete || status == ExitIncomplete;
            inputError = inputError || status == ExitUsageOrInput;
            out.flush();
            continue;
        }
        const InputText input(file);
        if (!input.isValid()) {
            inputError = true;
            err << "sendguard scan: " << file << ": " << input.errorString() << '\n';
            if (json)
                out << "{\"file\":" << FindingJson::quoted(file)
                    << ",\"error\":" << FindingJson::quoted(input.errorString()) << "}\n";
            continue;
        }
        const Core::ScanResult result = scanner.scan(input.bytes());
        if (!result.complete) {
            // Never print partial findings as if they were the whole answer.
            incomplete = true;
            const QString why = QStringLiteral("scan incomplete: %1").arg(result.error);
            err << "sendguard scan: " << file << ": " << why << '\n';
            if (json)
                out << "{\"file\":" << FindingJson::quoted(file) << ",\"error\":" << FindingJson::quoted(why) << "}\n";
            continue;
        }
        found = found || !result.findings.empty();
        if (json)
            out << "{\"file\":" << FindingJson::quoted(file)
                << ",\"findings\":" << FindingJson::findings(result.findings) << "}\n";
        else
            printTable(out, input, result);
        out.flush();
    }
    if (incomplete)
        return ExitIncomplete;
    if (inputError)
        return ExitUsageOrInput;
    return found ? ExitFound : ExitClean;
}

} // namespace SendGuard::Tools
