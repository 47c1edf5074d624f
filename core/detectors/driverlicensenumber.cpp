// SPDX-License-Identifier: GPL-2.0-or-later
#include "builtindetectors.h"

#include "masking.h"
#include "patternparts.h"

namespace SendGuard::Core::Detectors {

namespace {

std::string mask(std::string_view match)
{
    // Keep the region and year of issue: 11-12-******-** or 서울 12-******-**.
    const bool numericRegion = !match.empty() && match.front() >= '0' && match.front() <= '9';
    return Masking::maskDigits(match, numericRegion ? 4 : 2, 0);
}

} // namespace

// Region codes 11-26 and 28 (the numeric form since 2011) or the older Hangul region name,
// two digits of year, six of serial and two check digits.
DetectorSpec driverLicenseNumber()
{
    using namespace PatternParts;
    const std::string region = "(?:1[1-9]|2[0-6]|28)";
    const std::vector<std::string> regions {"11", "12", "13", "14", "15", "16", "17", "18", "19",
                                            "20", "21", "22", "23", "24", "25", "26", "28"};
    const std::vector<std::string> regionNames {"서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북",
                                                "경남", "제주", "대구", "인천", "광주", "대전", "울산",
                                                // Codes 13 and 28: Gyeonggi's south and north.
                                                "경기남부", "경기북부"};
    std::string hangulRegion = "(?:";
    std::vector<std::string> namedRegionPrefixes; // the name, then an optional separator
    for (const std::string &name : regionNames) {
        hangulRegion += (hangulRegion.size() > 3 ? "|" : "") + name;
        for (const std::string &separator : orNothing(separators()))
            namedRegionPrefixes.push_back(name + separator);
    }
    hangulRegion += ")";
    const std::string rest = std::string("\\d{2}") + Separator + "\\d{6}" + Separator + "\\d{2}";
    // As tools and wrapped text write it, after its label: a tab, a line broken after a hyphen, a
    // slash, underscore or tilde in a gap ("11-23-456789-⏎01", four cells copied together). One gap
    // at least is such, so that a licence the first shape finds is not matched and ruled on twice.
    const std::string anyGap = anySeparator();
    const std::vector<std::string> anyGaps = anySeparators();
    const std::vector<std::string> plain = separators();
    const auto wrappedShape = [&](int wrappedGap) {
        Shape shape;
        shape.literal(regions);
        const int groups[] = {2, 6, 2};
        for (int gap = 0; gap < 3; ++gap)
            shape.literal(gap < wrappedGap        ? plain
                              : gap == wrappedGap ? wrappedSeparators()
                                                  : anyGaps)
                .digits(groups[gap]);
        return shape;
    };
    const Shape restShape = Shape().digits(2).literal(separators()).digits(6).literal(separators()).digits(2);
    return {
        .id = QStringLiteral("kr-driver-license"),
        .severity = Severity::High,
        .description = QStringLiteral("Driver's licence number (운전면허번호)"),
        .priority = 60,
        .trigger = Trigger::DigitRun,
        .minDigits = 10,
        .boundary = Boundary::Digits,
        .patterns =
            {
                {region + Separator + rest, ContextRule::NotNeeded, 0.85,
                 Shape()
                     .literal(regions)
                     .literal(separators())
                     .digits(2)
                     .literal(separators())
                     .digits(6)
                     .literal(separators())
                     .digits(2)},
                {hangulRegion + "(?: ?- ?| )?" + rest, ContextRule::NotNeeded, 0.85,
                 Shape(restShape).prefix(namedRegionPrefixes)},
                {region + "\\d{10}", ContextRule::Needed, 0.7, Shape().literal(regions).digits(10)},
                // The serial and check digits run together, directly after its label: 13-24-65296230.
                {region + "-\\d{2}-\\d{8}", ContextRule::NeededDirectlyBefore, 0.7,
                 Shape().literal(regions).literal({"-"}).digits(2).literal({"-"}).digits(8)},
                {region + WrappedSeparator + "\\d{2}" + anyGap + "\\d{6}" + anyGap + "\\d{2}", ContextRule::Needed,
                 0.75, wrappedShape(0)},
                {region + Separator + "\\d{2}" + WrappedSeparator + "\\d{6}" + anyGap + "\\d{2}", ContextRule::Needed,
                 0.75, wrappedShape(1)},
                {region + Separator + "\\d{2}" + Separator + "\\d{6}" + WrappedSeparator + "\\d{2}",
                 ContextRule::Needed, 0.75, wrappedShape(2)},
            },
        .contextWords = {"운전면허", "면허번호", "면허", "driver", "licence", "license"},
        .suppressingWords = documentNumberLabels(), // "증권번호 11-23-456789-01"
        .contextExceptions = {"면허세"}, // a licence tax is no licence
        .mask = mask,
    };
}

} // namespace SendGuard::Core::Detectors
