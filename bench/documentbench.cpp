// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard-document-bench: reading attachments, whole process, side by side with the simplest
// tool that does only part of the job on the same file:
//   DOCX  `sendguard scan` (CLI + helper start, unzip, XML, scan)  vs  `unzip -p FILE word/document.xml`
//   PDF   `sendguard scan`                                         vs  `pdftotext FILE -`
//   HWP   `sendguard scan`                                         vs  inflating its sections alone
//                                                                      (in this process: no tool exists)
// A second column times the same document read as the plugin reads it, inside a running host:
// AttachmentReader (the helper started, text scanned as it arrives) and MessageChecker::check(),
// in this process: the helper's start is included, the CLI's own start is not.
// Each round runs every command once, in turn, so a busy moment slows all alike; the table gives
// medians and the ratio (SendGuard ÷ baseline: below the target is the goal).
#include "corpusgenerator.h"
#include "documentfiles.h"
#include "pdffiles.h"
#include "percentile.h"

#include "compoundfile.h"

#include "attachmentreader.h"
#include "check/messagechecker.h"
#include "policy/builtinpolicy.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <zlib.h>

#include <cstdio>
#include <functional>

using namespace SendGuard;

namespace {

QStringList paragraphsOf(std::size_t bytes, std::size_t *planted)
{
    Bench::CorpusGenerator generator(20261129);
    const auto corpus = generator.generate(bytes, Bench::CorpusGenerator::Density::Sparse);
    *planted = corpus.planted;
    return QString::fromStdString(corpus.text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QByteArray docxOf(const QStringList &paragraphs)
{
    QString body;
    for (const QString &paragraph : paragraphs)
        body += Tests::wordParagraph({paragraph.toHtmlEscaped()});
    return Tests::docx(body);
}

QByteArray hwpOf(const QStringList &paragraphs)
{
    QByteArray section;
    for (const QString &paragraph : paragraphs)
        section += Tests::hwpParagraph(paragraph);
    return Tests::hwp({section});
}

// Inflates every BodyText section of an HWP, as the helper must before it reads a record.
qint64 inflateSections(const QByteArray &file)
{
    QString error;
    const auto compound = Extract::CompoundFile::open(file, &error);
    qint64 total = 0;
    for (const QString &name : compound->streams()) {
        if (!name.startsWith(QLatin1String("BodyText/")))
            continue;
        const QByteArray compressed = *compound->stream(name, qint64(1) << 30, &error);
        z_stream stream {};
        inflateInit2(&stream, -MAX_WBITS);
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
        stream.avail_in = uInt(compressed.size());
        QByteArray out(1 << 20, '\0');
        int status = Z_OK;
        while (status == Z_OK) {
            stream.next_out = reinterpret_cast<Bytef *>(out.data());
            stream.avail_out = uInt(out.size());
            status = inflate(&stream, Z_NO_FLUSH);
            total += qint64(out.size()) - qint64(stream.avail_out);
        }
        inflateEnd(&stream);
    }
    return total;
}

struct Run
{
    double seconds = 0;
    QByteArray output;
    int exitCode = -1;
};

Run runProcess(const QString &program, const QStringList &arguments, bool keepOutput)
{
    QProcess process;
    if (!keepOutput)
        process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(120000);
    Run run;
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (keepOutput)
        run.output = process.readAllStandardOutput();
    return run;
}

// The document checked as the plugin's worker checks an attachment: findings, or -1 when it
// could not be read.
qint64 checkInHost(const Attachments::AttachmentReader &reader, const Core::MessageChecker &checker,
                   const QString &file)
{
    Core::OutgoingMessage message;
    message.attachments.push_back({QFileInfo(file).fileName(), file, std::nullopt});
    std::vector<Core::AttachmentText> texts {
        reader.read(message.attachments.front(), QString(), nullptr, &checker.scanner())};
    if (texts.front().status != Core::AttachmentText::Status::Text)
        return -1;
    const Core::MessageChecker::Result result = checker.check(message, texts, QDate::currentDate());
    return result.complete ? qint64(result.verdict.findings.size()) : -1;
}

struct Case
{
    QString name;
    QString file;
    qint64 expected; // findings the document must give: those of its text as the baseline reads it
    double target;
    QString baselineName;
    std::function<double()> baseline;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // QPdfWriter needs fonts
    const QStringList arguments = QCoreApplication::arguments();
    const bool smoke = arguments.contains(QStringLiteral("--smoke"));
    // --only FORMAT: one format alone, to profile it (the PDF, slow to write, is then not made).
    const qsizetype onlyAt = arguments.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt >= 0 ? arguments.value(onlyAt + 1).toUpper() : QString();
    const auto wanted = [&](const QString &format) { return only.isEmpty() || only == format; };
    const int rounds = smoke ? 2 : 7;
    const std::size_t textBytes = smoke ? 200 * 1024 : 10 << 20;
    QTextStream out(stdout);

    QTemporaryDir dir;
    dir.setAutoRemove(!arguments.contains(QStringLiteral("--keep"))); // --keep: look at the files afterwards
    if (!dir.autoRemove())
        out << "files kept in " << dir.path() << '\n';
    std::size_t planted = 0;
    const QStringList paragraphs = paragraphsOf(textBytes, &planted);
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return file.fileName();
    };
    // What the same text gives as a plain text file: the findings each document must give too.
    const QString textFile = write(QStringLiteral("roster.txt"), paragraphs.join(QLatin1Char('\n')).toUtf8());
    const qsizetype expected =
        runProcess(QStringLiteral(SENDGUARD_CLI), {QStringLiteral("scan"), QStringLiteral("--json"), textFile}, true)
            .output.count("\"detector\":");
    const QByteArray hwp = hwpOf(paragraphs);
    // A PDF's text layer is what its writer put there (QPdfWriter drops some glyphs' text): the
    // findings in pdftotext's reading of it are the ones to expect.
    const QString pdfFile = dir.filePath(QStringLiteral("roster.pdf"));
    qsizetype pdfExpected = 0;
    if (wanted(QStringLiteral("PDF"))) {
        write(QStringLiteral("roster.pdf"), Tests::printedPdf(Tests::pagesOf(paragraphs)));
        runProcess(QStringLiteral("pdftotext"), {pdfFile, dir.filePath(QStringLiteral("roster-pdf.txt"))}, false);
        pdfExpected = runProcess(QStringLiteral(SENDGUARD_CLI),
                                 {QStringLiteral("scan"), QStringLiteral("--json"),
                                  dir.filePath(QStringLiteral("roster-pdf.txt"))},
                                 true)
                          .output.count("\"detector\":");
    }
    const QList<Case> cases {
        {QStringLiteral("DOCX"), write(QStringLiteral("roster.docx"), docxOf(paragraphs)), expected, 2.0,
         QStringLiteral("unzip -p"),
         [&] {
             return runProcess(QStringLiteral("unzip"),
                               {QStringLiteral("-p"), dir.filePath(QStringLiteral("roster.docx")),
                                QStringLiteral("word/document.xml")},
                               false)
                 .seconds;
         }},
        {QStringLiteral("PDF"), pdfFile, pdfExpected, 1.2, QStringLiteral("pdftotext"),
         [&] {
             return runProcess(QStringLiteral("pdftotext"),
                               {dir.filePath(QStringLiteral("roster.pdf")), QStringLiteral("-")}, false)
                 .seconds;
         }},
        {QStringLiteral("HWP"), write(QStringLiteral("roster.hwp"), hwp), expected, 2.0,
         QStringLiteral("inflate sections"),
         [&] {
             QElapsedTimer timer;
             timer.start();
             inflateSections(hwp);
             return double(timer.nsecsElapsed()) / 1e9;
         }},
    };

    out << "sendguard-document-bench: " << textBytes / 1024 << " KiB of generated Korean text with " << planted
        << " planted items, " << rounds << " rounds\n\n";
    const Core::MessageChecker checker(*Core::BuiltInPolicy::read().policy);
    const Attachments::AttachmentReader reader(QStringLiteral(SENDGUARD_EXTRACT), checker.policy().attachments);
    out << "format  file      sendguard scan   in the host   baseline (what)              ratio (host)  target\n";
    bool ok = true;
    for (const Case &c : cases) {
        if (!wanted(c.name))
            continue;
        std::vector<double> ours;
        std::vector<double> inHost;
        std::vector<double> theirs;
        QByteArray answer;
        for (int round = 0; round < rounds; ++round) {
            const Run run = runProcess(QStringLiteral(SENDGUARD_CLI),
                                       {QStringLiteral("scan"), QStringLiteral("--json"), c.file}, true);
            ours.push_back(run.seconds);
            answer = run.output;
            ok = ok && run.exitCode == 1; // personal data found
            QElapsedTimer timer;
            timer.start();
            const qint64 checked = checkInHost(reader, checker, c.file);
            inHost.push_back(double(timer.nsecsElapsed()) / 1e9);
            ok = ok && checked == c.expected;
            theirs.push_back(c.baseline());
        }
        // The answer must be right, or the speed means nothing: as many findings as in the text itself.
        const qsizetype found = answer.count("\"detector\":");
        const double median = Bench::percentile(ours, 0.5);
        const double host = Bench::percentile(inHost, 0.5);
        const double base = Bench::percentile(theirs, 0.5);
        const auto ratio = [&](double seconds) { return QString::number(seconds / base, 'f', 2); };
        out << c.name.leftJustified(7) << ' ' << QString::number(double(QFileInfo(c.file).size()) / (1 << 20), 'f', 2)
            << " MiB " << QString::number(median * 1000, 'f', 0).rightJustified(7) << " ms     "
            << QString::number(host * 1000, 'f', 0).rightJustified(6) << " ms   "
            << QString::number(base * 1000, 'f', 0).rightJustified(6) << " ms (" << c.baselineName << ")"
            << QString(qMax(0, 18 - int(c.baselineName.size())), QLatin1Char(' ')) << ratio(median) << " ("
            << ratio(host) << ")   " << (host / base <= c.target ? "≤ " : "> ") << c.target << "   findings " << found
            << " of " << c.expected << '\n';
        ok = ok && found == c.expected;
    }
    out.flush();
    return ok ? 0 : 1;
}
