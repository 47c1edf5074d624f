// SPDX-License-Identifier: GPL-2.0-or-later
// The reference messenger: a small messaging client that loads SendGuard exactly as a real host
// would, for the demo and the end-to-end tests.

#include "inbox.h"
#include "incidentscenario.h"
#include "messengerwindow.h"
#include "organisationdirectory.h"
#include "outbox.h"
#include "sendguardloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>

namespace {

// The sample organisation: next to the binary when installed, else in the source tree.
QString dataFile(const QString &name)
{
    const QString installed =
        QCoreApplication::applicationDirPath() + QLatin1String("/../share/sendguard-messenger/") + name;
    return QFile::exists(installed) ? installed : QStringLiteral(SENDGUARD_MESSENGER_DATA "/") + name;
}

} // namespace

int main(int argc, char *argv[])
{
    // The platform must be chosen before QApplication exists.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--offscreen") == 0)
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sendguard-messenger"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The SendGuard reference messenger."));
    parser.addHelpOption();
    const QCommandLineOption directoryOption(QStringLiteral("directory"),
                                             QStringLiteral("Organisation directory (JSON)."), QStringLiteral("file"),
                                             dataFile(QStringLiteral("incheon-directory.json")));
    const QCommandLineOption inboxOption(QStringLiteral("inbox"), QStringLiteral("Received messages (JSON)."),
                                         QStringLiteral("file"), dataFile(QStringLiteral("inbox.json")));
    const QCommandLineOption outboxOption(
        QStringLiteral("outbox"), QStringLiteral("Where sent messages are appended (JSON lines)."),
        QStringLiteral("file"),
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QLatin1String("/outbox.jsonl"));
    const QCommandLineOption pluginOption(
        QStringLiteral("plugin-dir"), QStringLiteral("Where to look for SendGuard."), QStringLiteral("dir"),
        QCoreApplication::applicationDirPath() + QLatin1String("/../plugins/sendguard"));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"), QStringLiteral("UI language for SendGuard (ko, en)."), QStringLiteral("language"));
    const QCommandLineOption offscreenOption(QStringLiteral("offscreen"),
                                             QStringLiteral("No window (Qt's offscreen platform)."));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"),
                                            QStringLiteral("Play a scenario and print what happened: incident."),
                                            QStringLiteral("name"));
    parser.addOptions(
        {directoryOption, inboxOption, outboxOption, pluginOption, languageOption, offscreenOption, scenarioOption});
    parser.process(app);

    // The messenger's own language: --lang, else the system's (Korean on a Korean locale).
    const QString language =
        parser.isSet(languageOption) ? parser.value(languageOption) : QLocale().uiLanguages().value(0);
    QTranslator translator;
    if (translator.load(
            QStringLiteral(":/i18n/messenger_%1.qm")
                .arg(language.startsWith(QLatin1String("ko")) ? QStringLiteral("ko") : QStringLiteral("en"))))
        QCoreApplication::installTranslator(&translator);

    OrganisationDirectory directory;
    Inbox inbox;
    if (!directory.load(parser.value(directoryOption)) || !inbox.load(parser.value(inboxOption))) {
        std::fprintf(stderr, "sendguard-messenger: %s\n",
                     qPrintable(directory.errorString().isEmpty() ? inbox.errorString() : directory.errorString()));
        return 2;
    }
    const QString outboxPath = parser.value(outboxOption);
    QDir().mkpath(QFileInfo(outboxPath).absolutePath());
    Outbox outbox(outboxPath);

    SendGuardLoader loader;
    if (!loader.load(parser.value(pluginOption)))
        std::fprintf(stderr, "sendguard-messenger: SendGuard not loaded: %s\n", qPrintable(loader.errorString()));
    else if (parser.isSet(languageOption))
        loader.interceptor()->setUiLanguage(parser.value(languageOption));

    MessengerWindow window(directory, inbox, &outbox, loader.interceptor());
    window.setSendGuardInfo(loader.metaData());
    window.show();

    if (parser.isSet(scenarioOption)) {
        if (parser.value(scenarioOption) != QLatin1String("incident")) {
            std::fprintf(stderr, "sendguard-messenger: unknown scenario \"%s\"\n",
                         qPrintable(parser.value(scenarioOption)));
            return 2;
        }
        if (!loader.interceptor())
            return 1;
        int status = 1;
        QTimer::singleShot(0, &app, [&] {
            QTextStream out(stdout);
            out << "SendGuard " << loader.metaData().value(QLatin1String("version")).toString() << " loaded from "
                << loader.fileName() << "\n";
            out << "outbox: " << outboxPath << "\n\n";
            status = IncidentScenario(window, outboxPath, out).run() ? 0 : 1;
            QApplication::quit();
        });
        app.exec();
        return status;
    }
    return app.exec();
}
