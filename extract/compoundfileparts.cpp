// SPDX-License-Identifier: GPL-2.0-or-later
#include "compoundfileparts.h"

#include "compoundfile.h"
#include "docextractor.h"
#include "olepropertyset.h"
#include "textsink.h"
#include "xlsextractor.h"

#include <QStringList>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

// Why a part not read is not scanned, by its storage or stream.
QString unreadReason(const QString &part)
{
    if (!CompoundFileParts::objectStorage(part + QStringLiteral("/x")).isEmpty() ||
        part.startsWith(QLatin1String("ObjectPool/")))
        return QStringLiteral("an embedded object SendGuard does not read: not scanned");
    if (part == QLatin1String("_SX_DB_CUR") || part == QLatin1String("_SX_DB"))
        return QStringLiteral("a pivot table's cache: not scanned");
    if (part.startsWith(QLatin1String("_VBA_PROJECT")) || part == QLatin1String("Macros"))
        return QStringLiteral("macros (VBA): not scanned");
    return QStringLiteral("a part SendGuard does not read: not scanned");
}

} // namespace

QString CompoundFileParts::objectStorage(const QString &streamPath)
{
    const QStringList parts = streamPath.split(QLatin1Char('/'));
    if (parts.size() >= 2 && parts.first().startsWith(QLatin1String("MBD")))
        return parts.first();
    if (parts.size() >= 3 && parts.first() == QLatin1String("ObjectPool"))
        return parts[0] + QLatin1Char('/') + parts[1];
    return {};
}

void CompoundFileParts::readOthers(const CompoundFile &file, const QSet<QString> &ownStreams,
                                   const Core::TextPlace &base, TextSink &sink, const NestedFileReader &readEmbedded)
{
    // What describes the file or an object, and holds none of its text: class and link data, a
    // printed picture, a toolbar, signatures.
    static const QSet<QString> described {QStringLiteral("\x01"
                                                         "CompObj"),
                                          QStringLiteral("\x01Ole"),
                                          QStringLiteral("\x03ObjInfo"),
                                          QStringLiteral("\x03"
                                                         "EPRINT"),
                                          QStringLiteral("\x02OlePres000"),
                                          QStringLiteral("\x03META"),
                                          QStringLiteral("\x03PIC"),
                                          QStringLiteral("XCB"),
                                          QStringLiteral("\x05"
                                                         "DigitalSignature"),
                                          QStringLiteral("_signatures"),
                                          QStringLiteral("_xmlsignatures")};
    QStringList objectsRead;
    QStringList unread;
    for (const QString &path : file.streams()) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'));
        const QString top = slash < 0 ? path : path.left(slash);
        const QString name = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
        const QString object = objectStorage(path);
        if (ownStreams.contains(path) || described.contains(name) || described.contains(top) ||
            objectsRead.contains(object))
            continue;
        if (slash < 0 && path.startsWith(QLatin1Char('\x05'))) { // a property set
            OlePropertySet::read(file, path, base, sink);
            continue;
        }
        if (!object.isEmpty() && name == QLatin1String("Package") && path == object + QStringLiteral("/Package")) {
            objectsRead.append(object);
            QString error;
            const Core::TextPlace place = base.then(Kind::Entry, object);
            if (const auto package = file.stream(path, sink.limits().maxEntryBytes, &error))
                readEmbedded(*package, QStringLiteral("Package"), place);
            else
                sink.skip(place, QStringLiteral("an embedded object: %1").arg(error));
            continue;
        }
        // An Excel or Word 97-2003 object (a table pasted as a worksheet) keeps its streams in its storage.
        if (!object.isEmpty() &&
            (path == object + QStringLiteral("/Workbook") || path == object + QStringLiteral("/WordDocument"))) {
            objectsRead.append(object);
            const Core::TextPlace place = base.then(Kind::Entry, object);
            QString error;
            if (name == QLatin1String("WordDocument"))
                DocExtractor::extractDocument(file, object + QLatin1Char('/'), place, sink);
            else if (const auto workbook = file.stream(path, sink.limits().maxEntryBytes, &error);
                     workbook && sink.takeInflated(workbook->size()))
                XlsExtractor::extractWorkbook(*workbook, place, sink);
            else
                sink.skip(place,
                          error.isEmpty() ? sink.incomplete() : QStringLiteral("an embedded object: %1").arg(error));
            continue;
        }
        const QString part = object.isEmpty() ? top : object;
        if (!unread.contains(part))
            unread.append(part);
    }
    for (const QString &part : std::as_const(unread)) {
        if (!objectsRead.contains(part))
            sink.skip(base.then(Kind::Entry, part), unreadReason(part));
    }
}

} // namespace SendGuard::Extract
