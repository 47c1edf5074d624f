// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "message/textplace.h"

#include <QByteArray>
#include <QString>

namespace SendGuard::Extract {

class TextSink;

// Reads any attachment: tells its format by its content (never by its name alone: a file named
// .docx that is a PDF is read as a PDF) and hands it to the extractor for it. Archives (ZIP) and
// e-mails (.eml) are opened and each entry read the same way, down to the depth limit.
class DocumentExtractor
{
public:
    enum class Format {
        Text,
        Docx,
        Xlsx,
        Pptx,
        OpenDocument,
        Hwpx,
        Hwp,
        Hwp97,
        Xls, // Excel 97-2003
        Doc, // Word 97-2003
        Ppt, // PowerPoint 97-2003
        // An Office document with a password: its package encrypted inside a compound file.
        EncryptedOffice,
        BrokenCompoundFile, // a compound file that does not open: which of these it was, its name says at most
        Pdf,
        Zip,
        Eml,
        Html,
        Image,
        Unknown
    };

    static QString formatName(Format format);
    // The format by content; ZIP-based formats by the entries they hold. name helps only for text.
    static Format sniff(const QByteArray &bytes, const QString &name);

    static void extract(const QByteArray &bytes, const QString &name, const Core::TextPlace &base, TextSink &sink,
                        int depth = 0);
};

} // namespace SendGuard::Extract
