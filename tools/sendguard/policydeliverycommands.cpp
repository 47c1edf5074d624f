// SPDX-License-Identifier: GPL-2.0-or-later
// sendguard policy verify and sendguard policy status: the signed bundle and the machine's
// policy sources, for IT.
#include "commands.h"

#include "commandline.h"
#include "inputtext.h"

#include "audittrail.h"
#include "bundlefetcher.h"
#include "forwardingstatus.h"
#include "policy/policycomposer.h"
#include "policystore.h"
#include "signatureverifier.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace SendGuard::Tools {

namespace {

QCommandLineOption rootOption()
{
    return {QStringLiteral("root"),
            QStringLiteral("Read recommended/, managed/ and state/ under DIR instead of the machine's folders "
                           "(as SENDGUARD_POLICY_ROOT does)."),
            QStringLiteral("DIR")};
}

Delivery::PolicyRoots roots(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.isSet(option) ? Delivery::PolicyRoots::under(parser.value(option))
                                : Delivery::PolicyRoots::fromEnvironment(QCoreApplication::applicationFilePath());
}

} // namespace

int runPolicyVerify(const QStringList &arguments)
{
    const QString command = QStringLiteral("policy verify");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks a policy bundle as a workstation would before applying it: its minisign signature (BUNDLE.minisig) "
        "against the given keys or the machine's trusted keys, then that it reads as a policy on top of the "
        "machine's managed policy, and whether the machine would take its version.\n"
        "Exit status: 0 valid, 1 invalid or refused, 2 usage error."));
    const QCommandLineOption keyOption(QStringLiteral("pubkey"),
                                       QStringLiteral("A minisign public key: a .pub file or its base64 line. "
                                                      "Repeatable. Default: the machine's trusted keys."),
                                       QStringLiteral("KEY"));
    const QCommandLineOption signatureOption(QStringLiteral("signature"),
                                             QStringLiteral("The signature file (default: BUNDLE.minisig)."),
                                             QStringLiteral("FILE"));
    const QCommandLineOption root = rootOption();
    parser.addOptions({keyOption, signatureOption, root});
    parser.addPositionalArgument(QStringLiteral("bundle"), QStringLiteral("The bundle (a policy JSON file)."),
                                 QStringLiteral("verify BUNDLE"));
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, QStringLiteral("give one bundle"));
    const QString bundlePath = parser.positionalArguments().first();
    const InputText bundle(bundlePath);
    const QString signaturePath =
        parser.isSet(signatureOption) ? parser.value(signatureOption) : bundlePath + QLatin1String(".minisig");
    const InputText signature(signaturePath);
    if (!bundle.isValid() || !signature.isValid())
        return usageError(command, bundle.isValid() ? signature.errorString() : bundle.errorString());

    Delivery::PolicyStore store(roots(parser, root));
    Delivery::BundleFetcher machine(store, nullptr);
    QList<Core::MinisignPublicKey> keys;
    for (const QString &value : parser.values(keyOption)) {
        QFile file(value);
        const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : value.toLatin1();
        QString problem;
        const auto key = Core::MinisignPublicKey::parse(text, &problem);
        if (!key)
            return usageError(command, QStringLiteral("--pubkey %1: %2").arg(value, problem));
        keys.append(*key);
    }
    if (keys.isEmpty())
        keys = machine.trustedKeys();

    QTextStream out(stdout);
    const QByteArray bytes(bundle.bytes().data(), qsizetype(bundle.bytes().size()));
    const QByteArray signatureBytes(signature.bytes().data(), qsizetype(signature.bytes().size()));
    if (bytes.size() > Core::RemoteSettings::MaxBundleBytes) {
        out << bundlePath << ": invalid: larger than " << Core::RemoteSettings::MaxBundleBytes << " bytes\n";
        return ExitFound;
    }
    const auto verified = Delivery::SignatureVerifier::verify(bytes, signatureBytes, keys);
    if (!verified.isValid()) {
        out << bundlePath << ": invalid: " << Delivery::SignatureVerifier::outcomeText(verified.outcome);
        if (!verified.keyId.isEmpty())
            out << " (signed with key " << verified.keyId << ")";
        if (!verified.error.isEmpty())
            out << ": " << verified.error;
        out << '\n';
        return ExitFound;
    }
    out << bundlePath << ": signature valid, key " << verified.keyId
        << ", trusted comment: " << QString::fromUtf8(verified.trustedComment) << '\n';
    const auto check = Core::PolicyComposer::check(store.machineTree(), bytes, QDate::currentDate());
    for (const Core::JsonDiagnostic &diagnostic : check.diagnostics)
        out << diagnostic.toString(bundlePath) << '\n';
    if (!check.accepted) {
        out << bundlePath << ": invalid: not a policy this machine can apply\n";
        return ExitFound;
    }
    const qint64 version = Core::PolicyComposer::versionOf(*check.root);
    const QDate expires = Core::PolicyComposer::expiresOf(*check.root);
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    const qint64 bundleEpoch = Core::PolicyComposer::epochOf(*check.root);
    if (bundleEpoch != store.policy().remote.epoch) {
        out << bundlePath << ": policy version " << version << "; this machine: refused: the bundle is for epoch "
            << bundleEpoch << ", the managed policy is in epoch " << store.policy().remote.epoch << '\n';
        return ExitFound;
    }
    const auto decision =
        machine.state().decide(version, hash, expires, QDate::currentDate(), store.policy().remote.epoch);
    out << bundlePath << ": policy version " << version
        << (expires.isValid() ? QStringLiteral(", expires %1").arg(expires.toString(Qt::ISODate)) : QString())
        << "; this machine: " << Delivery::BundleState::decisionText(decision) << '\n';
    const bool takes = decision == Delivery::BundleState::Decision::Accept ||
        decision == Delivery::BundleState::Decision::AlreadyActive;
    return takes ? ExitClean : ExitFound;
}

int runPolicyFetch(const QStringList &arguments)
{
    const QString command = QStringLiteral("policy fetch");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fetches the signed bundle the managed policy names, once, as the plugin does, and keeps what it accepts in "
        "the machine's state folder. Run it as root (a systemd timer: resources/systemd/): the plugin runs as the "
        "user and cannot write the machine-wide state that makes rollbacks impossible after a restart; it follows "
        "what this command accepts. Rejections go to the audit trail in the state folder and the system log.\n"
        "Exit status: 0 accepted, not modified or already in force, 1 rejected, 3 offline, 2 usage error or no "
        "bundle configured."));
    const QCommandLineOption root = rootOption();
    parser.addOption(root);
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(command, QStringLiteral("takes no arguments"));

    const Delivery::PolicyRoots policyRoots = roots(parser, root);
    // The fetch's records go to the machine's state folder, and from there on as the plugin's do.
    Delivery::AuditDestinations destinations =
        Delivery::AuditDestinations::fromEnvironment(QCoreApplication::applicationFilePath());
    destinations.file = policyRoots.state + QLatin1String("/audit.jsonl");
    Delivery::AuditTrail audit(destinations);
    Delivery::PolicyStore store(policyRoots);
    audit.configure(store.policy().audit);
    if (store.policy().remote.url.isEmpty())
        return usageError(command, QStringLiteral("no managed policy names a bundle (remote.url)"));
    Delivery::BundleFetcher fetcher(store, &audit);
    fetcher.start();
    QString result;
    QEventLoop loop;
    QObject::connect(&fetcher, &Delivery::BundleFetcher::fetchFinished, &loop, [&](const QString &text) {
        result = text;
        loop.quit();
    });
    fetcher.fetchNow();
    if (result.isEmpty())
        loop.exec();
    QTextStream(stdout) << store.policy().remote.url << ": " << result << '\n';
    if (result.startsWith(QLatin1String("rejected")))
        return ExitFound;
    if (result.startsWith(QLatin1String("offline")))
        return ExitIncomplete;
    return ExitClean;
}

int runPolicyStatus(const QStringList &arguments)
{
    const QString command = QStringLiteral("policy status");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows where this machine's policy comes from: each source (built-in, recommended, managed, bundle), "
        "whether it is in force, its version and its problems (FILE:LINE:COLUMN); the bundle's last fetch and "
        "whether it is stale; and how many of your audit records the system log or the machine's collector "
        "never got.\nExit status: 0 everything in force, 1 a source has problems or the bundle is "
        "stale, 2 usage error."));
    const QCommandLineOption root = rootOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({root, jsonOption});
    if (const auto stop = parseCommandLine(parser, arguments, command))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(command, QStringLiteral("takes no arguments"));

    const Delivery::PolicyRoots policyRoots = roots(parser, root);
    Delivery::PolicyStore store(policyRoots);
    Delivery::BundleFetcher fetcher(store, nullptr);
    fetcher.start(); // puts the accepted bundle back in force; fetches nothing now
    const Core::Policy &policy = store.policy();
    const bool stale = fetcher.isStale(QDate::currentDate());

    bool problems = stale;
    QJsonArray sources;
    for (const Delivery::PolicySource &source : store.sources()) {
        problems = problems || source.state != Delivery::PolicySource::State::Applied;
        sources.append(QJsonObject {
            {QStringLiteral("kind"), Delivery::PolicySource::kindName(source.kind)},
            {QStringLiteral("name"), source.name},
            {QStringLiteral("state"), Delivery::PolicySource::stateName(source.state)},
            {QStringLiteral("version"), source.version},
            {QStringLiteral("problems"), QJsonArray::fromStringList(source.problemLines())},
        });
    }
    const Delivery::BundleState &state = fetcher.state();
    const QJsonObject bundle {
        {QStringLiteral("url"), policy.remote.url},
        {QStringLiteral("activeVersion"), fetcher.activeVersion()},
        {QStringLiteral("expires"), fetcher.activeExpires().toString(Qt::ISODate)},
        {QStringLiteral("stale"), stale},
        {QStringLiteral("highestVersion"), state.highestVersion()},
        {QStringLiteral("lastFetch"), state.lastFetch.toString(Qt::ISODate)},
        {QStringLiteral("lastResult"), state.lastResult},
        {QStringLiteral("trustedKeys"), int(fetcher.trustedKeys().size())},
    };
    // The invoking user's forwarding: what their plugin dropped (the local file has every record).
    const QString forwardingPath = Delivery::ForwardingStatus::pathFor(
        Delivery::AuditDestinations::fromEnvironment(QCoreApplication::applicationFilePath()).file);
    const Delivery::ForwardingStatus forwarding =
        Delivery::ForwardingStatus::read(forwardingPath).value_or(Delivery::ForwardingStatus {});
    const QJsonObject forwardingJson {
        {QStringLiteral("systemLogDropped"), qint64(forwarding.systemLogDropped)},
        {QStringLiteral("collectorDropped"), qint64(forwarding.collectorDropped)},
        {QStringLiteral("lastDrop"), forwarding.lastDrop.toString(Qt::ISODateWithMs)},
    };
    QTextStream out(stdout);
    if (parser.isSet(jsonOption)) {
        const QJsonObject status {
            {QStringLiteral("policy"),
             QJsonObject {{QStringLiteral("id"), policy.id}, {QStringLiteral("version"), policy.version}}},
            {QStringLiteral("roots"),
             QJsonObject {{QStringLiteral("recommended"), policyRoots.recommended},
                          {QStringLiteral("managed"), policyRoots.managed},
                          {QStringLiteral("state"), policyRoots.state},
                          {QStringLiteral("note"), policyRoots.note}}},
            {QStringLiteral("sources"), sources},
            {QStringLiteral("bundle"), bundle},
            {QStringLiteral("auditForwarding"), forwardingJson},
        };
        out << QJsonDocument(status).toJson(QJsonDocument::Indented);
        return problems ? ExitFound : ExitClean;
    }
    out << "policy in force: " << policy.id << " version " << policy.version << '\n';
    if (!policyRoots.note.isEmpty())
        out << "note: " << policyRoots.note << '\n';
    out << "sources (lowest first):\n";
    for (const Delivery::PolicySource &source : store.sources()) {
        out << "  " << Delivery::PolicySource::kindName(source.kind) << "  " << source.name << "  "
            << Delivery::PolicySource::stateName(source.state);
        if (source.version > 0)
            out << "  version " << source.version;
        out << '\n';
        for (const QString &line : source.problemLines())
            out << "    " << line << '\n';
    }
    if (policy.remote.url.isEmpty()) {
        out << "bundle: none configured\n";
    } else {
        out << "bundle: " << policy.remote.url << '\n'
            << "  in force: "
            << (fetcher.activeVersion() > 0 ? QStringLiteral("version %1").arg(fetcher.activeVersion())
                                            : QStringLiteral("none yet"))
            << (fetcher.activeExpires().isValid()
                    ? QStringLiteral(", expires %1").arg(fetcher.activeExpires().toString(Qt::ISODate))
                    : QString())
            << (stale ? QStringLiteral(" — STALE (still enforced)") : QString()) << '\n'
            << "  last fetch: "
            << (state.lastFetch.isValid() ? state.lastFetch.toString(Qt::ISODate) : QStringLiteral("never")) << " "
            << state.lastResult << '\n'
            << "  highest version accepted: " << state.highestVersion()
            << ", trusted keys: " << fetcher.trustedKeys().size() << '\n';
    }
    out << "your audit records never forwarded: " << forwarding.systemLogDropped << " to the system log, "
        << forwarding.collectorDropped << " to the machine's collector";
    if (forwarding.lastDrop.isValid())
        out << " (last " << forwarding.lastDrop.toString(Qt::ISODate) << "; the local file has them all)";
    out << '\n';
    return problems ? ExitFound : ExitClean;
}

} // namespace SendGuard::Tools
