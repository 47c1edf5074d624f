// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "engine.h"

#include "scan/scanner.h"

namespace SendGuard::Bench {

// Our scanner, exactly as the plugin and the CLI use it ("sendguard"), or with the built-in
// detectors' regular expressions run by RE2 instead of the shape matcher ("sendguard-re2", the
// engine before the shape matcher).
class SendGuardEngine final : public Engine
{
public:
    explicit SendGuardEngine(Core::Scanner::Options::Engine engine = Core::Scanner::Options::Engine::Shapes);
    std::string name() const override { return m_name; }
    std::size_t scan(std::string_view text) override;

private:
    Core::Scanner m_scanner;
    std::string m_name;
};

} // namespace SendGuard::Bench
