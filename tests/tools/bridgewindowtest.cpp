// SPDX-License-Identifier: GPL-2.0-or-later
// The bridge's dialog over a window of another program, on a real X server (Xvfb): transient for
// the host's window and over its middle, in Korean and in English (screenshots in the build
// folder), and closed when the host goes away.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Runs an X client to its end; its output, or a null array when it failed.
QByteArray run(const QString &display, const QString &program, const QStringList &arguments, int timeoutMs = 15000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), display);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    const QByteArray output = process.readAllStandardOutput();
    return output.isNull() ? QByteArray("") : output;
}

// "Absolute upper-left X:  250" and the rest of xwininfo's lines, as a rectangle.
QRect geometryOf(const QString &display, const QString &window)
{
    const QString info = QString::fromLatin1(run(display, QStringLiteral("xwininfo"), {QStringLiteral("-id"), window}));
    const auto value = [&info](const char *name) {
        const QRegularExpression line(QLatin1String(name) + QStringLiteral(":\\s*(-?\\d+)"));
        return line.match(info).captured(1).toInt();
    };
    return {value("Absolute upper-left X"), value("Absolute upper-left Y"), value("Width"), value("Height")};
}

} // namespace

class BridgeWindowTest : public QObject
{
    Q_OBJECT

    // Starts an xmessage window of geometry titled title on our display; its window id, or empty.
    QByteArray startHost(QProcess &host, const QString &geometry, const QString &title)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DISPLAY"), m_display);
        host.setProcessEnvironment(environment);
        host.start(QStringLiteral("xmessage"),
                   {QStringLiteral("-geometry"), geometry, QStringLiteral("-title"), title, title});
        if (!host.waitForStarted())
            return {};
        return run(m_display, QStringLiteral("xdotool"),
                   {QStringLiteral("search"), QStringLiteral("--sync"), QStringLiteral("--name"), title})
            .split('\n')
            .value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // A display of our own: the first number no other X server holds.
        for (int number = 90; number < 120 && m_display.isEmpty(); ++number) {
            if (!QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(number)))
                m_display = QStringLiteral(":%1").arg(number);
        }
        QVERIFY(!m_display.isEmpty());
        m_xvfb.start(QStringLiteral(SENDGUARD_XVFB),
                     {m_display, QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1280x900x24"),
                      QStringLiteral("-nolisten"), QStringLiteral("tcp")});
        QVERIFY(m_xvfb.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!run(m_display, QStringLiteral("xdpyinfo"), {}).isNull(), 10000);
        // The hosts: any X program's window will do. One large in the middle, and one smaller than
        // the dialog in the screen's corner (a chat window, say).
        m_hostWindow = startHost(m_host, QStringLiteral("900x600+100+80"), QStringLiteral("middle host"));
        QVERIFY(m_hostWindow.toULongLong() > 0);
        m_cornerHostWindow = startHost(m_cornerHost, QStringLiteral("300x200+0+0"), QStringLiteral("corner host"));
        QVERIFY(m_cornerHostWindow.toULongLong() > 0);
    }

    void cleanupTestCase()
    {
        for (QProcess *host : {&m_host, &m_cornerHost}) {
            host->kill();
            host->waitForFinished();
        }
        m_xvfb.terminate();
        m_xvfb.waitForFinished();
    }

    void dialogOverTheHostsWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("inTheCorner");
        QTest::newRow("ko") << QStringLiteral("ko") << false;
        QTest::newRow("en") << QStringLiteral("en") << false;
        QTest::newRow("small host in the corner") << QStringLiteral("ko") << true;
    }

    void dialogOverTheHostsWindow()
    {
        QFETCH(QString, language);
        QFETCH(bool, inTheCorner);
        const QByteArray hostWindow = inTheCorner ? m_cornerHostWindow : m_hostWindow;
        QProcess bridge;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DISPLAY"), m_display);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("SENDGUARD_AUDIT_FILE"), m_home.filePath(QStringLiteral("audit.jsonl")));
        bridge.setProcessEnvironment(environment);
        // Its answers go to a pipe whose reading end is ours to close, as a host that dies does.
        const QByteArray answers =
            m_home.filePath(QStringLiteral("answers-%1-%2").arg(language).arg(inTheCorner)).toLocal8Bit();
        QCOMPARE(::mkfifo(answers.constData(), 0600), 0);
        const int answersRead = ::open(answers.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(answersRead >= 0);
        bridge.setStandardOutputFile(QString::fromLocal8Bit(answers));
        bridge.start(QStringLiteral(SENDGUARD_BRIDGE), {});
        QVERIFY(bridge.waitForStarted());
        const QJsonObject message {
            {QStringLiteral("action"), QStringLiteral("forward")},
            {QStringLiteral("senderId"), QStringLiteral("kim.yejin")},
            {QStringLiteral("recipients"),
             QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("grp:incheon-all")},
                                      {QStringLiteral("name"), QStringLiteral("인천광역시 전체")},
                                      {QStringLiteral("type"), QStringLiteral("group")},
                                      {QStringLiteral("memberCount"), 4812}}}},
            {QStringLiteral("subject"), QStringLiteral("FW: 주거급여 신청서 이관")},
            {QStringLiteral("body"), QStringLiteral("- 신청인: 홍길동\n- 주민등록번호: 850315-2345678\n")}};
        bridge.write(QJsonDocument(QJsonObject {{QStringLiteral("protocol"), 1},
                                                {QStringLiteral("id"), QStringLiteral("incident")},
                                                {QStringLiteral("type"), QStringLiteral("check")},
                                                {QStringLiteral("windowId"), hostWindow.toDouble()},
                                                {QStringLiteral("language"), language},
                                                {QStringLiteral("message"), message}})
                         .toJson(QJsonDocument::Compact) +
                     '\n');
        QVERIFY(bridge.waitForBytesWritten(5000)); // now: what follows blocks without an event loop

        const QString dialog = QString::fromLatin1(
            run(m_display, QStringLiteral("xdotool"),
                {QStringLiteral("search"), QStringLiteral("--sync"), QStringLiteral("--onlyvisible"),
                 QStringLiteral("--pid"), QString::number(bridge.processId())})
                .split('\n')
                .value(0));
        QVERIFY2(dialog.toULongLong() > 0,
                 qPrintable(QStringLiteral("the bridge showed no window; it said: %1")
                                .arg(QString::fromUtf8(bridge.readAllStandardError()))));
        // Transient for the host's window: a window manager keeps it on top of it.
        const QByteArray transient = run(m_display, QStringLiteral("xprop"),
                                         {QStringLiteral("-id"), dialog, QStringLiteral("WM_TRANSIENT_FOR")});
        QVERIFY2(transient.contains("0x" + QByteArray::number(hostWindow.toULongLong(), 16)), transient.constData());
        // Over the middle of the host's window; within the screen when the middle would push it off.
        QTRY_VERIFY_WITH_TIMEOUT(geometryOf(m_display, dialog).isValid(), 5000);
        const QRect host = geometryOf(m_display, QString::fromLatin1(hostWindow));
        const QRect shown = geometryOf(m_display, dialog);
        const QString where = QStringLiteral("host %1,%2 %3x%4, dialog %5,%6 %7x%8")
                                  .arg(host.x())
                                  .arg(host.y())
                                  .arg(host.width())
                                  .arg(host.height())
                                  .arg(shown.x())
                                  .arg(shown.y())
                                  .arg(shown.width())
                                  .arg(shown.height());
        if (inTheCorner) {
            QVERIFY2(QRect(0, 0, 1280, 900).contains(shown) && shown.intersects(host), qPrintable(where));
        } else {
            QVERIFY2((shown.center() - host.center()).manhattanLength() <= 4, qPrintable(where));
        }
        QTest::qWait(500); // painted
        const QString screenshot =
            QDir(QStringLiteral(SENDGUARD_SCREENSHOTS))
                .filePath(inTheCorner ? QStringLiteral("bridge-dialog-host-in-corner.png")
                                      : QStringLiteral("bridge-dialog-over-host-%1.png").arg(language));
        QDir().mkpath(QStringLiteral(SENDGUARD_SCREENSHOTS));
        QVERIFY(
            !run(m_display, QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), screenshot})
                 .isNull());

        // The host goes away: the bridge closes the dialog as cancelled and ends.
        ::close(answersRead);
        QVERIFY(bridge.waitForFinished(15000));
        QCOMPARE(bridge.exitStatus(), QProcess::NormalExit);
        QCOMPARE(bridge.exitCode(), 0);
        const QByteArray log = bridge.readAllStandardError();
        QVERIFY2(log.contains("the host is gone") && log.contains("check \"incident\": cancel, justify"),
                 log.constData());
        QVERIFY(!log.contains("850315"));
    }

private:
    QTemporaryDir m_home;
    QString m_display;
    QProcess m_xvfb;
    QProcess m_host;
    QByteArray m_hostWindow;
    QProcess m_cornerHost;
    QByteArray m_cornerHostWindow;
};

QTEST_GUILESS_MAIN(BridgeWindowTest)
#include "bridgewindowtest.moc"
