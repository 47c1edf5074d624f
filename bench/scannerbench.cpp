// SPDX-License-Identifier: GPL-2.0-or-later
// Side-by-side benchmark of the SendGuard scanner against one RE2 pass per pattern, Hyperscan
// with the same patterns, and memchr, on generated Korean civil-service text. See bench/README.md.
#include "corpusgenerator.h"
#include "engine.h"
#include "hyperscanengine.h"
#include "memchrengine.h"
#include "percentile.h"
#include "re2perpatternengine.h"
#include "sendguardengine.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <malloc.h>
#include <memory>
#include <sched.h>
#include <string>
#include <vector>

using namespace SendGuard::Bench;

namespace {

struct Settings
{
    bool smoke = false; // small inputs, few runs, correctness check only: the ctest smoke test
    double secondsPerCell = 0.5;
    std::size_t runs = 0; // exactly this many runs (for instruction counts); 0: by time
    std::string onlyEngine; // run one engine (for instruction counts); empty: all
    std::string onlySize; // one input size, e.g. "100 KB"; empty: all
    std::string onlyDensity; // none, sparse or dense; empty: all
};

struct Case
{
    std::string size;
    std::string density;
    std::vector<CorpusGenerator::Corpus> messages; // distinct messages of the same size, scanned in turn
};

struct Cell
{
    double megabytesPerSecond = 0;
    double p50Microseconds = 0;
    double p99Microseconds = 0;
    std::size_t matches = 0;
};

std::size_t heapInUse()
{
    return mallinfo2().uordblks;
}

// Runs every engine on the case in turn, one scan each per round, so that whatever else the
// machine does at a moment slows all of them alike; then each engine's median and p99.
std::vector<Cell> measure(const std::vector<Engine *> &engines, const Case &c, const Settings &settings)
{
    using Clock = std::chrono::steady_clock;
    std::vector<Cell> cells(engines.size());
    for (std::size_t e = 0; e < engines.size(); ++e) {
        for (const auto &message : c.messages)
            cells[e].matches += engines[e]->scan(message.text); // warm-up, and the match count
    }
    std::vector<std::vector<double>> nanoseconds(engines.size());
    const auto deadline = Clock::now() + std::chrono::duration<double>(settings.secondsPerCell * engines.size());
    const std::size_t minRuns = settings.smoke ? 3 : 7;
    const auto more = [&](std::size_t run) {
        return settings.runs > 0 ? run < settings.runs : run < 1000000 && (run < minRuns || Clock::now() < deadline);
    };
    for (std::size_t run = 0; more(run); ++run) {
        const std::string &text = c.messages[run % c.messages.size()].text;
        for (std::size_t e = 0; e < engines.size(); ++e) {
            const auto start = Clock::now();
            const std::size_t found = engines[e]->scan(text);
            const auto end = Clock::now();
            asm volatile("" : : "r"(found) : "memory"); // keep the scan
            nanoseconds[e].push_back(std::chrono::duration<double, std::nano>(end - start).count());
        }
    }
    const double bytes = static_cast<double>(c.messages.front().text.size());
    for (std::size_t e = 0; e < engines.size(); ++e) {
        const double median = percentile(nanoseconds[e], 0.5);
        cells[e].megabytesPerSecond = bytes / median * 1e3; // bytes per ns * 1e9 / 1e6
        cells[e].p50Microseconds = median / 1e3;
        cells[e].p99Microseconds = percentile(nanoseconds[e], 0.99) / 1e3;
    }
    return cells;
}

std::vector<Case> makeCases(const Settings &settings)
{
    struct Size
    {
        const char *label;
        std::size_t bytes;
    };
    const std::vector<Size> sizes = settings.smoke
        ? std::vector<Size> {{"1 KB", 1024}, {"100 KB", 100 * 1024}}
        : std::vector<Size> {{"1 KB", 1024}, {"10 KB", 10 * 1024}, {"100 KB", 100 * 1024}, {"10 MB", 10 << 20}};
    const std::vector<std::pair<const char *, CorpusGenerator::Density>> densities {
        {"none", CorpusGenerator::Density::None},
        {"sparse", CorpusGenerator::Density::Sparse},
        {"dense", CorpusGenerator::Density::Dense}};
    std::vector<Case> cases;
    std::uint64_t seed = 1;
    for (const auto &size : sizes) {
        if (!settings.onlySize.empty() && settings.onlySize != size.label)
            continue;
        for (const auto &[label, density] : densities) {
            if (!settings.onlyDensity.empty() && settings.onlyDensity != label)
                continue;
            Case c {size.label, label, {}};
            const int distinct = size.bytes <= 100 * 1024 ? 32 : 1;
            for (int i = 0; i < distinct; ++i)
                c.messages.push_back(CorpusGenerator(seed++).generate(size.bytes, density));
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

// Findings in MiB of generated official prose with no personal data (dates, amounts, receipt,
// document, order, waybill, guarantee and corporate numbers), both engines: every one is a false alarm.
int countFalseAlarms(std::size_t mebibytes)
{
    CorpusGenerator generator(20261129);
    const std::string text = generator.generate(mebibytes << 20, CorpusGenerator::Density::Records).text;
    int status = 0;
    using Engine = SendGuard::Core::Scanner::Options::Engine;
    for (const auto engine : {Engine::Shapes, Engine::Regex}) {
        SendGuardEngine scanner(engine);
        const std::size_t found = scanner.scan(text);
        std::printf("%s: %zu findings in %.1f MiB of official prose with no personal data\n", scanner.name().c_str(),
                    found, double(text.size()) / (1 << 20));
        status = found == 0 ? status : 1;
    }
    return status;
}

void pinToOneCore()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu(), &set);
    sched_setaffinity(0, sizeof set, &set);
}

} // namespace

int main(int argc, char *argv[])
{
    Settings settings;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            settings.smoke = true;
            settings.secondsPerCell = 0.01;
        } else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            settings.secondsPerCell = std::atof(argv[++i]);
        } else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            settings.runs = static_cast<std::size_t>(std::atol(argv[++i]));
        } else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
            settings.onlyEngine = argv[++i];
        } else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            settings.onlySize = argv[++i];
        } else if (std::strcmp(argv[i], "--density") == 0 && i + 1 < argc) {
            settings.onlyDensity = argv[++i];
        } else if (std::strcmp(argv[i], "--false-alarms") == 0 && i + 1 < argc) {
            return countFalseAlarms(static_cast<std::size_t>(std::atol(argv[++i])));
        } else {
            std::fprintf(stderr,
                         "usage: %s [--smoke] [--seconds PER_CELL] [--runs N] [--only ENGINE] [--size \"100 KB\"] "
                         "[--density D] | --false-alarms MIB\n",
                         argv[0]);
            return 2;
        }
    }
    pinToOneCore();

    struct Contender
    {
        std::unique_ptr<Engine> engine;
        std::size_t heapBytes = 0;
    };
    std::vector<Contender> contenders;
    const auto add = [&](const std::function<std::unique_ptr<Engine>()> &make) {
        const std::size_t before = heapInUse();
        std::unique_ptr<Engine> engine = make();
        contenders.push_back({std::move(engine), heapInUse() - before});
    };
    add([] { return std::make_unique<SendGuardEngine>(); });
    add([] { return std::make_unique<SendGuardEngine>(SendGuard::Core::Scanner::Options::Engine::Regex); });
    add([] { return std::make_unique<Re2PerPatternEngine>(); });
    add([]() -> std::unique_ptr<Engine> {
        auto hyperscan = std::make_unique<HyperscanEngine>();
        if (!hyperscan->isValid())
            return nullptr;
        return hyperscan;
    });
    add([] { return std::make_unique<MemchrEngine>(); });
    std::erase_if(contenders, [&](const Contender &c) {
        return !c.engine || (!settings.onlyEngine.empty() && c.engine->name() != settings.onlyEngine);
    });
    if (contenders.empty()) {
        std::fprintf(stderr, "no engine named %s\n", settings.onlyEngine.c_str());
        return 2;
    }
    const bool checkSendGuard = contenders.front().engine->name() == "sendguard";

    std::printf("Heap held by each engine's compiled catalogue:\n");
    for (const Contender &c : contenders)
        std::printf("  %-16s %8.1f KiB\n", c.engine->name().c_str(), static_cast<double>(c.heapBytes) / 1024.0);

    std::printf("\n| input | density | engine | MB/s (median) | p50 µs | p99 µs | matches | sendguard ÷ engine |\n");
    std::printf("|---|---|---|---:|---:|---:|---:|---:|\n");
    int status = 0;
    for (const Case &c : makeCases(settings)) {
        std::size_t planted = 0;
        for (const auto &message : c.messages)
            planted += message.planted;
        std::vector<Engine *> engines;
        for (const Contender &contender : contenders)
            engines.push_back(contender.engine.get());
        const std::vector<Cell> cells = measure(engines, c, settings);
        for (std::size_t i = 0; i < contenders.size(); ++i) {
            std::printf("| %s | %s | %s | %.0f | %.1f | %.1f | %zu | %.2f |\n", c.size.c_str(), c.density.c_str(),
                        contenders[i].engine->name().c_str(), cells[i].megabytesPerSecond, cells[i].p50Microseconds,
                        cells[i].p99Microseconds, cells[i].matches,
                        cells[0].megabytesPerSecond / cells[i].megabytesPerSecond);
        }
        if (checkSendGuard && cells[0].matches != planted) {
            std::fprintf(stderr, "sendguard found %zu items in the %s %s corpus, %zu were planted\n", cells[0].matches,
                         c.size.c_str(), c.density.c_str(), planted);
            status = 1;
        }
        const bool bothEngines =
            checkSendGuard && contenders.size() > 1 && contenders[1].engine->name() == "sendguard-re2";
        if (bothEngines && cells[1].matches != cells[0].matches) {
            std::fprintf(stderr, "the shape matcher found %zu items in the %s %s corpus, RE2 %zu\n", cells[0].matches,
                         c.size.c_str(), c.density.c_str(), cells[1].matches);
            status = 1;
        }
    }
    return status;
}
