// SPDX-License-Identifier: GPL-2.0-or-later
#include "sendguardengine.h"

namespace SendGuard::Bench {

SendGuardEngine::SendGuardEngine(Core::Scanner::Options::Engine engine)
    : m_scanner(Core::builtInDetectors(), Core::Scanner::Options {QDate(2026, 11, 26), 64 << 20, 0, engine})
    , m_name(engine == Core::Scanner::Options::Engine::Shapes ? "sendguard" : "sendguard-re2")
{
}

std::size_t SendGuardEngine::scan(std::string_view text)
{
    const Core::ScanResult result = m_scanner.scan(text);
    return result.complete ? result.findings.size() : 0;
}

} // namespace SendGuard::Bench
