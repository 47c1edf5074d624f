// SPDX-License-Identifier: GPL-2.0-or-later
#include "policystore.h"

#include "safefile.h"

#include "common/boundedfile.h"
#include "common/enumnames.h"
#include "policy/builtinpolicy.h"
#include "policy/policycomposer.h"
#include "policy/usersettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace SendGuard::Delivery {

namespace {

// The stable names `policy status` prints, in its text and its JSON.
constexpr Core::EnumNames kindNames {std::array {
    std::pair {PolicySource::Kind::BuiltIn, u"built-in"},
    std::pair {PolicySource::Kind::Recommended, u"recommended"},
    std::pair {PolicySource::Kind::Managed, u"managed"},
    std::pair {PolicySource::Kind::Bundle, u"bundle"},
    std::pair {PolicySource::Kind::User, u"user"},
}};

constexpr Core::EnumNames stateNames {std::array {
    std::pair {PolicySource::State::Applied, u"applied"},
    std::pair {PolicySource::State::LastKnownGood, u"last known good"},
    std::pair {PolicySource::State::Rejected, u"rejected"},
    std::pair {PolicySource::State::Ignored, u"ignored"},
}};

} // namespace

QString PolicySource::kindName(Kind kind)
{
    return kindNames.name(kind);
}

QString PolicySource::stateName(State state)
{
    return stateNames.name(state);
}

QStringList PolicySource::problemLines() const
{
    QStringList lines;
    if (!problem.isEmpty())
        lines.append(QStringLiteral("%1: %2").arg(name, problem));
    for (const Core::JsonDiagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString(name));
    return lines;
}

PolicyStore::PolicyStore(PolicyRoots roots, QObject *parent)
    : QObject(parent)
    , m_roots(std::move(roots))
{
    m_reloadSoon.setSingleShot(true);
    m_reloadSoon.setInterval(250); // editors write a file in several steps
    connect(&m_reloadSoon, &QTimer::timeout, this, &PolicyStore::reload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_reloadSoon, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadSoon, qOverload<>(&QTimer::start));
    m_policy = *Core::BuiltInPolicy::read().policy;
    reload();
}

void PolicyStore::watch()
{
    m_watching = true;
    for (const QString &folder : {m_roots.recommended, m_roots.managed, QFileInfo(m_roots.user).absolutePath()}) {
        if (QDir(folder).exists() && !m_watcher.directories().contains(folder))
            m_watcher.addPath(folder);
    }
    for (const PolicySource &source : std::as_const(m_sources)) {
        if ((source.kind == PolicySource::Kind::Recommended || source.kind == PolicySource::Kind::Managed ||
             source.kind == PolicySource::Kind::User) &&
            !m_watcher.files().contains(source.name))
            m_watcher.addPath(source.name);
    }
}

void PolicyStore::setBundle(const QByteArray &document, const QString &source)
{
    m_bundle = document;
    m_bundleSource = source;
    reload();
}

QString PolicyStore::lastKnownGoodPath(const PolicySource &source) const
{
    const QByteArray key = QCryptographicHash::hash(source.name.toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_roots.state + QLatin1String("/last-known-good/") + QString::fromLatin1(key.left(32)) +
        QLatin1String(".json");
}

void PolicyStore::rememberGood(const PolicySource &source, const QByteArray &text)
{
    if (m_lastKnownGood.value(source.name) == text)
        return;
    m_lastKnownGood.insert(source.name, text);
    // Kept across restarts where the state folder is writable (a root service, or tests).
    // A user's plugin cannot write the machine's state folder: then the copy lives in memory only.
    (void)SafeFile::writeAtomically(lastKnownGoodPath(source), text);
}

std::optional<QByteArray> PolicyStore::lastKnownGood(const PolicySource &source) const
{
    if (m_lastKnownGood.contains(source.name))
        return m_lastKnownGood.value(source.name);
    const QString path = lastKnownGoodPath(source);
    QFile file(path);
    if (m_roots.isAdminOnly(path, nullptr) && file.open(QIODevice::ReadOnly))
        return file.readAll();
    return std::nullopt;
}

bool PolicyStore::applyLayer(PolicySource &source, const QByteArray &text, Core::JsonNode &merged)
{
    auto check = Core::PolicyComposer::check(merged, text, QDate::currentDate());
    source.diagnostics = std::move(check.diagnostics);
    if (!check.accepted)
        return false;
    Core::JsonNode &layer = *check.root;
    // Only managed files say where bundles come from; keys a bundle adds are handled when it is accepted.
    if (source.kind != PolicySource::Kind::Managed)
        layer.removeMember(u"remote");
    source.version = Core::PolicyComposer::versionOf(layer);
    merged = Core::PolicyComposer::merge(std::move(merged), layer);
    return true;
}

void PolicyStore::readFolder(const QString &folder, PolicySource::Kind kind, Core::JsonNode &merged)
{
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        PolicySource source;
        source.kind = kind;
        source.name = dir.absoluteFilePath(fileName);
        bool applied = false;
        if (!m_roots.isAdminOnly(source.name, &source.problem)) {
            source.state = PolicySource::State::Ignored;
        } else {
            QFile file(source.name);
            if (!file.open(QIODevice::ReadOnly)) {
                source.problem = file.errorString();
                source.state = PolicySource::State::Rejected;
            } else {
                const QByteArray text = file.readAll();
                applied = applyLayer(source, text, merged);
                if (applied)
                    rememberGood(source, text);
                else
                    source.state = PolicySource::State::Rejected;
            }
        }
        if (!applied) {
            // The version that last checked stays in force.
            if (const auto good = lastKnownGood(source)) {
                PolicySource fallback = source;
                if (applyLayer(fallback, *good, merged)) {
                    source.version = fallback.version;
                    if (source.state == PolicySource::State::Rejected)
                        source.state = PolicySource::State::LastKnownGood;
                }
            }
            for (const QString &line : source.problemLines())
                Q_EMIT problemFound(line);
        }
        m_sources.append(source);
    }
}

void PolicyStore::reload()
{
    m_sources.clear();
    Core::JsonNode merged = Core::PolicyComposer::builtIn();
    m_sources.append({PolicySource::Kind::BuiltIn,
                      QStringLiteral("built-in"),
                      PolicySource::State::Applied,
                      Core::PolicyComposer::versionOf(merged),
                      {},
                      {}});
    readFolder(m_roots.recommended, PolicySource::Kind::Recommended, merged);
    readFolder(m_roots.managed, PolicySource::Kind::Managed, merged);
    m_machineTree = merged;
    if (m_watching)
        watch(); // new files, and files replaced by an editor

    if (!m_bundle.isEmpty()) {
        PolicySource bundle {PolicySource::Kind::Bundle, m_bundleSource, PolicySource::State::Applied, 0, {}, {}};
        if (!applyLayer(bundle, m_bundle, merged)) {
            bundle.state = PolicySource::State::Rejected;
            for (const QString &line : bundle.problemLines())
                Q_EMIT problemFound(line);
        }
        m_sources.append(bundle);
    }

    const Core::PolicyReader::Result result = Core::PolicyComposer::read(merged, QDate::currentDate());
    if (!result.policy) {
        // Each layer checked on its own; this cannot happen unless the date moved under us.
        Q_EMIT problemFound(QStringLiteral("the composed policy does not read; the previous one stays in force"));
        return;
    }
    Core::Policy policy = *result.policy;

    // The user's to point anywhere: a FIFO or a device there must not hang the host.
    if (const Core::BoundedFile read = Core::BoundedFile::read(m_roots.user, 1 << 20);
        read.status == Core::BoundedFile::Status::Read) {
        const QByteArray &text = read.bytes;
        Core::UserSettings::Result stricter =
            Core::UserSettings::apply(policy, {text.constData(), std::size_t(text.size())});
        PolicySource source {PolicySource::Kind::User,        m_roots.user,
                             PolicySource::State::Applied,    0,
                             std::move(stricter.diagnostics), {}};
        // Settings that are not stricter are left out and listed; the others apply.
        for (const QString &line : source.problemLines())
            Q_EMIT problemFound(line);
        m_sources.append(source);
        policy = std::move(stricter.policy);
    }

    if (policy == m_policy)
        return;
    m_policy = std::move(policy);
    Q_EMIT policyChanged();
}

} // namespace SendGuard::Delivery
