// SPDX-License-Identifier: GPL-2.0-or-later
// ConfirmationDialog: what it says (in both languages), what it offers for each verdict, and
// that it can be used with the keyboard and a screen reader.
#include "confirmationdialog.h"

#include "dialogrequests.h"

#include <QAbstractButton>
#include <QFontInfo>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace SendGuard;
using namespace SendGuard::Tests;
using Ui::ConfirmationDialog;

namespace {

QString labelText(const QWidget *dialog, const char *objectName)
{
    const auto *label = dialog->findChild<QLabel *>(QLatin1String(objectName));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(objectName));
}

QPushButton *button(const QWidget *dialog, const char *objectName)
{
    return dialog->findChild<QPushButton *>(QLatin1String(objectName));
}

QStringList row(const QTreeWidget *tree, int index)
{
    QStringList cells;
    for (int c = 0; c < tree->columnCount(); ++c)
        cells.append(tree->topLevelItem(index)->text(c));
    return cells;
}

} // namespace

class ConfirmationDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldStateTheConsequenceInPlainWords_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("audienceChange");
        QTest::newRow("ko") << "ko" << QStringLiteral("보내려면 이유가 필요합니다")
                            << QStringLiteral(
                                   "이 메시지는 4,812명에게 전달됩니다. 주민등록번호 1건이 포함되어 있습니다.")
                            << QStringLiteral("원래 1명 → 4,812명");
        QTest::newRow("en") << "en" << QStringLiteral("Sending this needs a reason")
                            << QStringLiteral(
                                   "This message will reach 4,812 people. It contains 1 resident registration number.")
                            << QStringLiteral("Originally 1 person → now 4,812 people");
    }
    void shouldStateTheConsequenceInPlainWords()
    {
        QFETCH(QString, language);
        QFETCH(QString, title);
        QFETCH(QString, headline);
        QFETCH(QString, audienceChange);
        const InstalledTranslation translation(language);
        ConfirmationDialog dialog(confirmationRequest(incidentForward(), language));
        QCOMPARE(labelText(&dialog, "verdictTitle"), title);
        QCOMPARE(labelText(&dialog, "headline"), headline);
        QCOMPARE(labelText(&dialog, "audienceChange"), audienceChange);
    }

    void shouldCountEachKindOfFinding_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("headline");
        QTest::newRow("ko") << "ko"
                            << QStringLiteral("이 메시지는 4,812명에게 전달됩니다. 주민등록번호 2건, 전화번호 1건, "
                                              "계좌번호 1건이 포함되어 있습니다.");
        QTest::newRow("en") << "en"
                            << QStringLiteral("This message will reach 4,812 people. It contains 2 resident "
                                              "registration numbers, 1 phone number and 1 bank account number.");
    }
    void shouldCountEachKindOfFinding()
    {
        QFETCH(QString, language);
        QFETCH(QString, headline);
        const InstalledTranslation translation(language);
        const auto message =
            toAllStaff(QStringLiteral("주민 850315-2345678"),
                       QStringLiteral("주민등록번호 900101-1234568\n연락처 010-9876-5432\n농협 302-1234-5678-91"));
        ConfirmationDialog dialog(confirmationRequest(message, language));
        QCOMPARE(labelText(&dialog, "headline"), headline);
        // A new message has no earlier audience to compare with.
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("audienceChange")));
    }

    void shouldSayAtLeastWhenAGroupSizeIsUnknown()
    {
        const InstalledTranslation translation(QStringLiteral("ko"));
        auto message = incidentForward();
        message.recipients[0].memberCount.reset();
        message.recipients.push_back({QStringLiteral("lee"), QStringLiteral("이지영"), Core::RecipientType::Person,
                                      std::nullopt, QString(), QString()});
        ConfirmationDialog dialog(confirmationRequest(message, QStringLiteral("ko")));
        QVERIFY2(labelText(&dialog, "headline").startsWith(QStringLiteral("이 메시지는 최소 1명에게 전달됩니다.")),
                 qPrintable(labelText(&dialog, "headline")));
        auto *recipients = dialog.findChild<QTreeWidget *>(QStringLiteral("recipients"));
        QCOMPARE(recipients->topLevelItemCount(), 1); // the person is not flagged
        QCOMPARE(row(recipients, 0).at(2), QStringLiteral("알 수 없음"));
    }

    void shouldListFlaggedRecipientsAndMaskedFindingsWithWhereTheyAre()
    {
        const InstalledTranslation translation(QStringLiteral("en"));
        auto message = incidentForward();
        message.recipients.push_back({QStringLiteral("lee"), QStringLiteral("이지영"), Core::RecipientType::Person,
                                      std::nullopt, QString(), QString()});
        message.subject = QStringLiteral("FW: 010-9876-5432");
        ConfirmationDialog dialog(confirmationRequest(message, QStringLiteral("en")));
        auto *recipients = dialog.findChild<QTreeWidget *>(QStringLiteral("recipients"));
        QCOMPARE(recipients->topLevelItemCount(), 1);
        QCOMPARE(row(recipients, 0),
                 QStringList({"인천광역시 전체", "Group", "4,812", "Large group, All-staff group"}));
        auto *findings = dialog.findChild<QTreeWidget *>(QStringLiteral("findings"));
        QCOMPARE(findings->topLevelItemCount(), 2);
        QCOMPARE(row(findings, 0), QStringList({"phone number", "010-****-5432", "Subject"}));
        QCOMPARE(row(findings, 1), QStringList({"resident registration number", "850315-2******", "Body, line 2"}));
        for (const QWidget *widget : dialog.findChildren<QWidget *>()) {
            if (const auto *label = qobject_cast<const QLabel *>(widget))
                QVERIFY2(!label->text().contains(QLatin1String("2345678")), qPrintable(label->objectName()));
        }
    }

    void shouldSayWhereInADocumentAFindingIs_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("where");
        QTest::newRow("ko") << "ko"
                            << "첨부파일 신청서.hwp › 구역 1 › 표 1 3행 2칸";
        QTest::newRow("en") << "en"
                            << "Attachment 신청서.hwp › section 1 › table 1, row 3, cell 2";
    }

    void shouldSayWhereInADocumentAFindingIs()
    {
        QFETCH(QString, language);
        QFETCH(QString, where);
        const InstalledTranslation translation(language);
        Ui::ConfirmationRequest request = confirmationRequest(incidentForward(), language);
        Core::MessageFinding inDocument = request.verdict.findings.front();
        inDocument.field = QStringLiteral("attachment:신청서.hwp");
        using Kind = Core::TextPlace::Kind;
        inDocument.place = Core::TextPlace {}
                               .then(Kind::Section, QStringLiteral("1"))
                               .then(Kind::Table, QStringLiteral("1"))
                               .then(Kind::Row, QStringLiteral("3"))
                               .then(Kind::Cell, QStringLiteral("2"));
        request.verdict.findings = {inDocument};
        ConfirmationDialog dialog(request);
        auto *findings = dialog.findChild<QTreeWidget *>(QStringLiteral("findings"));
        QCOMPARE(findings->topLevelItem(0)->text(2), where);
    }

    // A number in a file's name is shown masked wherever the dialog names the file.
    void shouldMaskANumberFoundInAFilesName()
    {
        const InstalledTranslation translation(QStringLiteral("ko"));
        Ui::ConfirmationRequest request = confirmationRequest(incidentForward(), QStringLiteral("ko"));
        Core::MessageFinding inName = request.verdict.findings.front(); // 850315-2345678, masked
        inName.field = QStringLiteral("attachment:홍길순_850315-2345678.txt");
        inName.place = Core::TextPlace {}.then(Core::TextPlace::Kind::FileName);
        request.verdict.findings = {inName};
        request.attachmentsToLeaveOut = {QStringLiteral("홍길순_850315-2345678.txt")};
        request.notScannedAttachments = {QStringLiteral("홍길순_850315-2345678.txt")};
        request.hiddenInNames.add(QStringLiteral("850315-2345678"), inName.finding.masked);
        ConfirmationDialog dialog(request);
        auto *findings = dialog.findChild<QTreeWidget *>(QStringLiteral("findings"));
        QCOMPARE(findings->topLevelItem(0)->text(2), QStringLiteral("첨부파일 홍길순_850315-2******.txt › 파일 이름"));
        QString shown;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            shown += label->text();
        for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
            shown += button->toolTip();
        QVERIFY2(shown.contains(QStringLiteral("850315-2******")) && !shown.contains(QStringLiteral("2345678")),
                 qPrintable(shown));
    }

    void shouldHighlightFindingsInTheMessageText()
    {
        const auto message = incidentForward();
        ConfirmationDialog dialog(confirmationRequest(message, QStringLiteral("en")));
        auto *view = dialog.findChild<QTextBrowser *>(QStringLiteral("messageText"));
        QVERIFY(view);
        const QString text = view->toPlainText();
        QCOMPARE(text, message.subject + QLatin1String("\n\n") + message.body);
        const int start = int(text.indexOf(QLatin1String("850315-2345678")));
        QTextCursor cursor(view->document());
        cursor.setPosition(start + 3); // the format of the character before the cursor
        QVERIFY(cursor.charFormat().background().style() != Qt::NoBrush);
        cursor.setPosition(start - 2);
        QCOMPARE(cursor.charFormat().background().style(), Qt::NoBrush);
    }

    // A chat message has no subject: the view is the body alone, highlighted where it should be.
    void shouldShowAMessageWithoutSubjectAsItsBody()
    {
        auto message = incidentForward();
        message.subject.clear();
        ConfirmationDialog dialog(confirmationRequest(message, QStringLiteral("en")));
        auto *view = dialog.findChild<QTextBrowser *>(QStringLiteral("messageText"));
        QCOMPARE(view->toPlainText(), message.body);
        const int start = int(message.body.indexOf(QLatin1String("850315-2345678")));
        QTextCursor cursor(view->document());
        cursor.setPosition(start + 1);
        QVERIFY(cursor.charFormat().background().style() != Qt::NoBrush);
        cursor.setPosition(start + 14);
        QVERIFY(cursor.charFormat().background().style() != Qt::NoBrush);
        cursor.setPosition(start);
        QCOMPARE(cursor.charFormat().background().style(), Qt::NoBrush);
    }

    void shouldHighlightAfterCharactersOutsideTheBasicPlane()
    {
        // An emoji is four UTF-8 bytes and two UTF-16 units: the highlight must still land on the number.
        auto message = incidentForward();
        message.body = QStringLiteral("확인 부탁드립니다 \U0001F600\n주민등록번호 850315-2345678 입니다");
        ConfirmationDialog dialog(confirmationRequest(message, QStringLiteral("en")));
        auto *view = dialog.findChild<QTextBrowser *>(QStringLiteral("messageText"));
        const QString text = view->toPlainText();
        const int start = int(text.indexOf(QLatin1String("850315-2345678")));
        QTextCursor cursor(view->document());
        for (int i = 1; i <= 14; ++i) {
            cursor.setPosition(start + i);
            QVERIFY2(cursor.charFormat().background().style() != Qt::NoBrush, qPrintable(QString::number(i)));
        }
        cursor.setPosition(start);
        QCOMPARE(cursor.charFormat().background().style(), Qt::NoBrush);
        cursor.setPosition(start + 16);
        QCOMPARE(cursor.charFormat().background().style(), Qt::NoBrush);
        auto *findings = dialog.findChild<QTreeWidget *>(QStringLiteral("findings"));
        QCOMPARE(row(findings, 0).at(2), QStringLiteral("Body, line 2"));
    }

    void shouldMakeCancelTheDefaultAndTheEscapeKey()
    {
        ConfirmationDialog dialog(confirmationRequest(incidentForward(), QStringLiteral("en")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QPushButton *cancel = button(&dialog, "cancelButton");
        QVERIFY(cancel->isDefault());
        QCOMPARE(QApplication::focusWidget(), cancel);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.choice(), ConfirmationDialog::Choice::Cancel);

        ConfirmationDialog again(confirmationRequest(incidentForward(), QStringLiteral("en")));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(!again.isVisible());
        QCOMPARE(again.choice(), ConfirmationDialog::Choice::Cancel);
    }

    void shouldNeedAReasonOfThePolicysLengthToSendAnyway()
    {
        ConfirmationDialog dialog(confirmationRequest(incidentForward(), QStringLiteral("ko")));
        dialog.show();
        QPushButton *sendAnyway = button(&dialog, "sendAnywayButton");
        auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("justification"));
        QVERIFY(sendAnyway && reason);
        QVERIFY(!sendAnyway->isEnabled());
        QTest::mouseClick(sendAnyway, Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        // QTest::keyClicks types ASCII only; insert() is what typing does to a line edit.
        reason->insert(QStringLiteral("  전체 공지 필요 ")); // 8 characters once trimmed
        QVERIFY(!sendAnyway->isEnabled());
        reason->insert(QStringLiteral("합니다"));
        QVERIFY(sendAnyway->isEnabled());
        QTest::mouseClick(sendAnyway, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), ConfirmationDialog::Choice::SendAnyway);
        QCOMPARE(dialog.justification(), QStringLiteral("전체 공지 필요 합니다"));
    }

    void shouldLetAWarningBeSentWithoutAReason()
    {
        const auto request = confirmationRequest(contactsToAllStaff(), QStringLiteral("en"));
        QCOMPARE(request.verdict.level, Core::VerdictLevel::Warn);
        ConfirmationDialog dialog(request);
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("justification")));
        QVERIFY(button(&dialog, "sendAnywayButton")->isEnabled());
        QCOMPARE(labelText(&dialog, "verdictTitle"), QStringLiteral("Please check before sending"));
    }

    void shouldOfferNoWayToSendABlockedMessageAsItIs_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("contact");
        QTest::newRow("ko") << "ko" << QStringLiteral("개인정보 보호 담당자");
        QTest::newRow("en") << "en" << QStringLiteral("ask your privacy officer");
    }
    void shouldOfferNoWayToSendABlockedMessageAsItIs()
    {
        QFETCH(QString, language);
        QFETCH(QString, contact);
        const InstalledTranslation translation(language);
        const auto request = confirmationRequest(rosterToAllStaff(), language);
        QCOMPARE(request.verdict.level, Core::VerdictLevel::Block);
        ConfirmationDialog dialog(request);
        QVERIFY(!button(&dialog, "sendAnywayButton"));
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("justification")));
        QVERIFY2(labelText(&dialog, "blockExplanation").contains(contact),
                 qPrintable(labelText(&dialog, "blockExplanation")));
        QVERIFY(button(&dialog, "maskAndSendButton")); // masking is the way out
        QVERIFY(button(&dialog, "cancelButton")->isDefault());
    }

    void shouldOfferToSendWithoutTheDocumentsOnlyWhenSomeHoldFindings()
    {
        const InstalledTranslation translation(QStringLiteral("ko"));
        Ui::ConfirmationRequest request = confirmationRequest(incidentForward(), QStringLiteral("ko"));
        {
            const ConfirmationDialog plain(request); // every finding in the message text: not offered
            QVERIFY(!button(&plain, "leaveOutAttachmentsButton"));
        }
        request.attachmentsToLeaveOut = {QStringLiteral("신청서.hwp")};
        ConfirmationDialog dialog(request);
        QPushButton *leaveOut = button(&dialog, "leaveOutAttachmentsButton");
        QVERIFY(leaveOut);
        QCOMPARE(leaveOut->text(), QStringLiteral("첨부 문서 빼고 보내기(&W)"));
        QVERIFY(leaveOut->toolTip().contains(QStringLiteral("신청서.hwp")));
        dialog.show();
        QTest::mouseClick(leaveOut, Qt::LeftButton);
        QCOMPARE(dialog.choice(), ConfirmationDialog::Choice::LeaveOutAttachments);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void shouldPreviewTheMaskedMessageBeforeSendingIt()
    {
        ConfirmationDialog dialog(confirmationRequest(incidentForward(), QStringLiteral("en")));
        dialog.show();
        auto *pages = dialog.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->currentIndex(), 0);
        QTest::mouseClick(button(&dialog, "maskAndSendButton"), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("maskPreviewPage"));
        const QString preview = dialog.findChild<QTextBrowser *>(QStringLiteral("maskedText"))->toPlainText();
        QVERIFY(preview.contains(QLatin1String("850315-2******")));
        QVERIFY(!preview.contains(QLatin1String("2345678")));
        QTest::mouseClick(button(&dialog, "backButton"), Qt::LeftButton);
        QCOMPARE(pages->currentIndex(), 0);
        QTest::mouseClick(button(&dialog, "maskAndSendButton"), Qt::LeftButton);
        QTest::mouseClick(button(&dialog, "sendMaskedButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), ConfirmationDialog::Choice::MaskAndSend);
    }

    void shouldChooseWithTheKeyboardsMnemonics_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("ko") << QStringLiteral("ko");
        QTest::newRow("en") << QStringLiteral("en");
    }

    // Alt and a letter choose, in both languages: the way a keyboard user (and a test driving
    // another program's window, which can only type) gets past the dialog.
    void shouldChooseWithTheKeyboardsMnemonics()
    {
        QFETCH(QString, language);
        const InstalledTranslation translation(language);
        auto message = incidentForward();
        message.recipients.push_back({QStringLiteral("lee"), QStringLiteral("이지영"), Core::RecipientType::Person,
                                      std::nullopt, QString(), QString()});
        ConfirmationDialog dialog(confirmationRequest(message, language));
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *pages = dialog.findChild<QStackedWidget *>(QStringLiteral("pages"));
        // Every choice but Cancel (Escape) has a letter of its own on its page.
        for (int page = 0; page < pages->count(); ++page) {
            QSet<QKeySequence> letters;
            for (QPushButton *choice : pages->widget(page)->findChildren<QPushButton *>()) {
                if (choice->objectName() == QLatin1String("cancelButton"))
                    continue;
                const QKeySequence letter = QKeySequence::mnemonic(choice->text());
                QVERIFY2(!letter.isEmpty(), qPrintable(choice->text()));
                QVERIFY2(!letters.contains(letter), qPrintable(choice->text()));
                letters.insert(letter);
            }
        }
        // A mnemonic clicks as the mouse would, pressed and then released a moment later.
        QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier);
        QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("maskPreviewPage"));
        QTest::keyClick(&dialog, Qt::Key_B, Qt::AltModifier);
        QTRY_COMPARE(pages->currentIndex(), 0);
        QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier);
        QTRY_COMPARE(pages->currentIndex(), 1);
        QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), ConfirmationDialog::Choice::MaskAndSend);
    }

    // A Korean desktop's font is a CJK one, whose average character is a full-width syllable: the
    // dialog must not grow with it (it once came out twice as wide, 1,200 pixels, over Psi).
    void shouldKeepItsWidthInAKoreanDesktopsFont()
    {
        const InstalledTranslation translation(QStringLiteral("ko"));
        const QFont original = QApplication::font();
        const int latinWidth = ConfirmationDialog(confirmationRequest(incidentForward(), QStringLiteral("ko"))).width();
        QFont korean(QStringLiteral("Noto Sans CJK KR"));
        korean.setPointSizeF(original.pointSizeF());
        QVERIFY2(QFontInfo(korean).family().contains(QLatin1String("CJK")), "fonts-noto-cjk is not installed");
        QApplication::setFont(korean);
        const int koreanWidth =
            ConfirmationDialog(confirmationRequest(incidentForward(), QStringLiteral("ko"))).width();
        QApplication::setFont(original);
        QVERIFY2(koreanWidth < latinWidth * 1.4,
                 qPrintable(QStringLiteral("%1 against %2").arg(koreanWidth).arg(latinWidth)));
    }

    void shouldOfferRemovingBroadcastRecipientsOnlyWhenOthersRemain()
    {
        ConfirmationDialog alone(confirmationRequest(incidentForward(), QStringLiteral("en")));
        QVERIFY(!button(&alone, "removeBroadcastRecipientsButton"));

        auto message = incidentForward();
        message.recipients.push_back({QStringLiteral("lee"), QStringLiteral("이지영"), Core::RecipientType::Person,
                                      std::nullopt, QString(), QString()});
        ConfirmationDialog withOthers(confirmationRequest(message, QStringLiteral("en")));
        QPushButton *remove = button(&withOthers, "removeBroadcastRecipientsButton");
        QVERIFY(remove);
        withOthers.show();
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(withOthers.choice(), ConfirmationDialog::Choice::RemoveBroadcastRecipients);
    }

    void shouldReportAFalsePositiveAndStayOpen()
    {
        ConfirmationDialog dialog(confirmationRequest(incidentForward(), QStringLiteral("en")));
        dialog.show();
        QSignalSpy reported(&dialog, &ConfirmationDialog::falsePositiveReported);
        QPushButton *report = button(&dialog, "reportFalsePositive");
        QTest::mouseClick(report, Qt::LeftButton);
        QCOMPARE(reported.count(), 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(!report->isEnabled()); // once is enough
        QTest::mouseClick(report, Qt::LeftButton);
        QCOMPARE(reported.count(), 1);
    }

    void shouldNameEveryControlForTestsAndScreenReaders_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("justify") << 0;
        QTest::newRow("block") << 1;
        QTest::newRow("warn") << 2;
    }
    void shouldNameEveryControlForTestsAndScreenReaders()
    {
        QFETCH(int, kind);
        const auto message = kind == 0 ? incidentForward() : kind == 1 ? rosterToAllStaff() : contactsToAllStaff();
        ConfirmationDialog dialog(confirmationRequest(message, QStringLiteral("ko")));
        QVERIFY(!dialog.accessibleName().isEmpty());
        int controls = 0;
        for (QWidget *widget : dialog.findChildren<QWidget *>()) {
            const bool ours = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
                qobject_cast<QTreeWidget *>(widget) || qobject_cast<QTextBrowser *>(widget) ||
                qobject_cast<QLabel *>(widget) || qobject_cast<QGroupBox *>(widget);
            if (!ours)
                continue;
            ++controls;
            QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
            if (!qobject_cast<QGroupBox *>(widget))
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
            // A screen reader says the words, not the mnemonic's marker.
            QVERIFY2(!widget->accessibleName().contains(u'&'), qPrintable(widget->accessibleName()));
        }
        QVERIFY(controls > 10);
    }

    void shouldReachEveryControlWithTheKeyboard()
    {
        ConfirmationDialog dialog(confirmationRequest(incidentForward(), QStringLiteral("en")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSet<QString> reached;
        QWidget *start = QApplication::focusWidget();
        QVERIFY(start);
        QWidget *current = start;
        for (int i = 0; i < 50; ++i) {
            reached.insert(current->objectName());
            QTest::keyClick(current, Qt::Key_Tab);
            current = QApplication::focusWidget();
            if (current == start)
                break;
        }
        for (const char *name : {"cancelButton", "maskAndSendButton", "justification", "reportFalsePositive",
                                 "recipients", "findings", "messageText"})
            QVERIFY2(reached.contains(QLatin1String(name)), name);
        QVERIFY(!reached.contains(QStringLiteral("sendAnywayButton"))); // disabled until there is a reason
    }
};

QTEST_MAIN(ConfirmationDialogTest)
#include "confirmationdialogtest.moc"
