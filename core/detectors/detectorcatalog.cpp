// SPDX-License-Identifier: GPL-2.0-or-later
#include "detectorcatalog.h"

#include "builtindetectors.h"

namespace SendGuard::Core {

std::vector<DetectorSpec> builtInDetectors()
{
    using namespace Detectors;
    return {
        residentRegistrationNumber(),
        foreignerRegistrationNumber(),
        passportNumber(),
        driverLicenseNumber(),
        phoneNumber(),
        paymentCardNumber(),
        bankAccountNumber(),
        emailAddress(),
        businessRegistrationNumber(),
        maskedResidentRegistrationNumber(),
    };
}

} // namespace SendGuard::Core
