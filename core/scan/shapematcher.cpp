// SPDX-License-Identifier: GPL-2.0-or-later
#include "shapematcher.h"

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>
#include <utility>

namespace SendGuard::Core {

namespace {

using Item = Shape::Item;

constexpr std::size_t Unbounded = std::numeric_limits<std::size_t>::max();

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool onlyDigits(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return isDigit(static_cast<unsigned char>(c)); });
}

// '0'..'9' as a set of bytes.
const std::bitset<256> &digitBytes()
{
    static const std::bitset<256> digits = [] {
        std::bitset<256> bytes;
        for (int c = '0'; c <= '9'; ++c)
            bytes.set(std::size_t(c));
        return bytes;
    }();
    return digits;
}

// The shortest and the longest of some alternatives.
std::pair<std::size_t, std::size_t> lengthsOf(const std::vector<std::string> &alternatives)
{
    std::pair<std::size_t, std::size_t> lengths {Unbounded, 0};
    for (const std::string &alternative : alternatives) {
        lengths.first = std::min(lengths.first, alternative.size());
        lengths.second = std::max(lengths.second, alternative.size());
    }
    return lengths;
}

// Bytes of the mask character at text[pos] ('*', 'x', 'X', '●', '•', '○', '□'), or 0.
std::size_t maskLength(std::string_view text, std::size_t pos)
{
    const char c = text[pos];
    if (c == '*' || c == 'x' || c == 'X')
        return 1;
    if (pos + 2 < text.size() && text[pos] == '\xE2') {
        const std::string_view three = text.substr(pos, 3);
        if (three == "\xE2\x97\x8F" || three == "\xE2\x80\xA2" || three == "\xE2\x97\x8B" || three == "\xE2\x96\xA1")
            return 3;
    }
    return 0;
}

struct RunLengths
{
    std::size_t shortest = 0;
    std::size_t longest = 0;
    bool ended = false; // an item after them surely is no digit
    std::bitset<256> next; // when ended: the bytes that item can start with
};

RunLengths firstRunOf(const std::vector<Item> &items);

// How an item adds to the first run of digits; `ended` when it cannot be a digit, longest
// Unbounded when it may or may not continue the run.
RunLengths firstRunOf(const Item &item)
{
    switch (item.kind) {
    case Item::Kind::Digits:
        return {std::size_t(item.min), std::size_t(item.max), false, {}};
    case Item::Kind::ByteIn: {
        const std::size_t digits = (item.bytes & digitBytes()).count();
        if (digits == item.bytes.count())
            return {1, 1, false, {}};
        return {0, digits == 0 ? 0 : Unbounded, digits == 0, item.bytes};
    }
    case Item::Kind::Literal: {
        const bool allDigits = std::all_of(item.literals.begin(), item.literals.end(), onlyDigits);
        if (allDigits) {
            const auto [shortest, longest] = lengthsOf(item.literals);
            return {shortest, longest, false, {}};
        }
        const bool allEnd = std::all_of(item.literals.begin(), item.literals.end(), [](const std::string &literal) {
            return !literal.empty() && !isDigit(static_cast<unsigned char>(literal.front()));
        });
        return {0, allEnd ? 0 : Unbounded, allEnd, item.bytes};
    }
    case Item::Kind::Masks: {
        RunLengths lengths {0, 0, true, {}};
        for (const int c : {int('*'), int('x'), int('X'), 0xE2})
            lengths.next.set(std::size_t(c));
        return lengths;
    }
    case Item::Kind::Optional: {
        const RunLengths inner = firstRunOf(item.inner);
        return {0, inner.ended ? Unbounded : inner.longest, false, {}};
    }
    }
    return {0, Unbounded, false, {}};
}

// The lengths the first run of digits can have when the items match from its start.
RunLengths firstRunOf(const std::vector<Item> &items)
{
    RunLengths total;
    for (const Item &item : items) {
        const RunLengths part = firstRunOf(item);
        total.shortest += part.shortest;
        if (part.ended) {
            total.ended = true;
            total.next = part.next;
            return total;
        }
        if (part.longest == Unbounded) {
            total.longest = Unbounded;
            return total;
        }
        total.longest += part.longest;
    }
    // At the end of the shape a longer run would put a digit right after the match: the scanner
    // never takes such a match, so the run is at most as long as the shape.
    return total;
}

// The bytes the first item can start with.
std::bitset<256> firstBytesOf(const Item &item)
{
    return item.kind == Item::Kind::Digits ? digitBytes() : item.bytes; // ByteIn and Literal keep them
}

bool startsWithDigit(const std::vector<Item> &items)
{
    if (items.empty())
        return false;
    const Item &first = items.front();
    switch (first.kind) {
    case Item::Kind::Digits:
        return first.min > 0;
    case Item::Kind::ByteIn:
        return first.bytes.any() && firstRunOf(first).shortest == 1;
    case Item::Kind::Literal:
        return !first.literals.empty() && std::all_of(first.literals.begin(), first.literals.end(), [](const auto &l) {
            return !l.empty() && isDigit(static_cast<unsigned char>(l.front()));
        });
    case Item::Kind::Masks:
    case Item::Kind::Optional:
        return false;
    }
    return false;
}

bool onlyDigitBytes(const std::bitset<256> &bytes)
{
    return bytes.any() && (bytes & ~digitBytes()).none();
}

// The digits an item adds to the run it stands in, when it surely adds some and nothing else.
bool addsDigitsOnly(const Item &item, std::size_t *least, std::size_t *most)
{
    switch (item.kind) {
    case Item::Kind::Digits:
        *least = std::size_t(item.min);
        *most = std::size_t(item.max);
        return item.min > 0;
    case Item::Kind::ByteIn:
        *least = *most = 1;
        return onlyDigitBytes(item.bytes);
    case Item::Kind::Literal:
        if (item.literals.empty() || !std::all_of(item.literals.begin(), item.literals.end(), [](const auto &l) {
                return !l.empty() && onlyDigits(l);
            }))
            return false;
        std::tie(*least, *most) = lengthsOf(item.literals);
        return true;
    case Item::Kind::Masks:
    case Item::Kind::Optional:
        return false;
    }
    return false;
}

// Whether an item is a separator between runs: bytes without a digit, never nothing. Its shortest
// and longest length.
bool separatesRuns(const Item &item, std::size_t *shortest, std::size_t *longest)
{
    if (item.kind == Item::Kind::ByteIn) {
        *shortest = *longest = 1;
        return item.bytes.any() && !item.mayStartWithDigit;
    }
    if (item.kind != Item::Kind::Literal || item.canBeEmpty || item.literals.empty())
        return false;
    const bool anyDigit = std::any_of(item.literals.begin(), item.literals.end(), [](const std::string &literal) {
        return std::any_of(literal.begin(), literal.end(),
                           [](char c) { return isDigit(static_cast<unsigned char>(c)); });
    });
    std::tie(*shortest, *longest) = lengthsOf(item.literals);
    return !anyDigit;
}

// Whether every alternative of a literal holds a digit, and not only digits: how far into it the
// first digit stands, at least and at most.
bool digitInEvery(const Item &item, std::size_t *nearest, std::size_t *farthest)
{
    if (item.kind != Item::Kind::Literal || item.canBeEmpty || item.literals.empty())
        return false;
    *nearest = std::numeric_limits<std::size_t>::max();
    *farthest = 0;
    for (const std::string &literal : item.literals) {
        const auto digit =
            std::find_if(literal.begin(), literal.end(), [](char c) { return isDigit(static_cast<unsigned char>(c)); });
        if (digit == literal.end() || digit == literal.begin())
            return false;
        const auto at = static_cast<std::size_t>(digit - literal.begin());
        *nearest = std::min(*nearest, at);
        *farthest = std::max(*farthest, at);
    }
    return true;
}

// The digits an item that adds digits only can start with: bit d for the digit d.
std::uint16_t firstDigitsOf(const Item &item)
{
    const std::bitset<256> bytes = item.kind == Item::Kind::Digits ? digitBytes() : item.bytes;
    std::uint16_t digits = 0;
    for (int d = 0; d < 10; ++d)
        digits |= bytes.test(std::size_t('0' + d)) ? std::uint16_t(1u << d) : 0;
    return digits;
}

std::uint8_t clamped(std::size_t n, std::uint8_t most)
{
    return static_cast<std::uint8_t>(std::min<std::size_t>(n, most));
}

// The alternatives of a Literal that may match at text[pos], in order: those with the first two
// bytes (or the first) there when the item indexes them, else all (each still compared whole).
std::pair<const std::uint8_t *, std::size_t> literalCandidates(const Item &item, std::string_view text, std::size_t pos)
{
    static constexpr std::uint8_t none = 0;
    if (item.byFirstPair.empty())
        return {nullptr, item.literals.size()};
    const std::optional<std::uint16_t> key = item.indexKey(std::string_view(text.data() + pos, text.size() - pos));
    if (!key)
        return {&none, 0};
    for (const auto &[first, indices] : item.byFirstPair) {
        if (first == *key)
            return {indices.data(), indices.size()};
    }
    return {&none, 0};
}

} // namespace

bool ShapeMatcher::add(const Shape &shape, Boundary boundary, std::size_t tag, QString *error)
{
    if (!startsWithDigit(shape.items())) {
        *error = QStringLiteral("a shape must start with a digit after its prefix");
        return false;
    }
    if (m_shapes.size() >= std::numeric_limits<std::uint16_t>::max()) {
        *error = QStringLiteral("too many shapes");
        return false;
    }
    const RunLengths run = firstRunOf(shape.items());
    const std::bitset<256> firstBytes = firstBytesOf(shape.items().front());
    const auto index = static_cast<std::uint16_t>(m_shapes.size());
    CompiledShape compiled {shape, {}, 0, {}, boundary, tag, {}, {}, {}};
    for (const std::string &prefix : shape.prefixes()) {
        compiled.prefixLastBytes.set(static_cast<unsigned char>(prefix.back()));
        if (prefix.size() >= 2)
            compiled.prefixSecondLastBytes.set(static_cast<unsigned char>(prefix[prefix.size() - 2]));
        else
            compiled.prefixSecondLastBytes.set(); // a one-byte prefix: any byte before it
    }
    m_shapes.push_back(std::move(compiled));
    const Item &first = shape.items().front();
    if (first.kind == Item::Kind::Literal && !first.canBeEmpty &&
        std::all_of(first.literals.begin(), first.literals.end(),
                    [](const std::string &l) { return onlyDigits(l) && l.size() <= MaxLeadingDigits; })) {
        std::vector<std::uint64_t> &leading = m_shapes.back().leadingDigits;
        leading.assign((LeadingDigitsBase.back() + 63) / 64, 0);
        for (const std::string &alternative : first.literals) {
            const std::size_t bit = LeadingDigitsBase[alternative.size()] + std::size_t(std::stoul(alternative));
            leading[bit / 64] |= std::uint64_t {1} << (bit % 64);
        }
    }
    chainOf(m_shapes.back().shape.items(), m_shapes.back());
    std::vector<Instruction> &program = m_shapes.back().program;
    compile(m_shapes.back().shape.items(), program);
    program.push_back({}); // Match
    if (program.size() > MaxInstructions) {
        m_shapes.pop_back();
        *error = QStringLiteral("a shape has more than %1 items").arg(MaxInstructions);
        return false;
    }
    // Fewer digits leave a digit next, which only an instruction that may take one can use. The
    // end may (the caller judges what follows), and so may an optional (conservatively).
    for (std::size_t i = 0; i + 1 < program.size(); ++i) {
        const Instruction &next = program[i + 1];
        program[i].shorterCanMatch = next.op == Instruction::Op::Match || next.item->mayStartWithDigit;
    }
    for (std::size_t length = std::max<std::size_t>(1, run.shortest); length <= LongestTrackedRun; ++length) {
        if (run.longest != Unbounded && length > run.longest)
            break;
        for (int digit = 0; digit < 10; ++digit) {
            if (firstBytes.test(std::size_t('0' + digit)))
                setBit(m_byFirstRun, length * 10 + std::size_t(digit), index);
        }
    }
    // What may follow the first run: the item that ends it, or anything when the shape may end there.
    for (std::size_t byte = 0; byte < 256; ++byte) {
        if (!run.ended || run.next.test(byte))
            setBit(m_byAfterFirstRun, byte, index);
    }
    const CompiledShape &added = m_shapes.back();
    if (added.chainLength == 0) {
        for (std::size_t row = 0; row <= NoNextRun; ++row)
            setBit(m_bySecondRun, row, index);
    } else {
        const ChainRun &second = added.chain[0];
        const std::size_t longest = second.max == ShapeMatcher::Unbounded
            ? LongestTrackedRun
            : std::min<std::size_t>(second.max, LongestTrackedRun);
        for (std::size_t length = std::max<std::size_t>(1, second.min); length <= longest; ++length) {
            for (std::size_t digit = 0; digit < 10; ++digit) {
                if ((second.firstDigits >> digit & 1) != 0)
                    setBit(m_bySecondRun, length * 10 + digit, index);
            }
        }
    }
    if (added.chainLength == 0) {
        // Separators longer than a chain's, words ("900101 뒷자리 1234567"): the next run stands as
        // far on as they are long, never nearer. The end of a roster's line ("…-789012⏎17. 홍길동")
        // is no start for them.
        const auto [shortest, longest] = separationOf(shape.items());
        for (std::size_t gap = 0; gap <= NoGap; ++gap) {
            if (gap < NoGap && (gap < shortest || gap > longest))
                continue;
            for (std::size_t byte = 0; byte < 256; ++byte)
                setBit(m_byFirstGap, gap * 256 + byte, index);
        }
    } else if (const Item &gap = *added.chain[0].gap; gap.kind == Item::Kind::ByteIn) {
        for (std::size_t byte = 0; byte < 256; ++byte) {
            if (gap.bytes.test(byte))
                setBit(m_byFirstGap, 1 * 256 + byte, index);
        }
    } else {
        for (const std::string &alternative : gap.literals) {
            if (!alternative.empty() && alternative.size() <= MaxGapBytes)
                setBit(m_byFirstGap, alternative.size() * 256 + static_cast<unsigned char>(alternative.front()), index);
        }
    }
    return true;
}

void ShapeMatcher::setBit(std::vector<std::uint64_t> &rows, std::size_t row, std::size_t shape)
{
    if (shape / 64 >= m_words) {
        // Another word for every row of every table.
        const std::size_t words = shape / 64 + 1;
        for (auto *table : {&m_byFirstRun, &m_byAfterFirstRun, &m_byFirstGap, &m_bySecondRun}) {
            const std::size_t count = table == &m_byFirstRun ? Buckets
                : table == &m_byFirstGap                     ? GapRows
                : table == &m_bySecondRun                    ? NoNextRun + 1
                                                             : 256;
            std::vector<std::uint64_t> wider(count * words, 0);
            for (std::size_t r = 0; r < count && m_words > 0; ++r)
                std::copy_n(table->begin() + std::ptrdiff_t(r * m_words), m_words,
                            wider.begin() + std::ptrdiff_t(r * words));
            *table = std::move(wider);
        }
        m_words = words;
    }
    rows[row * m_words + shape / 64] |= std::uint64_t {1} << (shape % 64);
}

// The bytes between a shape's first run and its next, when what stands there is separators alone
// (bytes without a digit, never nothing) followed by digits: the lengths the text's next run of
// digits can be away. {0, Unbounded} when the shape says nothing of it.
std::pair<std::size_t, std::size_t> ShapeMatcher::separationOf(const std::vector<Shape::Item> &items)
{
    constexpr std::pair<std::size_t, std::size_t> anything {0, std::numeric_limits<std::size_t>::max()};
    std::size_t i = 0;
    std::size_t least = 0;
    std::size_t most = 0;
    while (i < items.size() && addsDigitsOnly(items[i], &least, &most))
        ++i;
    std::size_t shortest = 0;
    std::size_t longest = 0;
    for (; i < items.size(); ++i) {
        std::size_t itemShortest = 0;
        std::size_t itemLongest = 0;
        if (addsDigitsOnly(items[i], &least, &most))
            return shortest > 0 ? std::pair(shortest, longest) : anything;
        // Words that hold a digit in every alternative ("뒤 7자리"): the next run is that digit.
        if (digitInEvery(items[i], &itemShortest, &itemLongest)) {
            shortest += itemShortest;
            longest += itemLongest;
            return shortest > 0 ? std::pair(shortest, longest) : anything;
        }
        if (!separatesRuns(items[i], &itemShortest, &itemLongest))
            break;
        shortest += itemShortest;
        longest += itemLongest;
    }
    return anything;
}

// The runs after the first that every match has (ChainRun), read from the items as far as they are
// a plain chain. A run closed by a separator, or by an item that surely takes no digit first, has
// an exact length; one closed by anything else, or by the end of the shape, may go on.
void ShapeMatcher::chainOf(const std::vector<Shape::Item> &items, CompiledShape &shape)
{
    std::size_t runMin = 0;
    std::size_t runMax = 0;
    bool firstRun = true; // the buckets judge the first run
    ChainRun reading;
    const auto close = [&](bool exact) {
        if (firstRun) {
            firstRun = false;
            return true;
        }
        if (runMin == 0 || shape.chainLength == MaxChainRuns)
            return false;
        reading.min = clamped(runMin, Unbounded - 1);
        reading.max = exact ? clamped(runMax, Unbounded - 1) : Unbounded;
        shape.chain[shape.chainLength++] = reading;
        return true;
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::size_t least = 0;
        std::size_t most = 0;
        if (addsDigitsOnly(items[i], &least, &most)) {
            runMin += least;
            runMax += most;
            continue;
        }
        std::size_t shortest = 0;
        std::size_t longest = 0;
        std::size_t nextLeast = 0;
        std::size_t nextMost = 0;
        const bool separator = separatesRuns(items[i], &shortest, &longest) && i + 1 < items.size() &&
            addsDigitsOnly(items[i + 1], &nextLeast, &nextMost) && longest <= MaxGapBytes;
        if (!separator || !close(true)) {
            // The run ends here only if this item surely takes something, and no digit first: no
            // mask or digit of a count of zero, which the digits after it would join.
            const bool takesNothing = (items[i].kind == Item::Kind::Masks && items[i].min == 0) ||
                (items[i].kind == Item::Kind::Digits && items[i].max == 0);
            close(!items[i].mayStartWithDigit && !takesNothing);
            return;
        }
        reading = {
            clamped(shortest, Unbounded), clamped(longest, Unbounded), 0, 0, firstDigitsOf(items[i + 1]), &items[i]};
        runMin = runMax = 0;
    }
    // At the end of the shape, as for the first run: a longer run would put a digit right after the
    // match, which a boundary of digits never takes (a receipt number's "20241108-1234567" is no
    // broker's "20241108-123"), so a start whose last run is longer needs no try.
    close(shape.boundary != Boundary::AddressCharacters);
}

// Flattens items into instructions; the caller ends the program with Match.
void ShapeMatcher::compile(const std::vector<Shape::Item> &items, std::vector<Instruction> &program)
{
    for (const Item &item : items) {
        switch (item.kind) {
        case Item::Kind::Digits:
            program.push_back({Instruction::Op::Digits, false, item.min, item.max, 0, &item});
            break;
        case Item::Kind::ByteIn:
            program.push_back({Instruction::Op::ByteIn, false, 0, 0, 0, &item});
            break;
        case Item::Kind::Literal:
            program.push_back({Instruction::Op::Literal, false, 0, 0, 0, &item});
            break;
        case Item::Kind::Masks:
            program.push_back({Instruction::Op::Masks, false, item.min, item.max, 0, &item});
            break;
        case Item::Kind::Optional: {
            const std::size_t at = program.size();
            program.push_back({Instruction::Op::Optional, false, 0, 0, 0, &item});
            compile(item.inner, program);
            program[at].skipTo = static_cast<std::uint32_t>(program.size());
            break;
        }
        }
    }
}

// How many ASCII digits, up to `most`, stand at text[pos]: eight bytes at a time.
std::size_t ShapeMatcher::digitsAt(std::string_view text, std::size_t pos, std::size_t most)
{
    std::size_t count = 0;
    while (count < most && pos + count + 8 <= text.size()) {
        const std::size_t leading = ByteWord::leadingDigits(ByteWord::at(text, pos + count));
        count += leading;
        if (leading < 8)
            return std::min(count, most);
    }
    while (count < most && pos + count < text.size() && isDigit(text[pos + count]))
        ++count;
    return std::min(count, most);
}

bool ShapeMatcher::leadAllows(Boundary boundary, char lead)
{
    const auto c = static_cast<unsigned char>(lead);
    switch (boundary) {
    case Boundary::Digits:
        return !isDigit(c);
    case Boundary::Alphanumeric:
        return !isDigit(c) && !isLetter(c);
    case Boundary::AddressCharacters:
        return !isDigit(c) && !isLetter(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-';
    }
    return false;
}

// Backtracking in the order of preference: the first complete match is the regular expression's.
// Each choice (a shorter run of digits, the next alternative, an optional left out) waits on a
// stack; shapes are short and their quantities small, so a start costs a few dozen steps.
bool ShapeMatcher::run(const std::vector<Instruction> &program, std::string_view text, std::size_t pos,
                       std::size_t *end)
{
    struct Choice
    {
        std::uint32_t pc;
        std::uint32_t next; // Digits: the count to try; Literal: the candidate to try; Optional: unused
        std::size_t pos;
    };
    std::array<Choice, MaxInstructions> choices;
    std::size_t pending = 0;
    std::size_t pc = 0;
    // Tries the Literal at pc from its candidate `from` on; on a match, leaves a choice for the rest.
    const auto tryLiteral = [&](std::size_t at, std::size_t from) {
        const Item &item = *program[pc].item;
        const auto [indices, count] = literalCandidates(item, text, at);
        for (std::size_t k = from; k < count; ++k) {
            const std::string &literal = item.literals[indices ? indices[k] : k];
            if (endsAt(text, at + literal.size(), literal)) {
                if (k + 1 < count)
                    choices[pending++] = {static_cast<std::uint32_t>(pc), static_cast<std::uint32_t>(k + 1), at};
                pos = at + literal.size();
                return true;
            }
        }
        return false;
    };
    while (true) {
        const Instruction &instruction = program[pc];
        bool matched = true;
        switch (instruction.op) {
        case Instruction::Op::Match:
            *end = pos;
            return true;
        case Instruction::Op::Digits: {
            const auto most = static_cast<std::size_t>(instruction.max);
            const std::size_t available = digitsAt(text, pos, most);
            const auto least = static_cast<std::size_t>(instruction.min);
            if (available < least) {
                matched = false;
                break;
            }
            if (instruction.shorterCanMatch && available > least)
                choices[pending++] = {static_cast<std::uint32_t>(pc), static_cast<std::uint32_t>(available - 1), pos};
            pos += available;
            break;
        }
        case Instruction::Op::ByteIn:
            matched = pos < text.size() && instruction.item->bytes.test(static_cast<unsigned char>(text[pos]));
            pos += matched ? 1 : 0;
            break;
        case Instruction::Op::Literal: {
            // Most starts fail on the first byte: look at it before comparing the alternatives.
            const Item &item = *instruction.item;
            matched = (pos < text.size() && item.bytes.test(static_cast<unsigned char>(text[pos]))) || item.canBeEmpty;
            matched = matched && tryLiteral(pos, 0);
            break;
        }
        case Instruction::Op::Masks:
            for (int i = 0; matched && i < instruction.min; ++i) {
                const std::size_t length = pos < text.size() ? maskLength(text, pos) : 0;
                matched = length != 0;
                pos += length;
            }
            break;
        case Instruction::Op::Optional:
            choices[pending++] = {static_cast<std::uint32_t>(pc), 0, pos};
            break;
        }
        if (matched) {
            ++pc;
            continue;
        }
        // Back to the latest choice still open.
        while (true) {
            if (pending == 0)
                return false;
            const Choice choice = choices[--pending];
            pc = choice.pc;
            const Instruction &chosen = program[pc];
            if (chosen.op == Instruction::Op::Digits) {
                if (choice.next > static_cast<std::uint32_t>(chosen.min))
                    choices[pending++] = {choice.pc, choice.next - 1, choice.pos};
                pos = choice.pos + choice.next;
                ++pc;
                break;
            }
            if (chosen.op == Instruction::Op::Literal) {
                if (tryLiteral(choice.pos, choice.next)) {
                    ++pc;
                    break;
                }
                continue;
            }
            pc = chosen.skipTo; // an optional left out: on after its items
            pos = choice.pos;
            break;
        }
    }
}

} // namespace SendGuard::Core
