// SPDX-License-Identifier: GPL-2.0-or-later
// Benchmark of a whole send-time check with the built-in policy, and of recipient classification
// on very long lists. Each measurement runs beside a baseline in the same rounds, so the ratio
// holds on a noisy machine. See bench/README.md.
#include "corpusgenerator.h"
#include "percentile.h"

#include "audience/recipientclassifier.h"
#include "check/messagechecker.h"
#include "policy/builtinpolicy.h"

#include <QSet>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace SendGuard;
using namespace SendGuard::Core;
using SendGuard::Bench::percentile;

namespace {

using Clock = std::chrono::steady_clock;

// Runs the candidates in turn, round after round, and returns each one's durations in microseconds.
std::vector<std::vector<double>> interleaved(const std::vector<std::function<void()>> &candidates, std::size_t rounds)
{
    std::vector<std::vector<double>> times(candidates.size());
    for (std::size_t round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const auto start = Clock::now();
            candidates[i]();
            times[i].push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        }
    }
    return times;
}

// A city-government message: persons from several departments and a few groups, 200 in all.
std::vector<MessageRecipient> recipients(std::size_t count, std::size_t groupEvery, std::size_t externalEvery)
{
    std::vector<MessageRecipient> list;
    list.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        MessageRecipient r;
        if (groupEvery && i % groupEvery == groupEvery - 1) {
            r.id = QStringLiteral("grp:team-%1").arg(i);
            r.name = QStringLiteral("민원%1팀").arg(i);
            r.type = RecipientType::Group;
            if (i % 3 != 0)
                r.memberCount = qint64(5 + i % 40);
        } else if (externalEvery && i % externalEvery == externalEvery - 1) {
            r.id = QStringLiteral("vendor%1@example.com").arg(i);
            r.type = RecipientType::External;
        } else {
            r.id = QStringLiteral("official.%1@incheon.go.kr").arg(i % (count - count / 50)); // some repeat
            r.name = QStringLiteral("공무원%1").arg(i);
            r.department = QStringLiteral("서구청 %1과").arg(i % 30);
        }
        list.push_back(std::move(r));
    }
    return list;
}

struct Report
{
    const char *name;
    double p50;
    double p99;
};

void print(const char *unit, const std::vector<Report> &reports, double baselineP50)
{
    for (const Report &r : reports)
        std::printf("  %-34s p50 %9.1f %s   p99 %9.1f %s   p50 ÷ baseline %5.2f\n", r.name, r.p50, unit, r.p99, unit,
                    r.p50 / baselineP50);
}

} // namespace

int main(int argc, char **argv)
{
    bool smoke = false;
    std::size_t rounds = 400;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
            rounds = 5;
        } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = std::max<std::size_t>(5, std::strtoul(argv[++i], nullptr, 10));
        } else {
            std::fprintf(stderr, "usage: %s [--smoke] [--rounds N]\n", argv[0]);
            return 2;
        }
    }

    const auto policy = BuiltInPolicy::read();
    if (!policy.policy) {
        std::fprintf(stderr, "the built-in policy does not read\n");
        return 1;
    }
    const QDate today(2026, 11, 26);
    const MessageChecker checker(*policy.policy, Scanner::Options {today});
    const Scanner scanner(builtInDetectors(), Scanner::Options {today});

    // 1. A whole check: 10 KB of text with about one item per 10 KB, 200 recipients, one of them
    //    the all-staff group; ten distinct messages taken in turn.
    Bench::CorpusGenerator generator(20261126);
    std::vector<OutgoingMessage> messages;
    for (int i = 0; i < 10; ++i) {
        OutgoingMessage m;
        m.action = MessageAction::Forward;
        m.sender = {QStringLiteral("kim.yejin"), QString(), QStringLiteral("청라3동")};
        m.recipients = recipients(199, 20, 40);
        m.recipients.push_back({QStringLiteral("grp:incheon-all"), QStringLiteral("인천광역시 전체"),
                                RecipientType::Group, 4812, QString(), QString()});
        m.originalRecipients = recipients(1, 0, 0);
        m.subject = QStringLiteral("FW: 주거급여 신청서 이관");
        const std::string body = generator.generate(10 * 1024, Bench::CorpusGenerator::Density::Sparse).text;
        // One identifier in every message, so every check has a verdict to reach.
        m.body =
            QString::fromUtf8(body.data(), qsizetype(body.size())) + QStringLiteral("\n주민등록번호 850315-2345678\n");
        messages.push_back(std::move(m));
    }
    std::vector<QByteArray> bodies;
    for (const OutgoingMessage &m : messages)
        bodies.push_back(m.body.toUtf8());
    std::size_t next = 0;
    std::size_t justified = 0;
    const auto times =
        interleaved({
                        [&] {
                            const auto &b = bodies[next % bodies.size()];
                            const ScanResult r = scanner.scan(std::string_view(b.constData(), std::size_t(b.size())));
                            justified += r.findings.size() > 1000; // keeps the scan from being optimised away
                        },
                        [&] {
                            const auto result = checker.check(messages[next % messages.size()], {}, today);
                            justified += result.verdict.level >= VerdictLevel::Warn;
                            ++next;
                        },
                    },
                    rounds);
    std::printf("check of a 10 KB message with 200 recipients (built-in policy), %zu rounds\n", rounds);
    print("µs",
          {{"baseline: scan of the body alone", percentile(times[0], 0.5), percentile(times[0], 0.99)},
           {"whole check (scan, classify, decide)", percentile(times[1], 0.5), percentile(times[1], 0.99)}},
          percentile(times[0], 0.5));

    // 2. Classification of 100,000 recipients, beside the least any classifier must do: put every id
    //    in a hash set once.
    const OutgoingMessage crowd = [] {
        OutgoingMessage m;
        m.recipients = recipients(100000, 50, 100);
        return m;
    }();
    const RecipientClassifier classifier(policy.policy->audience);
    std::size_t broadcast = 0;
    const std::size_t crowdRounds = smoke ? 3 : std::max<std::size_t>(20, rounds / 10);
    const auto crowdTimes = interleaved({
                                            [&] {
                                                QSet<QString> ids;
                                                ids.reserve(qsizetype(crowd.recipients.size()));
                                                for (const MessageRecipient &r : crowd.recipients)
                                                    ids.insert(r.id.toCaseFolded());
                                                broadcast += ids.size() == 0;
                                            },
                                            [&] { broadcast += classifier.classify(crowd).broadcast; },
                                        },
                                        crowdRounds);
    auto toMs = [](std::vector<double> v) {
        for (double &x : v)
            x /= 1000.0;
        return v;
    };
    std::printf("classification of 100,000 recipients, %zu rounds\n", crowdRounds);
    print("ms",
          {{"baseline: case-folded ids into a set", percentile(toMs(crowdTimes[0]), 0.5),
            percentile(toMs(crowdTimes[0]), 0.99)},
           {"RecipientClassifier::classify", percentile(toMs(crowdTimes[1]), 0.5),
            percentile(toMs(crowdTimes[1]), 0.99)}},
          percentile(toMs(crowdTimes[0]), 0.5));

    // The smoke run checks the answers, not the speed: every message reaches all staff and holds an
    // identifier, and the crowd is a broadcast by its size.
    const Audience crowdAudience = classifier.classify(crowd);
    const bool ok = justified == rounds && crowdAudience.broadcast && crowdAudience.total.atLeast > 50000 &&
        broadcast == crowdRounds;
    if (!ok)
        std::fprintf(stderr, "unexpected answers: %zu of %zu checks warned or worse, crowd broadcast %d\n", justified,
                     rounds, int(crowdAudience.broadcast));
    return ok ? 0 : 1;
}
