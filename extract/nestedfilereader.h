// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace SendGuard::Extract {

// Reads a file found inside another (an e-mail's attachment, an object embedded in an HWP, a file
// attached to a PDF) as an attachment of its own, one level deeper: its bytes, a name to tell its
// format by, and its place. DocumentExtractor gives one that counts the nesting limit.
using NestedFileReader =
    std::function<void(const QByteArray &bytes, const QString &name, const Core::TextPlace &place)>;

} // namespace SendGuard::Extract
