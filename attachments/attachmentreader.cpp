// SPDX-License-Identifier: GPL-2.0-or-later
#include "attachmentreader.h"

#include "common/boundedfile.h"
#include "common/installedpath.h"
#include "scan/growingtextscanner.h"
#include "json/jsonplainrun.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>

#include <sys/mman.h>

namespace SendGuard::Attachments {

namespace {

using Core::AttachmentText;

AttachmentText notScanned(const QString &name, const QString &reason)
{
    AttachmentText text;
    text.name = name;
    text.status = AttachmentText::Status::NotScanned;
    text.reason = reason;
    return text;
}

AttachmentText unreadable(const QString &name, const QString &reason)
{
    AttachmentText text = notScanned(name, reason);
    text.status = AttachmentText::Status::Unreadable;
    return text;
}

QStringList limitArguments(const Core::AttachmentLimits &limits)
{
    const std::pair<const char *, qint64> values[] = {
        {"maxInputBytes", limits.maxInputBytes}, {"maxEntries", limits.maxEntries},
        {"maxDepth", limits.maxDepth},           {"maxRatio", limits.maxRatio},
        {"maxEntryBytes", limits.maxEntryBytes}, {"maxTotalBytes", limits.maxTotalBytes},
        {"maxCharacters", limits.maxCharacters}, {"maxSeconds", limits.maxSeconds},
    };
    QStringList arguments;
    for (const auto &[key, value] : values)
        arguments << QStringLiteral("--limit")
                  << QStringLiteral("%1=%2").arg(QLatin1String(key), QString::number(value));
    return arguments;
}

// Asks for the room's pages 2 MiB at a time, where the system has transparent huge pages: a
// roster's 10 MB of text then costs a handful of page faults instead of thousands (a tenth of
// reading it). Only the aligned middle of the room; nothing changes where the advice is refused.
void adviseHugePages(char *room, qsizetype size)
{
    constexpr quintptr Huge = 2 << 20;
    const quintptr begin = (quintptr(room) + Huge - 1) & ~(Huge - 1);
    const quintptr end = (quintptr(room) + quintptr(size)) & ~(Huge - 1);
    if (end > begin)
        (void)::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

// The helper's environment: the host's, with glibc's allocator told to take memory in
// transparent huge pages where the system allows them, from a heap grown 16 MiB at a time (blocks
// over 4 MiB are still mapped on their own, so they grow without a copy). The helper's buffers (a
// block of the entry, expat's, the output) are touched once each, and on a virtual machine every
// 4 KiB page touched for the first time is a costly fault: a fifth of the helper's time on a
// 10 MB document. Other C libraries ignore the variable.
QProcessEnvironment helperEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString ours = QStringLiteral("glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=%1:glibc.malloc.top_pad=%2")
                             .arg(4 << 20)
                             .arg(16 << 20);
    // Added to what the host's environment sets (a site's own tunables stay; the last one wins).
    const QString theirs = environment.value(QStringLiteral("GLIBC_TUNABLES"));
    environment.insert(QStringLiteral("GLIBC_TUNABLES"), theirs.isEmpty() ? ours : theirs + QLatin1Char(':') + ours);
    return environment;
}

// Four hex digits at line[at]; at moves past them.
bool readHex(QByteArrayView line, qsizetype &at, char32_t *value)
{
    if (at + 4 > line.size())
        return false;
    bool ok = false;
    *value = char32_t(QByteArray(line.data() + at, 4).toUInt(&ok, 16));
    at += 4;
    return ok;
}

// A JSON string starting at line[at] (the opening quote), decoded to UTF-8; at moves past it.
// False on anything but a well-formed string.
bool readJsonString(QByteArrayView line, qsizetype &at, QByteArray &out)
{
    if (at >= line.size() || line[at] != '"')
        return false;
    for (++at; at < line.size();) {
        // Text rarely needs an escape: copied in runs up to the next quote, backslash or control.
        const qsizetype end =
            at + qsizetype(Core::jsonPlainRun(std::string_view(line.data() + at, std::size_t(line.size() - at))));
        out.append(line.data() + at, end - at);
        at = end;
        if (at >= line.size())
            return false;
        const char c = line[at++];
        if (c == '"')
            return true;
        if (c != '\\')
            return false; // a control character
        if (at >= line.size())
            return false;
        switch (const char escaped = line[at++]) {
        case '"':
        case '\\':
        case '/':
            out += escaped;
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'u': {
            char32_t code = 0;
            if (!readHex(line, at, &code))
                return false;
            // A character beyond the BMP comes as a surrogate pair: two escapes.
            if (QChar::isHighSurrogate(code) && at + 1 < line.size() && line[at] == '\\' && line[at + 1] == 'u') {
                at += 2;
                char32_t low = 0;
                if (!readHex(line, at, &low) || !QChar::isLowSurrogate(low))
                    return false;
                code = QChar::surrogateToUcs4(char16_t(code), char16_t(low));
            }
            out += QString::fromUcs4(&code, 1).toUtf8();
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

// A piece line exactly as the helper writes it: {"place":["kind=value",...],"text":"..."}.
// Decoded straight to UTF-8, without a JSON document for each of tens of thousands of lines; any
// other shape is left to QJsonDocument.
bool readPieceLine(QByteArrayView line, QStringList &steps, QByteArray &utf8)
{
    constexpr QByteArrayView head = "{\"place\":[";
    constexpr QByteArrayView middle = "],\"text\":";
    if (!line.startsWith(head) || !line.endsWith('}'))
        return false;
    qsizetype at = head.size();
    while (at < line.size() && line[at] == '"') {
        QByteArray step;
        if (!readJsonString(line, at, step))
            return false;
        steps.append(QString::fromUtf8(step));
        if (at < line.size() && line[at] == ',')
            ++at;
    }
    if (!line.sliced(at).startsWith(middle))
        return false;
    at += middle.size();
    return readJsonString(line, at, utf8) && at == line.size() - 1;
}

} // namespace

AttachmentReader::AttachmentReader(QString helperPath, Core::AttachmentLimits limits)
    : m_helperPath(std::move(helperPath))
    , m_limits(limits)
{
}

QString AttachmentReader::findHelper(const QString &callerPath)
{
    const bool installedCaller = Core::isInstalledPath(callerPath);
    QStringList candidates;
    if (!installedCaller && qEnvironmentVariableIsSet("SENDGUARD_EXTRACT"))
        candidates.append(qEnvironmentVariable("SENDGUARD_EXTRACT"));
    candidates.append(QStringLiteral(SENDGUARD_EXTRACT_INSTALLED));
    candidates.append(QStringLiteral(SENDGUARD_EXTRACT_BUILT));
    for (const QString &candidate : std::as_const(candidates)) {
        const QFileInfo file(candidate);
        if (file.isFile() && file.isExecutable() && (!installedCaller || Core::isInstalledPath(candidate)))
            return file.absoluteFilePath();
    }
    return {};
}

std::optional<QByteArray> AttachmentReader::bytesOf(const Core::MessageAttachment &attachment,
                                                    const QString &baseDirectory, const std::atomic_bool *cancel,
                                                    AttachmentText *failure) const
{
    if (attachment.data)
        return *attachment.data;
    const QString path = QDir(baseDirectory).filePath(attachment.path);
    const Core::BoundedFile file = Core::BoundedFile::read(path, m_limits.maxInputBytes, cancel);
    switch (file.status) {
    case Core::BoundedFile::Status::Read:
        return file.bytes;
    case Core::BoundedFile::Status::CannotOpen:
    case Core::BoundedFile::Status::ReadError:
        *failure = unreadable(attachment.name, QStringLiteral("cannot read %1: %2").arg(path, file.error));
        break;
    case Core::BoundedFile::Status::NotRegular:
        *failure = unreadable(attachment.name, QStringLiteral("cannot read %1: not a regular file").arg(path));
        break;
    case Core::BoundedFile::Status::TooLarge:
        *failure = notScanned(attachment.name,
                              QStringLiteral("larger than %1 MiB: not scanned").arg(m_limits.maxInputBytes >> 20));
        break;
    case Core::BoundedFile::Status::Cancelled:
        *failure = unreadable(attachment.name, QStringLiteral("cancelled"));
        break;
    }
    return std::nullopt;
}

AttachmentText AttachmentReader::read(const Core::MessageAttachment &attachment, const QString &baseDirectory,
                                      const std::atomic_bool *cancel, const Core::Scanner *scanAlong) const
{
    if (!attachment.data && AttachmentText::isPlainText(attachment.name) &&
        AttachmentText::isPlainText(attachment.path))
        return AttachmentText::read(attachment, baseDirectory, cancel);
    AttachmentText failure;
    const auto bytes = bytesOf(attachment, baseDirectory, cancel, &failure);
    return bytes ? extract(attachment.name, *bytes, cancel, scanAlong) : failure;
}

AttachmentReader::Run AttachmentReader::runHelper(const QStringList &arguments, const QByteArray &input,
                                                  qint64 maxOutput, const std::function<void(const QByteArray &)> &take,
                                                  const std::atomic_bool *cancel, QString *error) const
{
    QProcess helper;
    helper.setProcessChannelMode(QProcess::SeparateChannels);
    helper.setWorkingDirectory(QStringLiteral("/")); // never the user's folder
    helper.setStandardErrorFile(QProcess::nullDevice()); // parsers' complaints are not ours to keep
    helper.setProcessEnvironment(helperEnvironment());
    helper.start(m_helperPath, arguments + limitArguments(m_limits));
    if (!helper.waitForStarted(5000)) {
        *error = helper.errorString();
        return Run::NotStarted;
    }
    helper.write(input);
    helper.closeWriteChannel();
    const QDeadlineTimer deadline(std::chrono::seconds(m_limits.maxSeconds));
    qint64 received = 0;
    const auto stop = [&helper](Run why) {
        helper.kill();
        helper.waitForFinished();
        return why;
    };
    const auto drain = [&] {
        const QByteArray chunk = helper.readAllStandardOutput();
        received += chunk.size();
        if (received <= maxOutput)
            take(chunk);
        return received <= maxOutput;
    };
    while (helper.state() != QProcess::NotRunning) {
        if (cancel && cancel->load())
            return stop(Run::Cancelled);
        if (deadline.hasExpired())
            return stop(Run::TimedOut);
        helper.waitForReadyRead(100);
        if (!drain())
            return stop(Run::Overflow);
    }
    if (!drain())
        return Run::Overflow;
    if (helper.exitStatus() != QProcess::NormalExit)
        *error = QStringLiteral("crashed");
    return Run::Finished;
}

AttachmentText AttachmentReader::extract(const QString &name, const QByteArray &bytes, const std::atomic_bool *cancel,
                                         const Core::Scanner *scanAlong) const
{
    if (AttachmentText::isPlainText(name) && !bytes.startsWith("PK\x03\x04") && !bytes.startsWith("%PDF-"))
        return AttachmentText::decode(name, bytes);
    if (m_helperPath.isEmpty())
        return notScanned(name, QStringLiteral("the attachment reader (sendguard-extract) is not installed"));
    if (bytes.size() > m_limits.maxInputBytes)
        return notScanned(name, QStringLiteral("larger than %1 MiB: not scanned").arg(m_limits.maxInputBytes >> 20));

    AttachmentText text;
    text.name = name;
    text.status = AttachmentText::Status::Text;
    // Room for the most text the helper may send, reserved and not touched: pages are taken as
    // the text fills them, never copied to a larger buffer as it grows (a tenth of a roster's time).
    // Never under 33 MiB: glibc maps a block that large on its own whatever it learnt from earlier
    // frees (its threshold stops at 32 MiB), so the room goes back to the system when freed,
    // instead of staying in the host's heap.
    text.utf8.reserve(qsizetype(std::clamp<qint64>(m_limits.maxCharacters * 4 + (1 << 20), AttachmentText::MinReserve,
                                                   AttachmentText::MaxReserve)));
    adviseHugePages(text.utf8.data(), text.utf8.capacity());
    std::optional<QJsonObject> done;
    QStringList fastSteps;
    QByteArray fastText; // reused: a roster sends tens of thousands of pieces
    const auto takeLine = [&](QByteArrayView line) {
        fastSteps.clear();
        fastText.resize(0);
        if (readPieceLine(line, fastSteps, fastText)) {
            text.append(Core::TextPlace::fromWire(fastSteps).value_or(Core::TextPlace {}), fastText);
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(line.toByteArray()).object();
        if (object.value(QLatin1String("done")).toBool()) {
            done = object;
            return;
        }
        QStringList steps;
        for (const QJsonValue &step : object.value(QLatin1String("place")).toArray())
            steps.append(step.toString());
        text.append(Core::TextPlace::fromWire(steps).value_or(Core::TextPlace {}),
                    object.value(QLatin1String("text")).toString().toUtf8());
    };
    // The text so far is scanned between chunks, while the helper reads on (the two share the
    // machine's cores): only the last block is left when it ends.
    std::optional<Core::GrowingTextScanner> scanner;
    if (scanAlong)
        scanner.emplace(*scanAlong);
    const auto textSoFar = [&text] { return std::string_view(text.utf8.constData(), std::size_t(text.utf8.size())); };
    // Lines are read where they lie in each chunk; only a line cut by a chunk's end is copied.
    QByteArray pending;
    const auto takeLines = [&](const QByteArray &chunk) {
        QByteArrayView rest(chunk);
        if (!pending.isEmpty()) {
            const qsizetype end = rest.indexOf('\n');
            if (end < 0) {
                pending += chunk;
                return;
            }
            pending.append(rest.first(end));
            takeLine(pending);
            pending.resize(0);
            rest = rest.sliced(end + 1);
        }
        for (qsizetype end; (end = rest.indexOf('\n')) >= 0; rest = rest.sliced(end + 1))
            takeLine(rest.first(end));
        pending.append(rest);
    };
    const auto take = [&](const QByteArray &chunk) {
        takeLines(chunk);
        if (scanner)
            scanner->advance(textSoFar());
    };
    // The helper is trusted with nothing: what it may send is bounded here too (the text limit in
    // UTF-8, with room for places and escapes), so a helper gone wrong costs "not scanned", never
    // the host's memory.
    const qint64 maxBytes = m_limits.maxCharacters * 8 + (16 << 20);
    QString error;
    switch (runHelper({QStringLiteral("--name"), name}, bytes, maxBytes, take, cancel, &error)) {
    case Run::NotStarted:
        return notScanned(name, QStringLiteral("the attachment reader could not start: %1").arg(error));
    case Run::Cancelled:
        return unreadable(name, QStringLiteral("cancelled"));
    case Run::TimedOut:
        return notScanned(name,
                          QStringLiteral("reading it took longer than %1 s: not scanned").arg(m_limits.maxSeconds));
    case Run::Overflow:
        return notScanned(name, QStringLiteral("the attachment reader sent more than it may: not scanned"));
    case Run::Finished:
        break;
    }
    if (!done || !error.isEmpty())
        return notScanned(name,
                          QStringLiteral("the attachment reader stopped before the end (a broken or hostile "
                                         "file?): not scanned"));
    const QString format = done->value(QLatin1String("format")).toString();
    if (done->contains(QLatin1String("notScanned"))) {
        const QString reason = done->value(QLatin1String("notScanned")).toString();
        return notScanned(name, format.isEmpty() ? reason : QStringLiteral("%1: %2").arg(format, reason));
    }
    text.incomplete = done->value(QLatin1String("incomplete")).toString();
    text.utf8.squeeze(); // the room set aside is given back (shrunk in place: nothing is copied)
    if (scanner)
        text.earlyScan = std::make_shared<const AttachmentText::EarlyScan>(
            AttachmentText::EarlyScan {scanAlong->serial(), text.utf8, scanner->finish(textSoFar())});
    return text;
}

std::optional<QByteArray> AttachmentReader::mask(const Core::MessageAttachment &attachment,
                                                 const QString &baseDirectory, const AttachmentText &text,
                                                 const std::vector<Core::TextMask> &masks, QString *error,
                                                 const std::atomic_bool *cancel) const
{
    if (m_helperPath.isEmpty()) {
        *error = QStringLiteral("the attachment reader (sendguard-extract) is not installed");
        return std::nullopt;
    }
    AttachmentText failure;
    const auto bytes = bytesOf(attachment, baseDirectory, cancel, &failure);
    if (!bytes) {
        *error = failure.reason;
        return std::nullopt;
    }
    QJsonArray list;
    for (const Core::TextMask &mask : masks)
        list.append(QJsonArray {mask.piece, qint64(mask.pieceLength), qint64(mask.offset), qint64(mask.length)});
    const QJsonObject request {{QStringLiteral("pieces"), qint64(text.pieces.size())}, {QStringLiteral("masks"), list}};
    QByteArray output;
    // A masked document is about as large as the original; the header line comes first.
    const qint64 maxOutput = bytes->size() * 2 + (1 << 20);
    QString runError;
    const Run run = runHelper(
        {QStringLiteral("--name"), attachment.name, QStringLiteral("--mask")},
        QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n' + *bytes, maxOutput,
        [&output](const QByteArray &chunk) { output += chunk; }, cancel, &runError);
    const qsizetype end = output.indexOf('\n');
    const QJsonObject done = QJsonDocument::fromJson(output.left(qMax<qsizetype>(end, 0))).object();
    const qint64 size = done.value(QLatin1String("size")).toInteger(-1);
    if (run == Run::Finished && runError.isEmpty() && end >= 0 && size >= 0 && output.size() - end - 1 == size)
        return output.sliced(end + 1);
    switch (run) {
    case Run::NotStarted:
        *error = QStringLiteral("the attachment reader could not start: %1").arg(runError);
        break;
    case Run::Cancelled:
        *error = QStringLiteral("cancelled");
        break;
    case Run::TimedOut:
        *error = QStringLiteral("masking it took longer than %1 s").arg(m_limits.maxSeconds);
        break;
    case Run::Overflow:
        *error = QStringLiteral("the attachment reader sent more than it may");
        break;
    case Run::Finished:
        *error = done.contains(QLatin1String("notMasked")) ? done.value(QLatin1String("notMasked")).toString()
            : done.contains(QLatin1String("notScanned"))
            ? done.value(QLatin1String("notScanned")).toString()
            : QStringLiteral("the attachment reader stopped before the end");
        break;
    }
    return std::nullopt;
}

} // namespace SendGuard::Attachments
