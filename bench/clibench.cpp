// SPDX-License-Identifier: GPL-2.0-or-later
// `sendguard scan --json FILE`, whole process, beside `rg -c '[0-9]{6}-[0-9]{7}' FILE` (ripgrep) on
// the same files: generated office text with many numbers and no personal data, and a roster.
// They take turns every round; medians, the ratio, and each process's peak resident memory.
// With --large GB, one scan of a file of that size too, for the memory a streamed scan holds.
#include "corpusgenerator.h"
#include "percentile.h"

#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace SendGuard::Bench;

namespace {

struct Run
{
    double seconds = 0;
    double peakMiB = 0;
    int exitCode = -1;
};

// Runs argv with its output thrown away; wall time, exit code and peak resident memory. fork(),
// not posix_spawn(): a vfork()ed child would count this process's own peak (the corpus it
// generated) as its own, since the peak survives exec.
Run run(const std::vector<std::string> &argv)
{
    std::vector<char *> args;
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    Run result;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0)
        return result;
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

bool write(const std::string &path, const std::string &text, std::size_t repeat = 1)
{
    std::ofstream out(path, std::ios::binary);
    for (std::size_t i = 0; i < repeat; ++i)
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char *argv[])
{
    bool smoke = false;
    int rounds = 7;
    double largeGiB = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
            rounds = 1;
        } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--large") == 0 && i + 1 < argc) {
            largeGiB = std::atof(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: %s [--smoke] [--rounds N] [--large GIB]\n", argv[0]);
            return 2;
        }
    }
    const std::string cli = SENDGUARD_CLI;
    const std::string rg = "/usr/bin/rg";
    const bool haveRg = access(rg.c_str(), X_OK) == 0;
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    const std::string folder = dir.path().toStdString();
    struct Case
    {
        const char *name;
        std::size_t bytes;
        CorpusGenerator::Density density;
        int expectedExit; // sendguard scan: 0 nothing found, 1 found
    };
    const std::size_t scale = smoke ? 16 : 1;
    const Case cases[] = {
        {"office text, no personal data", (64u << 20) / scale, CorpusGenerator::Density::None, 0},
        {"roster", (16u << 20) / scale, CorpusGenerator::Density::Dense, 1},
    };
    int status = 0;
    std::printf("| input | size | sendguard scan --json: median s | MB/s | peak RSS MiB | rg -c: median s | peak RSS "
                "MiB | sendguard ÷ rg |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const Case &c : cases) {
        const std::string path = folder + "/input.txt";
        CorpusGenerator generator(20261129);
        if (!write(path, generator.generate(c.bytes, c.density).text))
            return 2;
        std::vector<double> ours;
        std::vector<double> theirs;
        double ourPeak = 0;
        double theirPeak = 0;
        for (int round = 0; round < rounds + 1; ++round) { // the first round warms the page cache
            const Run a = run({cli, "scan", "--json", path});
            if (a.exitCode != c.expectedExit) {
                std::fprintf(stderr, "sendguard scan exited %d on the %s, expected %d\n", a.exitCode, c.name,
                             c.expectedExit);
                status = 1;
            }
            const Run b = haveRg ? run({rg, "-c", "[0-9]{6}-[0-9]{7}", path}) : Run {};
            if (round == 0)
                continue;
            ours.push_back(a.seconds);
            theirs.push_back(b.seconds);
            ourPeak = std::max(ourPeak, a.peakMiB);
            theirPeak = std::max(theirPeak, b.peakMiB);
        }
        const double median = percentile(ours, 0.5);
        const double base = percentile(theirs, 0.5);
        std::printf("| %s | %zu MiB | %.3f | %.0f | %.0f | %.3f | %.0f | %.2f |\n", c.name, c.bytes >> 20, median,
                    double(c.bytes) / 1e6 / median, ourPeak, base, theirPeak, base > 0 ? median / base : 0.0);
    }
    if (largeGiB > 0) {
        // A large export: a 1 MiB slice with a few people in it, over and over.
        const std::string path = folder + "/large.txt";
        CorpusGenerator generator(7);
        const std::string slice = generator.generate(1 << 20, CorpusGenerator::Density::Sparse).text;
        const auto repeat = static_cast<std::size_t>(largeGiB * 1024);
        if (!write(path, slice, repeat))
            return 2;
        const Run a = run({cli, "scan", "--json", path});
        std::printf("\n%zu MiB in one file: sendguard scan --json %.1f s (%.0f MB/s), peak RSS %.0f MiB, exit %d\n",
                    slice.size() * repeat >> 20, a.seconds, double(slice.size() * repeat) / 1e6 / a.seconds, a.peakMiB,
                    a.exitCode);
        if (a.exitCode != 1)
            status = 1;
    }
    return status;
}
