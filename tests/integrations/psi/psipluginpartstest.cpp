// SPDX-License-Identifier: GPL-2.0-or-later
// The Psi plugin's parts (integrations/psi), in Qt 5 as Psi loads them: the room counter on real
// presence stanzas, the releases the last gate lets through, the hook on a window wired the way
// Psi wires its chat, room and message windows, and the bridge client against the real bridge.
#include "bridgeclient.h"
#include "composerhook.h"
#include "releasedmessages.h"
#include "roomoccupants.h"

#include <QAction>
#include <QDomDocument>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QVBoxLayout>

using SendGuard::Psi::BridgeClient;
using SendGuard::Psi::ComposerHook;
using SendGuard::Psi::ReleasedMessages;
using SendGuard::Psi::RoomOccupants;

// The message dialog's To field is recognised by its class name, as in Psi's eventdlg.h.
class ELineEdit : public QLineEdit
{
    Q_OBJECT
};

// A compose window connected the way Psi connects its own: a send action added to the window and a
// pb_send button, both with the string-based syntax, and the ChatEdit inside an "mle" proxy.
class ComposeWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ComposeWindow(bool room)
    {
        auto *layout = new QVBoxLayout(this);
        auto *proxy = new QWidget(this);
        proxy->setObjectName(QStringLiteral("mle"));
        (new QVBoxLayout(proxy))->addWidget(edit = new QTextEdit(proxy));
        layout->addWidget(proxy);
        layout->addWidget(to = new ELineEdit);
        layout->addWidget(subject = new QLineEdit);
        auto *button = new QPushButton(QStringLiteral("Send"), this);
        button->setObjectName(QStringLiteral("pb_send"));
        layout->addWidget(button);
        send = new QAction(this);
        addAction(send);
        const char *slot = room ? SLOT(mle_returnPressed()) : SLOT(doSend());
        connect(send, SIGNAL(triggered()), slot);
        connect(button, SIGNAL(clicked()), slot);
    }
    QTextEdit *edit;
    ELineEdit *to;
    QLineEdit *subject;
    QAction *send;
    int sent = 0;

    QString topic;

public Q_SLOTS:
    void doSend() { ++sent; }
    void mle_returnPressed() { ++sent; }
    void setTopic(const QString &newTopic) { topic = newTopic; }
};

// Psi's GroupchatTopicDlg, as far as the room sees it.
class TopicDialog : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void topicAccepted(const QString &topic);
};

class PsiPluginPartsTest : public QObject
{
    Q_OBJECT

    static QDomElement stanza(QDomDocument &document, const QString &xml)
    {
        document.setContent(xml);
        return document.documentElement();
    }

private Q_SLOTS:
    void roomsAreCountedFromOccupantPresence()
    {
        RoomOccupants rooms;
        QDomDocument document;
        const QString occupant = QStringLiteral(
            "<presence from='Office@conference.localhost/%1'%2>"
            "<x xmlns='http://jabber.org/protocol/muc#user'><item role='participant'/>%3</x></presence>");
        QCOMPARE(rooms.count(0, QStringLiteral("office@conference.localhost")), -1);
        for (const char *nick : {"alice", "bob", "carol"})
            rooms.takePresence(0, stanza(document, occupant.arg(QLatin1String(nick), QString(), QString())));
        // Case does not make another room; the same nick twice is one occupant.
        rooms.takePresence(0, stanza(document, occupant.arg(QStringLiteral("bob"), QString(), QString())));
        QCOMPARE(rooms.count(0, QStringLiteral("office@conference.localhost")), 3);
        // A contact's presence, without the room's marker, is not an occupant.
        rooms.takePresence(0, stanza(document, QStringLiteral("<presence from='office@conference.localhost/eve'/>")));
        QCOMPARE(rooms.count(0, QStringLiteral("office@conference.localhost")), 3);
        rooms.takePresence(
            0,
            stanza(document, occupant.arg(QStringLiteral("carol"), QStringLiteral(" type='unavailable'"), QString())));
        QCOMPARE(rooms.count(0, QStringLiteral("office@conference.localhost")), 2);
        QCOMPARE(rooms.count(1, QStringLiteral("office@conference.localhost")), -1);
        // The account's own leaving (status 110): the room is no longer known.
        rooms.takePresence(0,
                           stanza(document,
                                  occupant.arg(QStringLiteral("alice"), QStringLiteral(" type='unavailable'"),
                                               QStringLiteral("<status code='110'/>"))));
        QCOMPARE(rooms.count(0, QStringLiteral("office@conference.localhost")), -1);
        // A nickname change (303) is the account's own "unavailable" (110) and then its presence under
        // the new name: the room stays known, with as many people.
        for (const char *nick : {"alice", "bob", "carol"})
            rooms.takePresence(0, stanza(document, occupant.arg(QLatin1String(nick), QString(), QString())));
        rooms.takePresence(0,
                           stanza(document,
                                  occupant.arg(QStringLiteral("alice"), QStringLiteral(" type='unavailable'"),
                                               QStringLiteral("<status code='303'/><status code='110'/>"))));
        rooms.takePresence(
            0,
            stanza(document,
                   occupant.arg(QStringLiteral("alice2"), QString(), QStringLiteral("<status code='110'/>"))));
        QCOMPARE(rooms.count(0, QStringLiteral("office@conference.localhost")), 3);
        // Someone leaving a room never seen does not make it known, with nobody in it.
        rooms.takePresence(0,
                           stanza(document,
                                  QStringLiteral("<presence from='other@conference.localhost/x' type='unavailable'>"
                                                 "<x xmlns='http://jabber.org/protocol/muc#user'/></presence>")));
        QCOMPARE(rooms.count(0, QStringLiteral("other@conference.localhost")), -1);
        rooms.forgetAccount(0);
        QCOMPARE(rooms.count(0, QStringLiteral("office@conference.localhost")), -1);
    }

    void aReleaseLetsExactlyThatMessageThroughOnce()
    {
        ReleasedMessages released;
        released.add({0, QStringLiteral("Bob@localhost"), QStringLiteral("850315-2******"), QStringLiteral("masked")});
        QVERIFY(!released.take(1, QStringLiteral("bob@localhost"), QStringLiteral("850315-2******")));
        QVERIFY(!released.take(0, QStringLiteral("carol@localhost"), QStringLiteral("850315-2******")));
        QVERIFY(!released.take(0, QStringLiteral("bob@localhost"), QStringLiteral("850315-2345678")));
        const auto release = released.take(0, QStringLiteral("bob@localhost/psi"), QStringLiteral("850315-2******"));
        QVERIFY(release);
        QCOMPARE(release->subject, std::optional<QString>(QStringLiteral("masked")));
        QVERIFY(!released.take(0, QStringLiteral("bob@localhost"), QStringLiteral("850315-2******")));

        released.addChangedBody(0, QStringLiteral("office@conference.localhost"), QStringLiteral("masked"));
        QVERIFY(!released.takeChangedBody(0, QStringLiteral("office@conference.localhost"), QStringLiteral("other")));
        QVERIFY(released.takeChangedBody(0, QStringLiteral("office@conference.localhost"), QStringLiteral("masked")));
        QVERIFY(!released.takeChangedBody(0, QStringLiteral("office@conference.localhost"), QStringLiteral("masked")));
    }

    void theHookStandsBetweenTheSendActionAndPsisSlot_data()
    {
        QTest::addColumn<bool>("room");
        QTest::newRow("chat") << false;
        QTest::newRow("room") << true;
    }

    void theHookStandsBetweenTheSendActionAndPsisSlot()
    {
        QFETCH(bool, room);
        ComposeWindow window(room);
        auto *hook = new ComposerHook(&window, room ? ComposerHook::Kind::Room : ComposerHook::Kind::Chat, 0,
                                      QStringLiteral("bob@localhost"));
        QVERIFY(hook->install());
        QSignalSpy requested(hook, &ComposerHook::sendRequested);
        window.edit->setPlainText(QStringLiteral("김민수 850315-2345678"));

        window.send->trigger();
        window.findChild<QPushButton *>(QStringLiteral("pb_send"))->click();
        QCOMPARE(requested.count(), 2);
        QCOMPARE(window.sent, 0);
        QCOMPARE(hook->text(), QStringLiteral("김민수 850315-2345678"));
        QCOMPARE(hook->recipients(), QStringList {QStringLiteral("bob@localhost")});

        // While a check runs, what was checked cannot be changed.
        hook->setChecking(true);
        QVERIFY(window.edit->isReadOnly());
        hook->setChecking(false);
        QVERIFY(!window.edit->isReadOnly());

        hook->setText(QStringLiteral("김민수 850315-2******"));
        hook->proceed();
        QCOMPARE(window.sent, 1);
        QCOMPARE(window.edit->toPlainText(), QStringLiteral("김민수 850315-2******"));

        // Turned off: Psi's own slot is connected again, once.
        hook->uninstall();
        window.send->trigger();
        QCOMPARE(window.sent, 2);
        QCOMPARE(requested.count(), 2);
    }

    void theMessageDialogsRecipientsAndCtrlReturnAreTaken()
    {
        ComposeWindow window(false);
        auto *hook = new ComposerHook(&window, ComposerHook::Kind::MessageDialog, 0, QString());
        QVERIFY(hook->install());
        QSignalSpy requested(hook, &ComposerHook::sendRequested);
        window.to->setText(QStringLiteral("Bob <bob@localhost>, carol@localhost , "));
        window.subject->setText(QStringLiteral("신청서"));
        QCOMPARE(hook->recipients(),
                 (QStringList {QStringLiteral("bob@localhost"), QStringLiteral("carol@localhost")}));
        QCOMPARE(hook->subject(), QStringLiteral("신청서"));

        QTest::keyClick(window.edit, Qt::Key_Return, Qt::ControlModifier);
        QTest::keyClick(window.edit, Qt::Key_Enter, Qt::AltModifier);
        QCOMPARE(requested.count(), 2);
        QCOMPARE(window.sent, 0);
        // A plain Return is a new line in the message, as before.
        QTest::keyClick(window.edit, Qt::Key_Return);
        QCOMPARE(requested.count(), 2);

        hook->setChecking(true);
        QVERIFY(window.to->isReadOnly() && window.subject->isReadOnly() && window.edit->isReadOnly());
        QCOMPARE(hook->subject(), QStringLiteral("신청서"));
        hook->setChecking(false);
        QVERIFY(!window.to->isReadOnly() && !window.subject->isReadOnly());

        hook->setRecipients({QStringLiteral("bob@localhost")});
        QCOMPARE(window.to->text(), QStringLiteral("bob@localhost"));
    }

    // A room's topic dialog, connected to the room's setTopic() as Psi connects it: the topic goes
    // to the hook, and to setTopic() only when the hook lets it.
    void aRoomsTopicWaitsForTheHook()
    {
        ComposeWindow room(true);
        auto *hook =
            new ComposerHook(&room, ComposerHook::Kind::Room, 0, QStringLiteral("office@conference.localhost"));
        QVERIFY(hook->install());
        TopicDialog dialog;
        QObject::connect(&dialog, SIGNAL(topicAccepted(QString)), &room, SLOT(setTopic(QString)));
        QVERIFY(hook->takeTopicFrom(&dialog));
        QSignalSpy requested(hook, &ComposerHook::topicRequested);
        Q_EMIT dialog.topicAccepted(QStringLiteral("신청인 850315-2345678"));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("신청인 850315-2345678"));
        QVERIFY(room.topic.isNull());
        hook->proceedWithTopic(QStringLiteral("신청인 850315-2******"));
        QCOMPARE(room.topic, QStringLiteral("신청인 850315-2******"));
        // A dialog wired otherwise is not taken.
        TopicDialog stranger;
        QVERIFY(!hook->takeTopicFrom(&stranger));
    }

    void aWindowWithoutPsisSendersIsNotHooked()
    {
        QWidget window;
        ComposerHook hook(&window, ComposerHook::Kind::Chat, 0, QStringLiteral("bob@localhost"));
        QVERIFY(!hook.install());
    }

    void theRealBridgeAnswersAndItsEndIsAnAnswerToo()
    {
        BridgeClient bridge(QStringLiteral(SENDGUARD_BRIDGE));
        const QJsonObject toOnePerson {
            {QStringLiteral("senderId"), QStringLiteral("alice@localhost")},
            {QStringLiteral("recipients"),
             QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("bob@localhost")},
                                      {QStringLiteral("type"), QStringLiteral("person")}}}},
            {QStringLiteral("body"), QStringLiteral("김민수 850315-2345678")}};
        QString failure;
        QJsonObject answer = bridge.checkAndWait(toOnePerson, 0, QStringLiteral("ko"), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(answer.value(QStringLiteral("type")).toString(), QStringLiteral("decision"));
        QCOMPARE(answer.value(QStringLiteral("action")).toString(), QStringLiteral("send"));
        QCOMPARE(answer.value(QStringLiteral("verdict")).toString(), QStringLiteral("allow"));

        // A message the bridge cannot read is an error, never a decision.
        answer = bridge.checkAndWait(QJsonObject {{QStringLiteral("body"), QStringLiteral("x")}}, 0,
                                     QStringLiteral("en"), &failure);
        QVERIFY(failure.isEmpty());
        QCOMPARE(answer.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
        QCOMPARE(answer.value(QStringLiteral("code")).toString(), QStringLiteral("bad-request"));

        // Stopped while a check waits: the check is answered with a failure.
        bool answered = false;
        bridge.check(toOnePerson, 0, QStringLiteral("en"), [&](const QJsonObject &, const QString &why) {
            answered = true;
            failure = why;
        });
        bridge.stop();
        QVERIFY(answered);
        QVERIFY(!failure.isEmpty());
        // And started again by the next check.
        answer = bridge.checkAndWait(toOnePerson, 0, QStringLiteral("en"), &failure);
        QCOMPARE(answer.value(QStringLiteral("action")).toString(), QStringLiteral("send"));
    }

    void aBridgeThatCannotStartIsAFailure()
    {
        BridgeClient bridge(QStringLiteral("/nonexistent/sendguard-bridge"));
        QString failure;
        const QJsonObject answer = bridge.checkAndWait(QJsonObject(), 0, QStringLiteral("en"), &failure);
        QVERIFY(answer.isEmpty());
        QVERIFY(failure.contains(QStringLiteral("/nonexistent/sendguard-bridge")));
    }
};

QTEST_MAIN(PsiPluginPartsTest)
#include "psipluginpartstest.moc"
