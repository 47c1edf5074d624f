// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard-extract: reads one attachment on standard input and writes its text, piece by piece
// with each piece's place, as JSON lines on standard output; with --mask, writes the document
// with the characters the host names masked in place. Runs locked down (Sandbox) so that a
// hostile document costs "not scanned", never the messaging client. The protocol is in
// docs/architecture.md, section 4.8; AttachmentReader (attachments/) is its only client.
#include "sandbox.h"

#include "documentextractor.h"
#include "documentmasker.h"
#include "extractlimits.h"
#include "pdfextractor.h"
#include "textsink.h"

#include "json/jsonplainrun.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

using namespace SendGuard;

// Output is written in blocks of this size, and the pipe to the host holds one.
constexpr int OutputBlock = 1 << 20;

// Output is gathered and written in large blocks: a roster has tens of thousands of pieces.
QByteArray &pending()
{
    static QByteArray buffer = [] {
        QByteArray reserved;
        reserved.reserve(2 << 20);
        return reserved;
    }();
    return buffer;
}

// Where the next block is written: small at first, so that the host starts on the text (and
// scans it) while this reads on, then doubled to OutputBlock, a write per megabyte.
qsizetype &flushAt()
{
    static qsizetype size = 64 << 10;
    return size;
}

void flushOutput()
{
    std::fwrite(pending().constData(), 1, std::size_t(pending().size()), stdout);
    pending().resize(0); // keeps its memory: growing it again from nothing was a fifth of the time
    flushAt() = qMin<qsizetype>(flushAt() * 2, OutputBlock);
}

void writeLine(const QJsonObject &object)
{
    pending() += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    flushOutput();
}

// A JSON string, quotes included (RFC 8259: '"', '\\' and control characters escaped). UTF-8
// in, copied in runs: text rarely needs an escape.
void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    for (std::string_view rest(utf8.data(), std::size_t(utf8.size())); !rest.empty();) {
        const std::size_t plain = Core::jsonPlainRun(rest);
        out.append(rest.data(), qsizetype(plain));
        if (plain == rest.size())
            break;
        switch (const auto c = uchar(rest[plain])) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default: {
            char escaped[8];
            std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
            out += escaped;
        }
        }
        rest.remove_prefix(plain + 1);
    }
    out += '"';
}

// {"place":[...],"text":"..."}: written by hand, the protocol's one hot path.
void writePiece(const Core::TextPlace &place, QByteArrayView text)
{
    QByteArray &out = pending();
    out += "{\"place\":[";
    const QStringList steps = place.toWire();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJsonString(out, steps.at(i).toUtf8());
    }
    out += "],\"text\":";
    appendJsonString(out, text);
    out += "}\n";
    if (out.size() > flushAt())
        flushOutput();
}

int finish(const QString &format, const QString &incomplete, const QString &notScanned = {})
{
    QJsonObject done {{QStringLiteral("done"), true}, {QStringLiteral("format"), format}};
    if (!notScanned.isEmpty())
        done.insert(QStringLiteral("notScanned"), notScanned);
    else if (!incomplete.isEmpty())
        done.insert(QStringLiteral("incomplete"), incomplete);
    writeLine(done);
    std::fflush(stdout);
    return 0;
}

// --name NAME, --limit KEY=VALUE (ExtractLimits' fields, as the host's policy sets them), --mask.
bool parseArguments(int argc, char *argv[], QString *name, Extract::ExtractLimits *limits, bool *mask)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument = argv[i];
        if (argument == "--mask") {
            *mask = true;
            continue;
        }
        if (i + 1 >= argc)
            return false;
        const QByteArray value = argv[++i];
        if (argument == "--name") {
            *name = QString::fromUtf8(value);
            continue;
        }
        if (argument != "--limit")
            return false;
        const qsizetype equals = value.indexOf('=');
        bool ok = false;
        const qint64 number = value.mid(equals + 1).toLongLong(&ok);
        if (equals < 0 || !ok || number < 1)
            return false;
        const QByteArray key = value.left(equals);
        if (key == "maxInputBytes")
            limits->maxInputBytes = number;
        else if (key == "maxEntries")
            limits->maxEntries = int(qMin<qint64>(number, 1'000'000));
        else if (key == "maxDepth")
            limits->maxDepth = int(qMin<qint64>(number, 64));
        else if (key == "maxRatio")
            limits->maxRatio = int(qMin<qint64>(number, 1'000'000));
        else if (key == "maxEntryBytes")
            limits->maxEntryBytes = number;
        else if (key == "maxTotalBytes")
            limits->maxTotalBytes = number;
        else if (key == "maxCharacters")
            limits->maxCharacters = number;
        else if (key == "maxSeconds")
            limits->maxSeconds = int(qMin<qint64>(number, 3600));
        else
            return false;
    }
    return true;
}

// The mask request, the first line of standard input in --mask mode:
// {"pieces":N,"masks":[[piece,pieceLength,offset,length],...]}. False when it is not that.
bool parseMaskRequest(const QByteArray &line, int *pieceCount, std::vector<Core::TextMask> *masks)
{
    const QJsonObject request = QJsonDocument::fromJson(line).object();
    const QJsonValue pieces = request.value(QLatin1String("pieces"));
    if (!pieces.isDouble() || !request.value(QLatin1String("masks")).isArray())
        return false;
    *pieceCount = pieces.toInt(-1);
    for (const QJsonValue &value : request.value(QLatin1String("masks")).toArray()) {
        const QJsonArray fields = value.toArray();
        if (fields.size() != 4)
            return false;
        masks->push_back({fields.at(0).toInt(-1), qsizetype(fields.at(1).toInteger(-1)),
                          qsizetype(fields.at(2).toInteger(-1)), qsizetype(fields.at(3).toInteger(-1))});
    }
    return *pieceCount >= 0;
}

// --mask: the masked document after a header line, {"done":true,...,"size":N}, or why not.
int writeMasked(const Extract::DocumentMasker::Result &masked)
{
    QJsonObject done {{QStringLiteral("done"), true}, {QStringLiteral("format"), masked.format}};
    if (!masked.bytes) {
        done.insert(QStringLiteral("notMasked"), masked.error);
        writeLine(done);
        return 0;
    }
    done.insert(QStringLiteral("maskedCharacters"), masked.maskedCharacters);
    done.insert(QStringLiteral("maskedCells"), masked.maskedCells);
    done.insert(QStringLiteral("size"), qint64(masked.bytes->size()));
    writeLine(done);
    std::fwrite(masked.bytes->constData(), 1, std::size_t(masked.bytes->size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QString name;
    Extract::ExtractLimits limits;
    bool mask = false;
    if (!parseArguments(argc, argv, &name, &limits, &mask)) {
        std::fputs("usage: sendguard-extract [--name NAME] [--limit KEY=VALUE]... [--mask] < FILE\n", stderr);
        return 2;
    }
    // Read everything first, never past the limit: then nothing but parsing remains. With --mask,
    // the request line comes first (64 bytes a mask at most, past the file's own limit).
    const qint64 maxBytes = limits.maxInputBytes + (mask ? limits.maxCharacters * 64 + 4096 : 0);
    QByteArray bytes;
    char block[64 * 1024];
    for (ssize_t read; (read = ::read(STDIN_FILENO, block, sizeof(block))) != 0;) {
        if (read < 0) {
            if (errno == EINTR)
                continue;
            return finish(QString(), QString(), QStringLiteral("cannot read the attachment"));
        }
        bytes.append(block, qsizetype(read));
        if (bytes.size() > maxBytes)
            return finish(
                QString(), QString(),
                QStringLiteral("larger than %1 bytes: not scanned").arg(QString::number(limits.maxInputBytes)));
    }
    int pieceCount = 0;
    std::vector<Core::TextMask> masks;
    if (mask) {
        const qsizetype end = bytes.indexOf('\n');
        if (end < 0 || !parseMaskRequest(bytes.left(end), &pieceCount, &masks))
            return writeMasked({std::nullopt, 0, 0, QString(), QStringLiteral("the mask request is not valid")});
        bytes.remove(0, end + 1);
        if (bytes.size() > limits.maxInputBytes)
            return writeMasked({std::nullopt, 0, 0, QString(), QStringLiteral("larger than the limit")});
    }
    // A roster's text is megabytes: a larger pipe lets the host read it in a few large gulps
    // instead of a context switch every 64 KiB. Where stdout is no pipe, or the system's cap is
    // lower, it stays as it is.
    (void)::fcntl(STDOUT_FILENO, F_SETPIPE_SZ, OutputBlock);
    // Opened now, loaded only if a PDF comes: the sandbox may hide the folder it lies in.
    const int pdfReader = Extract::PdfExtractor::openReaderModule();
    QString error;
    (void)Tools::Sandbox::isolate(); // where available; the rest of the lock-down holds either way
    if (!Tools::Sandbox::enter({qint64(2) << 30, limits.maxSeconds + 1, pdfReader}, &error))
        return finish(QString(), QString(), QStringLiteral("the reader could not be locked down (%1)").arg(error));

    if (mask)
        return writeMasked(Extract::DocumentMasker::mask(bytes, name, limits, pieceCount, masks));

    Extract::TextSink sink(limits, writePiece);
    const auto format = Extract::DocumentExtractor::sniff(bytes, name);
    Extract::DocumentExtractor::extract(bytes, name, {}, sink);
    const QString formatName = Extract::DocumentExtractor::formatName(format);
    // Nothing read at all and something skipped: the attachment as a whole was not scanned.
    if (!sink.hasText() && !sink.incomplete().isEmpty())
        return finish(formatName, QString(), sink.incomplete());
    return finish(formatName, sink.incomplete());
}
