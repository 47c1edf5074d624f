// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QThread>

namespace SendGuard::Bridge {

// Reads the host's requests, one per line, from a file descriptor (standard input) in a thread of
// its own, so that the GUI thread stays free for the dialog while the host writes. A line longer
// than maxLineBytes is not kept: it is skipped up to its newline and reported as too long.
// requestInterruption() ends it within a tenth of a second.
class LineReader : public QThread
{
    Q_OBJECT

public:
    LineReader(int descriptor, qsizetype maxLineBytes, QObject *parent = nullptr);

Q_SIGNALS:
    void lineRead(const QByteArray &line);
    void lineTooLong(qint64 bytes);
    // The host closed its end, or died: nothing more will come.
    void closed();

protected:
    void run() override;

private:
    int m_descriptor;
    qsizetype m_maxLineBytes;
};

} // namespace SendGuard::Bridge
