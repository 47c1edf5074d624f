// SPDX-License-Identifier: GPL-2.0-or-later
#include "re2perpatternengine.h"

#include "detectors/detectorcatalog.h"

namespace SendGuard::Bench {

Re2PerPatternEngine::Re2PerPatternEngine()
    : m_context {QDate(2026, 11, 26)}
{
    RE2::Options options;
    options.set_log_errors(false);
    for (const Core::DetectorSpec &spec : Core::builtInDetectors()) {
        for (const Core::DetectorPattern &pattern : spec.patterns)
            m_patterns.push_back({std::make_unique<RE2>(pattern.regex, options), spec.validate});
    }
}

std::size_t Re2PerPatternEngine::scan(std::string_view text)
{
    std::size_t found = 0;
    const re2::StringPiece input(text.data(), text.size());
    for (const Pattern &pattern : m_patterns) {
        re2::StringPiece match;
        std::size_t pos = 0;
        while (pos < input.size() && pattern.regex->Match(input, pos, input.size(), RE2::UNANCHORED, &match, 1)) {
            const auto start = static_cast<std::size_t>(match.data() - input.data());
            pos = start + std::max<std::size_t>(match.size(), 1);
            const std::string_view matched(match.data(), match.size());
            if (!pattern.validate || pattern.validate(matched, m_context) != Core::Validation::Reject)
                ++found;
        }
    }
    return found;
}

} // namespace SendGuard::Bench
