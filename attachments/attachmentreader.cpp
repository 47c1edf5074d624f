// SPDX-License-Identifier: GPL-2.0-or-later
#include "attachmentreader.h"

#include "common/boundedfile.h"
#include "common/installedpath.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

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
        const char c = line[at++];
        if (c == '"')
            return true;
        if (uchar(c) < 0x20)
            return false;
        if (c != '\\') {
            out += c;
            continue;
        }
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

AttachmentText AttachmentReader::read(const Core::MessageAttachment &attachment, const QString &baseDirectory,
                                      const std::atomic_bool *cancel) const
{
    if (attachment.data)
        return extract(attachment.name, *attachment.data, cancel);
    if (AttachmentText::isPlainText(attachment.name) && AttachmentText::isPlainText(attachment.path))
        return AttachmentText::read(attachment, baseDirectory, cancel);
    const QString path = QDir(baseDirectory).filePath(attachment.path);
    const Core::BoundedFile file = Core::BoundedFile::read(path, m_limits.maxInputBytes, cancel);
    switch (file.status) {
    case Core::BoundedFile::Status::Read:
        break;
    case Core::BoundedFile::Status::CannotOpen:
    case Core::BoundedFile::Status::ReadError:
        return unreadable(attachment.name, QStringLiteral("cannot read %1: %2").arg(path, file.error));
    case Core::BoundedFile::Status::NotRegular:
        return unreadable(attachment.name, QStringLiteral("cannot read %1: not a regular file").arg(path));
    case Core::BoundedFile::Status::TooLarge:
        return notScanned(attachment.name,
                          QStringLiteral("larger than %1 MiB: not scanned").arg(m_limits.maxInputBytes >> 20));
    case Core::BoundedFile::Status::Cancelled:
        return unreadable(attachment.name, QStringLiteral("cancelled"));
    }
    return extract(attachment.name, file.bytes, cancel);
}

AttachmentText AttachmentReader::extract(const QString &name, const QByteArray &bytes,
                                         const std::atomic_bool *cancel) const
{
    if (AttachmentText::isPlainText(name) && !bytes.startsWith("PK\x03\x04") && !bytes.startsWith("%PDF-"))
        return AttachmentText::decode(name, bytes);
    if (m_helperPath.isEmpty())
        return notScanned(name, QStringLiteral("the attachment reader (sendguard-extract) is not installed"));
    if (bytes.size() > m_limits.maxInputBytes)
        return notScanned(name, QStringLiteral("larger than %1 MiB: not scanned").arg(m_limits.maxInputBytes >> 20));

    QProcess helper;
    helper.setProcessChannelMode(QProcess::SeparateChannels);
    helper.setWorkingDirectory(QStringLiteral("/")); // never the user's folder
    helper.setStandardErrorFile(QProcess::nullDevice()); // parsers' complaints are not ours to keep
    helper.start(m_helperPath, QStringList {QStringLiteral("--name"), name} + limitArguments(m_limits));
    if (!helper.waitForStarted(5000))
        return notScanned(name, QStringLiteral("the attachment reader could not start: %1").arg(helper.errorString()));
    helper.write(bytes);
    helper.closeWriteChannel();

    AttachmentText text;
    text.name = name;
    text.status = AttachmentText::Status::Text;
    QByteArray pending;
    std::optional<QJsonObject> done;
    const QDeadlineTimer deadline(std::chrono::seconds(m_limits.maxSeconds));
    // The helper is trusted with nothing: what it may send is bounded here too (the text limit in
    // UTF-8, with room for places and escapes), so a helper gone wrong costs "not scanned", never
    // the host's memory.
    const qint64 maxBytes = m_limits.maxCharacters * 8 + (16 << 20);
    qint64 received = 0;
    bool overflow = false;
    const auto take = [&] {
        const QByteArray chunk = helper.readAllStandardOutput();
        received += chunk.size();
        if (received > maxBytes) {
            overflow = true;
            return;
        }
        pending += chunk;
        qsizetype start = 0;
        for (qsizetype end; (end = pending.indexOf('\n', start)) >= 0; start = end + 1) {
            QStringList fastSteps;
            QByteArray fastText;
            if (readPieceLine(QByteArrayView(pending).sliced(start, end - start), fastSteps, fastText)) {
                text.append(Core::TextPlace::fromWire(fastSteps).value_or(Core::TextPlace {}), fastText);
                continue;
            }
            const QJsonObject line = QJsonDocument::fromJson(pending.mid(start, end - start)).object();
            if (line.value(QLatin1String("done")).toBool()) {
                done = line;
                continue;
            }
            QStringList steps;
            for (const QJsonValue &step : line.value(QLatin1String("place")).toArray())
                steps.append(step.toString());
            text.append(Core::TextPlace::fromWire(steps).value_or(Core::TextPlace {}),
                        line.value(QLatin1String("text")).toString().toUtf8());
        }
        pending.remove(0, start);
    };
    while (helper.state() != QProcess::NotRunning) {
        if (cancel && cancel->load()) {
            helper.kill();
            helper.waitForFinished();
            return unreadable(name, QStringLiteral("cancelled"));
        }
        if (deadline.hasExpired()) {
            helper.kill();
            helper.waitForFinished();
            return notScanned(name,
                              QStringLiteral("reading it took longer than %1 s: not scanned").arg(m_limits.maxSeconds));
        }
        helper.waitForReadyRead(100);
        take();
        if (overflow) {
            helper.kill();
            helper.waitForFinished();
            return notScanned(name, QStringLiteral("the attachment reader sent more than it may: not scanned"));
        }
    }
    take();
    if (overflow)
        return notScanned(name, QStringLiteral("the attachment reader sent more than it may: not scanned"));
    if (!done || helper.exitStatus() != QProcess::NormalExit)
        return notScanned(name,
                          QStringLiteral("the attachment reader stopped before the end (a broken or hostile "
                                         "file?): not scanned"));
    const QString format = done->value(QLatin1String("format")).toString();
    if (done->contains(QLatin1String("notScanned"))) {
        const QString reason = done->value(QLatin1String("notScanned")).toString();
        return notScanned(name, format.isEmpty() ? reason : QStringLiteral("%1: %2").arg(format, reason));
    }
    text.incomplete = done->value(QLatin1String("incomplete")).toString();
    return text;
}

} // namespace SendGuard::Attachments
