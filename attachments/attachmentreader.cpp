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
    const auto take = [&] {
        pending += helper.readAllStandardOutput();
        qsizetype start = 0;
        for (qsizetype end; (end = pending.indexOf('\n', start)) >= 0; start = end + 1) {
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
    }
    take();
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
