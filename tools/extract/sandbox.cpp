// SPDX-License-Identifier: GPL-2.0-or-later
#include "sandbox.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SendGuard::Tools {

namespace {

// AddressSanitizer reserves terabytes of address space for its shadow memory when the program
// starts: in the sanitizer build (CI's second configuration) a limit on address space would leave
// it none, so that one limit is left out there; every other one holds.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool Sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool Sanitized = true;
#else
constexpr bool Sanitized = false;
#endif
#else
constexpr bool Sanitized = false;
#endif

bool limit(int resource, rlim_t value, QString *error, const char *what)
{
    // Never above what is already allowed: a hard limit set lower stays (raising it would fail).
    rlimit current {};
    if (::getrlimit(resource, &current) == 0 && current.rlim_max != RLIM_INFINITY)
        value = std::min(value, current.rlim_max);
    const rlimit bound {value, value};
    if (::setrlimit(resource, &bound) == 0)
        return true;
    *error = QStringLiteral("cannot limit %1: %2").arg(QLatin1String(what), qt_error_string(errno));
    return false;
}

// What parsing needs: memory, reading what is open, writing the output, time, signals to end.
constexpr int allowed[] = {
    SCMP_SYS(read),
    SCMP_SYS(pread64),
    SCMP_SYS(readv),
    SCMP_SYS(write),
    SCMP_SYS(writev),
    SCMP_SYS(close),
    SCMP_SYS(lseek),
    SCMP_SYS(fstat),
    SCMP_SYS(newfstatat),
    SCMP_SYS(statx),
    SCMP_SYS(stat),
    SCMP_SYS(lstat),
    SCMP_SYS(access),
    SCMP_SYS(faccessat),
    SCMP_SYS(faccessat2),
    SCMP_SYS(readlink),
    SCMP_SYS(readlinkat),
    SCMP_SYS(getdents64),
    SCMP_SYS(fcntl),
    SCMP_SYS(fadvise64),
    SCMP_SYS(brk),
    SCMP_SYS(mmap),
    SCMP_SYS(munmap),
    SCMP_SYS(mremap),
    SCMP_SYS(mprotect),
    SCMP_SYS(madvise),
    SCMP_SYS(futex),
    SCMP_SYS(set_robust_list),
    SCMP_SYS(rseq),
    SCMP_SYS(getrandom),
    SCMP_SYS(clock_gettime),
    SCMP_SYS(gettimeofday),
    SCMP_SYS(clock_nanosleep),
    SCMP_SYS(nanosleep),
    SCMP_SYS(getpid),
    SCMP_SYS(gettid),
    SCMP_SYS(getuid),
    SCMP_SYS(geteuid),
    SCMP_SYS(getgid),
    SCMP_SYS(getegid),
    SCMP_SYS(uname),
    SCMP_SYS(sysinfo),
    SCMP_SYS(getcwd),
    SCMP_SYS(sched_getaffinity),
    SCMP_SYS(sched_yield),
    SCMP_SYS(prlimit64),
    SCMP_SYS(rt_sigaction),
    SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(rt_sigreturn),
    SCMP_SYS(sigaltstack),
    SCMP_SYS(tgkill),
    SCMP_SYS(exit),
    SCMP_SYS(exit_group),
};

} // namespace

bool Sandbox::isolate()
{
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC) != 0)
        return false; // no user namespaces here (a container, a hardened kernel): seccomp still holds
    // Mounts made here stay here, and the folders with people's files are empty and read-only.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return true; // the namespaces alone already cut the network off
    for (const char *folder : {"/home", "/root", "/tmp", "/var", "/run", "/srv", "/mnt", "/media", "/opt"}) {
        struct stat status
        {
        };
        if (::stat(folder, &status) == 0 && S_ISDIR(status.st_mode))
            (void)::mount("sendguard-empty", folder, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                          "size=4k,mode=0555");
    }
    return ::chdir("/") == 0; // a working folder inside a hidden one would still reach it
}

bool Sandbox::enter(const Limits &limits, QString *error)
{
    if ((!Sanitized && !limit(RLIMIT_AS, rlim_t(limits.addressSpaceBytes), error, "address space")) ||
        !limit(RLIMIT_CPU, rlim_t(limits.cpuSeconds), error, "CPU time") ||
        !limit(RLIMIT_FSIZE, 0, error, "file size") || !limit(RLIMIT_NPROC, 0, error, "processes") ||
        !limit(RLIMIT_CORE, 0, error, "core dumps") || !limit(RLIMIT_NOFILE, 32, error, "open files"))
        return false;
    // Nothing of the host's but the pipes: no inherited descriptor, no working folder in a home,
    // no controlling terminal to type into (TIOCSTI; ioctl is not allowed below either).
    if (limits.keptDescriptor > 3)
        ::close_range(3, unsigned(limits.keptDescriptor) - 1, 0);
    ::close_range(limits.keptDescriptor >= 3 ? unsigned(limits.keptDescriptor) + 1 : 3, ~0U, 0);
    if (::chdir("/") != 0 || (::setsid() < 0 && errno != EPERM)) {
        *error = QStringLiteral("cannot leave the host's session: %1").arg(qt_error_string(errno));
        return false;
    }
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        *error = QStringLiteral("cannot set no_new_privs: %1").arg(qt_error_string(errno));
        return false;
    }
    scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (!filter) {
        *error = QStringLiteral("cannot start a seccomp filter");
        return false;
    }
    int status = 0;
    for (const int call : allowed) {
        if (call >= 0 && status == 0)
            status = seccomp_rule_add(filter, SCMP_ACT_ALLOW, call, 0);
    }
    // Files are opened for reading only: nothing is created, truncated or written.
    constexpr scmp_datum_t writeFlags = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND;
    if (status == 0)
        status =
            seccomp_rule_add(filter, SCMP_ACT_ALLOW, SCMP_SYS(openat), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, writeFlags, 0));
    if (status == 0)
        status =
            seccomp_rule_add(filter, SCMP_ACT_ALLOW, SCMP_SYS(open), 1, SCMP_A1(SCMP_CMP_MASKED_EQ, writeFlags, 0));
    if (status == 0)
        status = seccomp_load(filter);
    seccomp_release(filter);
    if (status != 0) {
        *error = QStringLiteral("cannot load the seccomp filter: %1").arg(qt_error_string(-status));
        return false;
    }
    return true;
}

} // namespace SendGuard::Tools
