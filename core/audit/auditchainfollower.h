// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace SendGuard::Core {

// Follows an audit trail's hash chain one line at a time, so that a trail of any size is checked
// in bounded memory: each record's "prev" must be the SHA-256 of the line before it (64 zeros for
// the first record of a trail that starts at its beginning). AuditChain::verify() is built on it.
class AuditChainFollower
{
public:
    // continuesEarlier: the trail's first file follows files rotation deleted; its first "prev"
    // cannot be checked.
    explicit AuditChainFollower(bool continuesEarlier = false);

    // The next record's line (without its newline) and its "prev"; empty when it follows, else
    // what is wrong. After a break every later line is refused too: nothing after it is sound.
    std::optional<QString> follow(QByteArrayView line, QByteArrayView prev);

    // A line that is no record at all (not JSON, too long) breaks the chain too.
    void breakHere() { m_broken = true; }
    bool broken() const { return m_broken; }

private:
    std::optional<QByteArray> m_expected;
    bool m_broken = false;
};

} // namespace SendGuard::Core
