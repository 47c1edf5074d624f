// SPDX-License-Identifier: GPL-2.0-or-later
// The plugin as a user meets it: from the click on Send in the reference messenger to SendGuard's
// dialog painted (or to the message sent, when the policy allows it), with a 10 KB message; and
// how long loading the plugin takes. Baselines run in the same rounds: the messenger sending
// without SendGuard, and a plain QMessageBox shown and painted from the same click.
// See bench/README.md.
#include "inbox.h"
#include "messengerwindow.h"
#include "organisationdirectory.h"
#include "outbox.h"
#include "percentile.h"
#include "sendguardloader.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPluginLoader>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

using SendGuard::Bench::percentile;

namespace {

// Notes when the first window with a given object name paints, and closes it right after.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QString windowName)
        : m_windowName(std::move(windowName))
    {
        qApp->installEventFilter(this);
    }
    void start()
    {
        m_painted = -1;
        m_clock.start();
    }
    double paintedMs() const { return m_painted; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_painted < 0) {
            auto *widget = qobject_cast<QWidget *>(watched);
            if (widget && widget->window()->objectName() == m_windowName) {
                m_painted = double(m_clock.nsecsElapsed()) / 1e6;
                QMetaObject::invokeMethod(widget->window(), "reject", Qt::QueuedConnection);
            }
        }
        return false;
    }

private:
    QString m_windowName;
    QElapsedTimer m_clock;
    double m_painted = -1;
};

// About 10 KB of an ordinary message, with the incident's paragraph (one resident registration
// number, one phone number, one account number) in the middle when withIdentifiers.
QString tenKilobytes(bool withIdentifiers)
{
    const QString filler = QStringLiteral("동절기 복지 사각지대 발굴 기간 운영 계획을 안내드립니다. 각 부서는 "
                                          "담당자를 지정하여 주시고 주간 실적을 금요일까지 제출해 주십시오.\n");
    QString body;
    while (body.toUtf8().size() < 5000)
        body += filler;
    if (withIdentifiers)
        body += QStringLiteral("- 신청인: 홍길동\n- 주민등록번호: 850315-2345678\n- 연락처: 010-9876-5432\n"
                               "- 급여 입금 계좌: 농협 302-1234-5678-91\n");
    while (body.toUtf8().size() < 10240)
        body += filler;
    return body;
}

struct Row
{
    const char *name;
    std::vector<double> ms;
};

void print(const std::vector<Row> &rows, const Row &baseline)
{
    const double base = percentile(baseline.ms, 0.5);
    for (const Row &row : rows) {
        std::printf("  %-46s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   p50 ÷ baseline %5.2f\n", row.name,
                    percentile(row.ms, 0.5), percentile(row.ms, 0.99), percentile(row.ms, 1.0),
                    percentile(row.ms, 0.5) / base);
    }
}

// In a fresh process (--cold-load): load() and instance() once, as a host starting up.
int coldLoad()
{
    QPluginLoader loader(QStringLiteral(SENDGUARD_PLUGIN_FILE));
    QElapsedTimer clock;
    clock.start();
    const bool loaded = loader.load() && qobject_cast<SendGuard::SendInterceptor *>(loader.instance());
    std::printf("%.3f\n", double(clock.nsecsElapsed()) / 1e6);
    return loaded ? 0 : 1;
}

// Runs this program with --cold-load in fresh processes; the load times they report.
std::vector<double> coldLoads(std::size_t processes)
{
    std::vector<double> ms;
    for (std::size_t i = 0; i < processes; ++i) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--cold-load")});
        if (!child.waitForFinished(30000) || child.exitCode() != 0)
            return {};
        ms.push_back(child.readAllStandardOutput().trimmed().toDouble());
    }
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc == 2 && std::strcmp(argv[1], "--cold-load") == 0)
        return coldLoad();
    std::size_t rounds = 200;
    std::size_t loadRounds = 30;
    QString language = QStringLiteral("en");
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            rounds = 3;
            loadRounds = 3;
        } else if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            language = QString::fromLocal8Bit(argv[++i]);
        } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = std::strtoul(argv[++i], nullptr, 10);
        } else {
            std::fprintf(stderr, "usage: %s [--smoke] [--rounds N] [--lang ko|en]\n", argv[0]);
            return 2;
        }
    }
    QTemporaryDir dir;
    qputenv("SENDGUARD_AUDIT_FILE", dir.filePath(QStringLiteral("audit.jsonl")).toLocal8Bit());

    // Loading: in a fresh process each time (what a host pays at start-up); then in one process,
    // QPluginLoader::load() and instance() and the first check (which compiles the policy),
    // each round after an unload.
    const Row cold {"load() + instance(), fresh process", coldLoads(loadRounds)};
    if (cold.ms.size() != loadRounds) {
        std::fprintf(stderr, "a --cold-load process failed\n");
        return 1;
    }
    Row load {"load() + instance() again, same process", {}};
    Row firstCheck {"first interceptSend() after a load (allowed)", {}};
    SendGuard::Message allowed;
    allowed.setRecipients({SendGuard::Recipient(QStringLiteral("lee.jiyoung"), QStringLiteral("이지영"))});
    allowed.setBody(tenKilobytes(true));
    for (std::size_t round = 0; round < loadRounds; ++round) {
        QPluginLoader loader(QStringLiteral(SENDGUARD_PLUGIN_FILE));
        QElapsedTimer clock;
        clock.start();
        auto *plugin = loader.load() ? qobject_cast<SendGuard::SendInterceptor *>(loader.instance()) : nullptr;
        load.ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (!plugin) {
            std::fprintf(stderr, "cannot load %s: %s\n", SENDGUARD_PLUGIN_FILE, qPrintable(loader.errorString()));
            return 1;
        }
        clock.restart();
        if (plugin->interceptSend(allowed, nullptr).action() != SendGuard::SendDecision::Action::Send)
            return 1;
        firstCheck.ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        loader.unload();
    }
    std::printf("loading the plugin, %zu rounds\n", loadRounds);
    print({cold, load, firstCheck}, cold);

    // The click: the reference messenger, with and without SendGuard, sending 10 KB.
    OrganisationDirectory directory;
    Inbox inbox;
    if (!directory.load(QStringLiteral(SENDGUARD_MESSENGER_DATA "/incheon-directory.json")) ||
        !inbox.load(QStringLiteral(SENDGUARD_MESSENGER_DATA "/inbox.json"))) {
        std::fprintf(stderr, "cannot read the messenger's sample data\n");
        return 1;
    }
    SendGuardLoader loader;
    if (!loader.load(QStringLiteral(SENDGUARD_PLUGIN_DIR))) {
        std::fprintf(stderr, "%s\n", qPrintable(loader.errorString()));
        return 1;
    }
    loader.interceptor()->setUiLanguage(language);
    Outbox outbox(dir.filePath(QStringLiteral("outbox.jsonl")));
    Outbox bareOutbox(dir.filePath(QStringLiteral("bare-outbox.jsonl")));
    MessengerWindow guarded(directory, inbox, &outbox, loader.interceptor());
    MessengerWindow bare(directory, inbox, &bareOutbox, nullptr);
    guarded.show();
    bare.show();
    PaintWatcher dialogPainted(QStringLiteral("SendGuardConfirmationDialog"));
    PaintWatcher boxPainted(QStringLiteral("baselineMessageBox"));
    const QString plain = tenKilobytes(false);
    const QString withIdentifiers = tenKilobytes(true);

    const auto clickSend = [](MessengerWindow &window, const QString &recipients, const QString &body) {
        window.newMessage();
        window.findChild<QLineEdit *>(QStringLiteral("recipientsEdit"))->setText(recipients);
        window.findChild<QPlainTextEdit *>(QStringLiteral("bodyEdit"))->setPlainText(body);
        QElapsedTimer clock;
        clock.start();
        window.findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        return double(clock.nsecsElapsed()) / 1e6;
    };
    Row bareSend {"baseline: messenger without SendGuard, sent", {}};
    Row allowedSend {"SendGuard, allowed (one person), sent", {}};
    Row allowedAllStaff {"SendGuard, allowed (all staff, no data), sent", {}};
    Row dialog {"SendGuard, click to dialog painted (all staff)", {}};
    Row box {"baseline: click to a QMessageBox painted", {}};
    std::size_t missed = 0;
    for (std::size_t round = 0; round < rounds; ++round) {
        bareSend.ms.push_back(clickSend(bare, QStringLiteral("lee.jiyoung"), withIdentifiers));
        allowedSend.ms.push_back(clickSend(guarded, QStringLiteral("lee.jiyoung"), withIdentifiers));
        allowedAllStaff.ms.push_back(clickSend(guarded, QStringLiteral("grp:incheon-all"), plain));

        dialogPainted.start();
        clickSend(guarded, QStringLiteral("grp:incheon-all"), withIdentifiers);
        missed += dialogPainted.paintedMs() < 0;
        dialog.ms.push_back(dialogPainted.paintedMs());

        boxPainted.start();
        QMessageBox message(QMessageBox::Warning, QStringLiteral("SendGuard"),
                            QStringLiteral("This message will reach 4,812 people."), QMessageBox::Cancel, &bare);
        message.setObjectName(QStringLiteral("baselineMessageBox"));
        message.exec();
        box.ms.push_back(boxPainted.paintedMs());
    }
    if (missed) {
        std::fprintf(stderr, "the dialog did not paint in %zu of %zu rounds\n", missed, rounds);
        return 1;
    }
    std::printf("\nclick on Send to the dialog painted or the message sent, 10 KB message, %zu rounds, dialog in %s\n",
                rounds, qPrintable(language));
    print({bareSend, allowedSend, allowedAllStaff}, bareSend);
    print({box, dialog}, box);
    return 0;
}
