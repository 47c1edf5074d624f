// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

namespace SendGuard::Tests {

// A key pair made by the real minisign tool (SENDGUARD_MINISIGN), as IT makes one.
class MinisignKey
{
public:
    // Creates the pair in folder as <name>.pub and <name>.key, without a password.
    MinisignKey(const QDir &folder, const QString &name)
        : m_publicFile(folder.filePath(name + QLatin1String(".pub")))
        , m_secretFile(folder.filePath(name + QLatin1String(".key")))
    {
        run({QStringLiteral("-G"), QStringLiteral("-W"), QStringLiteral("-p"), m_publicFile, QStringLiteral("-s"),
             m_secretFile});
    }

    // The .pub file as minisign wrote it.
    QByteArray publicFile() const { return read(m_publicFile); }
    // Its second line: what a policy's remote.publicKeys holds.
    QString publicKey() const { return QString::fromLatin1(publicFile().split('\n').value(1).trimmed()); }
    // The key id in the first line ("minisign public key 49D882C9053D9B05").
    QString keyId() const { return QString::fromLatin1(publicFile().split('\n').value(0).split(' ').last()); }

    // Signs file (writing file.minisig) and returns the signature. legacy: minisign -l (not prehashed).
    QByteArray sign(const QString &file, const QString &trustedComment = QStringLiteral("sendguard test"),
                    bool legacy = false) const
    {
        QStringList arguments {QStringLiteral("-S"), QStringLiteral("-s"), m_secretFile, QStringLiteral("-m"), file,
                               QStringLiteral("-t"), trustedComment};
        if (legacy)
            arguments.append(QStringLiteral("-l"));
        run(arguments);
        return read(file + QLatin1String(".minisig"));
    }

private:
    static void run(const QStringList &arguments)
    {
        QProcess minisign;
        minisign.start(QStringLiteral(SENDGUARD_MINISIGN), arguments);
        if (!minisign.waitForFinished(30000) || minisign.exitStatus() != QProcess::NormalExit ||
            minisign.exitCode() != 0)
            qFatal("minisign %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                   minisign.readAllStandardError().constData());
    }
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        return file.readAll();
    }

    QString m_publicFile;
    QString m_secretFile;
};

} // namespace SendGuard::Tests
