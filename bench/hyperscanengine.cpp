// SPDX-License-Identifier: GPL-2.0-or-later
#include "hyperscanengine.h"

#include "detectors/detectorcatalog.h"

#include <cstdio>
#include <string>
#include <vector>

namespace SendGuard::Bench {

namespace {

int countMatch(unsigned int, unsigned long long, unsigned long long, unsigned int, void *context)
{
    ++*static_cast<std::size_t *>(context);
    return 0; // go on
}

} // namespace

HyperscanEngine::HyperscanEngine()
{
    std::vector<std::string> patterns;
    for (const Core::DetectorSpec &spec : Core::builtInDetectors()) {
        for (const Core::DetectorPattern &pattern : spec.patterns)
            patterns.push_back(pattern.regex);
    }
    std::vector<const char *> expressions;
    std::vector<unsigned int> flags;
    std::vector<unsigned int> ids;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        expressions.push_back(patterns[i].c_str());
        flags.push_back(HS_FLAG_UTF8);
        ids.push_back(static_cast<unsigned int>(i));
    }
    hs_compile_error_t *error = nullptr;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned int>(expressions.size()),
                         HS_MODE_BLOCK, nullptr, &m_database, &error) != HS_SUCCESS) {
        std::fprintf(stderr, "hyperscan: pattern %d: %s\n", error->expression, error->message);
        hs_free_compile_error(error);
        m_database = nullptr;
        return;
    }
    if (hs_alloc_scratch(m_database, &m_scratch) != HS_SUCCESS) {
        hs_free_database(m_database);
        m_database = nullptr;
    }
}

HyperscanEngine::~HyperscanEngine()
{
    hs_free_scratch(m_scratch);
    hs_free_database(m_database);
}

std::size_t HyperscanEngine::scan(std::string_view text)
{
    std::size_t found = 0;
    hs_scan(m_database, text.data(), static_cast<unsigned int>(text.size()), 0, m_scratch, countMatch, &found);
    return found;
}

} // namespace SendGuard::Bench
