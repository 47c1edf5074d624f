// SPDX-License-Identifier: GPL-2.0-or-later
#include "messagemasker.h"

#include "documentmaskplan.h"

#include "scan/redactor.h"

namespace SendGuard::Core {

namespace {

struct MaskedText
{
    QByteArray utf8;
    int maskedCount = 0;
    bool complete = true;
    QString error;
    std::vector<Finding> findings;
};

MaskedText maskScanned(const QByteArray &utf8, const ScanResult &scan)
{
    const std::string_view text(utf8.constData(), std::size_t(utf8.size()));
    if (!scan.complete)
        return {utf8, 0, false, scan.error};
    if (scan.findings.empty())
        return {utf8};
    const std::string masked = Redactor::redact(text, scan.findings);
    return {QByteArray(masked.data(), qsizetype(masked.size())), int(scan.findings.size()), true, {}, scan.findings};
}

MaskedText maskUtf8(const MessageScanner &scanner, const QByteArray &utf8)
{
    return maskScanned(utf8, scanner.scanText(std::string_view(utf8.constData(), std::size_t(utf8.size()))));
}

} // namespace

MessageMasker::MessageMasker(const MessageScanner &scanner)
    : m_scanner(scanner)
{
}

MessageMasker::Result MessageMasker::mask(const OutgoingMessage &message,
                                          const std::vector<AttachmentText> &attachments,
                                          const DocumentMasking &maskDocument) const
{
    Result result;
    result.message = message;
    result.attachments = attachments;

    const MaskedText subject = maskUtf8(m_scanner, message.subject.toUtf8());
    const MaskedText body = maskUtf8(m_scanner, message.body.toUtf8());
    for (const MaskedText *part : {&subject, &body}) {
        if (!part->complete)
            return {message, attachments, 0, false, part->error};
    }
    result.message.subject = QString::fromUtf8(subject.utf8);
    result.message.body = QString::fromUtf8(body.utf8);
    result.maskedCount = subject.maskedCount + body.maskedCount;
    bool documentMasked = false;

    for (std::size_t i = 0; i < result.attachments.size() && i < result.message.attachments.size(); ++i) {
        AttachmentText &text = result.attachments[i];
        if (text.status != AttachmentText::Status::Text)
            continue;
        const MaskedText masked = maskScanned(text.utf8, m_scanner.scanAttachment(text));
        if (!masked.complete)
            return {message, attachments, 0, false, QStringLiteral("attachment %1: %2").arg(i + 1).arg(masked.error)};
        if (masked.maskedCount == 0)
            continue;
        MessageAttachment &attachment = result.message.attachments[i];
        if (!text.pieces.empty()) {
            // A document: writing its text back would send plain text under the document's
            // name. It is masked where each character lies, or not at all.
            const auto fail = [&](const QString &why) {
                return Result {message, attachments, 0, false, QStringLiteral("attachment %1: %2").arg(i + 1).arg(why)};
            };
            if (!maskDocument)
                return fail(QStringLiteral("a document is not masked here (only text attachments are)"));
            if (!text.incomplete.isEmpty())
                return fail(QStringLiteral("not all of the document could be read"));
            QString error;
            const auto masks = DocumentMaskPlan::of(text, masked.findings, &error);
            if (!masks)
                return fail(error);
            const auto bytes = maskDocument(message.attachments[i], text, *masks, &error);
            if (!bytes)
                return fail(error);
            attachment.path.clear();
            attachment.data = *bytes;
            documentMasked = true;
        } else {
            text.utf8 = masked.utf8;
            text.earlyScan.reset(); // it was of the text before masking, and holds its bytes
            attachment.path.clear();
            attachment.data = masked.utf8;
        }
        result.maskedCount += masked.maskedCount;
    }
    // A masked document's text is what the helper reads in it next, not what was planned.
    if (documentMasked)
        result.attachments.clear();
    return result;
}

QString MessageMasker::maskText(const QString &text) const
{
    const MaskedText masked = maskUtf8(m_scanner, text.toUtf8());
    // What could not be checked is not kept: it may hold exactly what masking is for.
    if (!masked.complete)
        return QStringLiteral("[%1 characters not kept: they could not be checked]").arg(text.size());
    return QString::fromUtf8(masked.utf8);
}

} // namespace SendGuard::Core
