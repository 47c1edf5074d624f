// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "detectorspec.h"

// The built-in detectors, one file each under core/detectors/. To add one: write its file,
// declare it here and list it in builtInDetectors() (detectorcatalog.cpp).
namespace SendGuard::Core::Detectors {

DetectorSpec residentRegistrationNumber(); // kr-rrn
DetectorSpec foreignerRegistrationNumber(); // kr-frn
DetectorSpec maskedResidentRegistrationNumber(); // kr-rrn-masked
DetectorSpec passportNumber(); // kr-passport
DetectorSpec driverLicenseNumber(); // kr-driver-license
DetectorSpec phoneNumber(); // kr-phone
DetectorSpec paymentCardNumber(); // credit-card
DetectorSpec bankAccountNumber(); // kr-bank-account
DetectorSpec emailAddress(); // email
DetectorSpec businessRegistrationNumber(); // kr-business-reg

} // namespace SendGuard::Core::Detectors
