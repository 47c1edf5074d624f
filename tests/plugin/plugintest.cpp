// SPDX-License-Identifier: GPL-2.0-or-later
// The real plugin, loaded with QPluginLoader as a host loads it: metadata, the interface,
// loading twice and again, the host's language, and what it does when it cannot check.
#include "modaldialogwatcher.h"
#include "sendguard/sendinterceptor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPluginLoader>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

using namespace SendGuard;

namespace {

Message toAllStaff(const QString &body)
{
    Message message;
    message.setSenderId(QStringLiteral("kim.yejin"));
    Recipient all(QStringLiteral("grp:incheon-all"), QStringLiteral("인천광역시 전체"), Recipient::Type::Group);
    all.setMemberCount(4812);
    message.setRecipients({all});
    message.setSubject(QStringLiteral("안내"));
    message.setBody(body);
    return message;
}

// load() first: instance() alone on a library another loader has loaded takes no reference,
// and that loader's unload() would pull the plugin away.
SendInterceptor *interceptor(QPluginLoader &loader)
{
    return loader.load() ? qobject_cast<SendInterceptor *>(loader.instance()) : nullptr;
}

// Sends message and answers the first dialog with answer; returns the dialog's headline ("" when
// no dialog opened) and the decision.
std::pair<QString, SendDecision> sendAnswering(SendInterceptor *plugin, const Message &message,
                                               const std::function<void(QWidget *)> &answer)
{
    QString headline;
    SendDecision decision;
    ModalDialogWatcher::answerDuring([&] { decision = plugin->interceptSend(message, nullptr); },
                                     [&](QWidget *dialog) {
                                         if (auto *label = dialog->findChild<QLabel *>(QStringLiteral("headline")))
                                             headline = label->text();
                                         answer(dialog);
                                     },
                                     20000, nullptr, ModalDialogWatcher::Progress::Answer);
    return {headline, decision};
}

void click(QWidget *dialog, const char *button)
{
    auto *b = dialog->findChild<QPushButton *>(QLatin1String(button));
    QVERIFY2(b, button);
    b->click();
}

QList<QJsonObject> auditRecords(const QString &path)
{
    QList<QJsonObject> records;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty())
                records.append(QJsonDocument::fromJson(line).object());
        }
    }
    return records;
}

} // namespace

class PluginTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_auditFile;

private Q_SLOTS:
    void initTestCase()
    {
        m_auditFile = m_dir.filePath(QStringLiteral("audit.jsonl"));
        qputenv("SENDGUARD_AUDIT_FILE", m_auditFile.toLocal8Bit());
    }

    void shouldCarryMetadataForHostsToCheckBeforeLoading()
    {
        QPluginLoader loader(QStringLiteral(SENDGUARD_PLUGIN_FILE));
        const QJsonObject raw = loader.metaData();
        QVERIFY(!loader.isLoaded()); // read from the file; none of its code ran
        QCOMPARE(raw.value("IID").toString(), QStringLiteral("org.sendguard.SendInterceptor/1.0"));
        QCOMPARE(raw.value("className").toString(), QStringLiteral("SendGuardPlugin"));
        const QJsonObject meta = raw.value("MetaData").toObject();
        QCOMPARE(meta.value("id").toString(), QStringLiteral("sendguard"));
        QCOMPARE(meta.value("version").toString(), QStringLiteral(SENDGUARD_VERSION));
        QVERIFY(!QVersionNumber::fromString(meta.value("compatVersion").toString()).isNull());
        QVERIFY(QVersionNumber::fromString(meta.value("compatVersion").toString()) <=
                QVersionNumber::fromString(meta.value("version").toString()));
        QVERIFY(!meta.value("description").toString().isEmpty());
        // Hancom's licence for the published HWP format asks for this notice, in its words.
        QCOMPARE(meta.value("notices").toArray().at(0).toString(),
                 QStringLiteral("본 제품은 한글과컴퓨터의 한/글 문서 파일(.hwp) 공개 문서를 참고하여 개발하였습니다."));
    }

    void shouldLoadCastUnloadAndLoadAgain()
    {
        for (int round = 0; round < 2; ++round) {
            QPluginLoader loader(QStringLiteral(SENDGUARD_PLUGIN_FILE));
            SendInterceptor *plugin = interceptor(loader);
            QVERIFY2(plugin, qPrintable(loader.errorString()));
            const auto [headline, decision] =
                sendAnswering(plugin, toAllStaff(QStringLiteral("회의는 3시입니다")), [](QWidget *) {});
            QVERIFY(headline.isEmpty());
            QCOMPARE(decision.action(), SendDecision::Action::Send);
            QCOMPARE(decision.verdict(), QStringLiteral("allow"));
            QVERIFY(decision.auditId().isEmpty());
            QVERIFY(loader.unload());
            QVERIFY(!loader.isLoaded());
        }
    }

    void shouldServeAHostThatLoadsItTwice()
    {
        QPluginLoader first(QStringLiteral(SENDGUARD_PLUGIN_FILE));
        QPluginLoader second(QStringLiteral(SENDGUARD_PLUGIN_FILE));
        SendInterceptor *a = interceptor(first);
        SendInterceptor *b = interceptor(second);
        QVERIFY(a && b);
        QCOMPARE(a, b); // one instance per process
        QVERIFY(!first.unload()); // the other loader still holds it
        QVERIFY(second.isLoaded());
        const auto [headline, decision] = sendAnswering(b, toAllStaff(QStringLiteral("주민등록번호 850315-2345678")),
                                                        [](QWidget *dialog) { click(dialog, "cancelButton"); });
        QVERIFY(!headline.isEmpty());
        QCOMPARE(decision.action(), SendDecision::Action::Cancel);
        QCOMPARE(decision.verdict(), QStringLiteral("justify"));
        QVERIFY(second.unload());
    }

    void shouldSpeakTheHostsLanguage_data()
    {
        QTest::addColumn<QString>("uiLanguage"); // what the host says; empty: nothing
        QTest::addColumn<QLocale>("locale"); // the host's locale
        QTest::addColumn<QString>("headline");
        const QString ko = QStringLiteral("이 메시지는 4,812명에게 전달됩니다. 주민등록번호 1건이 포함되어 있습니다.");
        const QString en =
            QStringLiteral("This message will reach 4,812 people. It contains 1 resident registration number.");
        QTest::newRow("korean-locale") << QString() << QLocale(QLocale::Korean, QLocale::SouthKorea) << ko;
        QTest::newRow("english-locale") << QString() << QLocale(QLocale::English, QLocale::UnitedStates) << en;
        QTest::newRow("german-locale") << QString() << QLocale(QLocale::German, QLocale::Germany) << en;
        QTest::newRow("host-says-ko") << QStringLiteral("ko-KR") << QLocale(QLocale::English, QLocale::UnitedStates)
                                      << ko;
        QTest::newRow("host-says-en") << QStringLiteral("en") << QLocale(QLocale::Korean, QLocale::SouthKorea) << en;
    }
    void shouldSpeakTheHostsLanguage()
    {
        QFETCH(QString, uiLanguage);
        QFETCH(QLocale, locale);
        QFETCH(QString, headline);
        const QLocale previous;
        QLocale::setDefault(locale);
        QPluginLoader loader(QStringLiteral(SENDGUARD_PLUGIN_FILE));
        SendInterceptor *plugin = interceptor(loader);
        QVERIFY(plugin);
        if (!uiLanguage.isEmpty())
            plugin->setUiLanguage(uiLanguage);
        const auto [shown, decision] = sendAnswering(plugin, toAllStaff(QStringLiteral("주민등록번호 850315-2345678")),
                                                     [](QWidget *dialog) { click(dialog, "cancelButton"); });
        QLocale::setDefault(previous);
        QCOMPARE(shown, headline);
        QVERIFY(loader.unload()); // takes its translation out of the host again
        QCOMPARE(QCoreApplication::translate("SendGuard::Ui::ConfirmationDialog", "Cancel"), QStringLiteral("Cancel"));
    }

    void shouldAskWhenAnAttachmentToABroadcastCannotBeRead_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<SendDecision::Action>("action");
        QTest::addColumn<QString>("choice");
        QTest::newRow("cancel") << "cancelButton" << SendDecision::Action::Cancel << "cancel";
        QTest::newRow("send") << "sendUncheckedButton" << SendDecision::Action::Send << "send-unchecked";
    }
    void shouldAskWhenAnAttachmentToABroadcastCannotBeRead()
    {
        QFETCH(QString, button);
        QFETCH(SendDecision::Action, action);
        QFETCH(QString, choice);
        QPluginLoader loader(QStringLiteral(SENDGUARD_PLUGIN_FILE));
        SendInterceptor *plugin = interceptor(loader);
        plugin->setUiLanguage(QStringLiteral("en"));
        Message message = toAllStaff(QStringLiteral("신청서를 첨부합니다"));
        // Its name holds a person's name and the back of a number (no finding, or the confirmation
        // dialog would come, naming it): neither the audit record nor the log may repeat it.
        message.setAttachments(
            {Attachment::fromPath(QStringLiteral("신청서_홍길순_2345678.csv"), m_dir.filePath("missing.csv"))});
        QString dialogName;
        const auto [headline, decision] = sendAnswering(plugin, message, [&](QWidget *dialog) {
            dialogName = dialog->objectName();
            click(dialog, button.toLatin1().constData());
        });
        QCOMPARE(dialogName, QStringLiteral("SendGuardUncheckedMessageDialog"));
        QCOMPARE(headline, QStringLiteral("SendGuard could not check this message for personal data."));
        QCOMPARE(decision.action(), action);
        QCOMPARE(decision.verdict(), QStringLiteral("unchecked"));
        const QJsonObject record = auditRecords(m_auditFile).constLast();
        QCOMPARE(record.value("id").toString(), decision.auditId());
        QCOMPARE(record.value("verdict").toString(), QStringLiteral("unchecked"));
        QCOMPARE(record.value("choice").toString(), choice);
        QVERIFY(!record.value("error").toString().isEmpty());
        QVERIFY(!QJsonDocument(record).toJson().contains("2345678"));
        QVERIFY(loader.unload());
    }

    void shouldShowProgressAndLetTheUserCancelALongCheck()
    {
        // About 40 MB of a real roster: seconds of scanning here, so the progress dialog appears
        // (after 400 ms) even on a machine several times faster.
        QFile roster(QStringLiteral(SENDGUARD_EXAMPLES "/messages/attachments/winter-relief-roster.csv"));
        QVERIFY(roster.open(QIODevice::ReadOnly));
        const QByteArray rows = roster.readAll();
        QByteArray big;
        while (big.size() < 40 << 20)
            big += rows;
        Message message = toAllStaff(QStringLiteral("명단 첨부"));
        message.setAttachments({Attachment::fromData(QStringLiteral("roster.csv"), big)});

        QPluginLoader loader(QStringLiteral(SENDGUARD_PLUGIN_FILE));
        SendInterceptor *plugin = interceptor(loader);
        QString dialogName;
        QElapsedTimer clock;
        clock.start();
        const auto [headline, decision] = sendAnswering(plugin, message, [&](QWidget *dialog) {
            dialogName = dialog->objectName();
            if (auto *progress = qobject_cast<QProgressDialog *>(dialog))
                progress->cancel();
            else
                click(dialog, "cancelButton");
        });
        QCOMPARE(dialogName, QStringLiteral("SendGuardCheckProgress"));
        QCOMPARE(decision.action(), SendDecision::Action::Cancel);
        QCOMPARE(decision.verdict(), QStringLiteral("unchecked"));
        // Unloading waits for the abandoned check: the plugin's code must outlive its thread.
        QVERIFY2(loader.unload(), qPrintable(loader.errorString()));
    }
};

QTEST_MAIN(PluginTest)
#include "plugintest.moc"
