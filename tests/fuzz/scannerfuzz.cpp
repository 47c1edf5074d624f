// SPDX-License-Identifier: GPL-2.0-or-later
// Normalization and the scanner with the built-in detectors, on any bytes. Besides not crashing,
// what it finds must hold together: findings inside the text, sorted and apart; the same findings
// whether the text is scanned whole, streamed in blocks (StreamScanner) or scanned as it arrives
// (GrowingTextScanner); on valid UTF-8, the same findings as the detectors' regular expressions run
// by RE2; and the masked text as long as what it masks.
#include "fuzzinput.h"

#include "common/utf8validator.h"
#include "scan/growingtextscanner.h"
#include "scan/redactor.h"
#include "scan/scanner.h"
#include "scan/streamscanner.h"

#include <cstdlib>

using namespace SendGuard;

namespace {

const Core::Scanner &scanner()
{
    static const Core::Scanner built(Core::builtInDetectors(), Core::Scanner::Options {Fuzz::fuzzToday()});
    return built;
}

// The built-in detectors' regular expressions run by RE2: the reference the shape matcher must agree with.
const Core::Scanner &regexScanner()
{
    static const Core::Scanner built(
        Core::builtInDetectors(),
        Core::Scanner::Options {Fuzz::fuzzToday(), 64 << 20, 0, Core::Scanner::Options::Engine::Regex});
    return built;
}

void require(bool condition)
{
    if (!condition)
        std::abort(); // a finding for libFuzzer, with the input that caused it
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = Fuzz::textOf(data, size);
    const Core::ScanResult whole = scanner().scan(text);
    require(whole.complete);
    for (std::size_t i = 0; i < whole.findings.size(); ++i) {
        const Core::Finding &f = whole.findings[i];
        require(f.start >= 0 && f.start < f.end && std::size_t(f.end) <= size);
        require(i == 0 || whole.findings[i - 1].end <= f.start);
        require(!f.detector.isEmpty());
    }
    (void)Core::Redactor::redact(text, whole.findings);

    // The rest holds for text, not for any bytes: StreamScanner stops at invalid UTF-8.
    if (Core::Utf8Validator::firstInvalidByte(text))
        return 0;
    (void)scanner().scan(QStringView(QString::fromUtf8(text.data(), qsizetype(text.size()))));
    // RE2 reads UTF-8 by character: before an invalid byte it finds no boundary, where the shape
    // matcher looks at the byte and may find a number. On text the two must agree.
    const Core::ScanResult reference = regexScanner().scan(text);
    require(reference.complete && reference.findings == whole.findings);

    constexpr std::size_t Block = 4096; // the smallest: most block ends for the input's size
    std::vector<Core::Finding> streamed;
    const Core::StreamScanner stream(scanner(), Block);
    const auto result = stream.scan(Core::StreamScanner::readerOver(text),
                                    [&](std::string_view, std::uint64_t, std::vector<Core::Finding> &&found) {
                                        streamed.insert(streamed.end(), found.begin(), found.end());
                                    });
    require(result.complete);
    require(streamed == whole.findings);

    Core::GrowingTextScanner growing(scanner(), Block);
    std::uint32_t state = std::uint32_t(size) * 2654435761u;
    for (std::size_t arrived = 0; arrived < size;) {
        state = state * 1664525u + 1013904223u;
        arrived = std::min(size, arrived + 1 + (state >> 8) % 9000);
        growing.advance(text.substr(0, arrived));
    }
    const Core::ScanResult grown = growing.finish(text);
    require(grown.complete);
    require(grown.findings == whole.findings);
    return 0;
}
