// SPDX-License-Identifier: GPL-2.0-or-later
// SendFlow: every branch of a send attempt — allowed, confirmed, masked, recipients removed,
// checked again, not checkable under each failure mode — with real checks and no widgets.
#include "send/sendflow.h"

#include "messagesfortests.h"
#include "scannerfortests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace SendGuard::Core;
using SendGuard::Tests::defaultPolicy;
using SendGuard::Tests::testToday;
using SendGuard::Tests::toAllStaff;
using Step = SendFlow::Step;
using Choice = SendFlow::Choice;
using Action = SendFlow::Decision::Action;

Q_DECLARE_METATYPE(FailureMode)
Q_DECLARE_METATYPE(Action)
Q_DECLARE_METATYPE(AuditChoice)
Q_DECLARE_METATYPE(Step)

namespace {

const QString rrn = QStringLiteral("850315-2345678");
const QString rrnMasked = QStringLiteral("850315-2******");

std::shared_ptr<const MessageChecker> checker(FailureMode failureMode = FailureMode::Confirm)
{
    Policy policy = defaultPolicy();
    policy.failureMode = failureMode;
    return std::make_shared<const MessageChecker>(policy, Scanner::Options {testToday()});
}

OutgoingMessage incidentToAllStaff()
{
    return toAllStaff(QStringLiteral("주거급여 신청서"), QStringLiteral("신청인 홍길순 주민등록번호 ") + rrn);
}

// The message to all staff plus 55 people by name: without the group it still reaches 50 or more.
OutgoingMessage incidentToAllStaffAndMany()
{
    OutgoingMessage message = incidentToAllStaff();
    for (int i = 0; i < 55; ++i)
        message.recipients.push_back({QStringLiteral("staff%1").arg(i), QString(), RecipientType::Person, {}, {}, {}});
    return message;
}

SendFlow newFlow(const OutgoingMessage &message, FailureMode failureMode = FailureMode::Confirm)
{
    return SendFlow(checker(failureMode), message, QStringLiteral("kim.yejin"), QStringLiteral("ws-0417"));
}

// The check the plugin runs in its worker, here on the test's thread.
CheckOutcome check(SendFlow &flow)
{
    return CheckOutcome::run(*flow.checker(), flow.message(), flow.takeAttachments(), testToday());
}

CheckOutcome incomplete(const QString &error)
{
    CheckOutcome outcome;
    outcome.result.complete = false;
    outcome.result.error = error;
    return outcome;
}

QByteArray json(const AuditEvent &event)
{
    return QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class SendFlowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSendWhatThePolicyAllowsWithoutARecord()
    {
        OutgoingMessage message = incidentToAllStaff();
        message.recipients = {{QStringLiteral("lee.minho"), QString(), RecipientType::Person, {}, {}, {}}};
        SendFlow flow = newFlow(message);
        QCOMPARE(flow.start(check(flow)), Step::Done);
        QCOMPARE(flow.decision().action, Action::Send);
        QCOMPARE(flow.decision().verdict, QStringLiteral("allow"));
        QVERIFY(flow.decision().auditId.isEmpty());
        QVERIFY(flow.takeRecords().empty());
    }

    void shouldSendNothingWhenTheFirstCheckIsCancelled()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        CheckOutcome cancelled;
        cancelled.cancelled = true;
        QCOMPARE(flow.start(cancelled), Step::Done);
        QCOMPARE(flow.decision().action, Action::Cancel);
        QCOMPARE(flow.decision().verdict, QStringLiteral("unchecked"));
        QVERIFY(flow.takeRecords().empty());
    }

    void shouldAskAndRecordTheCancelWithoutTheNumber()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QCOMPARE(flow.outcome().result.verdict.level, VerdictLevel::Justify);
        QVERIFY(!flow.changed());

        QCOMPARE(flow.choose(Choice::Cancel), Step::Done);
        const SendFlow::Decision &decision = flow.decision();
        QCOMPARE(decision.action, Action::Cancel);
        QCOMPARE(decision.verdict, QStringLiteral("justify"));
        QVERIFY(!decision.ruleIds.isEmpty());
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        const AuditEvent &event = records[0];
        QCOMPARE(event.id, decision.auditId);
        QCOMPARE(event.choice, AuditChoice::Cancel);
        QCOMPARE(event.verdict, VerdictLevel::Justify);
        QCOMPARE(event.ruleIds, decision.ruleIds);
        QCOMPARE(event.user, QStringLiteral("kim.yejin"));
        QCOMPARE(event.host, QStringLiteral("ws-0417"));
        QCOMPARE(event.policyId, defaultPolicy().id);
        QCOMPARE(event.detectorCounts.at(QStringLiteral("kr-rrn")), 1);
        QCOMPARE(event.flaggedRecipientIds, QStringList {QStringLiteral("grp:all")});
        QVERIFY(!json(event).contains(rrn.toUtf8()));
        QVERIFY(!json(event).contains("2345678"));
    }

    void shouldRecordTheReasonForSendAnywayMasked()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QCOMPARE(flow.choose(Choice::SendAnyway, QStringLiteral("민원인 ") + rrn + QStringLiteral(" 본인 요청")),
                 Step::Done);
        QCOMPARE(flow.decision().action, Action::Send);
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].choice, AuditChoice::SendAnyway);
        QCOMPARE(records[0].justification, QStringLiteral("민원인 ") + rrnMasked + QStringLiteral(" 본인 요청"));
        QVERIFY(!json(records[0]).contains("2345678"));
    }

    void shouldSendTheMaskedMessageOnceItsCheckAllowsIt()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QCOMPARE(flow.choose(Choice::MaskAndSend), Step::CheckAgain);
        QCOMPARE(flow.lastChange(), SendFlow::Change::Masked);
        QVERIFY(flow.changed());
        QVERIFY(flow.message().body.endsWith(rrnMasked));
        QVERIFY(flow.takeRecords().empty()); // recorded once the check of the masked message ends

        QCOMPARE(flow.checked(check(flow)), Step::Done);
        QCOMPARE(flow.decision().action, Action::SendModified);
        QCOMPARE(flow.decision().verdict, QStringLiteral("justify")); // the verdict the user answered
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].choice, AuditChoice::MaskAndSend);
        QCOMPARE(records[0].id, flow.decision().auditId);
    }

    void shouldSendToTheOthersWhenBroadcastRecipientsAreRemoved()
    {
        OutgoingMessage message = incidentToAllStaff();
        message.recipients.push_back({QStringLiteral("lee.minho"), QString(), RecipientType::Person, {}, {}, {}});
        SendFlow flow = newFlow(message);
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QCOMPARE(flow.choose(Choice::RemoveBroadcastRecipients), Step::CheckAgain);
        QCOMPARE(flow.lastChange(), SendFlow::Change::BroadcastRecipientsRemoved);
        QCOMPARE(flow.removedRecipientIds(), std::vector<QString> {QStringLiteral("grp:all")});
        QCOMPARE(flow.message().recipients.size(), 1u);
        QCOMPARE(flow.message().recipients[0].id, QStringLiteral("lee.minho"));
        QCOMPARE(flow.message().body, message.body); // the text is not touched

        QCOMPARE(flow.checked(check(flow)), Step::Done);
        QCOMPARE(flow.decision().action, Action::SendModified);
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].choice, AuditChoice::RemoveBroadcastRecipients);
    }

    void shouldLeaveOutTheDocumentsThatHoldFindings()
    {
        // The application as a document (its text as the helper gives it), a clean text note beside it.
        OutgoingMessage message = toAllStaff(QStringLiteral("주거급여 신청서"), QStringLiteral("신청서를 첨부합니다."));
        message.attachments = {{QStringLiteral("신청서.hwp"), QStringLiteral("/nowhere/신청서.hwp"), {}},
                               {QStringLiteral("안내.txt"), QString(), QByteArray("접수 안내문")}};
        AttachmentText document;
        document.name = QStringLiteral("신청서.hwp");
        document.status = AttachmentText::Status::Text;
        document.append(TextPlace {}.then(TextPlace::Kind::Section, QStringLiteral("1")),
                        (QStringLiteral("주민등록번호 ") + rrn).toUtf8());
        const AttachmentText note = AttachmentText::decode(QStringLiteral("안내.txt"), "접수 안내문");
        SendFlow flow = newFlow(message);
        QCOMPARE(flow.start(CheckOutcome::run(*flow.checker(), message, {document, note}, testToday())), Step::Confirm);
        QCOMPARE(flow.attachmentsToLeaveOut(), std::vector<int> {0});

        QCOMPARE(flow.choose(Choice::LeaveOutAttachments), Step::CheckAgain);
        QCOMPARE(flow.lastChange(), SendFlow::Change::AttachmentsLeftOut);
        QCOMPARE(flow.leftOutAttachments(), std::vector<int> {0});
        QCOMPARE(flow.message().attachments.size(), 1u);
        QCOMPARE(flow.message().attachments[0].name, QStringLiteral("안내.txt"));
        QCOMPARE(flow.message().body, message.body);

        QCOMPARE(flow.checked(check(flow)), Step::Done);
        QCOMPARE(flow.decision().action, Action::SendModified);
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].choice, AuditChoice::LeaveOutAttachments);
        QVERIFY(json(records[0]).contains("\"choice\":\"leave-out-attachments\""));
    }

    // A text note whose name holds the number: masking its text changes nothing of its name, so
    // leaving it out is offered though it is no document.
    void shouldOfferToLeaveOutAFileWhoseNameHoldsAFinding()
    {
        OutgoingMessage message = toAllStaff(QStringLiteral("자료"), QStringLiteral("첨부합니다."));
        message.attachments = {
            {QStringLiteral("안내.txt"), QString(), QByteArray("접수 안내문")},
            {QStringLiteral("홍길동 ") + rrn + QStringLiteral(".txt"), QString(), QByteArray("접수 안내문")}};
        SendFlow flow = newFlow(message);
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QCOMPARE(flow.attachmentsToLeaveOut(), std::vector<int> {1});
        QCOMPARE(flow.choose(Choice::LeaveOutAttachments), Step::CheckAgain);
        QCOMPARE(flow.message().attachments.size(), 1u);
        QCOMPARE(flow.checked(check(flow)), Step::Done);
    }

    void shouldNotOfferToLeaveOutWhatHoldsNoFindingOrIsText()
    {
        SendFlow flow = newFlow(incidentToAllStaff()); // the number is in the body
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QVERIFY(flow.attachmentsToLeaveOut().empty());
        QCOMPARE(flow.choose(Choice::LeaveOutAttachments), Step::Confirm); // not offered: nothing happens
        QVERIFY(flow.takeRecords().empty());
    }

    void shouldAskAgainWhenTheChangedMessageIsStillNotAllowed()
    {
        SendFlow flow = newFlow(incidentToAllStaffAndMany());
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QCOMPARE(flow.choose(Choice::RemoveBroadcastRecipients), Step::CheckAgain);
        // 55 people by name are still 50 or more: the dialog again, for the changed message.
        QCOMPARE(flow.checked(check(flow)), Step::Confirm);
        QVERIFY(flow.changed());
        QVERIFY(flow.outcome().result.verdict.level != VerdictLevel::Allow);
        QVERIFY(flow.takeRecords().empty());

        QCOMPARE(flow.choose(Choice::SendAnyway, QStringLiteral("담당자 전원에게 보내야 합니다")), Step::Done);
        QCOMPARE(flow.decision().action, Action::SendModified); // without the group, as checked
        QCOMPARE(flow.message().recipients.size(), 55u);
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].choice, AuditChoice::SendAnyway);
    }

    void shouldCancelWhenTheCheckAgainIsCancelled()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        flow.start(check(flow));
        QCOMPARE(flow.choose(Choice::MaskAndSend), Step::CheckAgain);
        CheckOutcome cancelled;
        cancelled.cancelled = true;
        QCOMPARE(flow.checked(cancelled), Step::Done);
        QCOMPARE(flow.decision().action, Action::Cancel);
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].choice, AuditChoice::Cancel);
    }

    void shouldRecordEachFalsePositiveReportAndTheChoiceAfter()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        flow.reportFalsePositive();
        QCOMPARE(flow.step(), Step::Confirm); // the dialog stays open
        QCOMPARE(flow.choose(Choice::Cancel), Step::Done);
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 2u);
        QCOMPARE(records[0].choice, AuditChoice::ReportFalsePositive);
        QCOMPARE(records[0].detectorCounts.at(QStringLiteral("kr-rrn")), 1);
        // What was reported, masked as the dialog showed it: never the number itself.
        const QJsonArray reported = records[0].toJson().value(QStringLiteral("reported")).toArray();
        QCOMPARE(reported.size(), 1);
        QCOMPARE(reported[0].toObject().value(QStringLiteral("detector")).toString(), QStringLiteral("kr-rrn"));
        QVERIFY(reported[0].toObject().value(QStringLiteral("masked")).toString().endsWith(QStringLiteral("******")));
        QVERIFY(!QJsonDocument(records[0].toJson()).toJson().contains(rrn.toUtf8()));
        QVERIFY(!records[1].toJson().contains(QStringLiteral("reported")));
        QCOMPARE(records[1].choice, AuditChoice::Cancel);
        QCOMPARE(records[0].id, records[1].id);
    }

    void shouldFollowTheFailureMode_data()
    {
        QTest::addColumn<FailureMode>("failureMode");
        QTest::addColumn<bool>("userSends");
        QTest::addColumn<Step>("afterCheck");
        QTest::addColumn<Action>("action");
        QTest::addColumn<AuditChoice>("choice");
        QTest::newRow("confirm, user sends")
            << FailureMode::Confirm << true << Step::AskUnchecked << Action::Send << AuditChoice::SendUnchecked;
        QTest::newRow("confirm, user cancels")
            << FailureMode::Confirm << false << Step::AskUnchecked << Action::Cancel << AuditChoice::Cancel;
        QTest::newRow("block, whatever the user says")
            << FailureMode::Block << true << Step::AskUnchecked << Action::Cancel << AuditChoice::Blocked;
        QTest::newRow("allow, without asking")
            << FailureMode::Allow << false << Step::Done << Action::Send << AuditChoice::SendUnchecked;
    }

    void shouldFollowTheFailureMode()
    {
        QFETCH(FailureMode, failureMode);
        QFETCH(bool, userSends);
        QFETCH(Step, afterCheck);
        QFETCH(Action, action);
        QFETCH(AuditChoice, choice);
        SendFlow flow = newFlow(incidentToAllStaff(), failureMode);
        QCOMPARE(flow.start(incomplete(QStringLiteral("stopped at 010-2345-6789"))), afterCheck);
        if (afterCheck == Step::AskUnchecked) {
            QCOMPARE(flow.uncheckedReason(), SendFlow::UncheckedReason::CheckDidNotFinish);
            QCOMPARE(flow.blocks(), failureMode == FailureMode::Block);
            QCOMPARE(flow.answerUnchecked(userSends), Step::Done);
        }
        QCOMPARE(flow.decision().action, action);
        QCOMPARE(flow.decision().verdict, QStringLiteral("unchecked"));
        QVERIFY(flow.decision().ruleIds.isEmpty());
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QVERIFY(!records[0].checked);
        QCOMPARE(records[0].choice, choice);
        QCOMPARE(records[0].id, flow.decision().auditId);
        QCOMPARE(records[0].error, QStringLiteral("stopped at 010-****-6789")); // masked before it is kept
        QCOMPARE(records[0].toJson().value(QStringLiteral("event")).toString(), QStringLiteral("check-failed"));
        QCOMPARE(records[0].toJson().value(QStringLiteral("cause")).toString(), QStringLiteral("incomplete"));
    }

    void shouldNotCallUnreadableAttachmentsToAllStaffChecked()
    {
        OutgoingMessage message = toAllStaff(QStringLiteral("공지"), QStringLiteral("첨부 참고 바랍니다."));
        message.attachments = {{QStringLiteral("신청서.pdf"), QString(), QByteArray("%PDF-1.7\n\x01\x02\x03\xff", 14)}};
        SendFlow flow = newFlow(message);
        QCOMPARE(flow.start(check(flow)), Step::AskUnchecked);
        QCOMPARE(flow.uncheckedReason(), SendFlow::UncheckedReason::AttachmentsNotReadable);
        QCOMPARE(flow.notReadableAttachments(), QStringList {QStringLiteral("신청서.pdf")});
        QCOMPARE(flow.answerUnchecked(false), Step::Done);
        QCOMPARE(flow.decision().action, Action::Cancel);
        // Why, as IT's report counts it: a PDF is read by the helper, which this flow has not.
        const std::vector<AuditEvent> unread = flow.takeRecords();
        QCOMPARE(unread.size(), 1u);
        QCOMPARE(unread[0].toJson().value(QStringLiteral("cause")).toString(),
                 QStringLiteral("attachment-not-supported"));

        // The same attachment to one person is not a broadcast: it goes without a question.
        message.recipients = {{QStringLiteral("lee.minho"), QString(), RecipientType::Person, {}, {}, {}}};
        SendFlow toOne = newFlow(message);
        QCOMPARE(toOne.start(check(toOne)), Step::Done);
        QCOMPARE(toOne.decision().action, Action::Send);
    }

    void shouldSendTheChangedMessageWhenItsCheckFailsAndTheUserSends()
    {
        // The user chose to mask; if the masked message cannot be checked and they send anyway,
        // what goes is the masked message, never the original.
        SendFlow flow = newFlow(incidentToAllStaff());
        flow.start(check(flow));
        QCOMPARE(flow.choose(Choice::MaskAndSend), Step::CheckAgain);
        QCOMPARE(flow.checked(incomplete(QStringLiteral("timed out"))), Step::AskUnchecked);
        QCOMPARE(flow.answerUnchecked(true), Step::Done);
        QCOMPARE(flow.decision().action, Action::SendModified);
        QVERIFY(flow.message().body.endsWith(rrnMasked));
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].choice, AuditChoice::SendUnchecked);
    }

    void shouldAskWhenThePolicyCannotBeLoaded()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        QCOMPARE(flow.couldNotCheck(SendFlow::UncheckedReason::PolicyNotLoaded, QStringLiteral("bad pattern")),
                 Step::AskUnchecked);
        QCOMPARE(flow.uncheckedReason(), SendFlow::UncheckedReason::PolicyNotLoaded);
        QCOMPARE(flow.answerUnchecked(false), Step::Done);
        QCOMPARE(flow.decision().action, Action::Cancel);
        const std::vector<AuditEvent> records = flow.takeRecords();
        QCOMPARE(records.size(), 1u);
        QCOMPARE(records[0].error, QStringLiteral("bad pattern")); // the policy's words, kept for IT
        QCOMPARE(records[0].cause, UncheckedCause::PolicyNotLoaded);
    }

    void shouldKeepNoReasonItCouldNotCheck()
    {
        // A policy whose detectors do not compile scans nothing: a typed reason cannot be masked,
        // so it is not kept at all.
        Policy policy = defaultPolicy();
        CustomDetector broken;
        broken.id = QStringLiteral("broken");
        broken.pattern = "(unclosed";
        policy.customDetectors.push_back(broken);
        const auto checker = std::make_shared<const MessageChecker>(policy, Scanner::Options {testToday()});
        QVERIFY(!checker->isValid());
        const QString reason = QStringLiteral("민원인 ") + rrn + QStringLiteral(" 요청");
        QVERIFY(!checker->maskText(reason).contains(QStringLiteral("2345678")));
        QCOMPARE(checker->maskText(reason),
                 QStringLiteral("[%1 characters not kept: they could not be checked]").arg(reason.size()));
    }

    void shouldIgnoreAnswersOutOfTurn()
    {
        SendFlow flow = newFlow(incidentToAllStaff());
        QCOMPARE(flow.start(check(flow)), Step::Confirm);
        QCOMPARE(flow.answerUnchecked(true), Step::Confirm);
        QCOMPARE(flow.checked(CheckOutcome {}), Step::Confirm);
        QCOMPARE(flow.choose(Choice::Cancel), Step::Done);
        QCOMPARE(flow.choose(Choice::SendAnyway), Step::Done);
        QCOMPARE(flow.decision().action, Action::Cancel);
        QCOMPARE(flow.takeRecords().size(), 1u);
    }
};

QTEST_GUILESS_MAIN(SendFlowTest)
#include "sendflowtest.moc"
