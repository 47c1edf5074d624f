// SPDX-License-Identifier: GPL-2.0-or-later
#include "scan/triggerbytes.h"

#include <QTest>

#include <random>
#include <string>

using namespace SendGuard::Core;

namespace {

bool isTrigger(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == '*' || c == '@' || c == 0xEF || c == 0xD9 || c == 0xDB || c == 0xDD ||
        c == 0xDF || c == 0xE0 || c == 0xE1 || c == 0xF0 || c == 0xF1;
}

// Every trigger position, one byte at a time: what each instruction set must reproduce.
std::vector<std::size_t> triggersByHand(const std::string &text)
{
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool jamo = static_cast<unsigned char>(text[i]) == 0xE1 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) >= 0x84 && static_cast<unsigned char>(text[i + 1]) <= 0x87;
        if (isTrigger(static_cast<unsigned char>(text[i])) && !jamo)
            positions.push_back(i);
    }
    return positions;
}

std::vector<std::size_t> triggersFound(const std::string &text, TriggerBytes::Instructions instructions)
{
    TriggerBytes triggers(text, instructions);
    std::vector<std::size_t> positions;
    for (std::size_t pos = 0; (pos = triggers.next(pos)) < text.size(); ++pos)
        positions.push_back(pos);
    return positions;
}

} // namespace

class TriggerBytesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindEveryTriggerWithEveryInstructionSet_data()
    {
        QTest::addColumn<int>("instructions");
        QTest::newRow("best") << int(TriggerBytes::Instructions::Best);
        QTest::newRow("sse2") << int(TriggerBytes::Instructions::Sse2);
        QTest::newRow("portable") << int(TriggerBytes::Instructions::Portable);
    }

    // Random bytes with triggers, their neighbours ('/', ':', ')', '?', 0xEE, 0xDA, 0xD8, 0xDE, 0xE2,
    // 0xE8, 0xF2, 0xF9, 0xC0 and 0x80 differ from one in one bit) and Hangul, in lengths around the
    // block size.
    void shouldFindEveryTriggerWithEveryInstructionSet()
    {
        QFETCH(int, instructions);
        const std::string alphabet = "0123456789*@/:)?+ ab\xEF\xD9\xDB\xDD\xDF\xE0\xE1\xF0\xF1\xEE\xDA\xD8\xDE"
                                     "\xE2\xE8\xF2\xF9\xC0\x80\xED\x95\x9C\x84\x87\x88\x83";
        std::mt19937 random(1129);
        for (int round = 0; round < 4000; ++round) {
            std::string text(random() % 300, ' ');
            const int density = 1 + static_cast<int>(random() % 40);
            for (char &c : text)
                c = static_cast<int>(random() % 100) < density ? alphabet[random() % alphabet.size()] : '\xEA';
            const std::vector<std::size_t> found =
                triggersFound(text, static_cast<TriggerBytes::Instructions>(instructions));
            QCOMPARE(found, triggersByHand(text));
        }
    }

    // A caller may jump ahead past triggers, and back into the block it has already seen.
    void shouldAnswerFromAnyPosition()
    {
        std::string text(200, 'a');
        text[3] = '1';
        text[70] = '@';
        text[150] = '\xEF';
        TriggerBytes triggers(text);
        QCOMPARE(triggers.next(0), std::size_t(3));
        QCOMPARE(triggers.next(4), std::size_t(70));
        QCOMPARE(triggers.next(2), std::size_t(3));
        QCOMPARE(triggers.next(71), std::size_t(150));
        QCOMPARE(triggers.next(151), text.size());
        QCOMPARE(triggers.next(text.size()), text.size());
    }
};

QTEST_GUILESS_MAIN(TriggerBytesTest)
#include "triggerbytestest.moc"
