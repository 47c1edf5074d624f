// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QSemaphore>
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
    // At most this many lines read and not yet taken: past them the reader stops reading, the
    // host's pipe fills and its writes wait, so a host that writes faster than the user answers
    // cannot make the bridge hold its lines in memory without end.
    static constexpr int MaxPendingLines = 2;

    LineReader(int descriptor, qsizetype maxLineBytes, QObject *parent = nullptr);

    // The receiver is done with a line (or a too-long report): room for the next. Any thread.
    void lineTaken() { m_room.release(); }

Q_SIGNALS:
    void lineRead(const QByteArray &line);
    void lineTooLong(qint64 bytes);
    // The host closed its end, or died: nothing more will come.
    void closed();

protected:
    void run() override;

private:
    // Passes on a whole line (skipped > 0: the size of one too long), after waiting for room;
    // false when asked to end meanwhile.
    bool handOn(const QByteArray &line, qint64 skipped);
    // Waits for room for one more line; false when asked to end meanwhile.
    bool waitForRoom();

    int m_descriptor;
    qsizetype m_maxLineBytes;
    QSemaphore m_room {MaxPendingLines};
};

} // namespace SendGuard::Bridge
