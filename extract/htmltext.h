// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace SendGuard::Extract {

// An HTML page read as a person reads it in a browser or a mail program: its text without the
// tags, with what a reader sees of a form field (its value) and of a picture (its alternative
// text), character references decoded, a line break where a block ends and a tab between a row's
// cells. Used for an e-mail's HTML part and for an HTML file attached or inside an archive.
class HtmlText
{
public:
    // The text of html, as above. Text between tags that only style it ("<span>851011-</span>
    // <span>2345673") stays joined: it reads as one number.
    static QString text(const QString &html);

    // A page's bytes as text: in the charset its <meta> declares (EUC-KR, as older Korean pages
    // are written), else UTF-8, UTF-16 or CP949 as a text attachment is read; nothing when none
    // of these reads it.
    static std::optional<QString> decode(const QByteArray &bytes);
};

} // namespace SendGuard::Extract
