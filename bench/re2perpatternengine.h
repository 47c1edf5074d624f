// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "engine.h"

#include "detectors/detectorspec.h"

#include <re2/re2.h>

#include <memory>
#include <vector>

namespace SendGuard::Bench {

// The Presidio-style baseline: every pattern of the catalogue run over the whole text in turn,
// each match passed to the detector's validator. No prefilter, no normalization, no context.
class Re2PerPatternEngine final : public Engine
{
public:
    Re2PerPatternEngine();
    std::string name() const override { return "re2-per-pattern"; }
    std::size_t scan(std::string_view text) override;

private:
    struct Pattern
    {
        std::unique_ptr<RE2> regex;
        Core::Validation (*validate)(std::string_view, const Core::ValidationContext &);
    };
    std::vector<Pattern> m_patterns;
    Core::ValidationContext m_context;
};

} // namespace SendGuard::Bench
