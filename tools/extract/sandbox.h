// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace SendGuard::Tools {

// Locks the extraction helper down once it has read its input, before it parses a byte of it:
// resource limits (address space, CPU time, no file written, no new process, few descriptors), no
// new privileges, and a seccomp allow-list of the system calls parsing needs (files may be opened
// for reading only: poppler reads its CMaps; no socket, no exec, no fork, no write but to the
// descriptors it has). What is not allowed fails with EPERM.
class Sandbox
{
public:
    struct Limits
    {
        qint64 addressSpaceBytes = qint64(2) << 30;
        int cpuSeconds = 20;
        // One descriptor besides 0-2 left open: the PDF reader module, opened read-only before.
        int keptDescriptor = -1;
    };

    // False with error set when a step could not be taken; the helper then refuses to parse.
    static bool enter(const Limits &limits, QString *error);

    // Where the system allows it, before enter(): new user, mount, network and IPC namespaces,
    // with empty read-only file systems over the folders that hold people's files (/home, /root,
    // /tmp, /var, /run, /srv, /mnt, /media, /opt): the parsers see /usr and /etc, nothing of the
    // user's. True when the namespaces are in place; false (and nothing changed) where user
    // namespaces are not available, which is not an error: seccomp and the limits still hold.
    static bool isolate();
};

} // namespace SendGuard::Tools
