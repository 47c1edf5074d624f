// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"

#include "commandline.h"
#include "findingjson.h"
#include "inputtext.h"
#include "linecolumncursor.h"
#include "policyfile.h"

#include "attachmentreader.h"

#include "check/messagechecker.h"
#include "message/attachmenttext.h"
#include "message/namemasking.h"
#include "message/outgoingmessagereader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <map>

namespace SendGuard::Tools {

namespace {

using FindingJson::quoted;

int exitCodeFor(Core::VerdictLevel level)
{
    switch (level) {
    case Core::VerdictLevel::Allow:
        return ExitAllow;
    case Core::VerdictLevel::Warn:
        return ExitWarn;
    case Core::VerdictLevel::Justify:
        return ExitJustify;
    case Core::VerdictLevel::Block:
        return ExitBlock;
    }
    return ExitIncomplete;
}

QString number(qint64 n)
{
    static const QLocale grouping(QLocale::English, QLocale::UnitedStates);
    return grouping.toString(n);
}

QString people(const Core::AudienceSize &size)
{
    const QString count = number(size.atLeast);
    const QString noun = size.atLeast == 1 ? QStringLiteral("person") : QStringLiteral("people");
    if (size.exact)
        return QStringLiteral("%1 %2").arg(count, noun);
    if (size.atLeast == 0)
        return QStringLiteral("an unknown number of people (a group's size is unknown)");
    return QStringLiteral("at least %1 %2 (a group's size is unknown)").arg(count, noun);
}

QString reasonNames(const std::vector<Core::AudienceReason> &why)
{
    QStringList names;
    for (Core::AudienceReason reason : why)
        names << Core::audienceReasonName(reason);
    return names.join(QStringLiteral(", "));
}

QString jsonReasonNames(const std::vector<Core::AudienceReason> &why)
{
    QStringList names;
    for (Core::AudienceReason reason : why)
        names << quoted(Core::audienceReasonName(reason));
    return QLatin1Char('[') + names.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString jsonStrings(const QStringList &list)
{
    QStringList items;
    for (const QString &s : list)
        items << quoted(s);
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString jsonSize(const std::optional<Core::AudienceSize> &size)
{
    return size && size->exact ? QString::number(size->atLeast) : QStringLiteral("null");
}

// {"verdict","rules","reasons","findings","recipients","audience","policy"} (docs/architecture.md order),
// then "notScanned" and "exemptions". "verdict" is "unchecked" when exit 3 says so.
QString resultJson(const Core::MessageChecker::Result &result, const Core::Policy &policy)
{
    const Core::Verdict &verdict = result.verdict;
    QStringList reasons;
    for (const Core::VerdictReason &reason : verdict.reasons) {
        QString item = QStringLiteral("{\"rule\":") + quoted(reason.ruleId);
        for (auto it = reason.text.texts().cbegin(); it != reason.text.texts().cend(); ++it)
            item += QLatin1Char(',') + quoted(it.key()) + QLatin1Char(':') + quoted(it.value());
        reasons << item + QLatin1Char('}');
    }
    // A finding in a file's name is hidden where the name is written for people (places, reasons);
    // "field" stays the attachment's name as the message gives it, by which tools find it.
    const Core::NameMasking &names = result.names;
    QStringList findings;
    for (const Core::MessageFinding &f : verdict.findings) {
        QString item = FindingJson::finding(f.finding, f.field);
        if (!f.place.isEmpty()) // where inside the attachment, in English ("Sheet2!C14")
            item.insert(item.size() - 1, QStringLiteral(",\"place\":") + quoted(names.hide(f.place.describe(u"en"))));
        findings << item;
    }
    QStringList recipients;
    for (const Core::RecipientAssessment &r : verdict.audience.recipients) {
        recipients << QStringLiteral(R"({"id":%1,"type":%2,"broadcast":%3,"external":%4,"audience":%5,"why":%6})")
                          .arg(quoted(r.id), quoted(Core::recipientTypeName(r.type)),
                               r.broadcast ? QStringLiteral("true") : QStringLiteral("false"),
                               r.external ? QStringLiteral("true") : QStringLiteral("false"),
                               r.audience ? QString::number(*r.audience) : QStringLiteral("null"),
                               jsonReasonNames(r.why));
    }
    const Core::Audience &audience = verdict.audience;
    const QString audienceJson =
        QStringLiteral(
            R"({"total":%1,"totalAtLeast":%2,"original":%3,"originalAtLeast":%4,"broadcast":%5,"external":%6,"why":%7})")
            .arg(jsonSize(audience.total), QString::number(audience.total.atLeast), jsonSize(audience.original),
                 audience.original ? QString::number(audience.original->atLeast) : QStringLiteral("null"),
                 audience.broadcast ? QStringLiteral("true") : QStringLiteral("false"),
                 audience.external ? QStringLiteral("true") : QStringLiteral("false"), jsonReasonNames(audience.why));
    QStringList notScanned;
    for (const auto &skipped : result.notScanned)
        notScanned << QStringLiteral(R"({"attachment":%1,"reason":%2})")
                          .arg(quoted(names.hide(skipped.attachment)), quoted(names.hide(skipped.reason)));

    return QStringLiteral(R"({"verdict":%1,"rules":%2,"reasons":[%3],"findings":[%4],"recipients":[%5],"audience":%6,)"
                          R"("policy":{"id":%7,"version":%8},"notScanned":[%9],"exemptions":%10})")
        .arg(quoted(result.leavesAttachmentsUnread() ? QStringLiteral("unchecked") // as the plugin tells its host
                                                     : Core::verdictLevelName(verdict.level)),
             jsonStrings(verdict.ruleIds), reasons.join(QLatin1Char(',')), findings.join(QLatin1Char(',')),
             recipients.join(QLatin1Char(',')), audienceJson, quoted(policy.id), QString::number(policy.version),
             notScanned.join(QLatin1Char(',')), jsonStrings(verdict.exemptionIds));
}

void printReadable(QTextStream &out, const QString &file, const Core::OutgoingMessage &message,
                   const std::map<QString, QByteArray> &fieldTexts, const Core::MessageChecker::Result &result,
                   const Core::Policy &policy, const QString &language)
{
    const Core::Verdict &verdict = result.verdict;
    out << file << ": ";
    if (result.leavesAttachmentsUnread())
        out << "UNCHECKED (attachments it could not read go to a broadcast audience: the plugin asks, as the "
               "policy's failure mode says)";
    else
        out << Core::verdictLevelName(verdict.level).toUpper();
    if (verdict.level == Core::VerdictLevel::Allow && !result.leavesAttachmentsUnread())
        out << (verdict.findings.empty() ? " (nothing found: sent without a dialog)"
                                         : " (no rule applies to this audience: sent without a dialog)");
    out << '\n';
    for (const Core::VerdictReason &reason : verdict.reasons)
        out << "  " << reason.ruleId << ": " << reason.text.text(language) << '\n';
    for (const QString &id : verdict.exemptionIds)
        out << "  exemption " << id << " applies\n";

    const Core::Audience &audience = verdict.audience;
    out << "\nRecipients: " << people(audience.total);
    if (audience.original)
        out << " (before this " << Core::messageActionName(message.action) << ": " << people(*audience.original) << ')';
    out << '\n';
    // A long list shows the recipients that matter; the rest are counted.
    constexpr std::size_t ListAll = 10;
    std::size_t unlisted = 0;
    for (const Core::RecipientAssessment &r : audience.recipients) {
        if (!r.broadcast && !r.external && audience.recipients.size() > ListAll) {
            ++unlisted;
            continue;
        }
        QStringList flags;
        if (r.broadcast)
            flags << QStringLiteral("broadcast");
        if (r.external)
            flags << QStringLiteral("external");
        out << "  " << r.id.leftJustified(24) << ' ' << Core::recipientTypeName(r.type).leftJustified(9) << ' '
            << (r.audience ? number(*r.audience) : QStringLiteral("unknown")).rightJustified(8) << ' '
            << (flags.isEmpty()
                    ? QStringLiteral("-")
                    : flags.join(QLatin1Char('+')) + QStringLiteral(" (") + reasonNames(r.why) + QLatin1Char(')'))
            << '\n';
    }
    if (unlisted > 0)
        out << "  " << unlisted << (unlisted == audience.recipients.size() ? " recipients" : " more recipients")
            << ", none of them a broadcast audience or external on its own\n";
    const bool recipientIsBroadcast = std::any_of(audience.recipients.begin(), audience.recipients.end(),
                                                  [](const Core::RecipientAssessment &r) { return r.broadcast; });
    if (!audience.why.empty() && !recipientIsBroadcast)
        out << "  together a broadcast audience (" << reasonNames(audience.why) << ")\n";

    out << "\nFound: " << verdict.findings.size() << (verdict.findings.size() == 1 ? " item" : " items") << '\n';
    const Core::NameMasking &names = result.names;
    QString currentField;
    std::optional<LineColumnCursor> cursor;
    for (const Core::MessageFinding &f : verdict.findings) {
        if (f.field != currentField) {
            currentField = f.field;
            const QByteArray &text = fieldTexts.at(f.field);
            cursor.emplace(std::string_view(text.constData(), std::size_t(text.size())));
            out << "  in "
                << names.hide(QString(f.field).replace(QStringLiteral("attachment:"), QStringLiteral("attachment ")))
                << ":\n";
        }
        // A finding in an attachment's name lies in the name, not in its text.
        const bool inName = f.place == Core::TextPlace {}.then(Core::TextPlace::Kind::FileName);
        out << "    "
            << (inName ? QStringLiteral("name") : cursor->advanceTo(std::size_t(f.finding.start))).leftJustified(8)
            << ' ' << f.finding.detector.leftJustified(18) << ' '
            << Core::severityName(f.finding.severity).leftJustified(7) << ' ' << f.finding.masked;
        if (!f.place.isEmpty())
            out << "  (" << names.hide(f.place.describe(language)) << ')';
        out << '\n';
    }
    for (const auto &skipped : result.notScanned)
        out << "Not scanned: " << names.hide(skipped.attachment) << " (" << names.hide(skipped.reason) << ")\n";
    out << "\nPolicy: " << policy.id << ", version " << policy.version << '\n';
}

} // namespace

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks an outgoing message (docs/architecture.md JSON form) as the plugin does at send time: scans its "
        "subject, body and attachments (documents through the extraction helper), classifies its recipients and "
        "applies the policy.\n"
        "Exit status: 0 allow, 10 warn, 11 justify, 12 block, 2 usage or invalid input, 3 the message "
        "could not be checked."));
    const QCommandLineOption policyOption(QStringLiteral("policy"),
                                          QStringLiteral("The policy to apply (default: the built-in policy)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the decision as one JSON object."));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"), QStringLiteral("Language of the reasons: ko or en (default: the system's)."),
        QStringLiteral("LANG"));
    parser.addOptions({policyOption, jsonOption, languageOption});
    const DateOption date(parser,
                          QStringLiteral("Decide as on this day, YYYY-MM-DD (default: today): it decides which "
                                         "exemptions are in force."));
    parser.addPositionalArgument(QStringLiteral("message"), QStringLiteral("The message, as JSON."),
                                 QStringLiteral("check [--policy FILE] [--json] MESSAGE.json"));
    const QString command = QStringLiteral("check");
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, QStringLiteral("give exactly one message file"));
    const auto day = date.value(command);
    if (!day)
        return ExitUsageOrInput;
    const QDate today = *day;
    const QString language = parser.isSet(languageOption) ? parser.value(languageOption) : QLocale::system().name();
    const bool json = parser.isSet(jsonOption);
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto inputError = [&](const QString &message) {
        err << "sendguard check: " << message << '\n';
        if (json)
            out << "{\"error\":" << quoted(message) << "}\n";
        return ExitUsageOrInput;
    };

    const auto policy = PolicyFile::load(parser.value(policyOption), today, command);
    if (!policy)
        return inputError(QStringLiteral("no usable policy"));

    const QString file = parser.positionalArguments().constFirst();
    const InputText input(file);
    if (!input.isValid())
        return inputError(QStringLiteral("%1: %2").arg(file, input.errorString()));
    const auto read = Core::OutgoingMessageReader::read(input.bytes());
    if (!read.message) {
        for (const Core::JsonDiagnostic &error : read.errors)
            err << error.toString(file) << '\n';
        return inputError(QStringLiteral("%1: not a valid message (%2 %3)")
                              .arg(file, QString::number(read.errors.size()),
                                   read.errors.size() == 1 ? QStringLiteral("error") : QStringLiteral("errors")));
    }
    const Core::OutgoingMessage &message = *read.message;

    const QString baseDirectory = file == QLatin1String("-") ? QStringLiteral(".") : QFileInfo(file).absolutePath();
    std::vector<Core::AttachmentText> attachments;
    std::map<QString, QByteArray> fieldTexts {{QStringLiteral("subject"), message.subject.toUtf8()},
                                              {QStringLiteral("body"), message.body.toUtf8()}};
    Core::Scanner::Options scannerOptions;
    scannerOptions.today = today;
    const Core::MessageChecker checker(*policy, scannerOptions);
    if (!checker.isValid())
        return inputError(QStringLiteral("the policy's detectors do not compile: %1").arg(checker.errorString()));
    const Attachments::AttachmentReader reader(
        Attachments::AttachmentReader::findHelper(QCoreApplication::applicationFilePath()), policy->attachments);
    for (const Core::MessageAttachment &attachment : message.attachments) {
        Core::AttachmentText text = reader.read(attachment, baseDirectory, nullptr, &checker.scanner());
        if (text.status == Core::AttachmentText::Status::Unreadable)
            return inputError(QStringLiteral("%1: attachment %2: %3").arg(file, attachment.name, text.reason));
        fieldTexts[QStringLiteral("attachment:") + attachment.name] = text.utf8;
        attachments.push_back(std::move(text));
    }

    const Core::MessageChecker::Result result = checker.check(message, attachments, today);
    if (!result.complete) {
        // Never reported as allowed: the plugin falls back to the policy's failure mode.
        const QString why =
            QStringLiteral("%1: the message could not be checked: %2").arg(file, result.names.hide(result.error));
        err << "sendguard check: " << why << '\n';
        if (json)
            out << "{\"error\":" << quoted(why) << "}\n";
        return ExitIncomplete;
    }
    if (json)
        out << resultJson(result, *policy) << '\n';
    else
        printReadable(out, file, message, fieldTexts, result, *policy, language);
    if (result.leavesAttachmentsUnread()) {
        // The plugin's contract: what could not be read, going to a broadcast audience, is no "allow".
        QStringList names;
        for (const auto &skipped : result.notScanned)
            names << result.names.hide(skipped.attachment);
        err << "sendguard check: " << file
            << ": could not check attachments going to a broadcast audience: " << names.join(QStringLiteral(", "))
            << '\n';
        return ExitIncomplete;
    }
    return exitCodeFor(result.verdict.level);
}

} // namespace SendGuard::Tools
