// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "auditid.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace SendGuard::Core {

// One record of the audit trail about the policy itself rather than a message: a policy file that
// is broken or ignored ("policy-problem"), a signed bundle accepted ("policy-bundle-accepted") or
// refused ("policy-bundle-rejected"). Policy files and bundles hold no personal data, so the
// reason is kept as it is.
struct PolicyEvent
{
    enum class Kind { Problem, BundleAccepted, BundleRejected };

    Kind kind = Kind::Problem;
    QString id = newAuditId();
    QDateTime time = QDateTime::currentDateTimeUtc();
    QString host; // Problem: the machine reporting it
    QString source; // bundles: the URL it came from
    QString reason; // Problem: "FILE:LINE:COLUMN: …"; BundleRejected: why
    QString policyId; // BundleAccepted: the policy now in force
    qint64 version = 0; // BundleAccepted: its version; BundleRejected: the bundle's, 0 when unknown
    QString keyId; // bundles: the minisign key that signed it, when known

    static PolicyEvent problem(const QString &host, const QString &line);
    static PolicyEvent bundleAccepted(const QString &source, const QString &policyId, qint64 version,
                                      const QString &keyId);
    static PolicyEvent bundleRejected(const QString &source, const QString &reason, const QString &keyId,
                                      qint64 version);

    QJsonObject toJson() const;
};

} // namespace SendGuard::Core
