// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "common/enumnames.h"
#include "common/localizedtext.h"
#include "detectors/detectorspec.h"
#include "detectors/severity.h"
#include "message/attachmentlimits.h"
#include "message/outgoingmessage.h"
#include "verdictlevel.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace SendGuard::Core {

// A detector an organisation defines in its policy (an employee number, a case number format).
struct CustomDetector
{
    QString id;
    QString description;
    Severity severity = Severity::Medium;
    std::string pattern; // RE2, on normalized text; no anchors: the scanner adds the boundary
    QString validator = QStringLiteral("none"); // "none", "luhn", "rrn-date"
    bool contextRequired = false; // fires only near one of contextWords
    std::vector<std::string> contextWords;
    std::vector<std::string> suppressingWords;
    int minDigits = 6; // the fewest digits any match holds: text with fewer is never looked at; 0: needs none
    int minGroupDigits = 1; // every match holds a run of at least this many digits
    Boundary boundary = Boundary::Digits;
    QStringList examples; // texts the detector must find; checked when the policy is read

    friend bool operator==(const CustomDetector &, const CustomDetector &) = default;
};

// Per built-in detector: off, or another severity.
struct DetectorSetting
{
    bool enabled = true;
    std::optional<Severity> severity;

    friend bool operator==(const DetectorSetting &, const DetectorSetting &) = default;
};

// What counts as a broadcast or external audience.
struct AudienceSettings
{
    std::vector<RecipientType> broadcastTypes {RecipientType::Broadcast}; // always a broadcast audience
    qint64 memberThreshold = 50; // a group or channel with this many members or more
    qint64 audienceThreshold = 50; // a message reaching this many people in total
    QStringList allStaffNamePatterns; // a group whose name or id contains one of these ("전체", "all staff")
    QStringList broadcastIds; // recipient ids that are always a broadcast audience
    QStringList organisationDomains; // addresses outside these are external

    friend bool operator==(const AudienceSettings &, const AudienceSettings &) = default;
};

// Which audiences a rule applies to.
enum class AudienceKind { Broadcast, External, Any };

inline constexpr EnumNames audienceKindNames {std::array {
    std::pair {AudienceKind::Broadcast, u"broadcast"},
    std::pair {AudienceKind::External, u"external"},
    std::pair {AudienceKind::Any, u"any"},
}};

// Findings × audience → verdict. A rule selects findings either by detector id or by a minimum severity.
struct PolicyRule
{
    QString id;
    QStringList detectors; // empty: select by minimumSeverity
    std::optional<Severity> minimumSeverity;
    qint64 minCount = 1;
    AudienceKind audience = AudienceKind::Broadcast;
    VerdictLevel verdict = VerdictLevel::Warn;
    LocalizedText reason; // what the dialog says when this rule decides

    friend bool operator==(const PolicyRule &, const PolicyRule &) = default;
};

// Values that are never findings: the organisation's own numbers and addresses.
struct AllowList
{
    QStringList phoneNumbers; // compared by digits: "032-440-2114" also covers "0324402114"
    QStringList domains; // e-mail addresses in these domains and their subdomains
    QStringList addresses; // exact e-mail addresses, case-insensitive

    friend bool operator==(const AllowList &, const AllowList &) = default;
};

// A time-limited permission: this sender (or department) may send these detectors' items to these
// recipients (HR mailing a roster to its own group, say). Always has an expiry.
struct Exemption
{
    QString id;
    QString sender; // a sender id, or
    QString department; // a sender department
    QStringList detectors;
    QStringList recipients; // applies only when every recipient of the message is one of these
    QDate expires; // last day it applies
    QString reason;

    friend bool operator==(const Exemption &, const Exemption &) = default;
};

// What the plugin does when it cannot check a message (scan incomplete, internal error).
enum class FailureMode {
    Confirm, // a dialog says the message could not be checked; the user may cancel or send
    Block, // the message cannot be sent
    Allow, // sent, with an audit record
};

inline constexpr EnumNames failureModeNames {std::array {
    std::pair {FailureMode::Confirm, u"confirm"},
    std::pair {FailureMode::Block, u"block"},
    std::pair {FailureMode::Allow, u"allow"},
}};

struct AuditSettings
{
    bool enabled = true;
    bool recordJustification = true;
    qint64 maxFileBytes = 10 << 20; // the local file is rotated when a record would make it larger
    bool systemLog = true; // records also go to syslog / journald

    friend bool operator==(const AuditSettings &, const AuditSettings &) = default;
};

// A signed policy bundle to fetch, and the minisign keys it must be signed with. Only a managed
// policy may name it; a bundle may add keys (key rotation), never remove the managed ones.
struct RemoteSettings
{
    QString url; // https (http only to a loopback address, for tests); empty: no remote bundle
    QStringList publicKeys; // minisign public keys, the base64 line of each .pub file
    int pollMinutes = 60; // between fetches, plus up to 10% jitter
    int timeoutSeconds = 20;
    int staleAfterDays = 7; // after the active bundle expires, how long before status says "stale"
    // Raised by IT to start a new version sequence: bundle versions compare within an epoch, so a
    // huge version signed by a key since revoked cannot lock out IT's next bundle.
    qint64 epoch = 0;

    static constexpr qint64 MaxBundleBytes = 1 << 20;

    friend bool operator==(const RemoteSettings &, const RemoteSettings &) = default;
};

// One organisation's policy: the policy document of docs/architecture.md, read and checked by PolicyReader.
struct Policy
{
    QString id;
    qint64 version = 0;
    QDate expires; // invalid: never
    QString description;
    QMap<QString, DetectorSetting> detectorSettings; // by built-in detector id
    std::vector<CustomDetector> customDetectors;
    AudienceSettings audience;
    std::vector<PolicyRule> rules;
    AllowList allowList;
    std::vector<Exemption> exemptions;
    int justificationMinLength = 10;
    LocalizedText contact; // whom to ask when a message is blocked
    FailureMode failureMode = FailureMode::Confirm;
    AuditSettings audit;
    RemoteSettings remote;
    AttachmentLimits attachments; // what reading one attachment may cost (the extraction helper)

    friend bool operator==(const Policy &, const Policy &) = default;
};

} // namespace SendGuard::Core
