// SPDX-License-Identifier: GPL-2.0-or-later
// A policy as IT pushes it, read and linted; one that reads is compiled (a policy's own detectors
// are RE2 patterns) and checks a message, as the plugin would do with it next.
#include "fuzzinput.h"

#include "check/messagechecker.h"
#include "policy/policyreader.h"

using namespace SendGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Core::PolicyReader::Result read = Core::PolicyReader::read(Fuzz::textOf(data, size), Fuzz::fuzzToday());
    if (!read.policy)
        return 0;
    Core::Scanner::Options options;
    options.today = Fuzz::fuzzToday();
    const Core::MessageChecker checker(*read.policy, options);
    if (!checker.isValid())
        return 0;
    Core::OutgoingMessage message;
    message.subject = QStringLiteral("주민등록번호 900101-1234567");
    message.body = QStringLiteral("홍길동 010-2345-6789, 국민 123-456-789012, kim@korea.kr, 가-2024-0012");
    message.recipients.push_back(
        {QStringLiteral("all-staff"), QStringLiteral("전 직원"), Core::RecipientType::Broadcast, 4812, {}, {}});
    (void)checker.check(message, {}, Fuzz::fuzzToday());
    return 0;
}
