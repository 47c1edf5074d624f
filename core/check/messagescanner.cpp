// SPDX-License-Identifier: GPL-2.0-or-later
#include "messagescanner.h"

#include "message/textcopies.h"

#include <algorithm>

namespace SendGuard::Core {

MessageScanner::MessageScanner(const Scanner &scanner, AllowList allowList)
    : m_scanner(scanner)
    , m_allowList(std::move(allowList))
{
    for (const QString &phone : std::as_const(m_allowList.phoneNumbers))
        m_allowedPhoneDigits.append(nationalPhoneDigits(phone));
}

QString MessageScanner::nationalPhoneDigits(QStringView text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += QChar(u'0' + c.digitValue()); // full-width digits too
    }
    if (digits.startsWith(QLatin1String("0082")))
        digits = QLatin1Char('0') + digits.mid(4);
    else if (digits.startsWith(QLatin1String("82")) && digits.size() >= 10)
        digits = QLatin1Char('0') + digits.mid(2);
    return digits;
}

bool MessageScanner::isAllowListed(const Finding &finding, std::string_view matchedText) const
{
    // Only phone numbers and addresses can be allow-listed; nothing is decoded for the rest.
    auto text = [&] { return QString::fromUtf8(matchedText.data(), qsizetype(matchedText.size())); };
    if (finding.detector == QLatin1String("kr-phone"))
        return !m_allowedPhoneDigits.isEmpty() && m_allowedPhoneDigits.contains(nationalPhoneDigits(text()));
    if (finding.detector == QLatin1String("email")) {
        if (m_allowList.addresses.isEmpty() && m_allowList.domains.isEmpty())
            return false;
        const QString address = text().toLower();
        if (m_allowList.addresses.contains(address))
            return true;
        const QString host = address.mid(address.lastIndexOf(QLatin1Char('@')) + 1);
        return std::any_of(m_allowList.domains.begin(), m_allowList.domains.end(), [&](const QString &domain) {
            return host == domain || host.endsWith(QLatin1Char('.') + domain);
        });
    }
    return false;
}

ScanResult MessageScanner::scanText(std::string_view text) const
{
    return withoutAllowListed(m_scanner.scan(text), text);
}

ScanResult MessageScanner::scanAttachment(const AttachmentText &attachment) const
{
    std::string copy;
    const std::string_view text = attachment.scannedText(copy);
    const ScanResult *early = attachment.earlyScanBy(m_scanner);
    return early ? withoutAllowListed(*early, text) : scanText(text);
}

ScanResult MessageScanner::withoutAllowListed(ScanResult scan, std::string_view text) const
{
    std::erase_if(scan.findings, [&](const Finding &finding) { return isAllowListedIn(finding, text); });
    return scan;
}

bool MessageScanner::isAllowListedIn(const Finding &finding, std::string_view text) const
{
    return isAllowListed(finding, text.substr(std::size_t(finding.start), std::size_t(finding.end - finding.start)));
}

bool MessageScanner::scanField(std::string_view text, const QString &field, Result &result) const
{
    return addField(m_scanner.scan(text), text, field, result);
}

bool MessageScanner::addField(const ScanResult &scan, std::string_view text, const QString &field, Result &result) const
{
    if (!scan.complete) {
        result.complete = false;
        result.error = QStringLiteral("%1: %2").arg(field, scan.error);
        result.findings.clear(); // an incomplete check shows nothing partial
        return false;
    }
    for (const Finding &finding : scan.findings) {
        if (!isAllowListedIn(finding, text))
            result.findings.push_back({finding, field});
    }
    return true;
}

MessageScanner::Result MessageScanner::scan(const OutgoingMessage &message,
                                            const std::vector<AttachmentText> &attachments) const
{
    Result result;
    const QByteArray subject = message.subject.toUtf8();
    const QByteArray body = message.body.toUtf8();
    if (!scanField({subject.constData(), std::size_t(subject.size())}, QStringLiteral("subject"), result) ||
        !scanField({body.constData(), std::size_t(body.size())}, QStringLiteral("body"), result))
        return result;
    for (const AttachmentText &attachment : attachments) {
        const QString field = QStringLiteral("attachment:") + attachment.name;
        // A file's name travels with it, read or not: "홍길동_900101-1234568.pdf" says what it is.
        const QByteArray name = attachment.name.toUtf8();
        const std::size_t beforeName = result.findings.size();
        if (!scanField({name.constData(), std::size_t(name.size())}, field, result))
            return result;
        for (std::size_t i = beforeName; i < result.findings.size(); ++i) {
            const Finding &found = result.findings[i].finding;
            result.findings[i].place = TextPlace {}.then(TextPlace::Kind::FileName);
            result.names.add(QString::fromUtf8(name.sliced(found.start, found.end - found.start)), found.masked);
        }
        if (attachment.status != AttachmentText::Status::Text) {
            result.notScanned.push_back({attachment.name, attachment.reason});
            continue;
        }
        const std::size_t before = result.findings.size();
        // A reader's early scan is read where it lies: a roster's findings are copied once, into
        // the result, not first into a filtered copy.
        std::string copy;
        const std::string_view text = attachment.scannedText(copy);
        // The reader's early scan, or one now; then, for a document with copies of its own text (a
        // preview, a fallback form), the same without repeats.
        ScanResult scannedNow;
        const ScanResult *scanned = attachment.earlyScanBy(m_scanner);
        if (!scanned) {
            scannedNow = m_scanner.scan(text);
            scanned = &scannedNow;
        }
        // The names of the files inside: every finding there, a repeat as well, is shown masked.
        result.names.addFoundIn(attachment, scanned->findings);
        ScanResult withoutRepeats;
        if (TextCopies::hasCopies(attachment)) {
            withoutRepeats = TextCopies::withoutRepeats(attachment, *scanned);
            scanned = &withoutRepeats;
        }
        if (!addField(*scanned, text, field, result))
            return result;
        for (std::size_t i = before; i < result.findings.size(); ++i)
            result.findings[i].place = attachment.placeAt(result.findings[i].finding.start);
        if (!attachment.incomplete.isEmpty()) // what was read counts; the rest is not clean
            result.notScanned.push_back({attachment.name, attachment.incomplete});
    }
    return result;
}

} // namespace SendGuard::Core
