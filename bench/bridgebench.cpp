// SPDX-License-Identifier: GPL-2.0-or-later
// What the bridge costs a host per message: the same 10 KB message (the incident's paragraph to
// one colleague, which the policy allows, so no dialog) checked by the plugin loaded in this
// process and by sendguard-bridge over its pipes, alternately in the same rounds. The bridge's
// overhead is the difference. Also the bridge's start: from launch to the answer to hello.
// See bench/README.md.
#include "percentile.h"
#include "sendguardloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <vector>

using SendGuard::Bench::percentile;

namespace {

QString tenKilobytes()
{
    const QString filler = QStringLiteral("동절기 복지 사각지대 발굴 기간 운영 계획을 안내드립니다. 각 부서는 "
                                          "담당자를 지정하여 주시고 주간 실적을 금요일까지 제출해 주십시오.\n");
    QString body;
    while (body.toUtf8().size() < 5000)
        body += filler;
    body += QStringLiteral("- 신청인: 홍길동\n- 주민등록번호: 850315-2345678\n- 연락처: 010-9876-5432\n");
    while (body.toUtf8().size() < 10240)
        body += filler;
    return body;
}

// The bridge, spoken to as a host does: a line out, a line back.
class BridgeProcess
{
public:
    bool start()
    {
        m_process.start(QStringLiteral(SENDGUARD_BRIDGE),
                        {QStringLiteral("--plugin-dir"), QStringLiteral(SENDGUARD_PLUGIN_DIR)});
        return m_process.waitForStarted();
    }
    QJsonObject ask(const QByteArray &line)
    {
        m_process.write(line);
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(30000))
                return {};
        }
        return QJsonDocument::fromJson(m_process.readLine()).object();
    }
    void stop()
    {
        m_process.closeWriteChannel();
        m_process.waitForFinished(10000);
    }

private:
    QProcess m_process;
};

void print(const char *name, const std::vector<double> &ms)
{
    std::printf("  %-43s p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms\n", name, percentile(ms, 0.5), percentile(ms, 0.99),
                percentile(ms, 1.0));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::size_t rounds = 1000;
    std::size_t starts = 20;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            rounds = 5;
            starts = 2;
        } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = std::strtoul(argv[++i], nullptr, 10);
        } else {
            std::fprintf(stderr, "usage: %s [--smoke] [--rounds N]\n", argv[0]);
            return 2;
        }
    }
    // The audit trail and settings of a throwaway home, for both sides alike.
    QTemporaryDir home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    QApplication app(argc, argv);

    SendGuardLoader loader;
    if (!loader.load(QStringLiteral(SENDGUARD_PLUGIN_DIR))) {
        std::fprintf(stderr, "%s\n", qPrintable(loader.errorString()));
        return 1;
    }
    SendGuard::Message message;
    message.setAction(SendGuard::Message::Action::Forward);
    message.setSenderId(QStringLiteral("kim.yejin"));
    message.setRecipients({SendGuard::Recipient(QStringLiteral("lee.jiyoung"), QStringLiteral("이지영"))});
    message.setSubject(QStringLiteral("주거급여 신청서"));
    message.setBody(tenKilobytes());
    const QJsonObject json {{QStringLiteral("action"), QStringLiteral("forward")},
                            {QStringLiteral("senderId"), message.senderId()},
                            {QStringLiteral("recipients"),
                             QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("lee.jiyoung")},
                                                      {QStringLiteral("name"), QStringLiteral("이지영")}}}},
                            {QStringLiteral("subject"), message.subject()},
                            {QStringLiteral("body"), message.body()}};

    // Starting: launch to the answer to hello, in fresh bridges.
    std::vector<double> startMs;
    for (std::size_t i = 0; i < starts; ++i) {
        QElapsedTimer clock;
        clock.start();
        BridgeProcess bridge;
        if (!bridge.start() ||
            bridge.ask(R"({"protocol":1,"id":0,"type":"hello"})"
                       "\n")
                    .value(QLatin1String("type")) != QLatin1String("hello"))
            return 1;
        startMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        bridge.stop();
    }

    BridgeProcess bridge;
    if (!bridge.start())
        return 1;
    std::vector<double> inProcess, overBridge, overhead;
    for (std::size_t round = 0; round <= rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        const SendGuard::SendDecision decision = loader.interceptor()->interceptSend(message, nullptr);
        const double local = double(clock.nsecsElapsed()) / 1e6;
        // The host's side too: the message written as JSON, the answer read.
        clock.start();
        const QByteArray line = QJsonDocument(QJsonObject {{QStringLiteral("protocol"), 1},
                                                           {QStringLiteral("id"), double(round)},
                                                           {QStringLiteral("type"), QStringLiteral("check")},
                                                           {QStringLiteral("message"), json}})
                                    .toJson(QJsonDocument::Compact) +
            '\n';
        const QJsonObject answer = bridge.ask(line);
        const double remote = double(clock.nsecsElapsed()) / 1e6;
        if (decision.action() != SendGuard::SendDecision::Action::Send ||
            answer.value(QLatin1String("action")).toString() != QLatin1String("send")) {
            std::fprintf(stderr, "round %zu: not allowed as expected\n", round);
            return 1;
        }
        if (round == 0)
            continue; // the first of each compiles what it caches
        inProcess.push_back(local);
        overBridge.push_back(remote);
        overhead.push_back(remote - local);
    }
    bridge.stop();

    std::printf("A 10 KB message allowed (one colleague), %zu rounds, each side in turn:\n", rounds);
    print("plugin in the host's process", inProcess);
    print("sendguard-bridge, round trip", overBridge);
    print("overhead (bridge − in process, per round)", overhead);
    std::printf("Starting the bridge (launch to the answer to hello), %zu starts:\n", starts);
    print("start", startMs);
    return 0;
}
