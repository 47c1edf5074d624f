// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <utility>

namespace SendGuard::Delivery {

// Writes SendGuard's own files (bundle state, the accepted bundle, last known good copies, the
// audit file) without ever following a symbolic link, so that a folder someone else prepared
// cannot turn a write into an overwrite of another file. The folder is opened first and checked;
// every file is then created, replaced or appended to relative to it (openat, O_NOFOLLOW).
//
// Running as root, every folder on the way must be root's and writable by no one else (a sticky
// folder such as /tmp excepted on the way, never as the folder itself): root never writes into
// a folder an ordinary user owns or could change. Running as a user, the folder must be theirs
// (or root's). Missing folders are created (0755). Errors say what was refused and why.
class SafeFile
{
public:
    // An open file or folder descriptor, closed when it goes out of scope.
    class Descriptor
    {
    public:
        explicit Descriptor(int fd = -1)
            : m_fd(fd)
        {
        }
        ~Descriptor() { reset(-1); }
        Descriptor(const Descriptor &) = delete;
        Descriptor &operator=(const Descriptor &) = delete;
        int get() const { return m_fd; }
        int release() { return std::exchange(m_fd, -1); }
        void reset(int fd);

    private:
        int m_fd;
    };

    // Replaces the file at path with bytes, all or nothing: a new file beside it, then a rename
    // over the name (a symbolic link there is replaced, never followed). Mode 0644.
    static bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error = nullptr);

    // Opens path for appending into file (created with mode 0600); refuses a link or anything
    // but a regular file.
    static bool openForAppend(const QString &path, QFile &file, QString *error = nullptr);

    // The folder at path, created when missing and checked as above, as an open descriptor the
    // caller closes; -1 with error set when refused.
    static int openFolder(const QString &path, QString *error = nullptr);

    // For a caller that does several things in one folder it opened with openFolder: name is a
    // file name in it, never a path, and no link is followed.
    // mode: ReadOnly, or WriteOnly | Append (created 0600, and only a file of the caller's own).
    static bool openAt(int folder, const QString &name, QIODevice::OpenMode mode, QFile &file,
                       QString *error = nullptr);
    static qint64 sizeAt(int folder, const QString &name); // -1: missing or not a regular file
    static bool renameAt(int folder, const QString &from, const QString &to); // a missing one: true
    static bool removeAt(int folder, const QString &name); // a missing one: true
};

} // namespace SendGuard::Delivery
