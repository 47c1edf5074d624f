// SPDX-License-Identifier: GPL-2.0-or-later
#include "olepropertyset.h"

#include "compoundfile.h"
#include "textsink.h"

#include "common/koreancodepage.h"

#include <QStringDecoder>
#include <QtEndian>

namespace SendGuard::Extract {

namespace {

constexpr quint16 ByteOrderMark = 0xFFFE;
constexpr quint32 CodePageProperty = 1;
constexpr quint16 TypeShort = 0x0002; // VT_I2, the code page's type
constexpr quint16 TypeCodePageString = 0x001E; // VT_LPSTR
constexpr quint16 TypeUnicodeString = 0x001F; // VT_LPWSTR
constexpr qint64 HeaderSize = 28; // byte order, version, system, class id, section count

// A string in the section's code page, its terminating NULs dropped.
QString decoded(QByteArrayView bytes, int codePage)
{
    if (codePage == 1200) { // UTF-16, as a section in Unicode writes it (not aligned, perhaps), to its first NUL
        QString text;
        for (qsizetype i = 0; i + 1 < bytes.size(); i += 2) {
            const quint16 unit = qFromLittleEndian<quint16>(bytes.data() + i);
            if (unit == 0)
                break;
            text += QChar(unit);
        }
        return text;
    }
    // One byte a unit: to its first NUL.
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        bytes.truncate(nul);
    if (codePage == 65001)
        return QString::fromUtf8(bytes);
    if (codePage == 949)
        return Core::KoreanCodePage::decode(bytes).text;
    QStringDecoder decoder(QByteArray("windows-") + QByteArray::number(codePage), QStringDecoder::Flag::Stateless);
    return decoder.isValid() ? decoder.decode(bytes) : QString::fromLatin1(bytes);
}

} // namespace

QStringList OlePropertySet::strings(const QByteArray &stream, QString *error)
{
    const auto u16 = [&](qint64 at) { return qFromLittleEndian<quint16>(stream.constData() + at); };
    const auto u32 = [&](qint64 at) { return qFromLittleEndian<quint32>(stream.constData() + at); };
    if (stream.isEmpty())
        return {}; // a stream kept for properties none were given
    if (stream.size() < HeaderSize || u16(0) != ByteOrderMark) {
        *error = QStringLiteral("no property set");
        return {};
    }
    const quint32 sections = u32(24);
    QStringList strings;
    // Each section: a class id (16 bytes) and its offset, after the header.
    for (quint32 s = 0; s < sections && s < 2; ++s) {
        const qint64 entry = HeaderSize + 20 * qint64(s);
        if (entry + 20 > stream.size()) {
            *error = QStringLiteral("a property section cut short");
            return {};
        }
        const qint64 section = u32(entry + 16);
        if (section + 8 > stream.size()) {
            *error = QStringLiteral("a property section past the end");
            return {};
        }
        const qint64 size = u32(section);
        const quint32 count = u32(section + 4);
        if (size < 8 || section + size > stream.size() || 8 + 8 * qint64(count) > size) {
            *error = QStringLiteral("a property section whose size lies");
            return {};
        }
        // The code page first, wherever it stands: the strings are in it.
        int codePage = 1252;
        for (quint32 p = 0; p < count; ++p) {
            const qint64 value = section + u32(section + 8 + 8 * p + 4);
            if (u32(section + 8 + 8 * p) == CodePageProperty && value + 6 <= section + size && u16(value) == TypeShort)
                codePage = u16(value + 4);
        }
        for (quint32 p = 0; p < count; ++p) {
            const quint32 id = u32(section + 8 + 8 * p);
            const qint64 value = section + u32(section + 8 + 8 * p + 4);
            if (id == 0 || id == CodePageProperty)
                continue; // the dictionary of the user's properties' names, the code page
            if (value + 4 > section + size) {
                *error = QStringLiteral("a property past its section");
                return {};
            }
            const quint16 type = u16(value);
            if (type != TypeCodePageString && type != TypeUnicodeString)
                continue;
            if (value + 8 > section + size) {
                *error = QStringLiteral("a property's text runs past its section");
                return {};
            }
            const qint64 length = qint64(u32(value + 4)) * (type == TypeUnicodeString ? 2 : 1);
            if (value + 8 + length > section + size) {
                *error = QStringLiteral("a property's text runs past its section");
                return {};
            }
            const QByteArrayView bytes(stream.constData() + value + 8, length);
            const QString text = type == TypeUnicodeString ? decoded(bytes, 1200) : decoded(bytes, codePage);
            if (!text.trimmed().isEmpty())
                strings.append(text);
        }
    }
    return strings;
}

void OlePropertySet::read(const CompoundFile &file, const QString &path, const Core::TextPlace &base, TextSink &sink)
{
    QString error;
    // Named by the stream, without its storage's path and its leading \005.
    const Core::TextPlace place =
        base.then(Core::TextPlace::Kind::Entry, path.mid(path.lastIndexOf(QLatin1Char('/')) + 2));
    const auto stream = file.stream(path, sink.limits().maxEntryBytes, &error);
    const QStringList found = stream ? strings(*stream, &error) : QStringList();
    if (!error.isEmpty())
        sink.skip(place, QStringLiteral("its properties: %1").arg(error));
    else if (!found.isEmpty())
        sink.add(place, found.join(QLatin1Char('\n')));
}

} // namespace SendGuard::Extract
