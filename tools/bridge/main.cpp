// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard-bridge: SendGuard for messaging clients that cannot load a Qt 6 plugin. The host
// starts it once and keeps it running; it loads the real plugin with QPluginLoader and answers
// the host's requests, one JSON object per line on standard input, one answer per line on
// standard output (docs/bridge-protocol.md). Its log, on standard error, never holds a message's
// content.
#include "bridgeserver.h"
#include "linereader.h"
#include "sendguardloader.h"

#include "common/installedpath.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

#include <csignal>
#include <cstdio>

#include <unistd.h>

using namespace SendGuard;

namespace {

constexpr const char *Usage = "usage: sendguard-bridge [--plugin-dir DIR]\n"
                              "Speaks the SendGuard bridge protocol on standard input and output "
                              "(docs/bridge-protocol.md).\n"
                              "  --plugin-dir DIR  load the plugin from DIR (ignored by an installed bridge)\n"
                              "  --version         print the version\n";

// The folders to load the plugin from, in order. The installed bridge loads only the installed
// plugin; any other copy that is installed too (root's, in folders only root may write) loads only
// plugins that are: the user who runs it cannot hand it a plugin of their own that would skip the
// checks.
QStringList pluginFolders(const QString &requested)
{
    const QString program = QCoreApplication::applicationFilePath();
    if (QFileInfo(program).canonicalPath() ==
        QFileInfo(QStringLiteral(SENDGUARD_BRIDGE_INSTALLED_DIR)).canonicalFilePath())
        return {QStringLiteral(SENDGUARD_PLUGIN_INSTALLED_DIR)};
    const bool installed = Core::isInstalledPath(program);
    QStringList folders;
    if (!installed && !requested.isEmpty())
        folders.append(requested);
    for (const QString &folder :
         {QStringLiteral(SENDGUARD_PLUGIN_BUILT_DIR), QStringLiteral(SENDGUARD_PLUGIN_INSTALLED_DIR)}) {
        if (!installed || Core::isInstalledPath(folder))
            folders.append(folder);
    }
    return folders;
}

} // namespace

int main(int argc, char *argv[])
{
    // A host that dies leaves a pipe nobody reads: writing to it must fail, not kill the bridge.
    std::signal(SIGPIPE, SIG_IGN);
    QString requestedFolder;
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument = argv[i];
        if (argument == "--version") {
            std::printf("sendguard-bridge %s, protocol %d\n", SENDGUARD_VERSION, Bridge::BridgeRequest::Protocol);
            return 0;
        }
        if (argument == "--plugin-dir" && i + 1 < argc) {
            requestedFolder = QString::fromLocal8Bit(argv[++i]);
            continue;
        }
        const bool help = argument == "--help" || argument == "-h";
        std::fputs(Usage, help ? stdout : stderr);
        return help ? 0 : 2;
    }

    QApplication app(argc, argv);
    // The dialogs come and go; the bridge runs until its host is done with it.
    QApplication::setQuitOnLastWindowClosed(false);

    SendGuardLoader loader;
    QStringList problems;
    for (const QString &folder : pluginFolders(requestedFolder)) {
        if (loader.load(folder))
            break;
        problems.append(loader.errorString());
    }
    const QString loadError = loader.interceptor() ? QString() : problems.join(QLatin1String("; "));
    if (loader.interceptor())
        std::fprintf(stderr, "sendguard-bridge: plugin %s %s (%s)\n",
                     qPrintable(loader.metaData().value(QLatin1String("id")).toString()),
                     qPrintable(loader.metaData().value(QLatin1String("version")).toString()),
                     qPrintable(loader.fileName()));
    else
        std::fprintf(stderr, "sendguard-bridge: no plugin: %s\n", qPrintable(loadError));

    Bridge::BridgeServer server(loader.interceptor(), loader.metaData(), loadError, STDOUT_FILENO);
    Bridge::LineReader reader(STDIN_FILENO, Bridge::BridgeServer::MaxLineBytes);
    QObject::connect(&reader, &Bridge::LineReader::lineRead, &server, &Bridge::BridgeServer::takeLine);
    QObject::connect(&reader, &Bridge::LineReader::lineTooLong, &server, &Bridge::BridgeServer::takeLineTooLong);
    QObject::connect(&reader, &Bridge::LineReader::closed, &server, &Bridge::BridgeServer::inputClosed);
    server.setLineDone([&reader] { reader.lineTaken(); });
    reader.start();
    const int status = QApplication::exec();
    reader.requestInterruption();
    reader.wait();
    return loader.interceptor() ? status : 1;
}
