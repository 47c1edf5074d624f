// SPDX-License-Identifier: GPL-2.0-or-later
#include "attachmenttext.h"

#include "common/utf8validator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace SendGuard::Core {

namespace {

bool isPlainText(const QString &name)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    return suffix == QLatin1String("txt") || suffix == QLatin1String("csv");
}

AttachmentText notScanned(const QString &name, const QString &reason)
{
    return {name, AttachmentText::Status::NotScanned, {}, reason};
}

} // namespace

AttachmentText AttachmentText::decode(const QString &name, const QByteArray &bytes)
{
    if (!isPlainText(name)) {
        const QString suffix = QFileInfo(name).suffix();
        return notScanned(name,
                          suffix.isEmpty() ? QStringLiteral("format not supported yet")
                                           : QStringLiteral("format not supported yet (.%1)").arg(suffix));
    }
    if (bytes.size() > MaxSize)
        return notScanned(name, QStringLiteral("larger than %1 MiB").arg(MaxSize >> 20));

    const std::string_view view(bytes.constData(), std::size_t(bytes.size()));
    if (!Utf8Validator::firstInvalidByte(view))
        return {name, Status::Text, bytes, {}};
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(bytes.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
                               QStringConverter::Flag::Stateless);
        const QString text = decoder(bytes.mid(2));
        if (!decoder.hasError())
            return {name, Status::Text, text.toUtf8(), {}};
    }
    // Korean spreadsheets and Windows editors still write CP949 (a superset of EUC-KR).
    QStringDecoder cp949("CP949", QStringConverter::Flag::Stateless);
    if (cp949.isValid()) {
        const QString text = cp949(bytes);
        if (!cp949.hasError())
            return {name, Status::Text, text.toUtf8(), {}};
    }
    return notScanned(name, QStringLiteral("not UTF-8, UTF-16 or CP949 text"));
}

AttachmentText AttachmentText::read(const MessageAttachment &attachment, const QString &baseDirectory)
{
    if (attachment.data)
        return decode(attachment.name, *attachment.data);
    if (!isPlainText(attachment.name) && !isPlainText(attachment.path))
        return decode(attachment.name, {}); // reports the format; no need to read the file
    const QString path = QDir(baseDirectory).filePath(attachment.path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {attachment.name,
                Status::Unreadable,
                {},
                QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    if (file.size() > MaxSize)
        return notScanned(attachment.name, QStringLiteral("larger than %1 MiB").arg(MaxSize >> 20));
    const QByteArray bytes = file.readAll();
    AttachmentText text = decode(isPlainText(attachment.name) ? attachment.name : attachment.path, bytes);
    text.name = attachment.name;
    return text;
}

} // namespace SendGuard::Core
