// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "engine.h"

#include "scan/scanner.h"

namespace SendGuard::Bench {

// Our scanner, exactly as the plugin and the CLI use it.
class SendGuardEngine final : public Engine
{
public:
    SendGuardEngine();
    std::string name() const override { return "sendguard"; }
    std::size_t scan(std::string_view text) override;

private:
    Core::Scanner m_scanner;
};

} // namespace SendGuard::Bench
