// SPDX-License-Identifier: GPL-2.0-or-later
// The smallest host: what plugin/README.md shows, built against the installed package
// (find_package(SendGuard)) by the packagetest. Sends one message through SendGuard.
#include <sendguard/sendinterceptor.h>

#include <QApplication>
#include <QDir>
#include <QPluginLoader>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);

    // 1. Find the plugin; check its metadata (no plugin code runs), then load and cast it.
    QPluginLoader loader;
    SendGuard::SendInterceptor *sendGuard = nullptr;
    const QDir plugins(QStringLiteral(SENDGUARD_PLUGIN_DIR));
    for (const QString &file : plugins.entryList(QDir::Files)) {
        loader.setFileName(plugins.filePath(file));
        if (loader.metaData().value(QLatin1String("IID")).toString() == QLatin1String(SendGuard_SendInterceptor_iid) &&
            loader.load()) {
            sendGuard = qobject_cast<SendGuard::SendInterceptor *>(loader.instance());
            break;
        }
    }
    if (!sendGuard)
        return 1;

    // 2. On every path that sends: describe the message, ask SendGuard, do what it decides.
    SendGuard::Message message;
    message.setAction(SendGuard::Message::Action::Send);
    message.setSenderId(QStringLiteral("kim.yejin"));
    message.setRecipients({SendGuard::Recipient(QStringLiteral("lee.jiyoung"), QStringLiteral("이지영"))});
    message.setSubject(QStringLiteral("회의 안내"));
    message.setBody(QStringLiteral("내일 10시 회의실에서 뵙겠습니다."));
    const SendGuard::SendDecision decision = sendGuard->interceptSend(message, /*parent*/ nullptr);
    switch (decision.action()) {
    case SendGuard::SendDecision::Action::Cancel:
        std::printf("cancelled (%s)\n", qPrintable(decision.verdict()));
        return 2; // keep the compose window open
    case SendGuard::SendDecision::Action::SendModified:
        message = decision.message(); // masked text or fewer recipients
        [[fallthrough]];
    case SendGuard::SendDecision::Action::Send:
        std::printf("sent (%s) to %lld recipient(s)\n", qPrintable(decision.verdict()),
                    static_cast<long long>(message.recipients().size()));
        return 0;
    }
    return 3;
}
