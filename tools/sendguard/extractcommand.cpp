// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard extract: the text the scanner sees in a document, piece by piece with its place, read
// by the same locked-down helper the plugin uses.
#include "commands.h"

#include "commandline.h"

#include "attachmentreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace SendGuard::Tools {

int runExtract(const QStringList &arguments)
{
    const QString command = QStringLiteral("extract");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the text SendGuard reads in a document (DOCX, XLSX, PPTX, ODF, HWPX, HWP, PDF, ZIP, e-mail, text), "
        "each piece with its place, as `check` and the plugin read attachments. It prints the document's text as "
        "it is: personal data in it too.\nExit status: 0 read whole, 3 read in part or not at all (the reason on "
        "standard error), 2 usage error or a file that cannot be read."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("One JSON line per piece: {\"place\", \"text\"}."));
    const QCommandLineOption languageOption(QStringLiteral("lang"), QStringLiteral("Places in ko or en (en)."),
                                            QStringLiteral("ko|en"), QStringLiteral("en"));
    parser.addOptions({jsonOption, languageOption});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The document."),
                                 QStringLiteral("extract [--json] [--lang ko|en] FILE"));
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, QStringLiteral("give one file"));
    const QString file = parser.positionalArguments().first();
    const QString language = parser.value(languageOption);

    const Attachments::AttachmentReader reader(
        Attachments::AttachmentReader::findHelper(QCoreApplication::applicationFilePath()));
    const Core::MessageAttachment attachment {QFileInfo(file).fileName(), QFileInfo(file).absoluteFilePath(), {}};
    const Core::AttachmentText text = reader.read(attachment, QString());
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (text.status == Core::AttachmentText::Status::Unreadable)
        return usageError(command, QStringLiteral("%1: %2").arg(file, text.reason));
    if (text.status == Core::AttachmentText::Status::NotScanned) {
        err << "sendguard extract: " << file << ": not scanned: " << text.reason << '\n';
        return ExitIncomplete;
    }
    // Plain text has no pieces: the whole of it is one.
    std::vector<Core::AttachmentText::Piece> pieces = text.pieces;
    if (pieces.empty())
        pieces.push_back({0, {}, text.utf8.size()});
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const qsizetype end = pieces[i].end();
        const QString piece = QString::fromUtf8(text.utf8.mid(pieces[i].offset, end - pieces[i].offset));
        const QString place = pieces[i].place.describe(language);
        if (parser.isSet(jsonOption))
            out << QJsonDocument(QJsonObject {{QStringLiteral("place"), place}, {QStringLiteral("text"), piece}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        else
            out << "[" << (place.isEmpty() ? file : place) << "]\n" << piece << "\n\n";
    }
    if (!text.incomplete.isEmpty()) {
        err << "sendguard extract: " << file << ": read in part: " << text.incomplete << '\n';
        return ExitIncomplete;
    }
    return ExitClean;
}

} // namespace SendGuard::Tools
