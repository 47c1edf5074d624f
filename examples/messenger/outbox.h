// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "sendguard/message.h"
#include "sendguard/senddecision.h"

#include <QString>

// What the messenger "sends": one JSON object per line appended to a file, with every recipient
// and the exact bytes of every attachment, so that tests can see what left.
class Outbox
{
public:
    explicit Outbox(QString path);

    QString path() const { return m_path; }

    // Appends message; decision is what SendGuard said (its verdict and audit id are kept).
    [[nodiscard]] bool append(const SendGuard::Message &message, const SendGuard::SendDecision &decision);
    QString errorString() const { return m_error; }

private:
    QString m_path;
    QString m_error;
};
