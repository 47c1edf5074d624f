// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "nestedfilereader.h"

#include "message/textplace.h"

#include <QByteArray>

namespace SendGuard::Extract {

class TextSink;

// An e-mail (.eml, RFC 5322 with MIME): its subject and the display names of its address lines
// (RFC 2047 words decoded), its text parts (quoted-printable or base64, in their charset; HTML
// with its tags dropped, what a reader sees of form fields and pictures kept), and its own
// attachments, MIME parts or files uuencoded inside the text, each handed to readAttachment to
// be read as any attachment is.
class EmlExtractor
{
public:
    static bool looksLikeEmail(const QByteArray &bytes);
    static void extract(const QByteArray &bytes, const Core::TextPlace &base, TextSink &sink,
                        const NestedFileReader &readAttachment);
};

} // namespace SendGuard::Extract
