// SPDX-License-Identifier: GPL-2.0-or-later
#include "compoundfileparts.h"

#include "compoundfile.h"
#include "docextractor.h"
#include "olepropertyset.h"
#include "textsink.h"
#include "xlsextractor.h"

#include <QHash>
#include <QStringList>

namespace SendGuard::Extract {

namespace {

using Kind = Core::TextPlace::Kind;

// Why a part not read is not scanned, by its storage or stream.
QString unreadReason(const QString &part)
{
    if (part.startsWith(QLatin1String("MBD")) || part.startsWith(QLatin1String("ObjectPool")))
        return QStringLiteral("an embedded object SendGuard does not read: not scanned");
    if (part == QLatin1String("_SX_DB_CUR") || part == QLatin1String("_SX_DB"))
        return QStringLiteral("a pivot table's cache: not scanned");
    if (part.startsWith(QLatin1String("_VBA_PROJECT")) || part == QLatin1String("Macros"))
        return QStringLiteral("macros (VBA): not scanned");
    if (part ==
            QLatin1String("\x06"
                          "DataSpaces") ||
        part ==
            QLatin1String("\x09"
                          "DRMContent"))
        return QStringLiteral("encrypted (rights management, IRM): not scanned");
    if (part == QLatin1String("MsoDataStore"))
        return QStringLiteral("custom XML data: not scanned");
    return QStringLiteral("a part SendGuard does not read: not scanned");
}

// The streams a reader of an embedded object's main stream reads itself.
QSet<QString> objectsOwnStreams(const QString &mainStream)
{
    if (mainStream == QLatin1String("WordDocument"))
        return {QStringLiteral("WordDocument"), QStringLiteral("0Table"), QStringLiteral("1Table"),
                QStringLiteral("Data")};
    if (mainStream == QLatin1String("Workbook"))
        return {QStringLiteral("Workbook"), QStringLiteral("Book")};
    return {mainStream};
}

// The streams `paths` of the storage `prefix` ("" the root, "ObjectPool/_1/" an object's), in
// the directory's order; an object's are handed to its own call, so each stream is looked at once
// at each level.
void readStorage(const CompoundFile &file, const QStringList &paths, const QString &prefix,
                 const QSet<QString> &ownStreams, const Core::TextPlace &base, TextSink &sink,
                 const NestedFileReader &readEmbedded, int depth)
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
    QHash<QString, QStringList> objectStreams;
    for (const QString &path : paths) {
        if (const QString object = CompoundFileParts::objectStorage(path.mid(prefix.size())); !object.isEmpty())
            objectStreams[object].append(path);
    }
    QSet<QString> objectsRead;
    QStringList unread;
    QSet<QString> unreadSet;
    for (const QString &path : paths) {
        if (sink.full())
            return;
        const QString relative = path.mid(prefix.size());
        const qsizetype slash = relative.indexOf(QLatin1Char('/'));
        const QString top = slash < 0 ? relative : relative.left(slash);
        const QString name = relative.mid(relative.lastIndexOf(QLatin1Char('/')) + 1);
        const QString object = CompoundFileParts::objectStorage(relative);
        if (ownStreams.contains(relative) || described.contains(name) || described.contains(top) ||
            objectsRead.contains(object))
            continue;
        if (slash < 0 && relative.startsWith(QLatin1Char('\x05'))) { // a property set
            OlePropertySet::read(file, path, base, sink);
            continue;
        }
        // An object read as a file (its Package: a DOCX, an XLSX), or as the Excel or Word
        // 97-2003 document its storage holds (a table pasted as a worksheet); then the rest of its
        // storage (its properties, objects inside it), as this file's.
        const bool package = name == QLatin1String("Package");
        if (!object.isEmpty() && relative == object + QLatin1Char('/') + name &&
            (package || name == QLatin1String("Workbook") || name == QLatin1String("WordDocument"))) {
            objectsRead.insert(object);
            const Core::TextPlace place = base.then(Kind::Entry, object);
            QString error;
            if (name == QLatin1String("WordDocument")) {
                DocExtractor::extractDocument(file, path.left(path.size() - name.size()), place, sink);
            } else if (const auto bytes = file.stream(path, sink.limits().maxEntryBytes, &error); !bytes) {
                sink.skip(place, QStringLiteral("an embedded object: %1").arg(error));
            } else if (package) {
                readEmbedded(*bytes, QStringLiteral("Package"), place);
            } else if (sink.takeInflated(bytes->size())) {
                XlsExtractor::extractWorkbook(*bytes, place, sink);
            } else {
                sink.skip(place, sink.incomplete());
            }
            if (depth + 1 > sink.limits().maxDepth)
                sink.skip(place, QStringLiteral("nested more than %1 deep: not scanned").arg(sink.limits().maxDepth));
            else
                readStorage(file, objectStreams.value(object), prefix + object + QLatin1Char('/'),
                            objectsOwnStreams(name), place, sink, readEmbedded, depth + 1);
            continue;
        }
        const QString part = object.isEmpty() ? top : object;
        if (!unreadSet.contains(part)) {
            unreadSet.insert(part);
            unread.append(part);
        }
    }
    for (const QString &part : std::as_const(unread)) {
        if (!objectsRead.contains(part))
            sink.skip(base.then(Kind::Entry, part), unreadReason(part));
    }
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
    readStorage(file, file.streams(), QString(), ownStreams, base, sink, readEmbedded, 0);
}

} // namespace SendGuard::Extract
