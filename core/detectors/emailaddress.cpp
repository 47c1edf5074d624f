// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include <algorithm>
#include <iterator>

namespace SendGuard::Core::Detectors {

namespace {

// A file's name with a scale in it ("icon@2x.png", as screens' pictures are named) ends in a file
// type, which no domain people write to does.
bool endsInAFileType(std::string_view match)
{
    static constexpr std::string_view types[] = {"png", "jpg", "jpeg", "gif",  "svg",  "webp", "bmp",
                                                 "pdf", "hwp", "hwpx", "docx", "xlsx", "pptx"};
    const std::string_view last = match.substr(match.rfind('.') + 1);
    return std::any_of(std::begin(types), std::end(types), [last](std::string_view type) {
        return last.size() == type.size() && std::equal(last.begin(), last.end(), type.begin(), [](char a, char b) {
                   return (a >= 'A' && a <= 'Z' ? char(a - 'A' + 'a') : a) == b;
               });
    });
}

Validation validate(std::string_view match, const ValidationContext &)
{
    const auto at = match.find('@');
    const std::string_view local = match.substr(0, at);
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos ||
        endsInAFileType(match))
        return Validation::Reject;
    return Validation::Plausible;
}

std::string mask(std::string_view match)
{
    const auto at = match.find('@');
    return std::string(match.substr(0, 1)) + "***" + std::string(match.substr(at)); // k***@korea.kr
}

} // namespace

DetectorSpec emailAddress()
{
    const std::string label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    return {
        .id = QStringLiteral("email"),
        .severity = Severity::Low,
        .description = QStringLiteral("E-mail address"),
        .priority = 20,
        .trigger = Trigger::AtSign,
        .minDigits = 0,
        .boundary = Boundary::AddressCharacters,
        .patterns =
            {
                {"[A-Za-z0-9._%+-]+@" + label + "(?:\\." + label + ")*\\.[A-Za-z]{2,24}", ContextRule::NotNeeded, 0.9},
            },
        .validate = validate,
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
