// SPDX-License-Identifier: GPL-2.0-or-later
#include "policydetectors.h"

#include "detectors/detectorcatalog.h"
#include "detectors/masking.h"
#include "detectors/validators.h"

namespace SendGuard::Core::PolicyDetectors {

namespace {

Validation luhn(std::string_view match, const ValidationContext &)
{
    return Validators::luhnValid(Validators::digitsOf(match)) ? Validation::Confirmed : Validation::Reject;
}

// The first seven digits are a registration number's YYMMDD and century digit.
Validation registrationDate(std::string_view match, const ValidationContext &context)
{
    std::string digits = Validators::digitsOf(match);
    if (digits.size() < 7)
        return Validation::Reject;
    digits.resize(13, '0');
    const QDate birth = Validators::registrationBirthDate(digits);
    if (!birth.isValid() || (context.today.isValid() && birth > context.today))
        return Validation::Reject;
    return Validation::Plausible;
}

// Keeps a short lead so the user recognises which item it was, hides the rest.
std::string maskCustom(std::string_view match)
{
    const std::size_t digits = Validators::digitsOf(match).size();
    return Masking::maskDigits(match, digits >= 8 ? 2 : 0, 0);
}

} // namespace

QStringList validatorNames()
{
    return {QStringLiteral("none"), QStringLiteral("luhn"), QStringLiteral("rrn-date")};
}

DetectorSpec customDetectorSpec(const CustomDetector &detector)
{
    DetectorSpec spec;
    spec.id = detector.id;
    spec.severity = detector.severity;
    spec.description = detector.description;
    spec.priority = 5; // below every built-in detector: a built-in match of the same text wins
    spec.trigger = detector.minDigits > 0 ? Trigger::DigitRun : Trigger::Anywhere;
    spec.minDigits = detector.minDigits;
    spec.minGroupDigits = detector.minGroupDigits;
    spec.boundary = detector.boundary;
    spec.patterns = {{detector.pattern, detector.contextRequired ? ContextRule::Needed : ContextRule::NotNeeded, 0.7}};
    spec.contextWords = detector.contextWords;
    spec.suppressingWords = detector.suppressingWords;
    if (detector.validator == QLatin1String("luhn"))
        spec.validate = luhn;
    else if (detector.validator == QLatin1String("rrn-date"))
        spec.validate = registrationDate;
    spec.mask = maskCustom;
    return spec;
}

std::vector<DetectorSpec> detectorsFor(const Policy &policy)
{
    std::vector<DetectorSpec> detectors;
    for (DetectorSpec &spec : builtInDetectors()) {
        const auto setting = policy.detectorSettings.constFind(spec.id);
        if (setting != policy.detectorSettings.constEnd()) {
            if (!setting->enabled)
                continue;
            if (setting->severity)
                spec.severity = *setting->severity;
        }
        detectors.push_back(std::move(spec));
    }
    for (const CustomDetector &custom : policy.customDetectors)
        detectors.push_back(customDetectorSpec(custom));
    return detectors;
}

} // namespace SendGuard::Core::PolicyDetectors
