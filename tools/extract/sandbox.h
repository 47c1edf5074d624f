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
    };

    // False with error set when a step could not be taken; the helper then refuses to parse.
    static bool enter(const Limits &limits, QString *error);
};

} // namespace SendGuard::Tools
