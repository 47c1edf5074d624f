// SPDX-License-Identifier: GPL-2.0-or-later
#include "patternset.h"

#include <algorithm>

namespace SendGuard::Core {

namespace {

RE2::Options optionsFor(std::int64_t memoryBudget)
{
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(memoryBudget);
    return options;
}

// One character that may stand right before a match.
const char *leadFor(Boundary boundary)
{
    switch (boundary) {
    case Boundary::Digits:
        return "[^0-9]";
    case Boundary::Alphanumeric:
        return "[^0-9A-Za-z]";
    case Boundary::AddressCharacters:
        return "[^0-9A-Za-z._%+\\-]";
    }
    return "[^0-9]";
}

std::size_t utf8Length(unsigned char lead)
{
    if (lead < 0xC0)
        return 1;
    if (lead < 0xE0)
        return 2;
    return lead < 0xF0 ? 3 : 4;
}

} // namespace

PatternSet::PatternSet(std::int64_t memoryBudget)
    : m_options(optionsFor(memoryBudget))
    , m_set(m_options, RE2::UNANCHORED)
{
}

bool PatternSet::add(const std::string &regex, Boundary boundary, std::size_t tag, QString *error)
{
    // The pattern alone first, so that an error message speaks of what its author wrote.
    const RE2 alone(regex, m_options);
    if (!alone.ok()) {
        *error = QString::fromStdString(alone.error());
        return false;
    }
    const std::string led = std::string(leadFor(boundary)) + "(?:" + regex + ")";
    auto pattern = std::make_unique<RE2>(led, m_options);
    std::string setError;
    if (!pattern->ok() || m_set.Add(led, &setError) < 0) {
        *error = QString::fromStdString(pattern->ok() ? setError : pattern->error());
        return false;
    }
    m_patterns.push_back(std::move(pattern));
    m_tags.push_back(tag);
    return true;
}

bool PatternSet::compile()
{
    return m_patterns.empty() || m_set.Compile();
}

bool PatternSet::matching(std::string_view text, std::vector<int> *patterns) const
{
    patterns->clear();
    if (m_patterns.empty())
        return true;
    RE2::Set::ErrorInfo info {RE2::Set::kNoError};
    if (m_set.Match(re2::StringPiece(text.data(), text.size()), patterns, &info))
        return true;
    return info.kind == RE2::Set::kNoError;
}

bool PatternSet::find(std::size_t pattern, std::string_view text, std::size_t pos, std::size_t until,
                      std::size_t *start, std::size_t *end) const
{
    const re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    until = std::min(until, input.size());
    if (pos >= until || !m_patterns[pattern]->Match(input, pos, until, RE2::UNANCHORED, &match, 1))
        return false;
    const auto leadStart = static_cast<std::size_t>(match.data() - input.data());
    *start = leadStart + utf8Length(static_cast<unsigned char>(text[leadStart]));
    *end = leadStart + match.size();
    return true;
}

} // namespace SendGuard::Core
