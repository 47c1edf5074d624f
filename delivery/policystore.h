// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "policyroots.h"

#include "policy/policy.h"
#include "json/jsondiagnostic.h"
#include "json/jsonnode.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <vector>

namespace SendGuard::Delivery {

// One layer of the machine's policy and what became of it.
struct PolicySource
{
    enum class Kind { BuiltIn, Recommended, Managed, Bundle, User };
    enum class State {
        Applied, // in force as it is
        LastKnownGood, // the file is broken; its last good version is in force
        Rejected, // broken, and there is no good version to fall back on
        Ignored, // not admin-only: not read at all (its last good version, if any, is in force)
    };

    Kind kind = Kind::BuiltIn;
    QString name; // the file's path, "built-in", or the bundle's URL
    State state = State::Applied;
    qint64 version = 0; // the "version" the layer sets; 0 when it sets none
    std::vector<Core::JsonDiagnostic> diagnostics; // positions in the layer's own text
    QString problem; // why it was ignored

    // "FILE:LINE:COLUMN: error: field: message" lines, and the ignore reason.
    QStringList problemLines() const;
    static QString kindName(Kind kind);
    static QString stateName(State state);
};

// The effective policy: the built-in default, then recommended files, managed files (each folder
// in file-name order) and the signed bundle, composed by Core::PolicyComposer; then the user's own
// settings where they are stricter (Core::UserSettings). A
// file that does not parse or check is reported and its last known good version stays in
// force; the others apply. Watches the folders, so an edit applies without restarting the host.
class PolicyStore : public QObject
{
    Q_OBJECT

public:
    explicit PolicyStore(PolicyRoots roots, QObject *parent = nullptr);

    const PolicyRoots &roots() const { return m_roots; }

    // Reads every layer again. Emits policyChanged() when the effective policy changed.
    void reload();
    // Reloads within a moment of a change to either folder or a file in them.
    void watch();

    // The verified bundle as the top layer (empty: none). Its "remote" member is not applied:
    // only a managed file says where bundles come from.
    void setBundle(const QByteArray &document, const QString &source);

    // Built-in, recommended and managed layers merged: what a bundle is checked on.
    const Core::JsonNode &machineTree() const { return m_machineTree; }
    const Core::Policy &policy() const { return m_policy; }
    const QList<PolicySource> &sources() const { return m_sources; }

Q_SIGNALS:
    void policyChanged();
    // A log line about a layer that is not in force as written (file:line:column, never content).
    void problemFound(const QString &line);

private:
    void readFolder(const QString &folder, PolicySource::Kind kind, Core::JsonNode &merged);
    bool applyLayer(PolicySource &source, const QByteArray &text, Core::JsonNode &merged);
    QString lastKnownGoodPath(const PolicySource &source) const;
    void rememberGood(const PolicySource &source, const QByteArray &text);
    std::optional<QByteArray> lastKnownGood(const PolicySource &source) const;

    PolicyRoots m_roots;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadSoon;
    bool m_watching = false;
    QHash<QString, QByteArray> m_lastKnownGood; // by file path
    QByteArray m_bundle;
    QString m_bundleSource;
    Core::JsonNode m_machineTree;
    Core::Policy m_policy;
    QList<PolicySource> m_sources;
};

} // namespace SendGuard::Delivery
