// SPDX-License-Identifier: GPL-2.0-or-later
// End to end: the reference messenger loads the real plugin from its plugin directory, the user
// forwards the incident, and the outbox and the audit trail show exactly what happened.
#include "inbox.h"
#include "messengerwindow.h"
#include "modaldialogwatcher.h"
#include "organisationdirectory.h"
#include "outbox.h"
#include "sendguardloader.h"
#include "sysloglistener.h"

#include "clirunner.h"
#include "documentfiles.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

#include <pwd.h>
#include <unistd.h>

namespace {

// Everything Qt and the plugin log while the test runs: personal data must never appear in it.
QStringList &capturedLog()
{
    static QStringList log;
    return log;
}

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog().append(message);
}

QPushButton *button(QWidget *dialog, const char *name)
{
    return dialog->findChild<QPushButton *>(QLatin1String(name));
}

QList<QByteArray> lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> result = file.readAll().split('\n');
    result.removeAll(QByteArray());
    return result;
}

// The inbox: 0 the citizen's application (one resident registration number), 1 an all-staff
// notice, 2 a roster of twelve residents as a CSV attachment.
constexpr int Application = 0;
constexpr int Roster = 2;

// Every identifier in the sample inbox, in the forms it was written in.
const char *const canaries[] = {"850315-2345678", "8503152345678",    "2345678",      "010-9876-5432",
                                "9876-5432",      "302-1234-5678-91", "1234-5678-91", "580412-1011407",
                                "1011407",        "2012411",          "2022414",      "010-5100-2300"};

} // namespace

class MessengerEndToEndTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_auditFile;
    std::unique_ptr<SendGuard::Tests::SyslogListener> m_systemLog;
    QList<QByteArray> m_datagrams; // taken from the listener so far: its socket holds only a few
    OrganisationDirectory m_directory;
    Inbox m_inbox;
    SendGuardLoader m_loader;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<MessengerWindow> m_window;

    // Forwards an inbox message to recipients, clicks Send, and answers SendGuard's dialog (if one
    // opens) with answer. Returns whether a dialog opened.
    bool forwardAndSend(int inboxIndex, const QString &recipients, const std::function<void(QWidget *)> &answer)
    {
        m_window->forward(inboxIndex);
        m_window->findChild<QLineEdit *>(QStringLiteral("recipientsEdit"))->setText(recipients);
        return ModalDialogWatcher::answerDuring(
            [this] {
                QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
            },
            answer);
    }

    // The application forwarded to all staff with the documents names (files in folder), in a
    // messenger window of its own whose outbox is in folder.
    struct Forwarding
    {
        Inbox inbox;
        std::unique_ptr<Outbox> outbox;
        std::unique_ptr<MessengerWindow> window;
    };
    std::unique_ptr<Forwarding> forwardDocumentsToAllStaff(const QDir &folder, const QStringList &names)
    {
        QStringList attachments;
        for (const QString &name : names)
            attachments.append(QStringLiteral("{\"name\":\"%1\",\"path\":\"%1\"}").arg(name));
        const QString inboxPath = SendGuard::Tests::writeTestFile(
            folder.path(), QStringLiteral("inbox.json"),
            QStringLiteral("{\"messages\":[{\"from\":\"park.sh\",\"to\":[\"kim.yejin\"],"
                           "\"received\":\"2026-11-26T09:12:00+09:00\",\"subject\":\"주거급여 신청서 이관\","
                           "\"body\":\"신청서를 첨부합니다.\",\"attachments\":[%1]}]}")
                .arg(attachments.join(QLatin1Char(',')))
                .toUtf8());
        auto forwarding = std::make_unique<Forwarding>();
        if (!forwarding->inbox.load(inboxPath))
            return nullptr;
        forwarding->outbox = std::make_unique<Outbox>(folder.filePath(QStringLiteral("outbox.jsonl")));
        m_datagrams += m_systemLog->receive(); // room for this test's records
        forwarding->window = std::make_unique<MessengerWindow>(m_directory, forwarding->inbox, forwarding->outbox.get(),
                                                               m_loader.interceptor());
        MessengerWindow &window = *forwarding->window;
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return nullptr;
        window.forward(0);
        window.findChild<QLineEdit *>(QStringLiteral("recipientsEdit"))->setText(QStringLiteral("grp:incheon-all"));
        return forwarding;
    }

    QList<QJsonObject> outbox() const
    {
        QList<QJsonObject> messages;
        for (const QByteArray &line : lines(m_outbox->path()))
            messages.append(QJsonDocument::fromJson(line).object());
        return messages;
    }

    QList<QJsonObject> audit() const
    {
        QList<QJsonObject> records;
        for (const QByteArray &line : lines(m_auditFile))
            records.append(QJsonDocument::fromJson(line).object());
        return records;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInstallMessageHandler(captureMessage);
        m_auditFile = m_dir.filePath(QStringLiteral("audit.jsonl"));
        qputenv("SENDGUARD_AUDIT_FILE", m_auditFile.toLocal8Bit());
        const QString socket = m_dir.filePath(QStringLiteral("syslog"));
        m_systemLog = std::make_unique<SendGuard::Tests::SyslogListener>(socket);
        qputenv("SENDGUARD_SYSLOG_SOCKET", QFile::encodeName(socket));
        QVERIFY2(m_directory.load(QStringLiteral(SENDGUARD_EXAMPLES "/messenger/data/incheon-directory.json")),
                 qPrintable(m_directory.errorString()));
        QVERIFY2(m_inbox.load(QStringLiteral(SENDGUARD_EXAMPLES "/messenger/data/inbox.json")),
                 qPrintable(m_inbox.errorString()));
        QVERIFY2(m_loader.load(QStringLiteral(SENDGUARD_PLUGIN_DIR)), qPrintable(m_loader.errorString()));
        m_loader.interceptor()->setUiLanguage(QStringLiteral("en"));
        m_outbox = std::make_unique<Outbox>(m_dir.filePath(QStringLiteral("outbox.jsonl")));
        m_window = std::make_unique<MessengerWindow>(m_directory, m_inbox, m_outbox.get(), m_loader.interceptor());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void shouldLoadThePluginFromItsPluginDirectory()
    {
        QCOMPARE(m_loader.metaData().value("id").toString(), QStringLiteral("sendguard"));
        QVERIFY(m_loader.fileName().startsWith(QStringLiteral(SENDGUARD_PLUGIN_DIR)));
    }

    void shouldKeepTheOutboxUnchangedWhenTheUserCancels()
    {
        QString headline;
        const bool opened = forwardAndSend(Application, QStringLiteral("grp:incheon-all"), [&](QWidget *dialog) {
            headline = dialog->findChild<QLabel *>(QStringLiteral("headline"))->text();
            QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
        });
        QVERIFY(opened);
        QCOMPARE(headline,
                 QStringLiteral("This message will reach 4,812 people. It contains 1 resident registration "
                                "number, 1 phone number and 1 bank account number."));
        QCOMPARE(outbox().size(), 0);
        // The compose box keeps the message for the user to fix.
        QCOMPARE(m_window->findChild<QLineEdit *>(QStringLiteral("recipientsEdit"))->text(),
                 QStringLiteral("grp:incheon-all"));
        const QJsonObject record = audit().constLast();
        QCOMPARE(record.value("choice").toString(), QStringLiteral("cancel"));
        QCOMPARE(record.value("verdict").toString(), QStringLiteral("justify"));
        QCOMPARE(record.value("action").toString(), QStringLiteral("forward"));
        QCOMPARE(record.value("recipients").toArray(), QJsonArray({"grp:incheon-all"}));
        QCOMPARE(record.value("audience").toObject().value("atLeast").toInt(), 4812);
        QCOMPARE(record.value("detectors").toObject(),
                 QJsonObject({{"kr-rrn", 1}, {"kr-phone", 1}, {"kr-bank-account", 1}}));
    }

    void shouldRecordTheAccountNotWhatTheEnvironmentClaims()
    {
        // $USER is the user's to set; the audit record names the account the process runs as.
        const QByteArray saved = qgetenv("USER");
        qputenv("USER", "mallory");
        const bool opened = forwardAndSend(Application, QStringLiteral("grp:incheon-all"), [](QWidget *dialog) {
            QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
        });
        qputenv("USER", saved);
        QVERIFY(opened);
        const passwd *account = getpwuid(geteuid());
        QVERIFY(account);
        QCOMPARE(audit().constLast().value("user").toString(), QString::fromLocal8Bit(account->pw_name));
    }

    void shouldFindTheNumberInsideTheApplicationAsHwpAndDocx()
    {
        // The incident as it really travels: the application forwarded as documents, the body clean.
        const QDir folder(m_dir.filePath(QStringLiteral("documents")));
        QVERIFY(QDir().mkpath(folder.path()));
        SendGuard::Tests::writeTestFile(
            folder.path(), QStringLiteral("신청서.hwp"),
            SendGuard::Tests::hwp(
                {SendGuard::Tests::hwpParagraph(QStringLiteral("주거급여 신청서")) +
                 SendGuard::Tests::hwpTable({QStringLiteral("주민등록번호"), QStringLiteral("850315-2345678")})}));
        SendGuard::Tests::writeTestFile(folder.path(), QStringLiteral("신청서.docx"),
                                        SendGuard::Tests::docx(SendGuard::Tests::wordParagraph(
                                            {QStringLiteral("신청인 8503"), QStringLiteral("15-2345678")})));
        const auto forwarding =
            forwardDocumentsToAllStaff(folder, {QStringLiteral("신청서.hwp"), QStringLiteral("신청서.docx")});
        QVERIFY(forwarding);
        MessengerWindow &window = *forwarding->window;
        Outbox &sentHere = *forwarding->outbox;
        QStringList where;
        QString headline;
        bool maskOffered = true;
        const auto sentHereLines = [&] {
            QList<QJsonObject> messages;
            for (const QByteArray &line : lines(sentHere.path()))
                messages.append(QJsonDocument::fromJson(line).object());
            return messages;
        };
        const bool opened = ModalDialogWatcher::answerDuring(
            [&] { QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton); },
            [&](QWidget *dialog) {
                headline = dialog->findChild<QLabel *>(QStringLiteral("headline"))->text();
                const auto *findings = dialog->findChild<QTreeWidget *>(QStringLiteral("findings"));
                for (int i = 0; i < findings->topLevelItemCount(); ++i)
                    where.append(findings->topLevelItem(i)->text(1) + QLatin1Char(' ') +
                                 findings->topLevelItem(i)->text(2));
                const QPushButton *mask = button(dialog, "maskAndSendButton");
                maskOffered = mask && mask->isVisible() && mask->isEnabled();
                QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
            });
        QVERIFY(opened);
        QVERIFY2(headline.contains(QStringLiteral("2 resident registration numbers")), qPrintable(headline));
        QCOMPARE(
            where,
            (QStringList {QStringLiteral("850315-2****** Attachment 신청서.hwp › section 1 › table 1, row 1, cell 2"),
                          QStringLiteral("850315-2****** Attachment 신청서.docx › paragraph 1")}));
        QVERIFY(!maskOffered); // documents are not rewritten as text
        QVERIFY(sentHereLines().isEmpty());
        QCOMPARE(audit().constLast().value("detectors").toObject(), QJsonObject({{"kr-rrn", 2}}));

        // Sent again without the documents: checked again, and the note goes on its own.
        const bool reopened = ModalDialogWatcher::answerDuring(
            [&] { QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton); },
            [&](QWidget *dialog) { QTest::mouseClick(button(dialog, "leaveOutAttachmentsButton"), Qt::LeftButton); });
        QVERIFY(reopened);
        QCOMPARE(sentHereLines().size(), 1);
        const QJsonObject sent = sentHereLines().constLast();
        QVERIFY(sent.value("attachments").toArray().isEmpty());
        QVERIFY2(sent.value("body").toString().endsWith(QStringLiteral("신청서를 첨부합니다.")),
                 qPrintable(sent.value("body").toString()));
        QCOMPARE(sent.value("sendguard").toObject().value("decision").toString(), QStringLiteral("send-modified"));
        QCOMPARE(audit().constLast().value("choice").toString(), QStringLiteral("leave-out-attachments"));
        m_datagrams += m_systemLog->receive();
    }

    void shouldSendTheDocumentsMaskedInPlaceWithMaskAndSend()
    {
        // The application as a Word document and the roster as a workbook (the number typed as
        // a number): "mask and send" sends both masked where the numbers were, checked again.
        const QDir folder(m_dir.filePath(QStringLiteral("masked-documents")));
        QVERIFY(QDir().mkpath(folder.path()));
        using namespace SendGuard::Tests;
        writeTestFile(folder.path(), QStringLiteral("신청서.docx"),
                      docx(wordParagraph({QStringLiteral("신청인 8503"), QStringLiteral("15-2345678")}),
                           wordParagraph({QStringLiteral("담당 010-9876-5432")})));
        writeTestFile(folder.path(), QStringLiteral("명단.xlsx"),
                      xlsx({{QStringLiteral("명단"),
                             QStringLiteral("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>"
                                            "<c r=\"B2\"><v>5804121011407</v></c></row>")}},
                           {QStringLiteral("홍길동")}));
        const auto forwarding =
            forwardDocumentsToAllStaff(folder, {QStringLiteral("신청서.docx"), QStringLiteral("명단.xlsx")});
        QVERIFY(forwarding);
        MessengerWindow &window = *forwarding->window;
        Outbox &sentHere = *forwarding->outbox;
        QString maskedNames;
        const bool opened = ModalDialogWatcher::answerDuring(
            [&] { QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton); },
            [&](QWidget *dialog) {
                QTest::mouseClick(button(dialog, "maskAndSendButton"), Qt::LeftButton);
                if (const auto *label = dialog->findChild<QLabel *>(QStringLiteral("maskedAttachments")))
                    maskedNames = label->text();
                QTest::mouseClick(button(dialog, "sendMaskedButton"), Qt::LeftButton);
            });
        QVERIFY(opened);
        QVERIFY2(maskedNames.contains(QStringLiteral("신청서.docx")) &&
                     maskedNames.contains(QStringLiteral("명단.xlsx")),
                 qPrintable(maskedNames));
        const QList<QByteArray> sentLines = lines(sentHere.path());
        QCOMPARE(sentLines.size(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(sentLines.constFirst()).object();
        QCOMPARE(sent.value("sendguard").toObject().value("decision").toString(), QStringLiteral("send-modified"));
        QCOMPARE(audit().constLast().value("choice").toString(), QStringLiteral("mask-and-send"));
        // What went out, read by the CLI as a recipient's tools would: masked, and still documents.
        const QJsonArray attachments = sent.value("attachments").toArray();
        QCOMPARE(attachments.size(), 2);
        QStringList texts;
        for (const QJsonValue &attachment : attachments) {
            const QByteArray bytes = QByteArray::fromBase64(attachment.toObject().value("data").toString().toLatin1());
            QVERIFY(bytes.startsWith("PK\x03\x04"));
            const QString path = writeTestFile(
                folder.path(), QStringLiteral("sent-") + attachment.toObject().value("name").toString(), bytes);
            const CliRun read = runSendGuard({QStringLiteral("extract"), path});
            QCOMPARE(read.exitCode, 0);
            texts.append(QString::fromUtf8(read.out));
        }
        const QString all = texts.join(QLatin1Char('\n'));
        for (const QString &form : {QStringLiteral("850315-2******"), QStringLiteral("010-****-5432"),
                                    QStringLiteral("5804121******"), QStringLiteral("홍길동")})
            QVERIFY2(all.contains(form), qPrintable(all));
        for (const char *number : {"2345678", "9876", "1011407"})
            QVERIFY2(!all.contains(QLatin1String(number)), qPrintable(all));
        m_datagrams += m_systemLog->receive();
    }

    void shouldSendOnlyTheMaskedTextWithMaskAndSend()
    {
        const bool opened = forwardAndSend(Application, QStringLiteral("grp:incheon-all"), [](QWidget *dialog) {
            QTest::mouseClick(button(dialog, "maskAndSendButton"), Qt::LeftButton);
            QTest::mouseClick(button(dialog, "sendMaskedButton"), Qt::LeftButton);
        });
        QVERIFY(opened);
        const QList<QJsonObject> sent = outbox();
        QCOMPARE(sent.size(), 1);
        const QString body = sent.last().value("body").toString();
        QVERIFY2(body.contains(QLatin1String("850315-2******")), qPrintable(body));
        QVERIFY(body.contains(QLatin1String("010-****-5432")));
        QVERIFY(!body.contains(QLatin1String("2345678")));
        QVERIFY(!body.contains(QLatin1String("9876")));
        QCOMPARE(sent.last().value("recipients").toArray(), QJsonArray({"grp:incheon-all"}));
        QCOMPARE(sent.last().value("sendguard").toObject().value("decision").toString(),
                 QStringLiteral("send-modified"));
        QCOMPARE(audit().constLast().value("choice").toString(), QStringLiteral("mask-and-send"));
    }

    void shouldNotSendAnywayWithoutAReason()
    {
        const QString reason = QStringLiteral("주택과 이관 업무로 전 직원 확인이 필요합니다");
        bool disabledAtFirst = false;
        bool stillOpenAfterClick = false;
        const int before = int(outbox().size());
        const bool opened = forwardAndSend(Application, QStringLiteral("grp:incheon-all"), [&](QWidget *dialog) {
            QPushButton *sendAnyway = button(dialog, "sendAnywayButton");
            disabledAtFirst = !sendAnyway->isEnabled();
            QTest::mouseClick(sendAnyway, Qt::LeftButton);
            stillOpenAfterClick = dialog->isVisible();
            dialog->findChild<QLineEdit *>(QStringLiteral("justification"))->insert(reason);
            QTest::mouseClick(sendAnyway, Qt::LeftButton);
        });
        QVERIFY(opened);
        QVERIFY(disabledAtFirst);
        QVERIFY(stillOpenAfterClick);
        const QList<QJsonObject> sent = outbox();
        QCOMPARE(sent.size(), before + 1);
        QCOMPARE(sent.last().value("sendguard").toObject().value("decision").toString(), QStringLiteral("send"));
        const QJsonObject record = audit().constLast();
        QCOMPARE(record.value("choice").toString(), QStringLiteral("send-anyway"));
        QCOMPARE(record.value("justification").toString(), reason);
        QCOMPARE(record.value("id").toString(), sent.last().value("sendguard").toObject().value("auditId").toString());
    }

    void shouldMaskPersonalDataInTheReasonBeforeAuditingIt()
    {
        const bool opened = forwardAndSend(Application, QStringLiteral("grp:incheon-all"), [](QWidget *dialog) {
            dialog->findChild<QLineEdit *>(QStringLiteral("justification"))
                ->insert(QStringLiteral("민원인 850315-2345678 요청에 따른 이관"));
            QTest::mouseClick(button(dialog, "sendAnywayButton"), Qt::LeftButton);
        });
        QVERIFY(opened);
        QCOMPARE(audit().constLast().value("justification").toString(),
                 QStringLiteral("민원인 850315-2****** 요청에 따른 이관"));
    }

    void shouldSendToOnePersonWithoutADialog()
    {
        const int before = int(outbox().size());
        const int records = int(audit().size());
        const bool opened = forwardAndSend(Application, QStringLiteral("lee.jiyoung"), [](QWidget *dialog) {
            QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
        });
        QVERIFY(!opened);
        QCOMPARE(outbox().size(), before + 1);
        QCOMPARE(outbox().last().value("recipients").toArray(), QJsonArray({"lee.jiyoung"}));
        QCOMPARE(outbox().last().value("sendguard").toObject().value("verdict").toString(), QStringLiteral("allow"));
        QCOMPARE(audit().size(), records); // nothing to record: no dialog, no decision
    }

    void shouldNotLetABlockedMessageGoAsItIs()
    {
        const int before = int(outbox().size());
        bool sendAnywayOffered = true;
        QString explanation;
        const bool opened = forwardAndSend(Roster, QStringLiteral("grp:incheon-all"), [&](QWidget *dialog) {
            sendAnywayOffered = button(dialog, "sendAnywayButton") != nullptr;
            explanation = dialog->findChild<QLabel *>(QStringLiteral("blockExplanation"))->text();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QVERIFY(opened);
        QVERIFY(!sendAnywayOffered);
        QVERIFY(explanation.contains(QLatin1String("privacy officer")));
        QCOMPARE(outbox().size(), before);
        QCOMPARE(audit().constLast().value("verdict").toString(), QStringLiteral("block"));
    }

    void shouldMaskABlockedAttachmentAndSendItWhenTheCheckAllowsIt()
    {
        const int before = int(outbox().size());
        const bool opened = forwardAndSend(Roster, QStringLiteral("grp:incheon-all"), [](QWidget *dialog) {
            QTest::mouseClick(button(dialog, "maskAndSendButton"), Qt::LeftButton);
            QTest::mouseClick(button(dialog, "sendMaskedButton"), Qt::LeftButton);
        });
        QVERIFY(opened);
        QCOMPARE(outbox().size(), before + 1);
        const QJsonObject attachment = outbox().last().value("attachments").toArray().at(0).toObject();
        QCOMPARE(attachment.value("name").toString(), QStringLiteral("winter-relief-roster.csv"));
        const QByteArray data = QByteArray::fromBase64(attachment.value("data").toString().toLatin1());
        QVERIFY(data.contains("580412-1******"));
        QVERIFY(data.contains("010-****-2300"));
        QVERIFY(!data.contains("1011407"));
        QVERIFY(!data.contains("5100-2300"));
        QCOMPARE(audit().constLast().value("choice").toString(), QStringLiteral("mask-and-send"));
        QCOMPARE(audit().constLast().value("verdict").toString(), QStringLiteral("block"));
    }

    void shouldRemoveBroadcastRecipientsAndSendToTheRest()
    {
        const bool opened =
            forwardAndSend(Application, QStringLiteral("grp:incheon-all, lee.jiyoung"), [](QWidget *dialog) {
                QTest::mouseClick(button(dialog, "removeBroadcastRecipientsButton"), Qt::LeftButton);
            });
        QVERIFY(opened);
        const QJsonObject sent = outbox().last();
        QCOMPARE(sent.value("recipients").toArray(), QJsonArray({"lee.jiyoung"}));
        QVERIFY(sent.value("body").toString().contains(QLatin1String("850315-2345678"))); // as written, to one person
        QCOMPARE(audit().constLast().value("choice").toString(), QStringLiteral("remove-broadcast-recipients"));
    }

    void shouldRecordAFalsePositiveReport()
    {
        const bool opened = forwardAndSend(Application, QStringLiteral("grp:incheon-all"), [](QWidget *dialog) {
            QTest::mouseClick(button(dialog, "reportFalsePositive"), Qt::LeftButton);
            QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
        });
        QVERIFY(opened);
        const QList<QJsonObject> records = audit();
        const QJsonObject report = records.at(records.size() - 2);
        QCOMPARE(report.value("choice").toString(), QStringLiteral("report-false-positive"));
        QCOMPARE(records.last().value("choice").toString(), QStringLiteral("cancel"));
        QCOMPARE(report.value("id").toString(), records.last().value("id").toString());
    }

    void shouldChainEveryAuditRecordToTheOneBefore()
    {
        const QList<QByteArray> records = lines(m_auditFile);
        QVERIFY(records.size() >= 8);
        QByteArray previous(64, '0');
        for (const QByteArray &line : records) {
            QCOMPARE(QJsonDocument::fromJson(line).object().value("prev").toString().toLatin1(), previous);
            previous = QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex();
        }
    }

    // Last: everything above has run through every path that writes or logs.
    void shouldKeepPersonalDataOutOfTheAuditTrailTheSystemLogAndTheLog()
    {
        QFile file(m_auditFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray auditText = file.readAll();
        const QByteArray log = capturedLog().join(QLatin1Char('\n')).toUtf8();
        const QList<QByteArray> datagrams = m_datagrams + m_systemLog->receive();
        QCOMPARE(datagrams.size(), audit().size()); // every record also went to the system log
        const QByteArray systemLog = datagrams.join('\n');
        QVERIFY(systemLog.contains("[sendguard@32473 event=\"decision\""));
        for (const char *canary : canaries) {
            QVERIFY2(!auditText.contains(canary), canary);
            QVERIFY2(!systemLog.contains(canary), canary);
            QVERIFY2(!log.contains(canary), canary);
        }
        // Nor the message text itself.
        for (const char *text : {"홍길동", "주거급여", "긴급지원"}) {
            QVERIFY2(!auditText.contains(text), text);
            QVERIFY2(!systemLog.contains(text), text);
        }
    }
};

QTEST_MAIN(MessengerEndToEndTest)
#include "messengerendtoendtest.moc"
