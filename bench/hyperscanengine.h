// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "engine.h"

#include <hs/hs.h>

namespace SendGuard::Bench {

// Hyperscan in block mode with the same catalogue's patterns, all in one database. It reports
// every match end (not leftmost-first spans) and validates nothing: its best case.
class HyperscanEngine final : public Engine
{
public:
    HyperscanEngine();
    ~HyperscanEngine() override;
    HyperscanEngine(const HyperscanEngine &) = delete;
    HyperscanEngine &operator=(const HyperscanEngine &) = delete;

    bool isValid() const { return m_database != nullptr; }
    std::string name() const override { return "hyperscan"; }
    std::size_t scan(std::string_view text) override;

private:
    hs_database_t *m_database = nullptr;
    hs_scratch_t *m_scratch = nullptr;
};

} // namespace SendGuard::Bench
