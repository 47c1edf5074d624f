// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

#include <algorithm>
#include <array>

namespace SendGuard::Core::KoreanCodePage {

// Windows code page 949 (Unified Hangul Code: EUC-KR and the 8,822 syllables it lacks), what
// Korean Windows writes, by ICU's name for it. ICU's "CP949" is IBM's code page of that number,
// which reads none of the added syllables (똠, 쀍, 햏) and reads 0x5C as the won sign.
inline constexpr const char *Name = "windows-949";

// Whether a charset label names Korean text, which browsers and mail programs read as code page
// 949 whatever the label says (the WHATWG Encoding Standard: EUC-KR's every label).
inline bool isKoreanLabel(QByteArrayView label)
{
    static constexpr std::array<const char *, 12> labels {"euc-kr",   "ks_c_5601-1987", "ks_c_5601",   "ksc5601",
                                                          "ksc_5601", "cp949",          "windows-949", "x-windows-949",
                                                          "korean",   "csksc56011987",  "iso-ir-149",  "cseuckr"};
    const QByteArray lower = label.toByteArray().trimmed().toLower();
    return std::any_of(labels.begin(), labels.end(), [&](const char *known) { return lower == known; });
}

struct Decoded
{
    QString text;
    bool clean = true; // every byte read as a character someone wrote
};

// Bytes in code page 949 as a person reads them. Windows maps what no one writes to characters of
// private use or C1 controls (0xFF, 0x80, the rows left to users' own characters), where ICU's IBM
// code page found an error: those are as broken as a byte that reads as nothing, and each becomes
// U+FFFD. So does a lead byte at the very end, which ICU would keep for a next call.
inline Decoded decode(QByteArrayView bytes)
{
    QStringDecoder decoder(Name);
    Decoded decoded {decoder.decode(bytes)};
    decoded.text += decoder.decode(QByteArrayView("\n")); // a lead byte left is then a broken pair
    decoded.text.chop(1);
    decoded.clean = !decoder.hasError();
    for (QChar &c : decoded.text) {
        const char16_t unit = c.unicode();
        if ((unit >= 0xE000 && unit <= 0xF8FF) || (unit >= 0x80 && unit <= 0x9F)) {
            c = QChar::ReplacementCharacter;
            decoded.clean = false;
        }
    }
    return decoded;
}

} // namespace SendGuard::Core::KoreanCodePage
